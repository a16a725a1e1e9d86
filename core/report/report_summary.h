// core/report: the summary paragraph of the activity report, ready to paste into the archive's
// 活动总结 ("活动期间，展台共接待互动 N 人次，…")
#pragma once

#include "core/base/localized_text.h"
#include "core/report/report_model.h"

#include <string>

namespace lantai::core {

// Sessions (average and median length), the busiest hour, items and the most viewed, videos, the
// quiz, class contests, then the staff's own counts, clearly attributed. A sentence whose figure
// is zero is left out.
std::string reportSummary(const Report& report, Language language);

} // namespace lantai::core
