// core/catalogue: reading a sheet's data rows into field values
#include "core/catalogue/catalogue_rows.h"

#include "core/catalogue/catalogue_cells.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace lantai::core {

namespace {

long long cellKey(int row, int column) {
    return static_cast<long long>(row) * 65536 + column;
}

} // namespace

std::vector<CatalogueRow> readCatalogueRows(const Sheet& sheet, const ColumnMapping& mapping,
                                            Diagnostics& diagnostics) {
    std::vector<CatalogueRow> rows;
    if (mapping.headerRow < 0) return rows;
    std::vector<const ColumnAssignment*> mapped;
    for (const auto& c : mapping.columns)
        if (c.field) mapped.push_back(&c);

    // Cells covered by a merged range (other than its first cell) -> the range's first cell.
    std::unordered_map<long long, std::pair<int, int>> mergedFrom;
    const int lastRow = static_cast<int>(sheet.rows.size()) - 1;
    for (const auto& range : sheet.merged)
        for (const auto* c : mapped) {
            if (c->column < range.firstColumn || c->column > range.lastColumn) continue;
            for (int r = std::max(range.firstRow, mapping.headerRow + 1);
                 r <= std::min(range.lastRow, lastRow); ++r)
                if (r != range.firstRow || c->column != range.firstColumn)
                    mergedFrom[cellKey(r, c->column)] = {range.firstRow, range.firstColumn};
        }

    if (lastRow > mapping.headerRow)
        rows.reserve(static_cast<std::size_t>(lastRow - mapping.headerRow));
    for (int r = mapping.headerRow + 1; r <= lastRow; ++r) {
        if (sheet.rowIsBlank(r)) continue;
        CatalogueRow row;
        row.row = r;
        for (const auto* c : mapped) {
            RowCell& cell = row.cells[static_cast<std::size_t>(*c->field)];
            cell.present = true;
            cell.column = c->column;
            int fromRow = r, fromColumn = c->column;
            if (const auto it = mergedFrom.find(cellKey(r, c->column)); it != mergedFrom.end())
                std::tie(fromRow, fromColumn) = it->second;
            Result<FieldValue> value = readCell(sheet.cell(fromRow, fromColumn),
                                                fieldInfo(*c->field).shape, sheet.date1904);
            if (!value) {
                const Diagnostic& why = value.error();
                diagnostics.add(cellDiagnostic(sheet, r, c->column, Severity::Error, why.code,
                                               why.message, why.messageZh));
                row.readOk = false;
                continue;
            }
            cell.value = std::move(*value);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace lantai::core
