// tools/report: the activity report as CSV for Excel on Chinese Windows — UTF-8 with a BOM, CRLF
// line ends, every table one after the other
#pragma once

#include "core/base/localized_text.h"
#include "core/report/report_model.h"

#include <string>

namespace lantai::report {

// The title, the period and the summary paragraph, then the overview and every table of
// report_tables.h: a line with the table's title, its header row, its rows, an empty line.
// Fields are quoted when they hold a comma, a quote or a line break; a text that Excel would take
// for a formula (starting with = + - @) is prefixed with an apostrophe.
std::string csvReport(const core::Report& report, core::Language language);

} // namespace lantai::report
