// tools/editor: the application loop — events, workers, the preview, panes, shortcuts, scripts
#include "tools/editor/editor_app.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "tools/editor/catalogue_dialog.h"
#include "tools/editor/editor_ui_characters.h"
#include "tools/editor/narration_field.h"
#include "tools/editor/recent_packs.h"

#include <SDL.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <imgui.h>
#include <imgui_internal.h>
#include <malloc.h>
#include <sstream>
#include <unistd.h>

namespace lantai::editor {

namespace fs = std::filesystem;
using core::edit::NodeKind;

namespace {

double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A vertical or horizontal splitter between two panes; drags `size`.
void splitter(const char* id, bool vertical, float& size, float min, float max, float length = -1) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.25f, 0.25f, 0.27f, 1));
    ImGui::Button(id, vertical ? ImVec2(6, length) : ImVec2(length, 6));
    ImGui::PopStyleColor();
    if (ImGui::IsItemActive()) {
        const float delta = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
        size = std::clamp(size + (vertical ? delta : -delta), min, max);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
}

constexpr int kQuietFrames = 3;
constexpr double kCheckBudgetMs = 16; // "check every screen" per editor frame
// Progress alone (a worker woke the window: a copy, a thumbnail) redraws at most this often: on
// a software GL each frame costs a full-window rasterisation, which the workers need more.
constexpr double kBackgroundFrameSeconds = 0.1;
// An iteration that has spent this long before the preview's turn leaves the preview's update
// and render to the next one (see run()).
constexpr double kPreviewDeferAfterMs = 3.0;

// Milliseconds since this process started (from /proc/self/stat and the boot clock).
double processAgeMs() {
    std::FILE* f = std::fopen("/proc/self/stat", "r");
    if (!f) return 0;
    char buffer[1024] = {};
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    std::fclose(f);
    const std::string stat(buffer, n);
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i)
        if (i == 22) {
            const double startTicks = std::stod(field);
            timespec now{};
            clock_gettime(CLOCK_BOOTTIME, &now);
            const double nowMs =
                static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
            return nowMs - startTicks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
        }
    return 0;
}

long pssKb() {
    std::FILE* f = std::fopen("/proc/self/smaps_rollup", "r");
    if (!f) return -1;
    char line[256];
    long pss = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "Pss: %ld kB", &pss) == 1) break;
    std::fclose(f);
    return pss;
}

double percentile(std::vector<double> values, std::size_t percent) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, values.size() * percent / 100)];
}

} // namespace

EditorApp::EditorApp(EditorOptions options) : m_options(std::move(options)) {}

EditorApp::~EditorApp() {
    m_script.reset();
    m_ctx.reset();
    m_check.reset(); // GL objects while the window's context lives
    m_publish.reset();
    m_videoFiles.reset();
    m_doc.reset();
    m_thumbs.reset();  // GL textures while the window's context lives
    m_preview.reset(); // GL objects while the window's context lives
}

bool EditorApp::loadScript() {
    if (m_options.script.empty()) return true;
    auto text = core::readFile(m_options.script);
    if (!text) {
        core::logError("cannot read the script: " + core::formatDiagnostic(text.error(), false));
        return false;
    }
    core::Diagnostics diagnostics;
    auto script = core::parseKioskScript(*text, m_options.script.string(), diagnostics);
    if (diagnostics.hasErrors()) {
        for (const auto& d : diagnostics.items())
            core::logError(core::formatDiagnostic(d, false));
        return false;
    }
    ScriptHost host;
    host.targetCenter = [this](const std::string& id) -> std::optional<std::pair<float, float>> {
        if (auto c = m_targets.center(id)) return std::make_pair(c->x, c->y);
        return std::nullopt;
    };
    host.windowSize = [this] {
        return std::make_pair(static_cast<float>(m_window.width()),
                              static_cast<float>(m_window.height()));
    };
    host.isIdle = [this] { return isIdle(); };
    host.reveal = [this](const std::string& target) { m_targets.want(target); };
    host.drop = [this](std::vector<fs::path> paths, float x, float y) {
        handleDrop(std::move(paths), x, y);
    };
    host.screenshot = [this](const std::string& name) { m_pendingScreenshot = name; };
    host.stepCompleted = [this, steps = script.commands.size()](int step,
                                                                const core::ScriptCommand&) {
        m_phases.mark("script-input");
        writeState();
        m_phases.markHarness("script-state-file");
        // The state's frame figures are of one step; the last step's stay for the state
        // written at exit.
        if (static_cast<std::size_t>(step) + 1 < steps) {
            m_frameMs.clear();
            m_frameCpuMs.clear();
            m_phases.reset();
        }
    };
    host.error = [this](const std::string& message) {
        core::logError(message);
        m_scriptErrors.push_back(message);
    };
    m_script = std::make_unique<EditorScriptPlayer>(std::move(script), std::move(host));
    return true;
}

int EditorApp::run() {
    std::string error;
    WindowOptions windowOptions;
    windowOptions.width = m_options.width;
    windowOptions.height = m_options.height;
    if (!m_window.open(windowOptions, error)) {
        core::logError(error);
        return 1;
    }
    if (!loadScript()) return 2;
    m_fonts.add(kEditorUiCharacters);
    auto wake = [this] { m_window.wake(); };
    m_fonts.setWake(wake); // a new atlas built
    // Only the runtime's own wake-ups (a decoded image, the media backend) make the preview draw
    // again: a kiosk frame costs the most of any frame on a software GL, and the workers (copies,
    // thumbnails, validation) wake the window many times a second.
    auto previewWake = [this] {
        m_previewWoken = true;
        m_window.wake();
    };
    m_doc = std::make_unique<EditorDocument>(wake);
    m_preview = std::make_unique<KioskPreview>(m_options.themeDirs, previewWake);
    m_preview->setSize(m_options.previewSize);
    m_publish = std::make_unique<PublishJob>(wake);
    m_check = std::make_unique<ScreenCheck>(m_options.themeDirs, wake);
    m_videoFiles = std::make_unique<VideoFiles>(wake);
    m_ctx = std::make_unique<EditorContext>(EditorContext{
        *m_doc, *m_preview, m_fonts, m_targets, *m_publish, PathPrompt::None, {}, false, {}});
    m_ctx->check = m_check.get();
    m_ctx->videoFiles = m_videoFiles.get();
    m_thumbs = std::make_unique<ThumbnailCache>(wake);
    m_ctx->thumbnails = m_thumbs.get();
    if (!m_options.newPack.empty())
        report(*m_ctx, m_doc->createNew(m_options.newPack));
    else if (!m_options.pack.empty())
        report(*m_ctx, m_doc->open(m_options.pack, m_options.readOnly));
    ImGui::StyleColorsDark();
    m_start = nowSeconds();

    while (!m_quit) {
        const double now = nowSeconds();
        // Nothing new for a few frames: draw nothing until an event or a timer says so.
        double wait = m_quietFrames >= kQuietFrames ? 30.0 : 0.25;
        if (m_script && !m_script->finished())
            wait = std::min(wait, m_script->secondsUntilWork(now));
        if (m_preview) wait = std::min(wait, m_preview->secondsUntilWork());
        if (m_publish->running() || m_videoFiles->busy() || m_thumbs->busy() ||
            (m_doc->isOpen() && m_doc->dropProgress()))
            wait = std::min(wait, 0.1);
        if (m_check->running()) wait = std::min(wait, 0.02);
        if (m_fonts.wantsBuild()) wait = 0; // the panes met new characters: start the atlas
        if (ImGui::IsAnyMouseDown() || m_previewDeferred ||
            (m_doc->isOpen() && m_doc->previewRevision != m_doc->session().revision()))
            wait = 0;
        WindowEvents events = m_window.pump(static_cast<int>(wait * 1000));
        m_loopStarted = std::chrono::steady_clock::now();
        m_phases.begin();
        if (events.quitRequested) m_quit = true;
        if (m_previewWoken.exchange(false)) m_preview->redraw();
        m_fonts.add(events.typedText);
        if (!events.dropped.empty()) {
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            handleDrop(std::move(events.dropped), static_cast<float>(x), static_cast<float>(y));
        }
        m_phases.mark("events");
        const double scriptWork =
            m_script && !m_script->finished() ? m_script->secondsUntilWork(nowSeconds()) : 1e9;
        // `active`: something to show now (input, an edit, a result, the preview moved);
        // `background`: only progress moves (copies, thumbnails, a publish, a script waiting),
        // drawn at kBackgroundFrameSeconds.
        bool active = events.input || scriptWork <= 0;
        bool background =
            scriptWork < 0.1 || m_publish->running() || (m_doc->isOpen() && m_doc->dropProgress());
        const bool polled = m_doc->poll();
        m_phases.mark("document-poll");
        if (polled) {
            active = true;
            for (const auto& d : m_doc->report().diagnostics)
                m_fonts.add(d.diagnostic.messageZh);
            if (!m_doc->messages().empty()) m_fonts.add(m_doc->messages().back());
        }
        if (m_videoFiles->poll(*m_doc)) active = true;
        m_phases.mark("video-files-poll");
        if (m_doc->isOpen() && m_doc->session().root() != m_recentRoot) {
            m_recentRoot = m_doc->session().root(); // opened, created or saved as
            if (core::Status kept = rememberRecentPack(recentPacksFile(), m_recentRoot); !kept)
                core::logWarning("recent packs: " + core::formatDiagnostic(kept.error(), false));
        }
        if (m_doc->isOpen() && m_doc->previewRevision != m_doc->session().revision()) active = true;
        if (m_doc->isOpen())
            m_thumbs->follow(m_doc->session());
        else
            m_thumbs->forget();
        m_phases.mark("thumbnails-follow");
        if (m_thumbs->upload(2.0) || m_thumbs->busy()) background = true;
        m_phases.mark("thumbnails-upload");
        // Worker results applied (a drop of 100 items, a validation report) and the preview's
        // reload of the pack are two frames' work, not one. Likewise the preview's render (the
        // kiosk frame, a few ms for a software rasteriser) waits for the next iteration when
        // this one has done its share already: that one comes at once (and never waits again).
        m_previewDeferred = !m_previewDeferred && m_phases.elapsedMs() > kPreviewDeferAfterMs;
        if (m_previewDeferred) {
            active = true;
        } else {
            if (!polled) syncPreview();
            if (m_preview->update()) active = true;
            m_fonts.add(m_preview->takePackCharacters());
        }
        m_phases.mark("preview-update-render");
        if (m_check->running() && m_check->step(kCheckBudgetMs)) active = true;
        m_phases.mark("check-step");
        // The atlas with the characters met so far (on a worker; installed when built).
        if (std::string fontError; m_fonts.update(fontError))
            active = true;
        else if (!fontError.empty())
            core::logError(fontError);
        m_phases.mark("editor-font-atlas");
        // A burst of work just ended (a pack opened, a drop copied and thumbnailed): glibc keeps
        // the freed decode and upload buffers in the heap, where later ones leave it fragmented
        // (the 1000-item pack open took 226 or 435 MB PSS from run to run). Returned once here.
        if (const bool idle = isIdle(); idle != m_wasIdle) {
            if (idle) malloc_trim(0);
            m_wasIdle = idle;
        }
        m_phases.mark("heap-trim");
        m_quietFrames = active ? 0 : std::min(m_quietFrames + 1, kQuietFrames + 1);
        const bool backgroundDue =
            background && nowSeconds() - m_lastFrameAt >= kBackgroundFrameSeconds;
        // ImGui settles hover and focus in a few frames after anything active.
        const bool draw = m_quietFrames <= kQuietFrames || backgroundDue;
        if (draw) frame();
        m_phases.end(draw);
        if (draw && m_frameCpuMs.size() < 100000) m_frameCpuMs.push_back(m_phases.lastCpuMs());
        if (m_ctx->quitRequested) m_quit = true;
        if (m_script && m_script->finished() && (m_options.exitAfterScript || m_script->quit()))
            m_quit = true;
    }
    writeState();
    report(*m_ctx, m_doc->close());
    if (m_script && (m_script->errors() > 0 || !m_scriptErrors.empty())) return 3;
    return 0;
}

void EditorApp::syncPreview() {
    if (!m_doc->isOpen() || m_doc->previewRevision == m_doc->session().revision()) return;
    m_doc->previewRevision = m_doc->session().revision();
    core::PackLoadResult loaded;
    loaded.pack = m_doc->pack();
    loaded.parsed = true;
    m_phases.mark("sync-preview-copy");
    m_preview->showPack(std::move(loaded)); // its content made on a worker
    m_phases.mark("sync-preview-show-pack");
}

void EditorApp::frame() {
    const double now = nowSeconds();
    m_window.newBackendFrame();
    m_phases.mark("backend-new-frame");
    if (m_script) m_script->applyInput(now);
    m_phases.mark("script-input");
    m_window.newImGuiFrame();
    m_phases.mark("imgui-new-frame");
    m_targets.beginFrame();
    shortcuts(); // before the panels: an active text field must not also see Ctrl+Z
    layout();
    m_phases.mark("panes");
    m_window.render();
    m_phases.mark("gl-render");
    if (m_startupMs < 0 && m_doc->isOpen() && m_preview->started() && m_preview->isIdle())
        m_startupMs = processAgeMs();
    if (m_pendingScreenshot) {
        m_phases.mark("gl-render");
        std::string error;
        const fs::path file = m_options.screenshotDir / (*m_pendingScreenshot + ".png");
        if (!m_window.screenshot(file, error)) core::logError("screenshot: " + error);
        m_pendingScreenshot.reset();
        m_phases.markHarness("script-screenshot");
    }
    m_window.present();
    m_phases.mark("present");
    m_lastFrameAt = nowSeconds();
    // The whole iteration that drew this frame, the preview and the workers' results included;
    // the script's state files and screenshots (a test's, never a curator's) left out.
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_loopStarted)
            .count() -
        m_phases.harnessMs();
    if (m_frameMs.size() < 100000) m_frameMs.push_back(ms);
    m_targets.endFrame();
    carryOutPrompt();
}

void EditorApp::layout() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("lantai-editor", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     // The window clears to its background colour (EditorWindow::render): one
                     // blended full-window pass less for a software rasteriser, every frame.
                     ImGuiWindowFlags_NoBackground);
    EditorContext& ctx = *m_ctx;
    drawMenuAndToolbar(ctx);
    if (auto progress = m_doc->isOpen() ? m_doc->dropProgress() : std::nullopt) {
        const float fraction = progress->total ? static_cast<float>(progress->done) /
                                                     static_cast<float>(progress->total)
                                               : 0.0f;
        const std::string label = "复制 copying " + std::to_string(progress->done) + "/" +
                                  std::to_string(progress->total) + " " + progress->current;
        ImGui::ProgressBar(fraction, ImVec2(-1, 0), label.c_str());
    }
    if (auto thumbs = m_thumbs->progress(); thumbs && thumbs->total > 0) {
        const std::string label = "正在生成缩略图 " + std::to_string(thumbs->done) + "/" +
                                  std::to_string(thumbs->total) + " Making thumbnails";
        ImGui::ProgressBar(static_cast<float>(thumbs->done) / static_cast<float>(thumbs->total),
                           ImVec2(-1, 0), label.c_str());
        m_targets.mark("progress:thumbnails");
    }
    ImGui::Separator();
    const float total = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y - m_diagnosticsHeight - 8;
    m_previewWidth = std::clamp(m_previewWidth, 240.0f, total - m_treeWidth - 300);

    ImGui::BeginChild("tree-pane", ImVec2(m_treeWidth, height), true);
    drawTreePanel(ctx);
    ImGui::EndChild();
    m_phases.mark("pane-tree");
    ImGui::SameLine(0, 0);
    splitter("##split-tree", true, m_treeWidth, 200, total - m_previewWidth - 300, height);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("fields-pane", ImVec2(total - m_treeWidth - m_previewWidth - 12, height),
                      true);
    drawFieldsPanel(ctx);
    ImGui::EndChild();
    m_phases.mark("pane-fields");
    ImGui::SameLine(0, 0);
    float previewFromRight = m_previewWidth;
    splitter("##split-preview", true, previewFromRight, 240, total - m_treeWidth - 300, height);
    m_previewWidth = 2 * m_previewWidth - previewFromRight; // dragging right narrows the preview
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("preview-pane", ImVec2(0, height), true);
    drawPreviewPanel(ctx);
    ImGui::EndChild();
    m_phases.mark("pane-preview");
    splitter("##split-diagnostics", false, m_diagnosticsHeight, 60, 600);
    ImGui::BeginChild("diagnostics-pane", ImVec2(0, 0), true);
    drawDiagnosticsPanel(ctx);
    ImGui::EndChild();
    m_phases.mark("pane-diagnostics");
    drawDialogs(ctx);
    drawCheckPanel(ctx);
    ImGui::End();
}

void EditorApp::shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || !m_doc->isOpen()) return;
    auto& session = m_doc->session();
    const bool any = ImGui::IsKeyPressed(SDL_SCANCODE_Z, false) ||
                     ImGui::IsKeyPressed(SDL_SCANCODE_Y, false) ||
                     ImGui::IsKeyPressed(SDL_SCANCODE_S, false);
    // Undo is the session's, for every kind of edit: the field being typed in lets go (its own
    // one-field undo would otherwise run too), and shows the model's text again.
    if (any && io.WantTextInput) ImGui::ClearActiveID();
    if (ImGui::IsKeyPressed(SDL_SCANCODE_Z, false)) {
        report(*m_ctx, io.KeyShift ? session.redo() : session.undo());
    } else if (ImGui::IsKeyPressed(SDL_SCANCODE_Y, false)) {
        report(*m_ctx, session.redo());
    } else if (ImGui::IsKeyPressed(SDL_SCANCODE_S, false)) {
        if (report(*m_ctx, session.save())) m_ctx->status = "已保存 Saved";
    } else if (ImGui::IsKeyPressed(SDL_SCANCODE_Q, false)) {
        m_quit = true;
    }
}

void EditorApp::carryOutPrompt() {
    EditorContext& ctx = *m_ctx;
    if (ctx.prompt == PathPrompt::None || ctx.promptPath.empty()) return;
    const fs::path path = ctx.promptPath;
    const PathPrompt prompt = ctx.prompt;
    ctx.prompt = PathPrompt::None;
    ctx.promptPath.clear();
    switch (prompt) {
    case PathPrompt::NewPack:
        report(ctx, m_doc->createNew(path));
        break;
    case PathPrompt::OpenPack:
        report(ctx, m_doc->open(path, false));
        break;
    case PathPrompt::SaveAs:
        report(ctx, m_doc->saveAs(path));
        break;
    case PathPrompt::ExportGallery:
        if (report(ctx, m_doc->session().save()))
            m_publish->start("导出云展厅 Export the cloud gallery",
                             {{PublishJob::cli(), "build", m_doc->session().root().string()},
                              {PublishJob::cli(), "export", "web", m_doc->session().root().string(),
                               path.string()}});
        break;
    case PathPrompt::CopyToUsb:
        if (report(ctx, m_doc->session().save())) {
            auto steps = PublishJob::copyToUsbSteps(m_doc->session().root(), path);
            if (steps.empty())
                ctx.status = "不能复制到内容包自身 Cannot copy the pack into itself";
            else
                m_publish->start("复制到U盘 Copy to a USB stick", std::move(steps));
        }
        break;
    case PathPrompt::VideoFile:
        if (m_videoFiles->choosing) {
            VideoFileRequest request = *m_videoFiles->choosing;
            request.source = path;
            m_videoFiles->add(*m_doc, std::move(request));
            m_videoFiles->choosing.reset();
        }
        break;
    case PathPrompt::ReplaceImage:
        m_doc->replaceImage(ctx.replaceItem, ctx.replaceImage, path);
        break;
    case PathPrompt::NarrationFile:
        setNarrationFile(ctx, path);
        break;
    case PathPrompt::None:
        break;
    }
}

void EditorApp::handleDrop(std::vector<fs::path> paths, float x, float y) {
    if (!m_doc->isOpen()) {
        // A pack folder dropped on an empty editor opens it.
        if (paths.size() == 1 && fs::exists(paths[0] / "pack.json"))
            report(*m_ctx, m_doc->open(paths[0], false));
        return;
    }
    if (dropOnVideoField(*m_ctx, paths, ImVec2(x, y))) return;
    const core::Pack& pack = m_doc->pack();
    std::string chapter;
    // The chapter (or an item of it) under the mouse, else the selected one.
    if (auto name = m_targets.at(ImVec2(x, y), "tree:chapter:"))
        chapter = name->substr(13);
    else if (auto item = m_targets.at(ImVec2(x, y), "tree:item:")) {
        if (auto slot =
                core::edit::findParentSlot(pack, core::edit::NodeRef::item(item->substr(10))))
            chapter = slot->parent.id;
    }
    if (chapter.empty()) {
        const auto& selected = m_doc->selection.node;
        if (selected.kind == NodeKind::Chapter)
            chapter = selected.id;
        else if (auto slot = core::edit::findParentSlot(pack, selected);
                 slot && slot->parent.kind == NodeKind::Chapter)
            chapter = slot->parent.id;
        else if (!pack.exhibitions.empty() && !pack.exhibitions.front().chapters.empty())
            chapter = pack.exhibitions.front().chapters.front().id;
    }
    if (chapter.empty()) {
        m_doc->message("先添加一个章节 Add a chapter first");
        return;
    }
    m_doc->dropMedia(chapter, std::move(paths));
}

bool EditorApp::isIdle() const {
    if (!m_preview->isIdle() || m_check->running()) return false;
    if (!m_doc->isOpen()) return true;
    return !m_doc->dropProgress() && !m_doc->imageJobPending() && !m_thumbs->busy() &&
           m_doc->validationCurrent() && !m_publish->running() && !m_videoFiles->busy() &&
           m_doc->previewRevision == m_doc->session().revision() && !m_fonts.needsRebuild();
}

nlohmann::json EditorApp::stateJson() const {
    nlohmann::json state = {{"open", m_doc->isOpen()},
                            {"script_step", m_script ? m_script->step() : 0},
                            {"script_errors", m_scriptErrors},
                            {"messages", m_doc->messages()},
                            {"status", m_ctx->status},
                            {"fonts",
                             {{"glyphs", m_fonts.glyphCount()},
                              {"characters", m_fonts.characterCount()},
                              {"last_build_ms", m_fonts.lastBuildMs()}}},
                            {"targets", m_targets.names()},
                            {"startup_ms", m_startupMs},
                            {"frame_ms_p50", percentile(m_frameMs, 50)},
                            {"frame_ms_p99", percentile(m_frameMs, 99)},
                            {"frames", m_frameMs.size()},
                            {"frame_cpu_ms_p50", percentile(m_frameCpuMs, 50)},
                            {"frame_cpu_ms_p99", percentile(m_frameCpuMs, 99)},
                            {"slowest_frame", m_phases.slowestJson()},
                            {"pss_kb", pssKb()},
                            {"idle", isIdle()},
                            {"preview", m_preview->state()},
                            {"check", m_check->state()},
                            {"thumbnails", m_thumbs->state()}};
    const auto job = m_publish->state();
    state["publish"] = nlohmann::json{{"title", job.title},
                                      {"running", m_publish->running()},
                                      {"finished", job.finished},
                                      {"ok", job.ok}};
    if (const auto spot = EditorWindow::inputMethodSpot()) {
        // The text field under the spot: the candidate window opens at the field being typed in.
        const auto field = m_targets.at(
            ImVec2(static_cast<float>(spot->x) + 1, static_cast<float>(spot->y + spot->height / 2)),
            "field:");
        state["input_method"] = {{"x", spot->x},
                                 {"y", spot->y},
                                 {"height", spot->height},
                                 {"field", field.value_or("")}};
    }
    state["catalogue"] = catalogueDialogState();
    if (!m_doc->isOpen()) return state;
    const auto& session = m_doc->session();
    const core::Pack& pack = session.pack();
    std::size_t items = 0, questions = 0;
    for (const auto& e : pack.exhibitions)
        for (const auto& c : e.chapters)
            items += c.items.size();
    for (const auto& b : pack.quizBanks)
        questions += b.questions.size();
    const auto& report = m_doc->report();
    state["pack"] = {{"id", pack.id},
                     {"root", session.root().string()},
                     {"read_only", session.readOnly()},
                     {"dirty", session.isDirty()},
                     {"revision", session.revision()},
                     {"can_undo", session.canUndo()},
                     {"can_redo", session.canRedo()},
                     {"exhibitions", pack.exhibitions.size()},
                     {"items", items},
                     {"questions", questions},
                     {"recovery_offered", session.recoverableEdits().has_value()},
                     {"errors", report.errors},
                     {"warnings", report.warnings},
                     {"validation_current", m_doc->validationCurrent()}};
    if (auto holder = session.lockHolder())
        state["pack"]["lock_holder"] = holder->user + "@" + holder->host;
    state["selection"] = {{"node", core::edit::toString(m_doc->selection.node)},
                          {"pointer", m_doc->selection.pointer}};
    nlohmann::json codes = nlohmann::json::array();
    for (const auto& d : report.diagnostics)
        codes.push_back(d.diagnostic.code);
    state["diagnostic_codes"] = codes;
    state["video_files"] = m_videoFiles->state(*m_doc);
    state["narration"] = narrationState(*m_doc);
    nlohmann::json recent = nlohmann::json::array();
    for (const auto& folder : readRecentPacks(recentPacksFile()))
        recent.push_back({{"path", folder.string()}, {"exists", recentPackExists(folder)}});
    state["recent_packs"] = recent;
    return state;
}

void EditorApp::writeState() const {
    if (m_options.stateOut.empty()) return;
    if (core::Status written = core::writeFileAtomic(
            m_options.stateOut,
            stateJson().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        !written)
        core::logWarning("cannot write state: " + core::formatDiagnostic(written.error(), false));
}

} // namespace lantai::editor
