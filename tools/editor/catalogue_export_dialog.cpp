// tools/editor: File → Export catalogue… — the pack as it is being edited (unsaved edits
// included) written as XLSX or CSV through tools/catalogue's writer
#include "core/catalogue/catalogue_export.h"
#include "tools/catalogue/catalogue_io.h"
#include "tools/editor/catalogue_dialog_state.h"
#include "tools/editor/file_dialog.h"

#include <imgui_stdlib.h>

namespace lantai::editor {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPopup = "导出目录 Export catalogue";

// <the pack's folder>/../<folder name>-目录.xlsx (or .csv).
std::string defaultPath(const fs::path& root, bool csv) {
    const fs::path folder = root.has_filename() ? root : root.parent_path();
    return (folder.parent_path() /
            (folder.filename().string() + "-目录" + (csv ? ".csv" : ".xlsx")))
        .string();
}

void exportTo(EditorContext& ctx, CatalogueDialogState& s) {
    const core::CatalogueTable table = core::catalogueTable(ctx.doc.pack());
    if (!report(ctx, core::catalogue_io::writeCatalogueFile(s.exportPath, table))) {
        s.lastExport = ctx.status;
        return;
    }
    const std::string n = std::to_string(table.rows.size());
    ctx.status = "已导出 " + n + " 件展品到 " + s.exportPath + " Exported " + n + " items to " +
                 s.exportPath;
    ctx.doc.message(ctx.status);
    ctx.fonts.add(ctx.status);
    s.lastExport = s.exportPath;
    ImGui::CloseCurrentPopup();
}

} // namespace

void drawCatalogueExportDialog(EditorContext& ctx, CatalogueDialogState& s) {
    if (ImGui::IsPopupOpen(kPopup) && s.exportPath.empty())
        s.exportPath = defaultPath(ctx.doc.session().root(), s.exportCsv);
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("每件展品一行，含未保存的修改 One row per item, unsaved edits included");
    int format = s.exportCsv ? 1 : 0;
    const bool xlsx = ImGui::RadioButton("XLSX (Excel, WPS)", &format, 0);
    ctx.targets.mark("dialog:catalogue-export:xlsx");
    ImGui::SameLine();
    const bool csv = ImGui::RadioButton("CSV (UTF-8, Excel)", &format, 1);
    ctx.targets.mark("dialog:catalogue-export:csv");
    if (xlsx || csv) {
        s.exportCsv = format == 1;
        s.exportPath =
            fs::path(s.exportPath).replace_extension(s.exportCsv ? ".csv" : ".xlsx").string();
    }
    ImGui::SetNextItemWidth(640);
    ImGui::InputText("##catalogue-export-path", &s.exportPath);
    ctx.targets.mark("dialog:catalogue-export:path");
    if (!externalChooser().empty()) {
        ImGui::SameLine();
        if (ImGui::Button("文件夹… Folder…"))
            if (auto folder = runExternalChooser(ChooserKind::SaveFolder, kPopup))
                s.exportPath = (*folder / fs::path(s.exportPath).filename()).string();
    }
    if (ImGui::Button("导出 Export") && !s.exportPath.empty()) exportTo(ctx, s);
    ctx.targets.mark("dialog:catalogue-export:ok");
    ImGui::SameLine();
    if (ImGui::Button("取消 Cancel")) ImGui::CloseCurrentPopup();
    ctx.targets.mark("dialog:catalogue-export:cancel");
    ImGui::EndPopup();
}

} // namespace lantai::editor
