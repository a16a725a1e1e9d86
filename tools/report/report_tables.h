// tools/report: the report as titled tables (and which of them carry a chart) — the one layout
// the HTML, XLSX and CSV writers render, so the three cannot disagree
#pragma once

#include "core/base/localized_text.h"
#include "core/report/report_model.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lantai::report {

// A cell: its text as printed, and its number when it is one (a spreadsheet keeps it a number).
struct ReportCell {
    std::string text;
    std::optional<double> number;
};

// A bar chart of one column against the first: `rows` rows at most (the first ones).
struct ReportChart {
    bool horizontal = false; // bars (long names: items, questions) or columns (days, hours)
    int valueColumn = 1;
    std::size_t rows = 0;
};

struct ReportTable {
    std::string key;     // "days", "items", … (stable: anchors, sheet order, tests)
    std::string title;   // in the report's language
    std::string sheet;   // a spreadsheet tab's name (≤ 31 characters, none of []:*?/\)
    bool manual = false; // the staff's counts, not the kiosk's
    std::vector<std::string> columns;
    std::vector<bool> numeric; // per column: right-aligned numbers
    std::vector<std::vector<ReportCell>> rows;
    std::optional<ReportChart> chart;
};

// `text` cut to at most `maxChars` characters (code points), ending in `mark` when cut.
std::string cutText(const std::string& text, std::size_t maxChars, const std::string& mark);

// The key figures (figure, value) of the overview.
ReportTable overviewTable(const core::Report& report, core::Language language);
// Every table after the overview, in the order the report shows them: days, hours, items (by
// views and by dwell), exhibitions, parts, the funnel, videos, questions, age groups, contests,
// languages, the staff's tallies, the booths.
std::vector<ReportTable> reportTables(const core::Report& report, core::Language language);

} // namespace lantai::report
