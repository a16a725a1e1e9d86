// tools/report: a bar chart as inline SVG (no script, no network) for the HTML report
#pragma once

#include "tools/report/report_tables.h"

#include <string>

namespace lantai::report {

// The chart of `table` (its `chart` must be set): horizontal bars with the labels at their left,
// or columns with the labels below (turned when there are many). Every number is drawn beside
// its bar, so the chart reads without the table. Colours come from the report's stylesheet
// (class names), so it prints in black and white as well.
std::string svgChart(const ReportTable& table);

} // namespace lantai::report
