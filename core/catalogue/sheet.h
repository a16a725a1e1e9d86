// core/catalogue: a spreadsheet as the catalogue importer sees it — typed cells, merged ranges, and
// where each cell is (目录!C17, or a CSV file's line:column)
#pragma once

#include "core/base/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// What a cell holds, as the file stored it. Readers (tools/catalogue: XLSX and ODS through
// liborcus, CSV) fill these; core/catalogue decides what the values mean for each field.
enum class CellKind {
    Empty,
    Text,   // `text`
    Number, // `number`, shown through `numberFormat` (an Excel date is a Number with a date format)
    Boolean,             // `number` is 1 or 0
    Date,                // a calendar date the file stores as such (ODS): `text` is YYYY-MM-DD
    FormulaWithoutValue, // a formula whose result the file does not store (or the reader cannot
                         // read)
};

struct SheetCell {
    CellKind kind = CellKind::Empty;
    std::string text;
    double number = 0;
    // The cell's number format code as the file gives it ("General", "0000", "yyyy\"年\"m\"月\"",
    // "m/d/yyyy" for Excel's built-in 14, ...); empty when the file gives none.
    std::string numberFormat;
    bool formula = false; // the value is the saved result of a formula
    // CSV only: where the field starts (1-based line, and column in characters).
    int line = 0;
    int column = 0;
};

// A rectangle of merged cells, 0-based and inclusive.
struct CellRange {
    int firstRow = 0;
    int firstColumn = 0;
    int lastRow = 0;
    int lastColumn = 0;
};

// One sheet. Rows and columns are 0-based; rows may be shorter than others (missing cells are
// empty). A CSV file is one sheet named after the file, with `csv` set and every cell's position.
struct Sheet {
    std::string name;
    std::string file; // the file as the user named it, for diagnostics
    bool csv = false;
    bool date1904 = false; // the workbook counts date serials from 1904-01-01 (old Mac Excel)
    std::vector<std::vector<SheetCell>> rows;
    std::vector<int> rowLines; // CSV: the line where each row starts
    std::vector<CellRange> merged;

    const SheetCell* cell(int row, int column) const;
    bool rowIsBlank(int row) const;
    int columnCount() const; // the widest row
};

struct Workbook {
    std::string file;
    std::vector<Sheet> sheets;
};

// "A", "B", ... "Z", "AA" for a 0-based column.
std::string columnName(int column);
// "目录!C17" (a quoted name when it has spaces or punctuation: "'My sheet'!C17"), the whole row
// "目录!17:17" for a column < 0; for CSV "line:column" of the cell ("17:3"), or the row's line.
std::string cellName(const Sheet& sheet, int row, int column);

// A diagnostic about one cell: `file` is the sheet's file; spreadsheets give line = row + 1,
// column = column + 1 and the pointer "目录!C17"; CSV gives the cell's line:column. `column` < 0
// names the whole row.
Diagnostic cellDiagnostic(const Sheet& sheet, int row, int column, Severity severity,
                          std::string code, std::string message, std::string messageZh);

// The text with surrounding white space (also U+3000 and NBSP) removed and CRLF / CR made LF.
std::string cleanCellText(std::string_view text);

} // namespace lantai::core
