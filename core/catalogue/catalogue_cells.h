// core/catalogue: what a cell means for a field — text as the spreadsheet shows it (档号 typed as
// numbers, zero-padded formats), dates (text or Excel serials), yes/no flags, lists of entries
#pragma once

#include "core/base/result.h"
#include "core/catalogue/catalogue_fields.h"
#include "core/catalogue/sheet.h"

#include <string>
#include <vector>

namespace lantai::core {

// Stable codes of the cell problems below (the caller adds the cell's position).
inline constexpr const char* kCatalogueFormulaWithoutValue = "catalogue.formula_without_value";
inline constexpr const char* kCatalogueDateInvalid = "catalogue.date_invalid";
inline constexpr const char* kCatalogueValueInvalid = "catalogue.value_invalid";

// The text a cell shows, cleaned (cleanCellText): a number as the spreadsheet writes it (12, not
// 12.0; 0012 under the format "0000"; 1.5; a date-formatted number as its ISO date), a boolean as
// TRUE / FALSE, an ODS date as YYYY-MM-DD; "" for an empty cell or a formula without a value.
std::string cellText(const SheetCell& cell, bool date1904);

// Splits a list cell at ";", "；" and line breaks; entries are trimmed, empty ones dropped.
std::vector<std::string> splitListCell(const std::string& text);

// Reads a cell as the value of a field of `shape`. An empty (or missing) cell is an empty value
// (which clears the field). Errors: a formula without a stored result; a date that is not one
// (with a hint when Excel turned 1949.10 into the number 1949.1); a flag that is not yes or no.
Result<FieldValue> readCell(const SheetCell* cell, FieldShape shape, bool date1904);

} // namespace lantai::core
