// core/catalogue: the export table of a pack
#include "core/catalogue/catalogue_export.h"

namespace lantai::core {

CatalogueTable catalogueTable(const Pack& pack) {
    CatalogueTable table;
    for (const auto& info : catalogueFields())
        table.columns.push_back(info.field);
    table.rows.reserve(pack.itemCount());
    for (const auto& exhibition : pack.exhibitions)
        for (const auto& chapter : exhibition.chapters)
            for (const auto& item : chapter.items) {
                std::vector<std::string> row;
                row.reserve(table.columns.size());
                for (const CatalogueField field : table.columns) {
                    if (field == CatalogueField::Exhibition)
                        row.push_back(exhibition.id);
                    else if (field == CatalogueField::Chapter)
                        row.push_back(chapter.id);
                    else
                        row.push_back(displayValue(field, itemValue(item, field)));
                }
                table.rows.push_back(std::move(row));
            }
    return table;
}

} // namespace lantai::core
