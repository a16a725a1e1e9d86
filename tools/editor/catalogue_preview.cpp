// tools/editor: the catalogue import's preview — what changes (item, field, old → new, cell), the
// items created, the errors that block applying — and Apply
#include "core/base/diagnostic.h"
#include "tools/editor/catalogue_dialog_state.h"

#include <imgui.h>

namespace lantai::editor {

namespace {

// One line of the preview table.
struct PreviewLine {
    std::string item, field, before, after, cell;
    bool created = false;
};

std::vector<PreviewLine> previewLines(EditorContext& ctx, const core::CataloguePlan& plan,
                                      const core::Sheet& sheet) {
    std::vector<PreviewLine> lines;
    for (const auto& change : plan.changes) {
        const std::string item =
            change.itemId + (change.reference.empty() ? "" : " (" + change.reference + ")");
        if (change.action == core::ItemAction::Create) {
            PreviewLine line{item,
                             "新建 new item",
                             "",
                             change.exhibition + "/" + change.chapter + ": " + change.item.title.zh,
                             core::cellName(sheet, change.row, -1),
                             true};
            ctx.fonts.add(line.item + line.after);
            lines.push_back(std::move(line));
            continue;
        }
        for (const auto& f : change.fields) {
            PreviewLine line{item,
                             core::exportedHeader(f.field),
                             core::displayValue(f.field, f.before),
                             core::displayValue(f.field, f.after),
                             core::cellName(sheet, change.row, f.column),
                             false};
            ctx.fonts.add(line.item + line.field + line.before + line.after + line.cell);
            lines.push_back(std::move(line));
        }
    }
    return lines;
}

void cellText(const std::string& text) {
    ImGui::TextUnformatted(text.empty() ? "—" : text.c_str());
    if (text.size() > 40 && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

} // namespace

void drawCataloguePreviewStep(EditorContext& ctx, CatalogueDialogState& s) {
    CatalogueImport& im = s.import;
    const core::CataloguePlan& plan = im.currentPlan();
    static std::uint64_t linesOf = 0;
    static std::vector<PreviewLine> lines;
    if (linesOf != im.planGeneration()) {
        lines = previewLines(ctx, plan, im.sheet());
        linesOf = im.planGeneration();
    }
    ImGui::Text("%s · %s: %d 行 rows", im.file().filename().string().c_str(), plan.sheet.c_str(),
                plan.rows);
    ImGui::Text(
        "更新 %zu 件展品（%zu 个字段），新建 %zu 件，未变 %d 件，表中没有 %d 件（保持不变），"
        "复制 %zu 个图像",
        plan.updatedCount(), plan.changedFieldCount(), plan.createdCount(), plan.unchanged,
        plan.notInSheet, plan.copies.size());
    ImGui::TextDisabled("Updated %zu items (%zu fields), created %zu, unchanged %d, not in the "
                        "sheet %d (left as they are), %zu images copied",
                        plan.updatedCount(), plan.changedFieldCount(), plan.createdCount(),
                        plan.unchanged, plan.notInSheet, plan.copies.size());
    if (!plan.ok())
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.45f, 1),
                           "%zu 处错误，不能应用 %zu errors: nothing can be applied",
                           plan.diagnostics.errorCount(), plan.diagnostics.errorCount());
    if (!plan.diagnostics.items().empty()) {
        ImGui::BeginChild("catalogue-problems", ImVec2(820, 120), true);
        drawCatalogueDiagnostics(ctx, plan.diagnostics);
        ImGui::EndChild();
    }
    if (ImGui::BeginTable("catalogue-changes", 5,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                              ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
                          ImVec2(820, 300))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("展品 Item", ImGuiTableColumnFlags_WidthFixed, 170);
        ImGui::TableSetupColumn("字段 Field", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableSetupColumn("原值 Old", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("新值 New", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("单元格 Cell", ImGuiTableColumnFlags_WidthFixed, 90);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(lines.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const PreviewLine& line = lines[static_cast<std::size_t>(i)];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                cellText(line.item);
                ImGui::TableNextColumn();
                if (line.created)
                    ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.5f, 1), "%s", line.field.c_str());
                else
                    ImGui::TextUnformatted(line.field.c_str());
                ImGui::TableNextColumn();
                cellText(line.before);
                ImGui::TableNextColumn();
                cellText(line.after);
                ImGui::TableNextColumn();
                cellText(line.cell);
            }
        ImGui::EndTable();
    }
    if (plan.ok() && plan.changes.empty())
        ImGui::TextUnformatted("没有需要修改的内容 Nothing to change");
    else if (plan.ok())
        ImGui::TextDisabled("应用后，一次“撤销”即可还原整个导入 One Undo reverts the whole import");
    if (ImGui::Button("返回 Back")) s.step = CatalogueDialogState::Step::Mapping;
    ctx.targets.mark("dialog:catalogue:back");
    ImGui::SameLine();
    ImGui::BeginDisabled(!plan.ok() || plan.changes.empty());
    if (ImGui::Button("应用 Apply")) {
        std::string mappingProblem;
        const std::size_t updated = plan.updatedCount(), created = plan.createdCount();
        if (report(ctx, im.apply(ctx.doc.session(), mappingProblem))) {
            ctx.status = "已导入目录：更新 " + std::to_string(updated) + " 件，新建 " +
                         std::to_string(created) +
                         " 件 Catalogue imported: " + std::to_string(updated) + " updated, " +
                         std::to_string(created) + " created";
            ctx.doc.message(ctx.status);
            if (!mappingProblem.empty())
                ctx.doc.message("列对应未能保存 The column mapping was not saved: " +
                                mappingProblem);
            s.step = CatalogueDialogState::Step::Closed;
        }
    }
    ctx.targets.mark("dialog:catalogue:apply");
    ImGui::EndDisabled();
}

} // namespace lantai::editor
