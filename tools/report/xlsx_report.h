// tools/report: the activity report as an Excel workbook (libxlsxwriter) — an overview sheet, one
// sheet per table, native charts staff can restyle
#pragma once

#include "core/base/localized_text.h"
#include "core/base/result.h"
#include "core/report/report_model.h"

#include <filesystem>

namespace lantai::report {

// Writes `out`: the overview sheet (title, period, booths, the summary paragraph, the key
// figures), then a sheet per table (report_tables.h) with its title, a frozen header row, numbers
// as numbers, and a native bar or column chart where the table has one (Excel's own chart
// objects: staff change their colours and titles in Excel). Written to a temporary file beside
// `out` and renamed, so `out` is never half-written. report.write_failed when it cannot be.
core::Status writeXlsxReport(const core::Report& report, core::Language language,
                             const std::filesystem::path& out);

} // namespace lantai::report
