// core/edit: nodes <-> FORMAT.md JSON through core/pack's writer and loader; field patches
#include "core/edit/node_json.h"

#include "core/base/json_document.h"
#include "core/base/json_reader.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

namespace lantai::core::edit {

namespace {

Diagnostic editError(std::string code, std::string message, std::string messageZh) {
    return operationalError(std::move(code), "", std::move(message), std::move(messageZh));
}

// A copy of `node` without the vector `children` (moved out and back, so nothing is copied).
template <class T, class C> T copyWithout(T& node, std::vector<C> T::*children) {
    std::vector<C> saved = std::exchange(node.*children, {});
    T copy = node;
    node.*children = std::move(saved);
    return copy;
}

Pack packHead(Pack& pack) {
    auto exhibitions = std::exchange(pack.exhibitions, {});
    auto videos = std::exchange(pack.videos, {});
    auto banks = std::exchange(pack.quizBanks, {});
    Pack head = pack;
    pack.exhibitions = std::move(exhibitions);
    pack.videos = std::move(videos);
    pack.quizBanks = std::move(banks);
    return head;
}

// Codes a field edit must not introduce: the value has the wrong type, is not allowed, or
// names a member the format does not know.
bool refusedCode(const std::string& code) {
    return code == "schema.type" || code == "schema.value" || code == "schema.unknown_field";
}

std::multimap<std::string, std::string> refusedProblems(const Diagnostics& diagnostics) {
    std::multimap<std::string, std::string> out;
    for (const auto& d : diagnostics.items())
        if (refusedCode(d.code))
            out.emplace(d.code + " " + d.pointer, d.message + "\n" + d.messageZh);
    return out;
}

} // namespace

NodeKind kindOf(const AnyNode& node) {
    static constexpr NodeKind kKinds[] = {
        NodeKind::Pack,  NodeKind::Exhibition, NodeKind::Chapter, NodeKind::Item,
        NodeKind::Video, NodeKind::QuizBank,   NodeKind::Question};
    return kKinds[node.index()];
}

const std::string& idOf(const AnyNode& node) {
    return std::visit([](const auto& n) -> const std::string& { return n.id; }, node);
}

Json nodeToJson(const AnyNode& node) {
    struct Visitor {
        Json operator()(const Pack& n) const { return packToJson(n); }
        Json operator()(const Exhibition& n) const { return exhibitionToJson(n); }
        Json operator()(const Chapter& n) const { return chapterToJson(n); }
        Json operator()(const Item& n) const { return itemToJson(n); }
        Json operator()(const Video& n) const { return videoToJson(n); }
        Json operator()(const Question& n) const { return questionToJson(n); }
        Json operator()(const QuizBank& n) const {
            Json out = quizBankToJson(n);
            out["file"] = n.file;
            return out;
        }
    };
    return std::visit(Visitor{}, node);
}

Result<AnyNode> nodeFromJson(NodeKind kind, const Json& json, Diagnostics& diagnostics) {
    if (!json.is_object())
        return editError("edit.invalid_node",
                         std::string("A ") + nodeKindName(kind) + " must be a JSON object.",
                         std::string("节点（") + nodeKindName(kind) + "）必须是 JSON 对象。");
    if (kind == NodeKind::Pack) {
        PackLoadResult loaded = loadPackFromText(json.dump(), {});
        diagnostics.append(loaded.diagnostics);
        if (!loaded.parsed)
            return editError("edit.invalid_node", "The pack's JSON cannot be read.",
                             "无法读取内容包的 JSON。");
        return AnyNode(std::move(loaded.pack));
    }
    Json body = json;
    std::string file = "pack.json";
    if (kind == NodeKind::QuizBank) {
        if (const auto it = body.find("file"); it != body.end() && it->is_string())
            file = it->get<std::string>();
        body.erase("file");
    }
    const JsonDocument document = JsonDocument::parse(body.dump(), file, diagnostics);
    if (!document.valid())
        return editError("edit.invalid_node", "The node's JSON cannot be read.",
                         "无法读取节点的 JSON。");
    JsonReader reader(document, diagnostics);
    const nlohmann::json& root = document.root();
    switch (kind) {
    case NodeKind::Exhibition:
        return AnyNode(readExhibition(reader, root, ""));
    case NodeKind::Chapter:
        return AnyNode(readChapter(reader, root, ""));
    case NodeKind::Item:
        return AnyNode(readItem(reader, root, ""));
    case NodeKind::Video:
        return AnyNode(readVideo(reader, root, ""));
    case NodeKind::Question:
        return AnyNode(readQuizQuestion(reader, root, ""));
    case NodeKind::QuizBank:
        return AnyNode(readQuizBank(reader, file));
    case NodeKind::Pack:
        break;
    }
    return editError("edit.invalid_node", "Unknown node kind.", "未知的节点类型。");
}

std::optional<AnyNode> copyHead(Pack& pack, const NodeRef& node) {
    switch (node.kind) {
    case NodeKind::Pack:
        return AnyNode(packHead(pack));
    case NodeKind::Exhibition:
        if (const auto e = findExhibition(pack, node.id))
            return AnyNode(copyWithout(pack.exhibitions[*e], &Exhibition::chapters));
        break;
    case NodeKind::Chapter:
        if (const auto c = findChapter(pack, node.id))
            return AnyNode(
                copyWithout(pack.exhibitions[c->exhibition].chapters[c->chapter], &Chapter::items));
        break;
    case NodeKind::Item:
        if (const auto i = findItem(pack, node.id))
            return AnyNode(pack.exhibitions[i->exhibition].chapters[i->chapter].items[i->item]);
        break;
    case NodeKind::Video:
        if (const auto v = findVideo(pack, node.id)) return AnyNode(pack.videos[*v]);
        break;
    case NodeKind::QuizBank:
        if (const auto b = findBank(pack, node.id))
            return AnyNode(copyWithout(pack.quizBanks[*b], &QuizBank::questions));
        break;
    case NodeKind::Question:
        if (const auto q = findQuestion(pack, node.id))
            return AnyNode(pack.quizBanks[q->bank].questions[q->question]);
        break;
    }
    return std::nullopt;
}

void assignHead(Pack& pack, const NodeRef& node, AnyNode head) {
    switch (node.kind) {
    case NodeKind::Pack: {
        Pack& next = std::get<Pack>(head);
        next.root = pack.root;
        next.exhibitions = std::move(pack.exhibitions);
        next.videos = std::move(pack.videos);
        next.quizBanks = std::move(pack.quizBanks);
        pack = std::move(next);
        return;
    }
    case NodeKind::Exhibition:
        if (const auto e = findExhibition(pack, node.id)) {
            auto& target = pack.exhibitions[*e];
            auto& next = std::get<Exhibition>(head);
            next.chapters = std::move(target.chapters);
            target = std::move(next);
        }
        return;
    case NodeKind::Chapter:
        if (const auto c = findChapter(pack, node.id)) {
            auto& target = pack.exhibitions[c->exhibition].chapters[c->chapter];
            auto& next = std::get<Chapter>(head);
            next.items = std::move(target.items);
            target = std::move(next);
        }
        return;
    case NodeKind::Item:
        if (const auto i = findItem(pack, node.id))
            pack.exhibitions[i->exhibition].chapters[i->chapter].items[i->item] =
                std::move(std::get<Item>(head));
        return;
    case NodeKind::Video:
        if (const auto v = findVideo(pack, node.id))
            pack.videos[*v] = std::move(std::get<Video>(head));
        return;
    case NodeKind::QuizBank:
        if (const auto b = findBank(pack, node.id)) {
            auto& target = pack.quizBanks[*b];
            auto& next = std::get<QuizBank>(head);
            next.questions = std::move(target.questions);
            target = std::move(next);
        }
        return;
    case NodeKind::Question:
        if (const auto q = findQuestion(pack, node.id))
            pack.quizBanks[q->bank].questions[q->question] = std::move(std::get<Question>(head));
        return;
    }
}

bool isChildrenMember(NodeKind kind, std::string_view member) {
    switch (kind) {
    case NodeKind::Pack:
        return member == "exhibitions" || member == "videos" || member == "quiz_banks";
    case NodeKind::Exhibition:
        return member == "chapters";
    case NodeKind::Chapter:
        return member == "items";
    case NodeKind::QuizBank:
        return member == "questions" || member == "file";
    default:
        return false;
    }
}

Json valueAt(const Json& document, std::string_view pointer) {
    const auto tokens = parsePointer(pointer);
    if (!tokens) return nullptr;
    const Json* at = &document;
    for (const auto& token : *tokens) {
        if (at->is_object()) {
            const auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            std::size_t index = 0;
            const auto parsed = std::from_chars(token.data(), token.data() + token.size(), index);
            if (parsed.ec != std::errc() || parsed.ptr != token.data() + token.size() ||
                index >= at->size())
                return nullptr;
            at = &(*at)[index];
        } else {
            return nullptr;
        }
    }
    return *at;
}

bool patchJson(Json& document, std::string_view pointer, const Json& value) {
    const auto tokens = parsePointer(pointer);
    if (!tokens) return false;
    if (tokens->empty()) {
        document = value;
        return true;
    }
    Json* at = &document;
    for (std::size_t t = 0; t < tokens->size(); ++t) {
        const std::string& token = (*tokens)[t];
        const bool last = t + 1 == tokens->size();
        if (at->is_null() && !value.is_null()) *at = Json::object();
        if (at->is_object()) {
            if (last) {
                if (value.is_null())
                    at->erase(token);
                else
                    (*at)[token] = value;
                return true;
            }
            if (!at->contains(token)) {
                if (value.is_null()) return true; // removing below something absent: nothing to do
                (*at)[token] = Json::object();
            }
            at = &(*at)[token];
        } else if (at->is_array()) {
            std::size_t index = 0;
            const auto parsed = std::from_chars(token.data(), token.data() + token.size(), index);
            if (parsed.ec != std::errc() || parsed.ptr != token.data() + token.size() ||
                index > at->size())
                return false;
            if (last) {
                if (value.is_null()) {
                    if (index < at->size()) at->erase(index);
                } else if (index == at->size()) {
                    at->push_back(value);
                } else {
                    (*at)[index] = value;
                }
                return true;
            }
            if (index == at->size()) return false;
            at = &(*at)[index];
        } else {
            return false;
        }
    }
    return false;
}

Result<FieldPatch> patchField(Pack& pack, const FieldRef& field, const Json& value) {
    const std::string where = toString(field);
    const auto tokens = parsePointer(field.pointer);
    if (!tokens || tokens->empty())
        return editError("edit.bad_field", "\"" + where + "\" does not name a field.",
                         "\"" + where + "\" 不是一个字段。");
    const std::string& member = tokens->front();
    if (member == "id" || member == "format_version" || isChildrenMember(field.node.kind, member))
        return editError("edit.bad_field",
                         "\"" + where + "\" cannot be edited as a field (ids never change; " +
                             "children are added, moved and removed as nodes).",
                         "\"" + where + "\" 不能作为字段修改（标识不会改变；子节点通过添加、" +
                             "移动、删除来编辑）。");
    std::optional<AnyNode> head = copyHead(pack, field.node);
    if (!head)
        return editError("edit.no_node", "There is no " + toString(field.node) + ".",
                         "找不到 " + toString(field.node) + "。");
    const Json before = nodeToJson(*head);
    Json patched = before;
    if (!patchJson(patched, field.pointer, value))
        return editError("edit.bad_field", "\"" + where + "\" does not lead to a value.",
                         "\"" + where + "\" 没有指向一个值。");
    Diagnostics after;
    auto read = nodeFromJson(field.node.kind, patched, after);
    if (!read) return std::move(read).error();
    auto refused = refusedProblems(after);
    if (!refused.empty()) {
        // Problems the node already had (a question with nine options) do not block an edit.
        Diagnostics already;
        (void)nodeFromJson(field.node.kind, before, already);
        for (const auto& [key, text] : refusedProblems(already))
            if (const auto it = refused.find(key); it != refused.end()) refused.erase(it);
    }
    if (!refused.empty()) {
        const std::string& text = refused.begin()->second;
        const auto split = text.find('\n');
        return editError("edit.value_refused", "\"" + where + "\": " + text.substr(0, split),
                         "\"" + where + "\"：" + text.substr(split + 1));
    }
    AnyNode next = std::move(*read);
    return FieldPatch{std::move(next), valueAt(before, field.pointer)};
}

} // namespace lantai::core::edit
