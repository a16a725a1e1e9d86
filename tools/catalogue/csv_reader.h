// tools/catalogue: CSV as a sheet — RFC 4180 quoting (quoted separators, "" for a quote, line
// breaks inside quoted cells), LF / CRLF / CR line ends, "," ";" or tab recognised from the header
// line
#pragma once

#include "core/base/result.h"
#include "core/catalogue/sheet.h"

#include <string>
#include <string_view>

namespace lantai::core::catalogue_io {

inline constexpr const char* kCatalogueCsvSyntax = "catalogue.csv_syntax";

// Parses UTF-8 text (no BOM) into one sheet named `sheetName` whose every cell knows its line
// and column (in characters). The separator is the one of ",", ";" and tab that the first
// non-empty line uses most (outside quotes). Lenient like Excel: a quote inside an unquoted cell
// is a character, text after a closing quote is appended. A quote never closed is an error at
// the line:column where it opened.
Result<Sheet> parseCsv(std::string_view text, const std::string& fileName,
                       const std::string& sheetName);

} // namespace lantai::core::catalogue_io
