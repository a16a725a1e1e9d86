// core/catalogue: a plan applied to pack.json's text — the objects of the items it changes (and of
// the chapters items leave or join) are rewritten; every other byte is copied as it is
#include "core/catalogue/catalogue_import.h"
#include "core/catalogue/pack_json_spans.h"
#include "core/pack/writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
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

// The members of an item that `change` sets, once each ("title" for title.zh and title.en).
std::vector<std::string> changedMembers(const ItemChange& change) {
    std::vector<std::string> out;
    for (const auto& f : change.fields)
        if (std::string key = memberOf(f.field);
            !key.empty() && std::find(out.begin(), out.end(), key) == out.end())
            out.push_back(std::move(key));
    return out;
}

// The item object with the members `change` sets taken from `canonical` (the item after the
// change, as the writer writes it), other members as they were.
void patchItem(Json& object, const ItemChange& change, const Json& canonical) {
    for (const std::string& key : changedMembers(change)) {
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

// A value as text on a line that starts with `indent`: pretty (2 spaces a level more, as pack
// files are written) or, where the text around it is compact, on one line. Throws
// nlohmann::json::type_error on text that is not UTF-8.
std::string valueText(const Json& value, const std::string& indent, bool pretty) {
    if (!pretty) return value.dump();
    std::string text = serializePackDocument(value);
    text.pop_back(); // the document's final line break
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

std::string objectText(const Json& object, const TextSpan& span) {
    return valueText(object, span.indent, span.ownLine);
}

struct Replacement {
    std::size_t begin = 0, end = 0;
    std::string text;
};

// text[from, to) with the replacements (inside it, none overlapping another) made.
std::string spliced(std::string_view text, std::size_t from, std::size_t to,
                    std::vector<Replacement>& replacements) {
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement& a, const Replacement& b) { return a.begin < b.begin; });
    std::size_t size = to - from;
    for (const auto& r : replacements)
        size += r.text.size();
    std::string out;
    out.reserve(size);
    std::size_t copied = from;
    for (const auto& r : replacements) {
        out.append(text.substr(copied, r.begin - copied));
        out += r.text;
        copied = r.end;
    }
    out.append(text.substr(copied, to - copied));
    return out;
}

// The item's text with the values of the members `change` sets replaced where they stand, the
// rest of its text as it is; nullopt when a member must be added or removed.
std::optional<std::string> withValuesReplaced(std::string_view text, const TextSpan& item,
                                              const ItemChange& change, const Json& canonical) {
    const std::vector<MemberSpan> members = scanObjectMembers(text, item.begin);
    std::vector<Replacement> replacements;
    for (const std::string& key : changedMembers(change)) {
        const auto member = std::find_if(members.begin(), members.end(),
                                         [&](const MemberSpan& m) { return m.name == key; });
        if (member == members.end() || !canonical.contains(key)) return std::nullopt;
        replacements.push_back({member->value.begin, member->value.end,
                                valueText(canonical[key], member->value.indent, item.ownLine)});
    }
    return spliced(text, item.begin, item.end, replacements);
}

} // namespace

Result<std::string> applyCataloguePlanToPackJson(std::string_view packJson,
                                                 const CataloguePlan& plan) {
    try {
        const PackJsonSpans spans = scanPackJsonSpans(packJson);
        std::unordered_map<std::string, std::size_t> chapterAt;
        for (std::size_t c = 0; c < spans.chapters.size(); ++c)
            chapterAt.emplace(spans.chapters[c].exhibition + "\n" + spans.chapters[c].id, c);
        const auto textOf = [&](const TextSpan& span) {
            return packJson.substr(span.begin, span.end - span.begin);
        };

        // Where each change goes. A chapter that loses or gains items is written whole; in the
        // others an updated item's object is replaced where it stands.
        std::vector<std::size_t> destination;
        std::unordered_set<std::size_t> rewritten;
        for (const auto& change : plan.changes) {
            const auto chapter = chapterAt.find(change.exhibition + "\n" + change.chapter);
            if (chapter == chapterAt.end())
                return notThePlansPack("no part " + change.exhibition + "/" + change.chapter);
            destination.push_back(chapter->second);
            if (change.action == ItemAction::Create) {
                rewritten.insert(chapter->second);
                continue;
            }
            const auto item = spans.items.find(change.itemId);
            if (item == spans.items.end()) return notThePlansPack("no item " + change.itemId);
            if (item->second.chapter != chapter->second) {
                rewritten.insert(item->second.chapter);
                rewritten.insert(chapter->second);
            }
        }
        std::unordered_map<std::size_t, Json> chapters; // the rewritten ones
        for (std::size_t c : rewritten)
            chapters.emplace(c, Json::parse(textOf(spans.chapters[c].span)));
        const auto itemIn = [](Json& chapter, const std::string& id) {
            Json& items = chapter["items"];
            for (auto it = items.begin(); it != items.end(); ++it)
                if (it->is_object() && it->value("id", "") == id) return it;
            throw std::runtime_error("no item " + id);
        };

        // As applyCataloguePlan: updates in place, moved and new items appended in plan order.
        std::vector<Replacement> replacements;
        for (std::size_t i = 0; i < plan.changes.size(); ++i) {
            const ItemChange& change = plan.changes[i];
            const std::size_t to = destination[i];
            if (change.action == ItemAction::Create) {
                chapters.at(to)["items"].push_back(itemToJson(change.item));
                continue;
            }
            const PackJsonItem& item = spans.items.at(change.itemId);
            const Json canonical = itemToJson(change.item);
            if (item.chapter == to && !rewritten.count(to))
                if (auto text = withValuesReplaced(packJson, item.span, change, canonical)) {
                    replacements.push_back({item.span.begin, item.span.end, std::move(*text)});
                    continue;
                }
            Json object = Json::parse(textOf(item.span));
            patchItem(object, change, canonical);
            if (item.chapter != to) {
                Json& from = chapters.at(item.chapter);
                from["items"].erase(itemIn(from, change.itemId));
                chapters.at(to)["items"].push_back(std::move(object));
            } else if (rewritten.count(to)) {
                *itemIn(chapters.at(to), change.itemId) = std::move(object);
            } else {
                replacements.push_back(
                    {item.span.begin, item.span.end, objectText(object, item.span)});
            }
        }
        for (auto& [c, chapter] : chapters) {
            const TextSpan& span = spans.chapters[c].span;
            replacements.push_back({span.begin, span.end, objectText(chapter, span)});
        }
        return spliced(packJson, 0, packJson.size(), replacements);
    } catch (const std::exception& e) {
        return notThePlansPack(e.what());
    }
}

} // namespace lantai::core
