// tools/catalogue: XLSX and ODS workbooks read with liborcus into core's Sheet model
#pragma once

#include "core/base/result.h"
#include "core/catalogue/sheet.h"

#include <string>
#include <string_view>

namespace lantai::core::catalogue_io {

inline constexpr const char* kCatalogueFileUnreadable = "catalogue.file_unreadable";

enum class WorkbookFormat { Xlsx, Ods };

// Every sheet of the workbook in `bytes`: strings (shared and rich text), numbers with their
// number format code, booleans, ODS dates, the stored results of formulas (a formula without
// one becomes FormulaWithoutValue), merged ranges, text stored inline and the 1904 date system
// (xlsx_package.h). A file liborcus cannot read is an error (catalogue.file_unreadable) saying
// how to save it again.
Result<Workbook> readOrcusWorkbook(std::string_view bytes, WorkbookFormat format,
                                   const std::string& fileName);

} // namespace lantai::core::catalogue_io
