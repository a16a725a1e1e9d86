// core/edit: the undo/redo stacks — unlimited, coalescing per field activation, and where the
// last save stands
#pragma once

#include "core/edit/commands.h"

#include <optional>
#include <vector>

namespace lantai::core::edit {

// Holds applied commands; it never applies or reverts them itself (the session does, and
// journals each step).
//
// Threading: the session's thread.
class CommandStack {
  public:
    // `command` has just been applied. It joins the top step when the top absorbs it (same field,
    // same activation) unless the top is the saved state; a step that no longer changes
    // anything is dropped. Otherwise it becomes a new step. The redo stack is cleared.
    void pushApplied(CommandPtr command);

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    Command* undoTop() const { return m_undo.empty() ? nullptr : m_undo.back().get(); }
    Command* redoTop() const { return m_redo.empty() ? nullptr : m_redo.back().get(); }
    // The top step moved to the other stack (after the session reverted / re-applied it).
    void undone();
    void redone();

    std::size_t undoDepth() const { return m_undo.size(); }
    std::size_t redoDepth() const { return m_redo.size(); }

    // The current state is the saved one; isSaved() tells whether undo/redo came back to it.
    void markSaved() { m_savedDepth = m_undo.size(); }
    bool isSaved() const { return m_savedDepth && *m_savedDepth == m_undo.size(); }
    void clear();

  private:
    std::vector<CommandPtr> m_undo;
    std::vector<CommandPtr> m_redo;
    std::optional<std::size_t> m_savedDepth = 0; // nullopt: the saved state cannot come back
};

} // namespace lantai::core::edit
