// tools/editor: the menu bar, the toolbar (undo/redo, save, validity), and the dialogs — paths
// (the desktop's chooser or the built-in browser), recovery after a crash, publishing progress
#include "tools/editor/catalogue_dialog.h"
#include "tools/editor/editor_context.h"
#include "tools/editor/file_dialog.h"
#include "tools/editor/recent_packs.h"

#include <imgui_stdlib.h>
#include <utility>

namespace lantai::editor {

namespace {

namespace fs = std::filesystem;

const char* promptTitle(PathPrompt prompt) {
    switch (prompt) {
    case PathPrompt::NewPack:
        return "新建内容包：选择一个空文件夹 New pack: choose an empty folder";
    case PathPrompt::OpenPack:
        return "打开内容包文件夹 Open a pack folder";
    case PathPrompt::SaveAs:
        return "另存为新文件夹 Save as a new folder";
    case PathPrompt::CopyToUsb:
        return "复制到U盘：选择U盘 Copy to a USB stick: choose the stick";
    case PathPrompt::ExportGallery:
        return "导出云展厅到文件夹 Export the cloud gallery to a folder";
    case PathPrompt::VideoFile:
        return "选择视频、海报或字幕文件 Choose a clip, poster or subtitle file";
    case PathPrompt::ReplaceImage:
        return "选择替换用的图片 Choose the image that replaces it";
    case PathPrompt::NarrationFile:
        return "选择朗读音频（MP3、Ogg、M4A、WAV、FLAC） "
               "Choose the narration audio (MP3, Ogg, M4A, WAV, FLAC)";
    case PathPrompt::None:
        break;
    }
    return "";
}

void ask(EditorContext& ctx, PathPrompt prompt) {
    askPath(ctx, prompt, false);
}

void undoRedo(EditorContext& ctx) {
    auto& session = ctx.doc.session();
    ImGui::BeginDisabled(!session.canUndo());
    const std::string undo =
        "撤销 Undo" + (session.undoLabel() ? " " + session.undoLabel()->zh : std::string());
    if (ImGui::Button(undo.c_str())) report(ctx, session.undo());
    ctx.targets.mark("toolbar:undo");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!session.canRedo());
    if (ImGui::Button("重做 Redo")) report(ctx, session.redo());
    ctx.targets.mark("toolbar:redo");
    ImGui::EndDisabled();
}

// File → Open recent: packs that are gone are shown greyed, and can be cleared from the list.
void recentMenu(EditorContext& ctx) {
    if (!ImGui::BeginMenu("最近打开 Open recent")) return;
    const fs::path file = recentPacksFile();
    const auto packs = readRecentPacks(file);
    bool missing = false;
    for (const auto& pack : packs) {
        const bool exists = recentPackExists(pack);
        missing = missing || !exists;
        const std::string label = exists ? pack.string() : pack.string() + "  (已不存在 missing)";
        if (ImGui::MenuItem(label.c_str(), nullptr, false, exists)) {
            ctx.prompt = PathPrompt::OpenPack;
            ctx.promptPath = pack.string();
        }
    }
    if (packs.empty()) ImGui::TextDisabled("%s", "（无 none）");
    if (missing) {
        ImGui::Separator();
        if (ImGui::MenuItem("清除已不存在的 Remove missing"))
            report(ctx, forgetMissingRecentPacks(file));
    }
    ImGui::EndMenu();
}

void publishMenu(EditorContext& ctx) {
    const bool menu = ImGui::BeginMenu("发布 Publish", ctx.doc.isOpen() && !ctx.publish.running());
    ctx.targets.mark("menu:publish", true);
    if (!menu) return;
    const fs::path pack = ctx.doc.session().root();
    if (ImGui::MenuItem("构建内容包 Build the pack")) {
        if (report(ctx, ctx.doc.session().save()))
            ctx.publish.start("构建 Build", {{PublishJob::cli(), "build", pack.string()}});
    }
    ctx.targets.mark("menu:publish:build");
    if (ImGui::MenuItem("导出云展厅… Export the cloud gallery…"))
        ask(ctx, PathPrompt::ExportGallery);
    ctx.targets.mark("menu:publish:gallery");
    if (ImGui::MenuItem("复制到U盘… Copy to a USB stick…")) ask(ctx, PathPrompt::CopyToUsb);
    ctx.targets.mark("menu:publish:usb");
    ImGui::EndMenu();
}

} // namespace

void askPath(EditorContext& ctx, PathPrompt prompt, bool file) {
    ctx.prompt = prompt;
    ctx.promptPath.clear();
    if (auto chosen = runExternalChooser(file ? ChooserKind::OpenFile : ChooserKind::OpenFolder,
                                         promptTitle(prompt))) {
        ctx.promptPath = chosen->string();
        return; // carried out by the app before the next frame
    }
    ctx.showPathPrompt = true;
}

void drawMenuAndToolbar(EditorContext& ctx) {
    const bool open = ctx.doc.isOpen();
    if (ImGui::BeginMenuBar()) {
        const bool fileMenu = ImGui::BeginMenu("文件 File");
        ctx.targets.mark("menu:file", true);
        if (fileMenu) {
            if (ImGui::MenuItem("新建… New…")) ask(ctx, PathPrompt::NewPack);
            if (ImGui::MenuItem("打开… Open…", "Ctrl+O")) ask(ctx, PathPrompt::OpenPack);
            recentMenu(ctx);
            if (ImGui::MenuItem("保存 Save", "Ctrl+S", false, open))
                report(ctx, ctx.doc.session().save());
            if (ImGui::MenuItem("另存为… Save as…", nullptr, false, open))
                ask(ctx, PathPrompt::SaveAs);
            ImGui::Separator();
            drawCatalogueMenuItems(ctx);
            ImGui::Separator();
            if (ImGui::MenuItem("退出 Quit", "Ctrl+Q")) ctx.quitRequested = true;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("编辑 Edit", open)) {
            if (ImGui::MenuItem("撤销 Undo", "Ctrl+Z", false, ctx.doc.session().canUndo()))
                report(ctx, ctx.doc.session().undo());
            if (ImGui::MenuItem("重做 Redo", "Ctrl+Shift+Z", false, ctx.doc.session().canRedo()))
                report(ctx, ctx.doc.session().redo());
            ImGui::EndMenu();
        }
        publishMenu(ctx);
        ImGui::EndMenuBar();
    }
    if (ImGui::Button("新建 New")) ask(ctx, PathPrompt::NewPack);
    ctx.targets.mark("toolbar:new");
    ImGui::SameLine();
    if (ImGui::Button("打开 Open")) ask(ctx, PathPrompt::OpenPack);
    ctx.targets.mark("toolbar:open");
    if (!open) return;
    auto& session = ctx.doc.session();
    ImGui::SameLine();
    ImGui::BeginDisabled(session.readOnly());
    if (ImGui::Button(session.isDirty() ? "保存* Save*" : "保存 Save")) {
        if (report(ctx, session.save())) ctx.status = "已保存 Saved";
    }
    ctx.targets.mark("toolbar:save");
    ImGui::EndDisabled();
    ImGui::SameLine();
    undoRedo(ctx);
    ImGui::SameLine();
    if (ImGui::Button("检查每个屏幕 Check every screen")) startScreenCheck(ctx);
    ctx.targets.mark("toolbar:check");
    ImGui::SameLine();
    const auto& rep = ctx.doc.report();
    if (rep.revision != ~std::uint64_t(0)) {
        if (rep.errors == 0)
            ImGui::TextColored(ImVec4(0.5f, 0.85f, 0.5f, 1), "√ 有效 valid (%zu 警告 warnings)",
                               rep.warnings);
        else
            ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.45f, 1), "× %zu 处错误 errors", rep.errors);
    }
    if (session.readOnly()) {
        ImGui::SameLine();
        const auto holder = session.lockHolder();
        const std::string who = holder ? holder->user + "@" + holder->host : "?";
        ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1),
                           "只读：%s 正在编辑 Read-only: %s is editing", who.c_str(), who.c_str());
    }
    if (!ctx.status.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", ctx.status.c_str());
    }
}

void drawDialogs(EditorContext& ctx) {
    drawCatalogueDialogs(ctx);
    // Paths typed or picked in the built-in browser.
    if (ctx.showPathPrompt) {
        ImGui::OpenPopup("path-prompt");
        ctx.showPathPrompt = false;
    }
    if (ImGui::BeginPopupModal("path-prompt", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        static fs::path browsing = std::getenv("HOME") ? std::getenv("HOME") : "/";
        ImGui::TextUnformatted(promptTitle(ctx.prompt));
        static std::string typed;
        ImGui::SetNextItemWidth(640);
        ImGui::InputText("##path", &typed);
        ctx.targets.mark("dialog:path");
        ImGui::TextDisabled("%s", browsing.string().c_str());
        ImGui::BeginChild("browser", ImVec2(640, 280), true);
        if (ImGui::Selectable("..")) browsing = browsing.parent_path();
        for (const auto& entry : listFolder(browsing)) {
            const std::string label = (entry.folder ? "[ ] " : "    ") + entry.name;
            if (ImGui::Selectable(label.c_str())) {
                typed = (browsing / entry.name).string();
                if (entry.folder) browsing /= entry.name;
            }
        }
        ImGui::EndChild();
        if (ImGui::Button("确定 OK") && !typed.empty()) {
            ctx.promptPath = typed;
            typed.clear();
            ImGui::CloseCurrentPopup();
        }
        ctx.targets.mark("dialog:ok");
        ImGui::SameLine();
        if (ImGui::Button("取消 Cancel")) {
            ctx.prompt = PathPrompt::None;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    // Unsaved edits of a session that ended without closing.
    if (ctx.doc.isOpen() && ctx.doc.session().recoverableEdits()) {
        ImGui::OpenPopup("recover");
        if (ImGui::BeginPopupModal("recover", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            const auto& info = *ctx.doc.session().recoverableEdits();
            ImGui::Text("上次编辑未保存就结束了：发现 %zu 处修改。\nThe last session ended without "
                        "saving: %zu edits can be recovered.",
                        info.edits, info.edits);
            if (info.filesChanged)
                ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "%s",
                                   "注意：文件在此期间被修改过 The files changed since");
            if (ImGui::Button("恢复 Recover")) {
                auto replayed = ctx.doc.session().recover();
                if (replayed)
                    ctx.status = "已恢复 " + std::to_string(*replayed) + " 处修改 edits recovered";
                else
                    report(ctx, replayed.error());
                ImGui::CloseCurrentPopup();
            }
            ctx.targets.mark("dialog:recover");
            ImGui::SameLine();
            if (ImGui::Button("放弃 Discard")) {
                report(ctx, ctx.doc.session().discardRecovery());
                ImGui::CloseCurrentPopup();
            }
            ctx.targets.mark("dialog:discard");
            ImGui::EndPopup();
        }
    }

    // Build / export / copy progress, with cancel.
    const PublishJob::State job = ctx.publish.state();
    static bool dismissed = false;
    if (ctx.publish.running()) dismissed = false;
    if (!job.title.empty() && !dismissed) {
        ImGui::SetNextWindowSize(ImVec2(640, 300), ImGuiCond_FirstUseEver);
        bool visible = true;
        if (ImGui::Begin("发布 Publish", &visible)) {
            ImGui::Text("%s  %zu / %zu", job.title.c_str(), job.step, job.steps);
            const float fraction = job.steps
                                       ? static_cast<float>(job.step - (job.finished ? 0 : 1)) /
                                             static_cast<float>(job.steps)
                                       : 0.0f;
            ImGui::ProgressBar(job.finished ? 1.0f : fraction);
            if (ctx.publish.running()) {
                if (ImGui::Button("取消 Cancel")) ctx.publish.cancel();
                ctx.targets.mark("publish:cancel");
            } else {
                ImGui::TextColored(
                    job.ok ? ImVec4(0.5f, 0.85f, 0.5f, 1) : ImVec4(1, 0.45f, 0.45f, 1), "%s",
                    job.ok          ? "√ 完成 done"
                    : job.cancelled ? "已取消 cancelled"
                                    : "× 失败 failed");
            }
            // The output names files and folders in any script (a pack called 我的展览): its
            // characters join the atlas, once per new output.
            static std::size_t fedLines = 0;
            static std::string fedLast;
            if (job.lines.size() != fedLines ||
                (!job.lines.empty() && job.lines.back() != fedLast)) {
                for (const auto& line : job.lines)
                    ctx.fonts.add(line);
                fedLines = job.lines.size();
                fedLast = job.lines.empty() ? std::string() : job.lines.back();
            }
            ImGui::BeginChild("output");
            for (const auto& line : job.lines)
                ImGui::TextUnformatted(line.c_str());
            ImGui::EndChild();
        }
        ImGui::End();
        if (!visible && !ctx.publish.running()) dismissed = true;
    }
}

} // namespace lantai::editor
