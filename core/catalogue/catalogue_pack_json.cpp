// core/catalogue: a plan applied to pack.json's text — only the members the import changes are
// rewritten; the rest of the document stays as it was
#include "core/catalogue/catalogue_import.h"
#include "core/pack/writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

namespace lantai::core {

namespace {

using Json = nlohmann::ordered_json;

// The member of an item object a field lives in: "title" for title.zh, "" for where the item is.
std::string memberOf(CatalogueField field) {
    const std::string path = fieldInfo(field).jsonPath;
    return path.substr(0, path.find('/'));
}

// `object` with `key` set to `value`: in place when it has the member, else before the first
// member that `canonical` (the item as the writer writes it) lists after `key`.
Json withMember(const Json& object, const std::string& key, const Json& value,
                const Json& canonical) {
    std::unordered_map<std::string, std::size_t> rank;
    std::size_t n = 0;
    for (auto it = canonical.begin(); it != canonical.end(); ++it)
        rank.emplace(it.key(), n++);
    const std::size_t own = rank.at(key);
    Json out = Json::object();
    bool placed = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto r = rank.find(it.key());
        if (!placed && r != rank.end() && r->second > own) {
            out[key] = value;
            placed = true;
        }
        out[it.key()] = it.value();
    }
    if (!placed) out[key] = value;
    return out;
}

// The item object with the members `change` sets rewritten, other members as they were.
void patchItem(Json& object, const ItemChange& change) {
    const Json canonical = itemToJson(change.item);
    std::unordered_set<std::string> done;
    for (const auto& f : change.fields) {
        const std::string key = memberOf(f.field);
        if (key.empty() || !done.insert(key).second) continue;
        if (!canonical.contains(key))
            object.erase(key);
        else if (object.contains(key))
            object[key] = canonical[key];
        else
            object = withMember(object, key, canonical[key], canonical);
    }
}

Diagnostic notThePlansPack(const std::string& what) {
    return operationalError(kCataloguePackChanged, "pack.json",
                            "pack.json is not the document the import was planned for (" + what +
                                "); nothing was imported. Run the import again.",
                            "pack.json 与准备导入时的内容不一致（" + what +
                                "），未导入任何内容。请重新导入。");
}

} // namespace

Result<std::string> applyCataloguePlanToPackJson(std::string_view packJson,
                                                 const CataloguePlan& plan) {
    Json document;
    try {
        document = Json::parse(packJson);
    } catch (const nlohmann::json::exception& e) {
        return notThePlansPack(e.what());
    }
    // Where each chapter and item is in the document.
    struct Slot {
        Json* chapter = nullptr;
        std::size_t index = 0; // in the chapter's "items"
    };
    std::unordered_map<std::string, Json*> chapters; // "exhibition\nchapter" -> chapter object
    std::unordered_map<std::string, Slot> items;
    if (Json* exhibitions = document.contains("exhibitions") ? &document["exhibitions"] : nullptr;
        exhibitions && exhibitions->is_array())
        for (auto& exhibition : *exhibitions) {
            if (!exhibition.is_object() || !exhibition.contains("chapters") ||
                !exhibition["chapters"].is_array())
                continue;
            const std::string exhibitionId = exhibition.value("id", "");
            for (auto& chapter : exhibition["chapters"]) {
                if (!chapter.is_object()) continue;
                chapters.emplace(exhibitionId + "\n" + chapter.value("id", ""), &chapter);
                if (!chapter.contains("items") || !chapter["items"].is_array()) continue;
                const Json& list = chapter["items"];
                for (std::size_t k = 0; k < list.size(); ++k)
                    if (list[k].is_object() && list[k].contains("id") && list[k]["id"].is_string())
                        items.emplace(list[k]["id"].get<std::string>(), Slot{&chapter, k});
            }
        }

    // Updates in place; items that move are taken out afterwards, then appended in plan order
    // with the new ones (what applyCataloguePlan does to the model).
    std::unordered_map<Json*, std::vector<std::size_t>> leaving; // chapter -> item indexes
    std::vector<std::pair<Json*, Json>> arriving;                // chapter, item
    for (const auto& change : plan.changes) {
        const auto chapter = chapters.find(change.exhibition + "\n" + change.chapter);
        if (chapter == chapters.end())
            return notThePlansPack("no part " + change.exhibition + "/" + change.chapter);
        if (change.action == ItemAction::Create) {
            arriving.emplace_back(chapter->second, itemToJson(change.item));
            continue;
        }
        const auto slot = items.find(change.itemId);
        if (slot == items.end()) return notThePlansPack("no item " + change.itemId);
        Json& object = (*slot->second.chapter)["items"][slot->second.index];
        patchItem(object, change);
        if (slot->second.chapter != chapter->second) {
            leaving[slot->second.chapter].push_back(slot->second.index);
            arriving.emplace_back(chapter->second, object);
        }
    }
    for (auto& [chapter, indexes] : leaving) {
        std::sort(indexes.begin(), indexes.end());
        for (auto it = indexes.rbegin(); it != indexes.rend(); ++it)
            (*chapter)["items"].erase(*it);
    }
    for (auto& [chapter, object] : arriving) {
        Json& list = (*chapter)["items"];
        if (!list.is_array()) list = Json::array();
        list.push_back(std::move(object));
    }
    try {
        return serializePackDocument(document);
    } catch (const nlohmann::json::exception& e) {
        return notThePlansPack(e.what());
    }
}

} // namespace lantai::core
