// tools/report: writing the report in the format its file name asks for (.html, .xlsx, .csv,
// .json)
#pragma once

#include "core/base/localized_text.h"
#include "core/base/result.h"
#include "core/report/report_model.h"

#include <filesystem>
#include <string>

namespace lantai::report {

// "html", "xlsx", "csv" or "json" from the extension (any case); "" for anything else.
std::string reportFormatOf(const std::filesystem::path& out);

// Writes `report` to `out` in the format of its extension, atomically (the file is complete or
// untouched). report.unknown_format for another extension, the file error otherwise.
core::Status writeReport(const core::Report& report, core::Language language,
                         const std::filesystem::path& out);

} // namespace lantai::report
