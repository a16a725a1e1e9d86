// tools/editor: quiz tools under a bank or question — the completeness checklist (explanations,
// enough questions per age band, linked items, answerable) and importing GIFT/Aiken/CSV files
#include "core/base/file_io.h"
#include "core/edit/quiz_checklist.h"
#include "tools/editor/editor_context.h"

#include <imgui_stdlib.h>

namespace lantai::editor {

namespace {

using core::edit::NodeKind;
namespace edit = core::edit;

constexpr int kQuestionsPerSession = 5; // the kiosk's quiz.questions default

const char* bandName(core::AgeBand band) {
    switch (band) {
    case core::AgeBand::Primary:
        return "小学 primary";
    case core::AgeBand::Secondary:
        return "中学 secondary";
    case core::AgeBand::Adult:
        return "成人 adult";
    }
    return "?";
}

std::string bankOfSelection(const EditorContext& ctx) {
    const auto& node = ctx.doc.selection.node;
    if (node.kind == NodeKind::QuizBank) return node.id;
    if (auto slot = edit::findParentSlot(ctx.doc.pack(), node)) return slot->parent.id;
    return {};
}

core::QuizFormat formatOf(const std::string& path, int choice) {
    if (choice == 1) return core::QuizFormat::Gift;
    if (choice == 2) return core::QuizFormat::Aiken;
    if (choice == 3) return core::QuizFormat::Csv;
    if (path.ends_with(".csv") || path.ends_with(".CSV")) return core::QuizFormat::Csv;
    if (path.ends_with(".gift") || path.ends_with(".GIFT")) return core::QuizFormat::Gift;
    return core::QuizFormat::Aiken;
}

} // namespace

void drawQuizTools(EditorContext& ctx) {
    const std::string bankId = bankOfSelection(ctx);
    const auto bankIndex = edit::findBank(ctx.doc.pack(), bankId);
    if (!bankIndex) return;
    ImGui::Separator();
    ImGui::PushFont(ctx.fonts.heading());
    ImGui::TextUnformatted("题库检查 Quiz checklist");
    ImGui::PopFont();
    const edit::BankChecklist checklist = edit::quizChecklist(
        ctx.doc.pack(), ctx.doc.pack().quizBanks[*bankIndex], kQuestionsPerSession);
    for (const auto& band : checklist.bands) {
        const bool enough = band.eligible >= kQuestionsPerSession;
        ImGui::TextColored(enough ? ImVec4(0.5f, 0.85f, 0.5f, 1) : ImVec4(0.95f, 0.7f, 0.3f, 1),
                           "%s %s: %d / %d", enough ? "√" : "×", bandName(band.band), band.eligible,
                           kQuestionsPerSession);
    }
    int row = 0;
    for (const auto& entry : checklist.entries) {
        ImGui::PushID(row++);
        const std::string label = "× " + entry.message.zh + " — " + entry.message.en;
        if (ImGui::Selectable(label.c_str()))
            selectNode(ctx, entry.target.node, entry.target.pointer);
        ImGui::PopID();
    }
    if (checklist.complete())
        ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.5f, 1), "%s", "√ 完整 complete");

    ImGui::Separator();
    ImGui::TextUnformatted("导入题目 Import questions (GIFT, Aiken, CSV)");
    static std::string path;
    static int format = 0;
    ImGui::SetNextItemWidth(-200);
    ImGui::InputTextWithHint("##quizfile", "/path/to/questions.gift", &path);
    ctx.targets.mark("quiz:import-path");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::Combo("##format", &format, "自动 auto\0GIFT\0Aiken\0CSV\0");
    ImGui::SameLine();
    ImGui::BeginDisabled(ctx.doc.session().readOnly() || path.empty());
    static std::vector<std::string> importLines;
    if (ImGui::Button("导入 Import")) {
        importLines.clear();
        auto text = core::readFile(path, core::kQuizBankReadLimit);
        if (!text) {
            importLines.push_back(core::formatDiagnostic(text.error(), true));
        } else {
            auto outcome = ctx.doc.session().importQuestions(
                formatOf(path, format), *text, std::filesystem::path(path).filename().string(),
                bankId, core::Language::Zh);
            if (!outcome) {
                importLines.push_back(core::formatDiagnostic(outcome.error(), true));
            } else {
                for (const auto& d : outcome->parsed.diagnostics.items())
                    importLines.push_back(core::formatDiagnostic(d, true));
                importLines.push_back(outcome->applied
                                          ? "已导入 " +
                                                std::to_string(outcome->parsed.questions.size()) +
                                                " 题（一步可撤销） imported, one undo step"
                                          : "有错误，未导入 errors: nothing imported");
            }
        }
    }
    ctx.targets.mark("quiz:import");
    ImGui::EndDisabled();
    for (const auto& line : importLines)
        ImGui::TextWrapped("%s", line.c_str());
}

} // namespace lantai::editor
