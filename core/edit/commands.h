// core/edit: edit commands — every change to a pack is one, with an exact undo and a JSON form
// for the journal
#pragma once

#include "core/base/localized_text.h"
#include "core/base/result.h"
#include "core/edit/node_json.h"
#include "core/edit/translation_status.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lantai::core::edit {

// What a command works on: the in-memory pack, the translation memory, and the pack folder
// (media commands move files inside it). The folders media commands moved files into are
// fsync'ed once each after the whole command (a drop of 100 scans into images/ is one sync,
// not 100, on the thread that edits).
struct EditContext {
    Pack& pack;
    TranslationMemory& translations;
    std::filesystem::path root;
    std::set<std::filesystem::path> foldersToSync = {};
};

// One undoable change. `apply` is called for the first time and again for each redo; `revert`
// undoes the last apply exactly (the serialised pack is byte-identical afterwards). Both leave
// everything unchanged when they fail. `toJson` is the command's journal line; a command read
// back with commandFromJson and applied to the state it was first applied to reproduces it, and
// its `inverse()` applied to the state after it reproduces the state before (journal replay of
// an undo whose command is not on the replayed stack, after a save).
class Command {
  public:
    virtual ~Command() = default;
    virtual Status apply(EditContext& context) = 0;
    virtual Status revert(EditContext& context) = 0;
    virtual Json toJson() const = 0;
    // Exact once the command has been applied (it knows what it changed); from a journal line
    // alone, the best the line allows. nullptr when it does not know what it changes.
    virtual std::unique_ptr<Command> inverse() const = 0;
    // What the undo/redo buttons say ("修改展品 / Edit item").
    virtual LocalizedText label() const = 0;
    // Coalescing: takes `next` (applied right after this one) into this step when both edit the
    // same field in the same activation of a widget. True when it did.
    virtual bool absorb(Command& next) {
        (void)next;
        return false;
    }
    // The last apply changed nothing (a field set to the value it had).
    virtual bool isNoOp() const { return false; }
};

using CommandPtr = std::unique_ptr<Command>;

// Sets one field of a node (see patchField for what is refused). `activation` identifies one
// activation of one widget (0: none); consecutive edits of the same field with the same
// non-zero activation become one undo step.
class SetFieldCommand final : public Command {
  public:
    SetFieldCommand(FieldRef field, Json value, std::uint64_t activation = 0);

    Status apply(EditContext& context) override;
    Status revert(EditContext& context) override;
    Json toJson() const override;
    CommandPtr inverse() const override;
    LocalizedText label() const override;
    bool absorb(Command& next) override;
    bool isNoOp() const override { return m_noOp; }

    const FieldRef& field() const { return m_field; }
    std::uint64_t activation() const { return m_activation; }
    // The field's JSON before the first apply (null: absent); set by apply or from the journal.
    void setBefore(Json before) { m_before = std::move(before); }

  private:
    FieldRef m_field;
    Json m_after;
    Json m_before;
    std::uint64_t m_activation = 0;
    std::optional<AnyNode> m_headBefore, m_headAfter;
    std::string m_textKey; // the text whose English this edit writes, or empty
    std::optional<std::string> m_recordBefore, m_recordAfter;
    bool m_noOp = false;
};

// Inserts a node (with its children) as child `index` of `parent`. Refused when the parent
// does not exist or has another kind, the index is past the end, or the id is taken.
class InsertNodeCommand final : public Command {
  public:
    InsertNodeCommand(NodeRef parent, std::size_t index, AnyNode node);
    Status apply(EditContext& context) override;
    Status revert(EditContext& context) override;
    Json toJson() const override;
    CommandPtr inverse() const override;
    LocalizedText label() const override;

  private:
    NodeRef m_parent;
    std::size_t m_index = 0;
    AnyNode m_node;
};

// Removes a node and everything below it.
class RemoveNodeCommand final : public Command {
  public:
    explicit RemoveNodeCommand(NodeRef node);
    Status apply(EditContext& context) override;
    Status revert(EditContext& context) override;
    Json toJson() const override;
    CommandPtr inverse() const override;
    LocalizedText label() const override;
    // What a journal line says was removed (for its inverse).
    void setRemoved(ParentSlot slot, AnyNode node) {
        m_slot = std::move(slot);
        m_removed = std::move(node);
    }

  private:
    NodeRef m_node;
    std::optional<ParentSlot> m_slot; // where it was
    std::optional<AnyNode> m_removed;
};

// Moves a node to child `index` of `parent` (the index it has after the move; the same parent
// reorders). Items move between chapters, chapters between exhibitions, questions between banks.
class MoveNodeCommand final : public Command {
  public:
    MoveNodeCommand(NodeRef node, NodeRef parent, std::size_t index);
    Status apply(EditContext& context) override;
    Status revert(EditContext& context) override;
    Json toJson() const override;
    CommandPtr inverse() const override;
    LocalizedText label() const override;
    bool isNoOp() const override;
    // Where a journal line says the node came from (for its inverse).
    void setFrom(ParentSlot from) { m_from = std::move(from); }

  private:
    NodeRef m_node;
    NodeRef m_to;
    std::size_t m_toIndex = 0;
    std::optional<ParentSlot> m_from;
};

// Brings a media copy into the pack at `file` (pack-relative): from the staging folder the copy
// was made in, or back from the trash where an undo put it. Reversed (the undo), the file goes
// to .lantai-edit/trash/<token>/, so the pack folder no longer has it and a redo can bring it
// back. Idempotent against the disk: a journal replay after a crash finds the file where the
// crashed session left it.
class AdoptFileCommand final : public Command {
  public:
    // `token` and `name` are the StagedFile's; `file` the pack path it gets.
    AdoptFileCommand(std::string token, std::string name, std::string file, bool reverse = false);
    Status apply(EditContext& context) override;
    Status revert(EditContext& context) override;
    Json toJson() const override;
    CommandPtr inverse() const override;
    LocalizedText label() const override;

  private:
    Status bringIn(EditContext& context) const;
    Status takeOut(EditContext& context) const;
    std::string m_token;
    std::string m_name;
    std::string m_file;
    bool m_reverse = false;
};

// Several commands as one undo step (batch edits, a delete with the references it clears, an
// import, a media drop). Applied in order, reverted in reverse; a failing child reverts the
// ones before it.
class CompoundCommand final : public Command {
  public:
    CompoundCommand(LocalizedText label, std::vector<CommandPtr> children);
    Status apply(EditContext& context) override;
    Status revert(EditContext& context) override;
    Json toJson() const override;
    CommandPtr inverse() const override;
    LocalizedText label() const override { return m_label; }
    bool isNoOp() const override;
    const std::vector<CommandPtr>& children() const { return m_children; }

  private:
    LocalizedText m_label;
    std::vector<CommandPtr> m_children;
};

// The command a journal line describes (not applied yet).
Result<CommandPtr> commandFromJson(const Json& json);

// "展品 / item" and friends, for labels and messages.
LocalizedText nodeKindLabel(NodeKind kind);

} // namespace lantai::core::edit
