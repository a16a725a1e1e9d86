// tools/editor: what the catalogue dialogs keep between frames (one editor window: one of each)
#pragma once

#include "tools/editor/catalogue_import.h"
#include "tools/editor/editor_context.h"

#include <filesystem>
#include <string>

namespace lantai::editor {

struct CatalogueDialogState {
    enum class Step { Closed, File, Mapping, Preview };
    Step step = Step::Closed;
    bool openImport = false; // the menu asked; the popup opens at the main window's level
    bool openExport = false;
    std::filesystem::path pack; // the pack the import is for (another pack: start again)
    std::string path;           // typed or picked
    std::filesystem::path browsing;
    int encoding = 0; // 0 auto, 1 utf-8, 2 gb18030
    CatalogueImport import;
    std::string exportPath;
    bool exportCsv = false;
    std::string lastExport; // the last file written, or the last problem
};

CatalogueDialogState& catalogueDialogs();

// Errors in red, warnings in yellow, each with its cell (目录!C17) and both languages.
void drawCatalogueDiagnostics(EditorContext& ctx, const core::Diagnostics& diagnostics);
// Step 3 of the import, the changes and Apply (catalogue_preview.cpp).
void drawCataloguePreviewStep(EditorContext& ctx, CatalogueDialogState& state);
// The export dialog (catalogue_export_dialog.cpp).
void drawCatalogueExportDialog(EditorContext& ctx, CatalogueDialogState& state);

} // namespace lantai::editor
