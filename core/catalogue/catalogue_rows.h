// core/catalogue: the data rows of a sheet as field values (blank rows skipped, merged cells
// filled)
#pragma once

#include "core/base/diagnostic.h"
#include "core/catalogue/catalogue_columns.h"
#include "core/catalogue/catalogue_fields.h"
#include "core/catalogue/sheet.h"

#include <array>
#include <vector>

namespace lantai::core {

struct RowCell {
    bool present = false; // the field has a column
    int column = -1;
    FieldValue value;
};

struct CatalogueRow {
    int row = 0;        // 0-based sheet row
    bool readOk = true; // every cell read (the row is not planned otherwise)
    std::array<RowCell, kCatalogueFieldCount> cells;

    const RowCell& at(CatalogueField field) const { return cells[static_cast<std::size_t>(field)]; }
};

// Reads every non-blank row below the header row through `mapping`. Cells inside a merged range
// take the value of the range's first cell (a 单元 merged over its items fills each row). Cell
// problems (catalogue_cells.h) are added with their cell; such a row has readOk false.
std::vector<CatalogueRow> readCatalogueRows(const Sheet& sheet, const ColumnMapping& mapping,
                                            Diagnostics& diagnostics);

} // namespace lantai::core
