// tools/editor: File → Import catalogue… (file, sheet, column mapping, new-item chapter, diff
// preview, apply as one undo step) and File → Export catalogue… (XLSX or CSV)
#pragma once

#include "tools/editor/editor_context.h"

#include <nlohmann/json.hpp>

namespace lantai::editor {

// The two menu items, inside the File menu (they open the dialogs at the next frame).
void drawCatalogueMenuItems(EditorContext& ctx);
// The dialogs, drawn with the editor's other dialogs (in the main window, outside any menu).
void drawCatalogueDialogs(EditorContext& ctx);
// What the dialogs show, for the editor's state file ("catalogue": step, file, sheet, columns,
// the plan as `lantai catalogue import --json` prints it, the last export).
nlohmann::json catalogueDialogState();

} // namespace lantai::editor
