// tools/editor: lantai-editor's application — the window, the panes, shortcuts, the preview kept
// in step with the edits, scripted input and the state file tests read
#pragma once

#include "tools/editor/editor_context.h"
#include "tools/editor/editor_script.h"
#include "tools/editor/editor_window.h"
#include "tools/editor/frame_phases.h"
#include "tools/editor/screen_check.h"
#include "tools/editor/thumbnail_cache.h"
#include "tools/editor/video_files.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace lantai::editor {

struct EditorOptions {
    std::filesystem::path pack;    // open at start (empty: none)
    std::filesystem::path newPack; // --new DIR: create from the template and open
    bool readOnly = false;
    std::filesystem::path script;
    std::filesystem::path stateOut; // the state JSON after every script step (and at exit)
    std::filesystem::path screenshotDir = ".";
    bool exitAfterScript = false;
    int width = 1600, height = 1000;
    int previewSize = 0; // index into previewSizes()
    std::vector<std::filesystem::path> themeDirs;
};

class EditorApp {
  public:
    explicit EditorApp(EditorOptions options);
    ~EditorApp();
    // Runs until the window closes (or the script ends with --exit-after-script). Exit code: 0,
    // 1 when the window cannot open, 2 for a bad script, 3 when a script step failed.
    int run();

  private:
    void frame();
    void layout();
    void shortcuts();
    void carryOutPrompt();
    void syncPreview();
    void handleDrop(std::vector<std::filesystem::path> paths, float x, float y);
    bool isIdle() const;
    nlohmann::json stateJson() const;
    void writeState() const;
    bool loadScript();

    EditorOptions m_options;
    EditorWindow m_window;
    EditorFonts m_fonts;
    TapTargets m_targets;
    std::unique_ptr<EditorDocument> m_doc;
    std::unique_ptr<KioskPreview> m_preview;
    std::unique_ptr<ThumbnailCache> m_thumbs;
    std::unique_ptr<PublishJob> m_publish;
    std::unique_ptr<ScreenCheck> m_check;
    std::unique_ptr<VideoFiles> m_videoFiles;
    std::unique_ptr<EditorContext> m_ctx;
    std::unique_ptr<EditorScriptPlayer> m_script;
    std::optional<std::string> m_pendingScreenshot;
    std::vector<std::string> m_scriptErrors;
    float m_treeWidth = 380, m_previewWidth = 620, m_diagnosticsHeight = 170;
    bool m_quit = false;
    std::filesystem::path m_recentRoot; // the pack last added to the recent list
    double m_start = 0;
    int m_quietFrames = 0;          // frames in a row with nothing new to show
    double m_lastFrameAt = 0;       // nowSeconds() when the last frame was presented
    bool m_previewDeferred = false; // this iteration left the preview to the next one
    bool m_wasIdle = false;         // isIdle() in the last iteration (a trim when it turns true)
    double m_startupMs = -1;        // process start -> first frame with the pack and its preview
    // Main-thread time of each drawn frame of the current script step (at most 100,000): from
    // the end of the event wait through polling the workers, the preview's update and render,
    // thumbnail uploads, the panes and the swap.
    std::vector<double> m_frameMs;
    std::vector<double> m_frameCpuMs; // the main thread's CPU time of the same frames
    std::chrono::steady_clock::time_point m_loopStarted;
    FramePhases m_phases; // where each iteration's time went (LANTAI_EDITOR_SLOW_FRAME_MS)
    std::atomic<bool> m_previewWoken{false}; // the kiosk runtime asked to draw again
};

} // namespace lantai::editor
