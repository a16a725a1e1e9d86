// tools/editor: the "check every screen" window — progress and cancel while it runs, then one
// row per finding; a click selects the node and turns the preview to that size and language
#include "kiosk/ui/text_report.h"
#include "tools/editor/editor_context.h"
#include "tools/editor/screen_check.h"

namespace lantai::editor {

namespace {

const char* problemLabel(CheckProblem problem) {
    switch (problem) {
    case CheckProblem::CutText:
        return "文字被截断 Text cut off";
    case CheckProblem::MissingGlyphs:
        return "缺字 Missing glyphs";
    case CheckProblem::Untranslated:
        return "未翻译 Untranslated";
    case CheckProblem::ImageFailed:
        return "图片无法显示 Image fails";
    }
    return "";
}

ImVec4 problemColour(CheckProblem problem) {
    switch (problem) {
    case CheckProblem::CutText:
        return {0.95f, 0.8f, 0.4f, 1};
    case CheckProblem::MissingGlyphs:
    case CheckProblem::ImageFailed:
        return {1.0f, 0.45f, 0.45f, 1};
    case CheckProblem::Untranslated:
        return {0.6f, 0.8f, 1.0f, 1};
    }
    return {1, 1, 1, 1};
}

void showFinding(EditorContext& ctx, const CheckFinding& finding) {
    if (finding.sizeIndex >= 0) ctx.preview.setSize(finding.sizeIndex);
    selectNode(ctx, finding.node, finding.pointer);
    ctx.preview.setLanguage(finding.language);
}

} // namespace

void startScreenCheck(EditorContext& ctx) {
    if (!ctx.check || !ctx.doc.isOpen()) return;
    const auto& session = ctx.doc.session();
    ctx.check->start(session.pack(), session.translationStatus(), ctx.preview.themeName());
    ctx.checkWindowOpen = true;
}

void drawCheckPanel(EditorContext& ctx) {
    if (!ctx.check || !ctx.checkWindowOpen || !ctx.doc.isOpen()) return;
    ScreenCheck& check = *ctx.check;
    ImGui::SetNextWindowSize(ImVec2(760, 420), ImGuiCond_FirstUseEver);
    bool visible = true;
    if (ImGui::Begin("检查每个屏幕 Check every screen", &visible)) {
        if (check.running()) {
            const float fraction =
                check.total() ? static_cast<float>(check.done()) / static_cast<float>(check.total())
                              : 0.0f;
            const std::string label = std::to_string(check.done()) + " / " +
                                      std::to_string(check.total()) + " 屏 screens";
            ImGui::ProgressBar(fraction, ImVec2(-120, 0), label.c_str());
            ImGui::SameLine();
            if (ImGui::Button("取消 Cancel")) check.cancel();
            ctx.targets.mark("check:cancel");
        } else {
            ImGui::TextUnformatted(check.cancelled() ? "已取消 Cancelled" : "完成 Done");
            ImGui::SameLine();
            if (ImGui::Button("重新检查 Check again")) startScreenCheck(ctx);
            ctx.targets.mark("check:again");
        }
        const CheckCounts c = check.counts();
        ImGui::Text("截断 cut off %zu · 缺字 missing glyphs %zu · 未翻译 untranslated %zu · "
                    "图片 images %zu",
                    c.cutText, c.missingGlyphs, c.untranslated, c.imageFailed);
        // A title truncated in the top bar is whole in the caption panel: readable, listed on
        // request.
        static bool showElsewhere = false;
        const std::string elsewhere = "也列出在同屏别处完整显示的截断文字 Also list cut text shown "
                                      "whole elsewhere on its screen (" +
                                      std::to_string(c.cutTextShownElsewhere) + ")";
        ImGui::Checkbox(elsewhere.c_str(), &showElsewhere);
        ctx.targets.mark("check:show-elsewhere");
        ImGui::Separator();
        ImGui::BeginChild("check-findings");
        const auto& findings = check.findings();
        const auto& sizes = previewSizes();
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const CheckFinding& f = findings[i];
            if (f.shownElsewhere && !showElsewhere) continue;
            ImGui::PushID(static_cast<int>(i));
            ImGui::PushStyleColor(ImGuiCol_Text, problemColour(f.problem));
            const std::string size =
                f.sizeIndex >= 0 ? sizes[static_cast<std::size_t>(f.sizeIndex)].label : "";
            const std::string label =
                std::string(problemLabel(f.problem)) + "  " +
                kiosk::textExcerpt(nodeTitle(ctx.doc.pack(), f.node), 36) + "  [" + size +
                (size.empty() ? "" : " ") + core::languageCode(f.language) + "]  " + f.where +
                "  " + f.text + (f.shownElsewhere ? "  （别处完整 whole elsewhere）" : "");
            ctx.fonts.add(label);
            // As wide as the window, however long the text: a click anywhere on the row.
            if (ImGui::Selectable(label.c_str(), false, 0,
                                  ImVec2(ImGui::GetContentRegionAvail().x, 0)))
                showFinding(ctx, f);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.text.c_str());
            ImGui::PopStyleColor();
            ctx.targets.mark("check:finding:" + std::to_string(i));
            // By what it is too, for scripts: check:cut_text:item:ID:SIZE:LANGUAGE.
            ctx.targets.mark(std::string("check:") + checkProblemName(f.problem) + ":" +
                             core::edit::toString(f.node) + ":" + std::to_string(f.sizeIndex) +
                             ":" + core::languageCode(f.language));
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    ImGui::End();
    if (!visible) {
        check.cancel();
        ctx.checkWindowOpen = false;
    }
}

} // namespace lantai::editor
