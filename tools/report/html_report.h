// tools/report: the activity report as one self-contained HTML page — inline SVG charts, no
// script, no network, Chinese by default, printable on A4
#pragma once

#include "core/base/localized_text.h"
#include "core/report/report_model.h"

#include <string>

namespace lantai::report {

// The summary paragraph first (ready to paste into the 活动总结), then the key figures, then each
// table with its chart; the staff's tallies in a section of their own, labelled as counted by
// hand. Every text goes through one escaping function (tools/gallery/export/html.h).
std::string htmlReport(const core::Report& report, core::Language language);

} // namespace lantai::report
