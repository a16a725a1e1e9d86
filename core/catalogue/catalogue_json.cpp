// core/catalogue: import plans as JSON
#include "core/catalogue/catalogue_json.h"

namespace lantai::core {

namespace {

using Json = nlohmann::ordered_json;

Json valueJson(CatalogueField field, const FieldValue& value) {
    switch (fieldInfo(field).shape) {
    case FieldShape::Flag:
        return value.flag;
    case FieldShape::List:
        return value.list;
    case FieldShape::Text:
    case FieldShape::Date:
        break;
    }
    return value.text;
}

} // namespace

Json cataloguePlanToJson(const CataloguePlan& plan, const Sheet& sheet) {
    Json out;
    out["file"] = plan.file;
    out["sheet"] = plan.sheet;
    out["header_row"] = plan.mapping.headerRow + 1;
    Json columns = Json::array();
    for (const auto& c : plan.mapping.columns)
        columns.push_back({{"column", columnName(c.column)},
                           {"header", c.header},
                           {"field", c.field ? Json(fieldInfo(*c.field).key) : Json(nullptr)},
                           {"source", columnSourceName(c.source)}});
    out["columns"] = std::move(columns);
    out["summary"] = {{"rows", plan.rows},
                      {"updated", plan.updatedCount()},
                      {"created", plan.createdCount()},
                      {"unchanged", plan.unchanged},
                      {"not_in_sheet", plan.notInSheet},
                      {"fields_changed", plan.changedFieldCount()},
                      {"images_copied", plan.copies.size()}};
    Json changes = Json::array();
    for (const auto& change : plan.changes) {
        Json fields = Json::array();
        for (const auto& f : change.fields) {
            Json field{{"field", fieldInfo(f.field).key},
                       {"cell", f.column >= 0 ? cellName(sheet, change.row, f.column) : ""}};
            if (change.action == ItemAction::Update) field["old"] = valueJson(f.field, f.before);
            field["new"] = valueJson(f.field, f.after);
            fields.push_back(std::move(field));
        }
        changes.push_back({{"action", change.action == ItemAction::Update ? "update" : "create"},
                           {"item", change.itemId},
                           {"reference", change.reference},
                           {"exhibition", change.exhibition},
                           {"chapter", change.chapter},
                           {"row", cellName(sheet, change.row, -1)},
                           {"fields", std::move(fields)}});
    }
    out["changes"] = std::move(changes);
    Json images = Json::array();
    for (const auto& copy : plan.copies)
        images.push_back({{"file", copy.packPath},
                          {"source", copy.source.string()},
                          {"cell", cellName(sheet, copy.row, copy.column)}});
    out["images"] = std::move(images);
    return out;
}

} // namespace lantai::core
