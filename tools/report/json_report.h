// tools/report: the activity report's figures as JSON for machines (fields: tools/report/REPORT.md)
#pragma once

#include "core/report/report_model.h"

#include <nlohmann/json.hpp>

namespace lantai::report {

// `sessions`, `session_seconds_median`, `items` ([{id, views, dwell_seconds}, …]), `videos`
// ([{id, plays, completed}, …]), `quiz` ({sessions, average_score, questions: [{id, answers,
// correct}, …]}), `tallies` and the rest, titles and the summary in both languages. Stable:
// `format_version` changes when a field changes meaning or goes.
nlohmann::json jsonReport(const core::Report& report);

} // namespace lantai::report
