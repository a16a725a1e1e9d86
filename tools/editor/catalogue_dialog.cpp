// tools/editor: the catalogue import dialog — choose the file, map the columns, preview the
// changes, apply them as one undo step — and the File menu's two items
#include "tools/editor/catalogue_dialog.h"

#include "core/base/diagnostic.h"
#include "tools/editor/catalogue_dialog_state.h"
#include "tools/editor/file_dialog.h"

#include <algorithm>
#include <cstdlib>
#include <imgui_stdlib.h>

namespace lantai::editor {

namespace fs = std::filesystem;
using State = CatalogueDialogState;

namespace {

constexpr const char* kPopup = "导入目录 Import catalogue";
constexpr const char* kEncodings[] = {"自动 auto", "utf-8", "gb18030"};
const ImVec4 kRed(1.0f, 0.45f, 0.45f, 1), kYellow(0.95f, 0.7f, 0.3f, 1);

bool isSpreadsheet(const std::string& name) {
    std::string ext = fs::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext == ".xlsx" || ext == ".ods" || ext == ".csv" || ext == ".txt";
}

std::string encodingName(int index) {
    return index == 1 ? "utf-8" : index == 2 ? "gb18030" : "";
}

// A diagnostic as one line: where, then the message in both languages.
std::string diagnosticLine(const core::Diagnostic& d) {
    std::string where = !d.pointer.empty() ? d.pointer : d.file;
    if (d.pointer.empty() && d.line > 0)
        where +=
            ":" + std::to_string(d.line) + (d.column > 0 ? ":" + std::to_string(d.column) : "");
    return where + "  " + d.messageZh + "  " + d.message;
}

} // namespace

void drawCatalogueDiagnostics(EditorContext& ctx, const core::Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items()) {
        const std::string line = diagnosticLine(d);
        ctx.fonts.add(line);
        ImGui::PushStyleColor(ImGuiCol_Text, d.severity == core::Severity::Error ? kRed : kYellow);
        ImGui::TextWrapped("%s %s", d.severity == core::Severity::Error ? "×" : "!", line.c_str());
        ImGui::PopStyleColor();
    }
}

namespace {

void readFile(EditorContext& ctx, State& s) {
    ctx.fonts.add(s.path);
    if (s.import.load(ctx.doc.session(), s.path, encodingName(s.encoding))) {
        for (const auto& name : s.import.sheetNames())
            ctx.fonts.add(name);
        for (const auto& c : s.import.columns())
            ctx.fonts.add(c.header);
        for (const auto& info : core::catalogueFields()) // core's labels, not the editor's
            ctx.fonts.add(core::exportedHeader(info.field));
        // A sheet without a 单元 column: new rows go to the first chapter unless changed.
        const auto& columns = s.import.columns();
        const bool chapterColumn = std::any_of(columns.begin(), columns.end(), [](const auto& c) {
            return c.field == core::CatalogueField::Chapter;
        });
        const core::Pack& pack = ctx.doc.pack();
        if (!chapterColumn && s.import.newItemChapter.empty() && !pack.exhibitions.empty() &&
            !pack.exhibitions.front().chapters.empty())
            s.import.newItemChapter = pack.exhibitions.front().chapters.front().id;
        s.step = State::Step::Mapping;
    }
}

// ---- step 1: the file ----------------------------------------------------------------------

void drawFileStep(EditorContext& ctx, State& s) {
    ImGui::TextUnformatted(
        "选择目录表格（XLSX、ODS 或 CSV） Choose the catalogue (XLSX, ODS or CSV)");
    ImGui::SetNextItemWidth(640);
    ImGui::InputText("##catalogue-path", &s.path);
    ctx.targets.mark("dialog:catalogue:path");
    if (!externalChooser().empty()) {
        ImGui::SameLine();
        if (ImGui::Button("浏览… Browse…"))
            if (auto chosen = runExternalChooser(ChooserKind::OpenFile, kPopup))
                s.path = chosen->string();
    }
    ImGui::TextDisabled("%s", s.browsing.string().c_str());
    ImGui::BeginChild("catalogue-browser", ImVec2(640, 220), true);
    if (ImGui::Selectable("..")) s.browsing = s.browsing.parent_path();
    for (const auto& entry : listFolder(s.browsing)) {
        if (!entry.folder && !isSpreadsheet(entry.name)) continue;
        ctx.fonts.add(entry.name);
        const std::string label = (entry.folder ? "[ ] " : "    ") + entry.name;
        if (ImGui::Selectable(label.c_str())) {
            if (entry.folder)
                s.browsing /= entry.name;
            else
                s.path = (s.browsing / entry.name).string();
        }
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(200);
    ImGui::Combo("CSV 编码 encoding", &s.encoding, kEncodings, 3);
    ctx.targets.mark("dialog:catalogue:encoding");
    drawCatalogueDiagnostics(ctx, s.import.fileProblems());
    ImGui::BeginDisabled(s.path.empty());
    if (ImGui::Button("下一步 Next")) readFile(ctx, s);
    ctx.targets.mark("dialog:catalogue:read");
    ImGui::EndDisabled();
}

// ---- step 2: the columns -------------------------------------------------------------------

std::string fieldLabel(const std::optional<core::CatalogueField>& field,
                       core::ColumnSource source) {
    if (field) return core::exportedHeader(*field) + " (" + core::fieldInfo(*field).key + ")";
    return source == core::ColumnSource::Unknown ? "？未识别，不导入 unknown, not imported"
                                                 : "忽略 ignore";
}

const char* sourceLabel(const CatalogueColumnChoice& c) {
    if (c.changed) return "已修改 changed";
    switch (c.source) {
    case core::ColumnSource::Auto:
        return "自动 auto";
    case core::ColumnSource::Saved:
    case core::ColumnSource::Ignored:
        return "已保存 remembered";
    case core::ColumnSource::Unknown:
        break;
    }
    return "未识别 unknown";
}

void drawFieldCombo(EditorContext& ctx, State& s, CatalogueColumnChoice& c, std::size_t index) {
    const std::string id = "##field" + std::to_string(index);
    ImGui::SetNextItemWidth(-1);
    const bool open = ImGui::BeginCombo(id.c_str(), fieldLabel(c.field, c.source).c_str());
    ctx.targets.mark("dialog:catalogue:column:" + std::to_string(index));
    if (!open) return;
    if (ImGui::Selectable("忽略 ignore", !c.field)) {
        c.field.reset();
        c.changed = true;
        s.import.invalidatePlan();
    }
    ctx.targets.mark("dialog:catalogue:field:ignore");
    for (const auto& info : core::catalogueFields()) {
        const std::string label = fieldLabel(info.field, core::ColumnSource::Auto);
        if (ImGui::Selectable(label.c_str(), c.field == info.field)) {
            c.field = info.field;
            c.changed = true;
            s.import.invalidatePlan();
        }
        ctx.targets.mark(std::string("dialog:catalogue:field:") + info.key);
    }
    ImGui::EndCombo();
}

void drawChapterCombo(EditorContext& ctx, State& s) {
    const core::Pack& pack = ctx.doc.pack();
    std::string current = "按“单元”列 by the 单元 (part) column";
    std::vector<std::pair<std::string, std::string>> chapters; // id, label
    for (const auto& e : pack.exhibitions)
        for (const auto& c : e.chapters) {
            const std::string label = (e.title.zh.empty() ? e.id : e.title.zh) + " / " +
                                      (c.title.zh.empty() ? c.id : c.title.zh) + " (" + c.id + ")";
            chapters.emplace_back(c.id, label);
            if (c.id == s.import.newItemChapter) current = label;
        }
    ImGui::SetNextItemWidth(420);
    const bool open = ImGui::BeginCombo("新展品放入 New items go to", current.c_str());
    ctx.targets.mark("dialog:catalogue:chapter");
    if (!open) return;
    if (ImGui::Selectable("按“单元”列 by the 单元 (part) column",
                          s.import.newItemChapter.empty())) {
        s.import.newItemChapter.clear();
        s.import.invalidatePlan();
    }
    for (const auto& [id, label] : chapters) {
        if (ImGui::Selectable(label.c_str(), id == s.import.newItemChapter)) {
            s.import.newItemChapter = id;
            s.import.invalidatePlan();
        }
        ctx.targets.mark("dialog:catalogue:chapter:" + id);
    }
    ImGui::EndCombo();
}

void drawMappingStep(EditorContext& ctx, State& s) {
    CatalogueImport& im = s.import;
    ImGui::Text("%s", im.file().filename().string().c_str());
    const auto sheets = im.sheetNames();
    if (sheets.size() > 1) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(240);
        if (ImGui::BeginCombo("工作表 Sheet", sheets[im.sheetIndex()].c_str())) {
            for (std::size_t i = 0; i < sheets.size(); ++i) {
                if (ImGui::Selectable(sheets[i].c_str(), i == im.sheetIndex())) {
                    im.selectSheet(i);
                    for (const auto& c : im.columns())
                        ctx.fonts.add(c.header);
                }
                ctx.targets.mark("dialog:catalogue:sheet:" + std::to_string(i));
            }
            ImGui::EndCombo();
        }
        ctx.targets.mark("dialog:catalogue:sheet");
    }
    if (im.isCsv()) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160);
        if (ImGui::Combo("编码 encoding", &s.encoding, kEncodings, 3)) readFile(ctx, s);
        ctx.targets.mark("dialog:catalogue:encoding");
    }
    if (im.headerRow() >= 0)
        ImGui::TextDisabled(
            "表头在第 %d 行；每列对应的字段（可修改）The header is row %d; the field "
            "of each column (change it here)",
            im.headerRow() + 1, im.headerRow() + 1);
    const float tableHeight =
        std::min(360.0f, 30.0f + 28.0f * static_cast<float>(im.columns().size()));
    if (ImGui::BeginTable("catalogue-columns", 4,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                          ImVec2(820, tableHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("列 Column", ImGuiTableColumnFlags_WidthFixed, 70);
        ImGui::TableSetupColumn("表头 Header", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("字段 Field", ImGuiTableColumnFlags_WidthFixed, 330);
        ImGui::TableSetupColumn("来源 Source", ImGuiTableColumnFlags_WidthFixed, 130);
        ImGui::TableHeadersRow();
        auto& columns = im.columns();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            auto& c = columns[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::columnName(c.column).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.header.empty() ? "（空 empty）" : c.header.c_str());
            ImGui::TableNextColumn();
            ImGui::BeginDisabled(c.header.empty()); // only a header can be mapped by name
            drawFieldCombo(ctx, s, c, i);
            ImGui::EndDisabled();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(sourceLabel(c));
        }
        ImGui::EndTable();
    }
    drawChapterCombo(ctx, s);
    ImGui::SetNextItemWidth(420);
    ImGui::InputTextWithHint("图像文件夹 Images folder",
                             "可选 optional: 文件名列中的图像所在的文件夹", &im.imagesDir);
    ctx.targets.mark("dialog:catalogue:images");
    drawCatalogueDiagnostics(ctx, im.columnProblems());
    if (ImGui::Button("返回 Back")) s.step = State::Step::File;
    ctx.targets.mark("dialog:catalogue:back");
    ImGui::SameLine();
    if (ImGui::Button("预览更改 Preview changes")) {
        im.plan(ctx.doc.session());
        s.step = State::Step::Preview;
    }
    ctx.targets.mark("dialog:catalogue:preview");
}

} // namespace

// ---- the entry points ----------------------------------------------------------------------

CatalogueDialogState& catalogueDialogs() {
    static CatalogueDialogState state;
    return state;
}

void drawCatalogueMenuItems(EditorContext& ctx) {
    const bool open = ctx.doc.isOpen();
    const bool writable = open && !ctx.doc.session().readOnly();
    State& s = catalogueDialogs();
    if (ImGui::MenuItem("导入目录… Import catalogue…", nullptr, false, writable))
        s.openImport = true;
    ctx.targets.mark("menu:import-catalogue");
    if (ImGui::MenuItem("导出目录… Export catalogue…", nullptr, false, open)) s.openExport = true;
    ctx.targets.mark("menu:export-catalogue");
}

void drawCatalogueDialogs(EditorContext& ctx) {
    State& s = catalogueDialogs();
    if (!ctx.doc.isOpen()) {
        s.step = State::Step::Closed;
        return;
    }
    const fs::path root = ctx.doc.session().root();
    if (s.openImport) {
        s.openImport = false;
        if (s.pack != root || s.step == State::Step::Closed) {
            const fs::path pack = s.pack;
            s.import = CatalogueImport();
            s.pack = root;
            if (pack != root || s.browsing.empty()) s.browsing = root.parent_path();
        }
        s.step = State::Step::File;
        ImGui::OpenPopup(kPopup);
    }
    if (s.openExport) {
        s.openExport = false;
        ImGui::OpenPopup("导出目录 Export catalogue");
    }
    drawCatalogueExportDialog(ctx, s);
    ImGui::SetNextWindowSize(ImVec2(880, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    switch (s.step) {
    case State::Step::File:
        drawFileStep(ctx, s);
        break;
    case State::Step::Mapping:
        drawMappingStep(ctx, s);
        break;
    case State::Step::Preview:
        drawCataloguePreviewStep(ctx, s);
        break;
    case State::Step::Closed:
        break;
    }
    if (s.step != State::Step::Closed) {
        ImGui::SameLine();
        if (ImGui::Button("取消 Cancel")) s.step = State::Step::Closed;
        ctx.targets.mark("dialog:catalogue:cancel");
    }
    if (s.step == State::Step::Closed) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

nlohmann::json catalogueDialogState() {
    const State& s = catalogueDialogs();
    const char* steps[] = {"closed", "file", "mapping", "preview"};
    nlohmann::json out = {{"step", steps[static_cast<int>(s.step)]}, {"last_export", s.lastExport}};
    if (s.import.loaded()) out["import"] = s.import.stateJson(); // also after Apply: what it did
    return out;
}

} // namespace lantai::editor
