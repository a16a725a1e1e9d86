// core/edit: the edit commands (field, insert, remove, move, compound) and their JSON forms
#include "core/edit/commands.h"

#include "core/edit/node_tree.h"

#include <utility>

namespace lantai::core::edit {

namespace {

Diagnostic journalError(const std::string& what) {
    return operationalError("edit.journal_entry", "",
                            "A journal entry cannot be read: " + what + ".",
                            "无法读取日志条目：" + what + "。");
}

// The pointer of the text whose English an edit at `pointer` (setting `value`) writes: the
// text itself for "/caption/en" or a whole text object, else "". A narration is keyed by
// language too, but holds audio paths, not a translation.
std::string englishTextPointer(const std::string& pointer, const Json& value) {
    if (pointer == "/narration" || pointer.starts_with("/narration/")) return {};
    if (pointer.size() > 3 && pointer.ends_with("/en"))
        return pointer.substr(0, pointer.size() - 3);
    if (value.is_object() && value.contains("zh")) return pointer;
    return {};
}

std::string stringAt(const Json& document, const std::string& pointer) {
    const Json value = valueAt(document, pointer);
    return value.is_string() ? value.get<std::string>() : std::string();
}

const Json* member(const Json& json, const char* key) {
    const auto it = json.find(key);
    return it == json.end() ? nullptr : &*it;
}

std::optional<NodeRef> nodeMember(const Json& json, const char* key) {
    const Json* value = member(json, key);
    if (!value || !value->is_string()) return std::nullopt;
    return parseNodeRef(value->get<std::string>());
}

std::optional<std::size_t> indexMember(const Json& json, const char* key) {
    const Json* value = member(json, key);
    if (!value || !value->is_number_unsigned()) return std::nullopt;
    return value->get<std::size_t>();
}

} // namespace

LocalizedText nodeKindLabel(NodeKind kind) {
    switch (kind) {
    case NodeKind::Pack:
        return {"内容包", "pack"};
    case NodeKind::Exhibition:
        return {"展览", "exhibition"};
    case NodeKind::Chapter:
        return {"单元", "part"};
    case NodeKind::Item:
        return {"展品", "item"};
    case NodeKind::Video:
        return {"视频", "video"};
    case NodeKind::QuizBank:
        return {"题库", "quiz bank"};
    case NodeKind::Question:
        return {"题目", "question"};
    }
    return {"内容", "content"};
}

// ---- SetFieldCommand -------------------------------------------------------------------------

SetFieldCommand::SetFieldCommand(FieldRef field, Json value, std::uint64_t activation)
    : m_field(std::move(field)), m_after(std::move(value)), m_activation(activation) {}

Status SetFieldCommand::apply(EditContext& context) {
    if (!m_headAfter) {
        auto headBefore = copyHead(context.pack, m_field.node);
        auto patch = patchField(context.pack, m_field, m_after);
        if (!patch) return std::move(patch).error();
        m_before = std::move(patch->before);
        m_headBefore = std::move(headBefore);
        m_headAfter = std::move(patch->head);
        const Json beforeJson = nodeToJson(*m_headBefore);
        const Json afterJson = nodeToJson(*m_headAfter);
        m_noOp = beforeJson == afterJson;
        const std::string text = englishTextPointer(m_field.pointer, m_after);
        if (!text.empty()) {
            m_textKey = toString(FieldRef{m_field.node, text});
            m_recordBefore = context.translations.record(m_textKey);
            if (!stringAt(afterJson, text + "/en").empty())
                m_recordAfter = textHash(stringAt(afterJson, text + "/zh"));
        }
    } else if (!nodeExists(context.pack, m_field.node)) {
        return operationalError("edit.no_node", "", "There is no " + toString(m_field.node) + ".",
                                "找不到 " + toString(m_field.node) + "。");
    }
    assignHead(context.pack, m_field.node, *m_headAfter);
    if (!m_textKey.empty()) context.translations.setRecord(m_textKey, m_recordAfter);
    return {};
}

Status SetFieldCommand::revert(EditContext& context) {
    if (!m_headBefore || !nodeExists(context.pack, m_field.node))
        return operationalError("edit.no_node", "", "There is no " + toString(m_field.node) + ".",
                                "找不到 " + toString(m_field.node) + "。");
    assignHead(context.pack, m_field.node, *m_headBefore);
    if (!m_textKey.empty()) context.translations.setRecord(m_textKey, m_recordBefore);
    return {};
}

Json SetFieldCommand::toJson() const {
    Json out = {
        {"type", "set"}, {"field", toString(m_field)}, {"before", m_before}, {"after", m_after}};
    if (m_activation) out["activation"] = m_activation;
    return out;
}

CommandPtr SetFieldCommand::inverse() const {
    // Applied: the node's fields as they were, at once (a patch can have side effects, e.g. a
    // question turned true/false loses its options, that setting the field back would not undo).
    if (m_headBefore)
        return std::make_unique<SetFieldCommand>(FieldRef{m_field.node, ""},
                                                 nodeToJson(*m_headBefore));
    auto undo = std::make_unique<SetFieldCommand>(m_field, m_before);
    undo->setBefore(m_after);
    return undo;
}

LocalizedText SetFieldCommand::label() const {
    const LocalizedText kind = nodeKindLabel(m_field.node.kind);
    const auto tokens = parsePointer(m_field.pointer);
    const std::string name = tokens && !tokens->empty() ? tokens->front() : std::string();
    return {"修改" + kind.zh + "（" + name + "）", "Edit " + kind.en + " " + name};
}

bool SetFieldCommand::absorb(Command& next) {
    auto* other = dynamic_cast<SetFieldCommand*>(&next);
    if (!other || m_activation == 0 || other->m_activation != m_activation ||
        !(other->m_field == m_field) || !other->m_headAfter || !m_headBefore)
        return false;
    m_after = other->m_after;
    m_headAfter = std::move(other->m_headAfter);
    m_recordAfter = other->m_recordAfter;
    m_noOp = nodeToJson(*m_headBefore) == nodeToJson(*m_headAfter);
    return true;
}

// ---- InsertNodeCommand -----------------------------------------------------------------------

InsertNodeCommand::InsertNodeCommand(NodeRef parent, std::size_t index, AnyNode node)
    : m_parent(std::move(parent)), m_index(index), m_node(std::move(node)) {}

Status InsertNodeCommand::apply(EditContext& context) {
    const NodeRef self{kindOf(m_node), idOf(m_node)};
    if (nodeExists(context.pack, self))
        return operationalError("id.duplicate", "",
                                "The id \"" + self.id + "\" is already used by another " +
                                    nodeKindLabel(self.kind).en + ".",
                                "标识 \"" + self.id + "\" 已被另一个" +
                                    nodeKindLabel(self.kind).zh + "使用。");
    return putNode(context.pack, m_parent, m_index, m_node);
}

Status InsertNodeCommand::revert(EditContext& context) {
    const NodeRef self{kindOf(m_node), idOf(m_node)};
    const auto slot = findParentSlot(context.pack, self);
    if (!slot || !(slot->parent == m_parent) || slot->index != m_index)
        return operationalError("edit.bad_slot", "",
                                toString(self) + " is no longer where it was inserted.",
                                toString(self) + " 已不在插入时的位置。");
    auto taken = takeNode(context.pack, self);
    if (!taken) return std::move(taken).error();
    return {};
}

Json InsertNodeCommand::toJson() const {
    return {{"type", "insert"},
            {"parent", toString(m_parent)},
            {"index", m_index},
            {"kind", nodeKindName(kindOf(m_node))},
            {"node", nodeToJson(m_node)}};
}

CommandPtr InsertNodeCommand::inverse() const {
    return std::make_unique<RemoveNodeCommand>(NodeRef{kindOf(m_node), idOf(m_node)});
}

LocalizedText InsertNodeCommand::label() const {
    const LocalizedText kind = nodeKindLabel(kindOf(m_node));
    return {"添加" + kind.zh, "Add " + kind.en};
}

// ---- RemoveNodeCommand -----------------------------------------------------------------------

RemoveNodeCommand::RemoveNodeCommand(NodeRef node) : m_node(std::move(node)) {}

Status RemoveNodeCommand::apply(EditContext& context) {
    ParentSlot slot;
    auto removed = takeNode(context.pack, m_node, &slot);
    if (!removed) return std::move(removed).error();
    m_slot = slot;
    m_removed = std::move(*removed);
    return {};
}

Status RemoveNodeCommand::revert(EditContext& context) {
    if (!m_slot || !m_removed)
        return operationalError("edit.bad_slot", "", "Nothing to put back.", "没有可恢复的内容。");
    return putNode(context.pack, m_slot->parent, m_slot->index, *m_removed);
}

Json RemoveNodeCommand::toJson() const {
    Json out = {{"type", "remove"}, {"node", toString(m_node)}};
    if (m_slot && m_removed) {
        out["parent"] = toString(m_slot->parent);
        out["index"] = m_slot->index;
        out["value"] = nodeToJson(*m_removed);
    }
    return out;
}

CommandPtr RemoveNodeCommand::inverse() const {
    if (!m_slot || !m_removed) return nullptr;
    return std::make_unique<InsertNodeCommand>(m_slot->parent, m_slot->index, *m_removed);
}

LocalizedText RemoveNodeCommand::label() const {
    const LocalizedText kind = nodeKindLabel(m_node.kind);
    return {"删除" + kind.zh, "Delete " + kind.en};
}

// ---- MoveNodeCommand -------------------------------------------------------------------------

MoveNodeCommand::MoveNodeCommand(NodeRef node, NodeRef parent, std::size_t index)
    : m_node(std::move(node)), m_to(std::move(parent)), m_toIndex(index) {}

Status MoveNodeCommand::apply(EditContext& context) {
    const auto from = findParentSlot(context.pack, m_node);
    if (!from)
        return operationalError("edit.no_node", "", "There is no " + toString(m_node) + ".",
                                "找不到 " + toString(m_node) + "。");
    // The destination as it will be once the node is out of its place.
    const auto count = childCount(context.pack, m_to, m_node.kind);
    if (!count) return checkSlot(context.pack, m_to, 0, m_node.kind);
    if (m_toIndex > *count - (from->parent == m_to ? 1 : 0))
        return operationalError(
            "edit.bad_slot", "",
            "Position " + std::to_string(m_toIndex) + " is past the end of " + toString(m_to) + ".",
            "位置 " + std::to_string(m_toIndex) + " 超出了 " + toString(m_to) + " 的末尾。");
    auto node = takeNode(context.pack, m_node);
    if (Status put = putNode(context.pack, m_to, m_toIndex, std::move(*node)); !put) return put;
    m_from = from;
    return {};
}

Status MoveNodeCommand::revert(EditContext& context) {
    if (!m_from)
        return operationalError("edit.bad_slot", "", "Nothing to move back.", "无法移回。");
    const auto slot = findParentSlot(context.pack, m_node);
    if (!slot || !(slot->parent == m_to) || slot->index != m_toIndex)
        return operationalError("edit.bad_slot", "",
                                toString(m_node) + " is not where it was moved.",
                                toString(m_node) + " 已不在移动后的位置。");
    auto node = takeNode(context.pack, m_node);
    return putNode(context.pack, m_from->parent, m_from->index, std::move(*node));
}

Json MoveNodeCommand::toJson() const {
    Json out = {
        {"type", "move"}, {"node", toString(m_node)}, {"to", toString(m_to)}, {"index", m_toIndex}};
    if (m_from) {
        out["from"] = toString(m_from->parent);
        out["from_index"] = m_from->index;
    }
    return out;
}

CommandPtr MoveNodeCommand::inverse() const {
    if (!m_from) return nullptr;
    return std::make_unique<MoveNodeCommand>(m_node, m_from->parent, m_from->index);
}

LocalizedText MoveNodeCommand::label() const {
    const LocalizedText kind = nodeKindLabel(m_node.kind);
    return {"移动" + kind.zh, "Move " + kind.en};
}

bool MoveNodeCommand::isNoOp() const {
    return m_from && m_from->parent == m_to && m_from->index == m_toIndex;
}

// ---- CompoundCommand -------------------------------------------------------------------------

CompoundCommand::CompoundCommand(LocalizedText label, std::vector<CommandPtr> children)
    : m_label(std::move(label)), m_children(std::move(children)) {}

Status CompoundCommand::apply(EditContext& context) {
    for (std::size_t i = 0; i < m_children.size(); ++i) {
        if (Status ok = m_children[i]->apply(context); !ok) {
            while (i-- > 0)
                (void)m_children[i]->revert(context);
            return ok;
        }
    }
    return {};
}

Status CompoundCommand::revert(EditContext& context) {
    for (std::size_t i = m_children.size(); i-- > 0;) {
        if (Status ok = m_children[i]->revert(context); !ok) {
            for (std::size_t j = i + 1; j < m_children.size(); ++j)
                (void)m_children[j]->apply(context);
            return ok;
        }
    }
    return {};
}

Json CompoundCommand::toJson() const {
    Json children = Json::array();
    for (const auto& child : m_children)
        children.push_back(child->toJson());
    return {{"type", "compound"},
            {"label", {{"zh", m_label.zh}, {"en", m_label.en}}},
            {"children", std::move(children)}};
}

CommandPtr CompoundCommand::inverse() const {
    std::vector<CommandPtr> children;
    for (std::size_t i = m_children.size(); i-- > 0;) {
        CommandPtr undo = m_children[i]->inverse();
        if (!undo) return nullptr;
        children.push_back(std::move(undo));
    }
    return std::make_unique<CompoundCommand>(m_label, std::move(children));
}

bool CompoundCommand::isNoOp() const {
    for (const auto& child : m_children)
        if (!child->isNoOp()) return false;
    return true;
}

// ---- from the journal ------------------------------------------------------------------------

Result<CommandPtr> commandFromJson(const Json& json) {
    const Json* type = json.is_object() ? member(json, "type") : nullptr;
    if (!type || !type->is_string()) return journalError("no \"type\"");
    const std::string kind = type->get<std::string>();
    if (kind == "set") {
        const Json* field = member(json, "field");
        const auto ref =
            field && field->is_string() ? parseFieldRef(field->get<std::string>()) : std::nullopt;
        if (!ref) return journalError("a field edit without its field");
        const Json* after = member(json, "after");
        const Json* activation = member(json, "activation");
        auto command = std::make_unique<SetFieldCommand>(
            *ref, after ? *after : Json(),
            activation && activation->is_number_unsigned() ? activation->get<std::uint64_t>() : 0);
        if (const Json* before = member(json, "before")) command->setBefore(*before);
        return CommandPtr(std::move(command));
    }
    if (kind == "insert") {
        const auto parent = nodeMember(json, "parent");
        const auto index = indexMember(json, "index");
        const Json* nodeKind = member(json, "kind");
        const auto parsedKind = nodeKind && nodeKind->is_string()
                                    ? parseNodeKind(nodeKind->get<std::string>())
                                    : std::nullopt;
        const Json* node = member(json, "node");
        if (!parent || !index || !parsedKind || !node) return journalError("an incomplete insert");
        Diagnostics ignored;
        auto read = nodeFromJson(*parsedKind, *node, ignored);
        if (!read) return std::move(read).error();
        return CommandPtr(std::make_unique<InsertNodeCommand>(*parent, *index, std::move(*read)));
    }
    if (kind == "remove") {
        const auto node = nodeMember(json, "node");
        if (!node) return journalError("a remove without its node");
        auto command = std::make_unique<RemoveNodeCommand>(*node);
        const auto parent = nodeMember(json, "parent");
        const auto index = indexMember(json, "index");
        if (const Json* value = member(json, "value"); parent && index && value) {
            Diagnostics ignored;
            auto read = nodeFromJson(node->kind, *value, ignored);
            if (!read) return std::move(read).error();
            command->setRemoved(ParentSlot{*parent, *index}, std::move(*read));
        }
        return CommandPtr(std::move(command));
    }
    if (kind == "move") {
        const auto node = nodeMember(json, "node");
        const auto to = nodeMember(json, "to");
        const auto index = indexMember(json, "index");
        if (!node || !to || !index) return journalError("an incomplete move");
        auto command = std::make_unique<MoveNodeCommand>(*node, *to, *index);
        const auto from = nodeMember(json, "from");
        const auto fromIndex = indexMember(json, "from_index");
        if (from && fromIndex) command->setFrom(ParentSlot{*from, *fromIndex});
        return CommandPtr(std::move(command));
    }
    if (kind == "adopt_file") {
        const Json* token = member(json, "token");
        const Json* name = member(json, "name");
        const Json* file = member(json, "file");
        const Json* reverse = member(json, "reverse");
        if (!token || !token->is_string() || !name || !name->is_string() || !file ||
            !file->is_string())
            return journalError("an incomplete file adoption");
        return CommandPtr(std::make_unique<AdoptFileCommand>(
            token->get<std::string>(), name->get<std::string>(), file->get<std::string>(),
            reverse && reverse->is_boolean() && reverse->get<bool>()));
    }
    if (kind == "compound") {
        const Json* label = member(json, "label");
        const Json* children = member(json, "children");
        if (!children || !children->is_array()) return journalError("a compound without children");
        std::vector<CommandPtr> list;
        for (const auto& child : *children) {
            auto command = commandFromJson(child);
            if (!command) return std::move(command).error();
            list.push_back(std::move(*command));
        }
        LocalizedText text;
        if (label && label->is_object()) {
            text.zh = label->value("zh", "");
            text.en = label->value("en", "");
        }
        return CommandPtr(std::make_unique<CompoundCommand>(std::move(text), std::move(list)));
    }
    return journalError("unknown type \"" + kind + "\"");
}

} // namespace lantai::core::edit
