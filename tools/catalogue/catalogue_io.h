// tools/catalogue: catalogue spreadsheets on disk — reading XLSX and ODS (liborcus) and CSV into
// core's Sheet model, writing the export table as XLSX (libxlsxwriter) or CSV for Excel
#pragma once

#include "core/base/result.h"
#include "core/catalogue/catalogue_export.h"
#include "core/catalogue/sheet.h"

#include <filesystem>
#include <string>

namespace lantai::core::catalogue_io {

// The largest file read (a 10,000-row catalogue is about 1 MB as XLSX).
inline constexpr std::size_t kMaxCatalogueFileBytes = std::size_t{256} << 20;

struct ReadOptions {
    std::string encoding; // CSV: "" (detect), "utf-8" or "gb18030"
};

// Reads `file` by its content: a ZIP holding xl/workbook.xml is XLSX, one holding an
// OpenDocument spreadsheet is ODS, an old binary .xls (or an encrypted workbook) is refused with
// a hint, anything else is CSV text (decodeText, parseCsv: one sheet named after the file).
// `shownName` is how diagnostics name the file. Errors are Results: file errors (file.missing,
// ...), catalogue.file_unreadable, catalogue.encoding, catalogue.csv_syntax.
Result<Workbook> readCatalogueFile(const std::filesystem::path& file, const std::string& shownName,
                                   const ReadOptions& options);

// The same from bytes in memory (tests, the fuzzer, an editor's drop).
Result<Workbook> readCatalogueBytes(std::string_view bytes, const std::string& shownName,
                                    const ReadOptions& options);

// Writes the table as .xlsx (sheet 目录, bold bilingual header row frozen, an autofilter,
// column widths from the field table, text-formatted columns so Excel keeps 档号 such as 0012
// and dates such as 1949-10 as typed) or, for any other extension, as CSV for Excel (UTF-8 with
// BOM, CRLF, quoted where needed). The file appears complete or not at all (written beside it,
// then renamed). A text longer than an Excel cell holds (32,767 characters) is an error naming
// the item and the column.
Status writeCatalogueFile(const std::filesystem::path& file, const CatalogueTable& table);

// The CSV text writeCatalogueFile writes.
std::string catalogueCsvText(const CatalogueTable& table);

} // namespace lantai::core::catalogue_io
