// core/edit: node removal and insertion at a parent and index
#include "core/edit/node_tree.h"

#include "core/edit/commands.h"

namespace lantai::core::edit {

namespace {

Diagnostic treeError(std::string message, std::string messageZh) {
    return operationalError("edit.bad_slot", "", std::move(message), std::move(messageZh));
}

template <class T> T takeAt(std::vector<T>& vector, std::size_t index) {
    T value = std::move(vector[index]);
    vector.erase(vector.begin() + static_cast<std::ptrdiff_t>(index));
    return value;
}

template <class T> void putAt(std::vector<T>& vector, std::size_t index, T value) {
    vector.insert(vector.begin() + static_cast<std::ptrdiff_t>(index), std::move(value));
}

} // namespace

Status checkSlot(const Pack& pack, const NodeRef& parent, std::size_t index, NodeKind kind) {
    const auto count = childCount(pack, parent, kind);
    const LocalizedText what = nodeKindLabel(kind);
    if (!count)
        return treeError("There is no " + toString(parent) + " that can hold a " + what.en + ".",
                         "找不到可以放入" + what.zh + "的 " + toString(parent) + "。");
    if (index > *count)
        return treeError(
            "Position " + std::to_string(index) + " is past the end of " + toString(parent) + ".",
            "位置 " + std::to_string(index) + " 超出了 " + toString(parent) + " 的末尾。");
    return {};
}

Result<AnyNode> takeNode(Pack& pack, const NodeRef& node, ParentSlot* where) {
    const auto slot = findParentSlot(pack, node);
    if (!slot)
        return treeError("There is no " + toString(node) + ".", "找不到 " + toString(node) + "。");
    if (where) *where = *slot;
    switch (node.kind) {
    case NodeKind::Exhibition:
        return AnyNode(takeAt(pack.exhibitions, slot->index));
    case NodeKind::Video:
        return AnyNode(takeAt(pack.videos, slot->index));
    case NodeKind::QuizBank:
        return AnyNode(takeAt(pack.quizBanks, slot->index));
    case NodeKind::Chapter: {
        const auto e = findExhibition(pack, slot->parent.id);
        return AnyNode(takeAt(pack.exhibitions[*e].chapters, slot->index));
    }
    case NodeKind::Item: {
        const auto c = findChapter(pack, slot->parent.id);
        return AnyNode(
            takeAt(pack.exhibitions[c->exhibition].chapters[c->chapter].items, slot->index));
    }
    case NodeKind::Question: {
        const auto b = findBank(pack, slot->parent.id);
        return AnyNode(takeAt(pack.quizBanks[*b].questions, slot->index));
    }
    case NodeKind::Pack:
        break;
    }
    return treeError("The pack itself cannot be removed.", "不能删除内容包本身。");
}

Status putNode(Pack& pack, const NodeRef& parent, std::size_t index, AnyNode node) {
    if (Status ok = checkSlot(pack, parent, index, kindOf(node)); !ok) return ok;
    switch (kindOf(node)) {
    case NodeKind::Exhibition:
        putAt(pack.exhibitions, index, std::get<Exhibition>(std::move(node)));
        return {};
    case NodeKind::Video:
        putAt(pack.videos, index, std::get<Video>(std::move(node)));
        return {};
    case NodeKind::QuizBank:
        putAt(pack.quizBanks, index, std::get<QuizBank>(std::move(node)));
        return {};
    case NodeKind::Chapter:
        putAt(pack.exhibitions[*findExhibition(pack, parent.id)].chapters, index,
              std::get<Chapter>(std::move(node)));
        return {};
    case NodeKind::Item: {
        const auto c = findChapter(pack, parent.id);
        putAt(pack.exhibitions[c->exhibition].chapters[c->chapter].items, index,
              std::get<Item>(std::move(node)));
        return {};
    }
    case NodeKind::Question:
        putAt(pack.quizBanks[*findBank(pack, parent.id)].questions, index,
              std::get<Question>(std::move(node)));
        return {};
    case NodeKind::Pack:
        break;
    }
    return treeError("A pack cannot be inserted into a pack.", "不能把内容包插入内容包。");
}

std::optional<AnyNode> copyNode(const Pack& pack, const NodeRef& node) {
    switch (node.kind) {
    case NodeKind::Pack:
        return AnyNode(pack);
    case NodeKind::Exhibition:
        if (const auto e = findExhibition(pack, node.id)) return AnyNode(pack.exhibitions[*e]);
        break;
    case NodeKind::Chapter:
        if (const auto c = findChapter(pack, node.id))
            return AnyNode(pack.exhibitions[c->exhibition].chapters[c->chapter]);
        break;
    case NodeKind::Item:
        if (const auto i = findItem(pack, node.id))
            return AnyNode(pack.exhibitions[i->exhibition].chapters[i->chapter].items[i->item]);
        break;
    case NodeKind::Video:
        if (const auto v = findVideo(pack, node.id)) return AnyNode(pack.videos[*v]);
        break;
    case NodeKind::QuizBank:
        if (const auto b = findBank(pack, node.id)) return AnyNode(pack.quizBanks[*b]);
        break;
    case NodeKind::Question:
        if (const auto q = findQuestion(pack, node.id))
            return AnyNode(pack.quizBanks[q->bank].questions[q->question]);
        break;
    }
    return std::nullopt;
}

} // namespace lantai::core::edit
