// core/edit: undo/redo bookkeeping with coalescing and the saved depth
#include "core/edit/command_stack.h"

namespace lantai::core::edit {

void CommandStack::pushApplied(CommandPtr command) {
    const bool topIsSaved = m_savedDepth && *m_savedDepth == m_undo.size();
    const bool absorbed = !m_undo.empty() && !topIsSaved && m_undo.back()->absorb(*command);
    if (!absorbed && command->isNoOp()) return; // nothing changed: the history stays as it is
    // Steps above the saved depth are gone for good once a new step replaces the redo stack.
    if (m_savedDepth && *m_savedDepth > m_undo.size()) m_savedDepth.reset();
    m_redo.clear();
    if (!absorbed) {
        m_undo.push_back(std::move(command));
        return;
    }
    if (m_undo.back()->isNoOp()) m_undo.pop_back();
}

void CommandStack::undone() {
    m_redo.push_back(std::move(m_undo.back()));
    m_undo.pop_back();
}

void CommandStack::redone() {
    m_undo.push_back(std::move(m_redo.back()));
    m_redo.pop_back();
}

void CommandStack::clear() {
    m_undo.clear();
    m_redo.clear();
    m_savedDepth = 0;
}

} // namespace lantai::core::edit
