// core/edit: node and field references, their string forms, and finding nodes in the model
#include "core/edit/node_ref.h"

#include <array>
#include <utility>

namespace lantai::core::edit {

namespace {

constexpr std::array<std::pair<NodeKind, const char*>, 7> kKindNames{{
    {NodeKind::Pack, "pack"},
    {NodeKind::Exhibition, "exhibition"},
    {NodeKind::Chapter, "chapter"},
    {NodeKind::Item, "item"},
    {NodeKind::Video, "video"},
    {NodeKind::QuizBank, "quiz_bank"},
    {NodeKind::Question, "question"},
}};

} // namespace

const char* nodeKindName(NodeKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "pack";
}

std::optional<NodeKind> parseNodeKind(std::string_view name) {
    for (const auto& [k, n] : kKindNames)
        if (name == n) return k;
    return std::nullopt;
}

std::string toString(const NodeRef& node) {
    if (node.kind == NodeKind::Pack) return "pack";
    return std::string(nodeKindName(node.kind)) + ":" + node.id;
}

std::string toString(const FieldRef& field) {
    return toString(field.node) + field.pointer;
}

std::optional<NodeRef> parseNodeRef(std::string_view text) {
    if (text == "pack") return NodeRef::pack();
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto kind = parseNodeKind(text.substr(0, colon));
    if (!kind || *kind == NodeKind::Pack || colon + 1 == text.size()) return std::nullopt;
    return NodeRef{*kind, std::string(text.substr(colon + 1))};
}

std::optional<FieldRef> parseFieldRef(std::string_view text) {
    const auto slash = text.find('/');
    const auto node = parseNodeRef(text.substr(0, slash));
    if (!node) return std::nullopt;
    return FieldRef{*node, slash == std::string_view::npos ? "" : std::string(text.substr(slash))};
}

std::string joinPointer(const std::vector<std::string>& tokens) {
    std::string out;
    for (const auto& token : tokens) {
        out += '/';
        for (const char c : token) {
            if (c == '~')
                out += "~0";
            else if (c == '/')
                out += "~1";
            else
                out += c;
        }
    }
    return out;
}

std::optional<std::vector<std::string>> parsePointer(std::string_view pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty()) return tokens;
    if (pointer.front() != '/') return std::nullopt;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(std::move(token));
            token.clear();
        } else if (pointer[i] == '~' && i + 1 < pointer.size() &&
                   (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
            token += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            token += pointer[i];
        }
    }
    return tokens;
}

std::optional<std::size_t> findExhibition(const Pack& pack, const std::string& id) {
    for (std::size_t e = 0; e < pack.exhibitions.size(); ++e)
        if (pack.exhibitions[e].id == id) return e;
    return std::nullopt;
}

std::optional<ChapterPosition> findChapter(const Pack& pack, const std::string& id) {
    for (std::size_t e = 0; e < pack.exhibitions.size(); ++e)
        for (std::size_t c = 0; c < pack.exhibitions[e].chapters.size(); ++c)
            if (pack.exhibitions[e].chapters[c].id == id) return ChapterPosition{e, c};
    return std::nullopt;
}

std::optional<ItemPosition> findItem(const Pack& pack, const std::string& id) {
    for (std::size_t e = 0; e < pack.exhibitions.size(); ++e)
        for (std::size_t c = 0; c < pack.exhibitions[e].chapters.size(); ++c) {
            const auto& items = pack.exhibitions[e].chapters[c].items;
            for (std::size_t i = 0; i < items.size(); ++i)
                if (items[i].id == id) return ItemPosition{e, c, i};
        }
    return std::nullopt;
}

std::optional<std::size_t> findVideo(const Pack& pack, const std::string& id) {
    for (std::size_t v = 0; v < pack.videos.size(); ++v)
        if (pack.videos[v].id == id) return v;
    return std::nullopt;
}

std::optional<std::size_t> findBank(const Pack& pack, const std::string& id) {
    for (std::size_t b = 0; b < pack.quizBanks.size(); ++b)
        if (pack.quizBanks[b].id == id) return b;
    return std::nullopt;
}

std::optional<QuestionPosition> findQuestion(const Pack& pack, const std::string& id) {
    for (std::size_t b = 0; b < pack.quizBanks.size(); ++b) {
        const auto& questions = pack.quizBanks[b].questions;
        for (std::size_t q = 0; q < questions.size(); ++q)
            if (questions[q].id == id) return QuestionPosition{b, q};
    }
    return std::nullopt;
}

bool nodeExists(const Pack& pack, const NodeRef& node) {
    switch (node.kind) {
    case NodeKind::Pack:
        return true;
    case NodeKind::Exhibition:
        return findExhibition(pack, node.id).has_value();
    case NodeKind::Chapter:
        return findChapter(pack, node.id).has_value();
    case NodeKind::Item:
        return findItem(pack, node.id).has_value();
    case NodeKind::Video:
        return findVideo(pack, node.id).has_value();
    case NodeKind::QuizBank:
        return findBank(pack, node.id).has_value();
    case NodeKind::Question:
        return findQuestion(pack, node.id).has_value();
    }
    return false;
}

std::optional<NodeKind> parentKind(NodeKind kind) {
    switch (kind) {
    case NodeKind::Pack:
        return std::nullopt;
    case NodeKind::Chapter:
        return NodeKind::Exhibition;
    case NodeKind::Item:
        return NodeKind::Chapter;
    case NodeKind::Question:
        return NodeKind::QuizBank;
    case NodeKind::Exhibition:
    case NodeKind::Video:
    case NodeKind::QuizBank:
        return NodeKind::Pack;
    }
    return std::nullopt;
}

std::optional<ParentSlot> findParentSlot(const Pack& pack, const NodeRef& node) {
    switch (node.kind) {
    case NodeKind::Pack:
        return std::nullopt;
    case NodeKind::Exhibition:
        if (const auto e = findExhibition(pack, node.id)) return ParentSlot{NodeRef::pack(), *e};
        return std::nullopt;
    case NodeKind::Video:
        if (const auto v = findVideo(pack, node.id)) return ParentSlot{NodeRef::pack(), *v};
        return std::nullopt;
    case NodeKind::QuizBank:
        if (const auto b = findBank(pack, node.id)) return ParentSlot{NodeRef::pack(), *b};
        return std::nullopt;
    case NodeKind::Chapter:
        if (const auto c = findChapter(pack, node.id))
            return ParentSlot{NodeRef::exhibition(pack.exhibitions[c->exhibition].id), c->chapter};
        return std::nullopt;
    case NodeKind::Item:
        if (const auto i = findItem(pack, node.id))
            return ParentSlot{
                NodeRef::chapter(pack.exhibitions[i->exhibition].chapters[i->chapter].id), i->item};
        return std::nullopt;
    case NodeKind::Question:
        if (const auto q = findQuestion(pack, node.id))
            return ParentSlot{NodeRef::quizBank(pack.quizBanks[q->bank].id), q->question};
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::size_t> childCount(const Pack& pack, const NodeRef& parent, NodeKind childKind) {
    if (parentKind(childKind) != parent.kind) return std::nullopt;
    switch (childKind) {
    case NodeKind::Exhibition:
        return pack.exhibitions.size();
    case NodeKind::Video:
        return pack.videos.size();
    case NodeKind::QuizBank:
        return pack.quizBanks.size();
    case NodeKind::Chapter:
        if (const auto e = findExhibition(pack, parent.id))
            return pack.exhibitions[*e].chapters.size();
        return std::nullopt;
    case NodeKind::Item:
        if (const auto c = findChapter(pack, parent.id))
            return pack.exhibitions[c->exhibition].chapters[c->chapter].items.size();
        return std::nullopt;
    case NodeKind::Question:
        if (const auto b = findBank(pack, parent.id)) return pack.quizBanks[*b].questions.size();
        return std::nullopt;
    case NodeKind::Pack:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace lantai::core::edit
