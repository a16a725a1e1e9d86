// tools/editor: the diagnostics panel — the validator's findings on the pack being edited (the
// same codes as `lantai validate`), zh/en, each selecting its node and field when clicked
#include "tools/editor/editor_context.h"

namespace lantai::editor {

void drawDiagnosticsPanel(EditorContext& ctx) {
    if (!ctx.doc.isOpen()) return;
    const auto& report = ctx.doc.report();
    const bool current = ctx.doc.validationCurrent();
    if (report.revision == ~std::uint64_t(0))
        ImGui::TextDisabled("%s", "正在检查… Checking…");
    else
        ImGui::Text("%s错误 %zu  警告 %zu   errors %zu, warnings %zu", current ? "" : "（检查中）",
                    report.errors, report.warnings, report.errors, report.warnings);
    const auto& messages = ctx.doc.messages();
    if (!messages.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "| %s", messages.back().c_str());
    }
    ImGui::BeginChild("diagnostics", ImVec2(0, 0), false);
    int row = 0;
    for (const auto& located : report.diagnostics) {
        const auto& d = located.diagnostic;
        const bool error = d.severity == core::Severity::Error;
        ImGui::PushID(row++);
        ImGui::PushStyleColor(ImGuiCol_Text,
                              error ? ImVec4(1.0f, 0.45f, 0.45f, 1) : ImVec4(0.95f, 0.8f, 0.4f, 1));
        const std::string label = std::string(error ? "错误 " : "警告 ") + "[" + d.code + "] " +
                                  (d.messageZh.empty() ? d.message : d.messageZh) + " — " +
                                  d.message;
        if (ImGui::Selectable(label.c_str(), false) && located.target)
            selectNode(ctx, located.target->node, located.target->pointer);
        ImGui::PopStyleColor();
        ctx.targets.mark("diagnostic:" + std::to_string(row - 1));
        if (ImGui::IsItemHovered() && !d.file.empty())
            ImGui::SetTooltip("%s %s", d.file.c_str(), d.pointer.c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
}

} // namespace lantai::editor
