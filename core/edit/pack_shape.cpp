// core/edit: the writer's documents laid over the remembered shape of the pack's files
#include "core/edit/pack_shape.h"

#include "core/base/json_document.h"

#include <optional>
#include <utility>
#include <vector>

namespace lantai::core::edit {

namespace {

// Members holding nodes PackShape remembers on their own (quiz_banks entries are plain values).
std::optional<NodeKind> childKindOf(NodeKind kind, std::string_view member) {
    switch (kind) {
    case NodeKind::Pack:
        if (member == "exhibitions") return NodeKind::Exhibition;
        if (member == "videos") return NodeKind::Video;
        return std::nullopt;
    case NodeKind::Exhibition:
        if (member == "chapters") return NodeKind::Chapter;
        return std::nullopt;
    case NodeKind::Chapter:
        if (member == "items") return NodeKind::Item;
        return std::nullopt;
    case NodeKind::QuizBank:
        if (member == "questions") return NodeKind::Question;
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

// The node with its children emptied (their member keeps its place). The pack's quiz_banks
// entries are dropped too: reading them would open bank files.
Json headOnly(NodeKind kind, const Json& node) {
    Json out = Json::object();
    for (const auto& [key, value] : node.items()) {
        if (kind == NodeKind::Pack && key == "quiz_banks") continue;
        out[key] = childKindOf(kind, key) ? Json::array() : value;
    }
    return out;
}

// What the node says: read by the loader, written by the writer (children emptied).
Json normalized(NodeKind kind, const Json& head) {
    Diagnostics ignored;
    auto read = nodeFromJson(kind, head, ignored);
    if (!read) return nullptr;
    Json out = nodeToJson(*read);
    if (kind == NodeKind::QuizBank) out.erase("file");
    return headOnly(kind, out);
}

// Which element of `remembered` stands for `element` of the new array: the same "id", "file",
// "item", "video", "kind" or "lang" (the first of these the element has), else the same position.
std::optional<std::size_t> matchElement(const Json& element, const Json& remembered,
                                        std::size_t index, const std::vector<bool>& used) {
    static const char* const kKeys[] = {"id", "file", "item", "video", "kind", "lang"};
    if (element.is_object())
        for (const char* key : kKeys) {
            const auto it = element.find(key);
            if (it == element.end()) continue;
            for (std::size_t j = 0; j < remembered.size(); ++j)
                if (!used[j] && remembered[j].is_object() && remembered[j].contains(key) &&
                    remembered[j][key] == *it)
                    return j;
            return std::nullopt;
        }
    if (index < remembered.size() && !used[index]) return index;
    return std::nullopt;
}

// Members in `remembered` order, then each member only `canonical` has right after the member
// that precedes it there.
Json ordered(std::vector<std::pair<std::string, Json>> members, const Json& canonical) {
    std::optional<std::size_t> last;
    for (const auto& [key, value] : canonical.items()) {
        std::size_t at = 0;
        while (at < members.size() && members[at].first != key)
            ++at;
        if (at < members.size()) {
            last = at;
            continue;
        }
        const std::size_t insertAt = last ? *last + 1 : 0;
        members.insert(members.begin() + static_cast<std::ptrdiff_t>(insertAt), {key, value});
        last = insertAt;
    }
    Json out = Json::object();
    for (auto& [key, value] : members)
        out[key] = std::move(value);
    return out;
}

} // namespace

// One node being merged: its new head, and whether a remembered member can come back.
class NodeMerge {
  public:
    NodeMerge(const PackShape& shape, NodeKind kind, const Json& canonical)
        : m_shape(shape), m_kind(kind), m_head(headOnly(kind, canonical)) {}

    Json object(const Json& canonical, const Json& remembered, const std::string& path);

  private:
    Json member(const std::string& key, const Json& canonical, const Json& remembered,
                const std::string& path);
    Json value(const Json& canonical, const Json& remembered, const std::string& path);
    // Putting `value` back at `path` leaves what the node says unchanged.
    bool keeps(const std::string& path, const Json& value);

    const PackShape& m_shape;
    NodeKind m_kind;
    Json m_head;
    std::optional<Json> m_said; // normalized(m_kind, m_head), computed on first need
};

Json NodeMerge::object(const Json& canonical, const Json& remembered, const std::string& path) {
    std::vector<std::pair<std::string, Json>> members;
    for (const auto& [key, old] : remembered.items()) {
        const std::string at = path + "/" + escapePointerToken(key);
        if (const auto it = canonical.find(key); it != canonical.end())
            members.emplace_back(key, member(key, *it, old, path));
        else if (keeps(at, old))
            members.emplace_back(key, old);
    }
    return ordered(std::move(members), canonical);
}

Json NodeMerge::member(const std::string& key, const Json& canonical, const Json& remembered,
                       const std::string& path) {
    if (path.empty()) {
        if (const auto child = childKindOf(m_kind, key); child && canonical.is_array()) {
            Json out = Json::array();
            for (const auto& element : canonical)
                out.push_back(m_shape.mergeNode(*child, element, m_shape.lookup(*child, element)));
            return out;
        }
        if (m_kind == NodeKind::Pack && key == "quiz_banks" && canonical.is_array() &&
            remembered.is_array()) {
            // Entries have one known member ("file"); everything else they hold is kept.
            Json out = Json::array();
            std::vector<bool> used(remembered.size(), false);
            for (std::size_t i = 0; i < canonical.size(); ++i) {
                const auto j = matchElement(canonical[i], remembered, i, used);
                if (!j || !remembered[*j].is_object()) {
                    out.push_back(canonical[i]);
                    continue;
                }
                used[*j] = true;
                Json entry = remembered[*j];
                entry["file"] = canonical[i]["file"];
                out.push_back(std::move(entry));
            }
            return out;
        }
    }
    return value(canonical, remembered, path + "/" + escapePointerToken(key));
}

Json NodeMerge::value(const Json& canonical, const Json& remembered, const std::string& path) {
    if (canonical.is_object() && remembered.is_object()) return object(canonical, remembered, path);
    if (canonical.is_array() && remembered.is_array()) {
        Json out = Json::array();
        std::vector<bool> used(remembered.size(), false);
        for (std::size_t i = 0; i < canonical.size(); ++i) {
            const auto j = matchElement(canonical[i], remembered, i, used);
            if (!j) {
                out.push_back(canonical[i]);
                continue;
            }
            used[*j] = true;
            out.push_back(value(canonical[i], remembered[*j], path + "/" + std::to_string(i)));
        }
        return out;
    }
    // The same value as the file spells it ("weight": -1 stays -1, not -1.0).
    return remembered == canonical ? remembered : canonical;
}

bool NodeMerge::keeps(const std::string& path, const Json& value) {
    Json candidate = m_head;
    if (!patchJson(candidate, path, value)) return false;
    if (!m_said) m_said = normalized(m_kind, m_head);
    return !m_said->is_null() && normalized(m_kind, candidate) == *m_said;
}

Json PackShape::mergeNode(NodeKind kind, const Json& canonical, const Json* remembered) const {
    if (!canonical.is_object()) return canonical;
    NodeMerge merge(*this, kind, canonical);
    return merge.object(canonical, remembered && remembered->is_object() ? *remembered : canonical,
                        "");
}

const Json* PackShape::lookup(NodeKind kind, const Json& canonical) const {
    const std::map<std::string, Json>* byId = nullptr;
    switch (kind) {
    case NodeKind::Exhibition:
        byId = &m_exhibitions;
        break;
    case NodeKind::Chapter:
        byId = &m_chapters;
        break;
    case NodeKind::Item:
        byId = &m_items;
        break;
    case NodeKind::Video:
        byId = &m_videos;
        break;
    case NodeKind::Question:
        byId = &m_questions;
        break;
    default:
        return nullptr;
    }
    const auto id = canonical.find("id");
    if (id == canonical.end() || !id->is_string()) return nullptr;
    const auto it = byId->find(id->get<std::string>());
    return it == byId->end() ? nullptr : &it->second;
}

void PackShape::rememberNode(NodeKind kind, const Json& node) {
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items())
        if (const auto child = childKindOf(kind, key); child && value.is_array())
            for (const auto& element : value)
                rememberNode(*child, element);
    Json head = Json::object();
    for (const auto& [key, value] : node.items())
        head[key] = childKindOf(kind, key) ? Json::array() : value;
    const auto id = node.find("id");
    if (kind == NodeKind::Pack) {
        m_packHead = std::move(head);
        return;
    }
    if (id == node.end() || !id->is_string()) return;
    const std::string key = id->get<std::string>();
    switch (kind) {
    case NodeKind::Exhibition:
        m_exhibitions[key] = std::move(head);
        break;
    case NodeKind::Chapter:
        m_chapters[key] = std::move(head);
        break;
    case NodeKind::Item:
        m_items[key] = std::move(head);
        break;
    case NodeKind::Video:
        m_videos[key] = std::move(head);
        break;
    case NodeKind::Question:
        m_questions[key] = std::move(head);
        break;
    default:
        break;
    }
}

void PackShape::remember(const std::string& file, const Json& document) {
    if (!document.is_object()) return;
    if (file == "pack.json") {
        rememberNode(NodeKind::Pack, document);
        return;
    }
    if (const auto questions = document.find("questions");
        questions != document.end() && questions->is_array())
        for (const auto& question : *questions)
            rememberNode(NodeKind::Question, question);
    Json head = Json::object();
    for (const auto& [key, value] : document.items())
        head[key] = key == "questions" ? Json::array() : value;
    m_banks[file] = std::move(head);
}

Json PackShape::apply(const std::string& file, const Json& canonical) const {
    if (file == "pack.json")
        return mergeNode(NodeKind::Pack, canonical, m_packHead.is_object() ? &m_packHead : nullptr);
    const auto it = m_banks.find(file);
    return mergeNode(NodeKind::QuizBank, canonical, it == m_banks.end() ? nullptr : &it->second);
}

} // namespace lantai::core::edit
