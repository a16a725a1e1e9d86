// tools/catalogue: what liborcus 0.17 does not read from an XLSX package — relationships with
// absolute targets (Target="/xl/worksheets/sheet1.xml", as openpyxl writes them: liborcus then
// finds no sheet), text stored inline in a sheet (<c t="inlineStr">, written by openpyxl, SXSSF
// and other streaming writers; liborcus drops it) and the 1904 date system (workbookPr date1904)
#pragma once

#include "core/base/result.h"
#include "core/catalogue/sheet.h"

#include <optional>
#include <string>
#include <string_view>

namespace lantai::core::catalogue_io {

// The package again with every relationship target made relative to its source part (an
// uncompressed ZIP), when some target is absolute; nullopt when none is (or `bytes` is no ZIP
// liborcus can open: its reader then says what is wrong).
std::optional<std::string> withRelativeTargets(std::string_view bytes);

// Fills the inline-text cells of every sheet of `book` (read from `bytes` by liborcus, sheets
// in workbook order) and sets each sheet's date1904. A package whose parts cannot be read is an
// error (catalogue.file_unreadable).
Status readXlsxPackageExtras(std::string_view bytes, Workbook& book);

} // namespace lantai::core::catalogue_io
