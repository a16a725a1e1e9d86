// core/edit: a catalogue import (core/catalogue's plan) as one undoable edit — field edits of
// the updated items, moves, new items and the image files copied in, in one CompoundCommand
#pragma once

#include "core/base/result.h"
#include "core/catalogue/catalogue_import.h"
#include "core/edit/commands.h"

#include <filesystem>

namespace lantai::core::edit {

// The command that applies `plan` (made from `pack`, without errors) to `pack`: the result is
// the pack applyCataloguePlan gives, and its undo restores the pack and takes the copied images
// out again (into the session's trash, from where a redo brings them back). For every updated
// item, one field edit per member that changes (a text whose English changes is set whole, so
// the translation memory records the English as current; one whose Chinese alone changes is set
// at /zh, so the English shows as possibly outdated), then the move to the end of its new
// chapter; a new item is inserted at the end of its chapter.
//
// The plan's image copies are staged into `packRoot`'s staging folder first (stageMediaFile:
// slow for large scans, any thread) and adopted by the command. Errors: a plan with errors
// (catalogue.not_imported), an image that cannot be copied (nothing stays staged then).
Result<CommandPtr> catalogueImportCommand(const Pack& pack, const std::filesystem::path& packRoot,
                                          const CataloguePlan& plan);

} // namespace lantai::core::edit
