// core/catalogue: mapping files — a saved column mapping as JSON, read with positions and written
// back
#include "core/base/json_reader.h"
#include "core/catalogue/catalogue_columns.h"

#include <nlohmann/json.hpp>

namespace lantai::core {

namespace {

constexpr const char* kVersionKey = "lantai_catalogue_mapping";

std::string knownKeys() {
    std::string keys;
    for (const auto& info : catalogueFields())
        keys += (keys.empty() ? "" : ", ") + std::string(info.key);
    return keys;
}

} // namespace

SavedMapping readMappingFile(std::string_view text, const std::string& fileName,
                             Diagnostics& diagnostics) {
    SavedMapping saved;
    const JsonDocument document = JsonDocument::parse(text, fileName, diagnostics);
    if (!document.valid()) return saved;
    JsonReader reader(document, diagnostics);
    const nlohmann::json& root = document.root();
    if (!reader.expectObject(root, "")) return saved;
    reader.checkKnownFields(root, "", {kVersionKey, "sheet", "header_row", "columns"});
    reader.integer(root, "", kVersionKey, 1, 1, true); // the format version: 1
    saved.sheet = reader.string(root, "", "sheet", false);
    if (auto row = reader.integer(root, "", "header_row", 1, 1048576, false))
        saved.headerRow = static_cast<int>(*row);
    const nlohmann::json* columns = reader.member(root, "", "columns", true);
    if (!columns || !reader.expectObject(*columns, "/columns")) return saved;
    for (auto it = columns->begin(); it != columns->end(); ++it) {
        const std::string pointer = JsonReader::child("/columns", it.key());
        SavedMapping::Column column{cleanCellText(it.key()), std::nullopt};
        if (it->is_null() || (it->is_string() && it->get<std::string>() == "ignore")) {
            saved.columns.push_back(std::move(column));
            continue;
        }
        const auto field = it->is_string() ? fieldByKey(it->get<std::string>()) : std::nullopt;
        if (!field) {
            const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
            reader.report(Severity::Error, kCatalogueMappingInvalid, pointer,
                          "\"" + value + "\" is not a catalogue field; use one of " + knownKeys() +
                              ", or null to ignore the column.",
                          "“" + value + "”不是目录字段；请使用 " + knownKeys() +
                              " 之一，或用 null 忽略该列。");
            continue;
        }
        column.field = field;
        saved.columns.push_back(std::move(column));
    }
    return saved;
}

std::string mappingFileText(const SavedMapping& saved) {
    nlohmann::ordered_json out;
    out[kVersionKey] = 1;
    if (!saved.sheet.empty()) out["sheet"] = saved.sheet;
    if (saved.headerRow > 0) out["header_row"] = saved.headerRow;
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const auto& c : saved.columns)
        columns[c.header] = c.field ? nlohmann::ordered_json(fieldInfo(*c.field).key)
                                    : nlohmann::ordered_json(nullptr);
    out["columns"] = std::move(columns);
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace lantai::core
