// tools/editor: the live kiosk preview — the kiosk runtime in this process, drawing into a
// texture the preview panel shows, fed the edited pack and the mouse as a finger
#pragma once

#include "core/pack/loader.h"
#include "core/theme/theme.h"
#include "kiosk/runtime/kiosk_runtime.h"
#include "tools/editor/offscreen_target.h"
#include "tools/editor/preview_content_worker.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lantai::editor {

// The screen sizes a booth has (the preview scales them to its pane).
struct PreviewSize {
    const char* label;
    int width;
    int height;
};
const std::vector<PreviewSize>& previewSizes(); // 1920x1080, 1080x1920, 3840x2160

// Why in-process (ARCHITECTURE.md "The editor's preview"): the runtime is SDL-free and owns its
// own ImGui context, so the editor hands it the edited Pack in memory — no serialising, no
// second process to start or keep in step — and an edit reaches the screen in one frame.
//
// Ownership: owns the runtime, a framebuffer object and its colour texture (kiosk pixels, the
// chosen booth size, drawn at full size and scaled to the pane).
// Threading: the main thread, with the editor's GL context current.
class KioskPreview {
  public:
    KioskPreview(std::vector<std::filesystem::path> themeDirs, std::function<void()> wake);
    ~KioskPreview();
    KioskPreview(const KioskPreview&) = delete;
    KioskPreview& operator=(const KioskPreview&) = delete;

    // The edited pack (a copy of the session's, loaded as the loader would). The first one starts
    // the runtime at once; later ones have their content made on a worker and shown by the
    // update() after it is ready.
    void showPack(core::PackLoadResult pack);
    // The characters of the packs shown since the last call, as UTF-8 (for the editor's atlas).
    std::string takePackCharacters() { return std::exchange(m_packCharacters, {}); }
    void show(const kiosk::PreviewTarget& target);
    void setSize(int index);
    int sizeIndex() const { return m_sizeIndex; }
    // How large the panel shows the frame (panel pixels per kiosk pixel): the next update()
    // draws the same layout into a framebuffer about that size (at most the kiosk's own), so a
    // 1920x1080 or 4K kiosk shown in a 700-pixel panel costs the software rasteriser of a
    // curator's laptop a panel's pixels, not a screen's.
    void setDisplayScale(float scale) { m_wantedScale = scale; }
    void setLanguage(core::Language language);
    core::Language language() const;
    void setTheme(const std::string& name);
    const std::string& themeName() const { return m_themeName; }

    // The video screen of `videoId` playing (libmpv through kiosk/platform, as on the booth),
    // play/pause, seek to a fraction of the clip, and what the player reports.
    bool playVideo(const std::string& videoId);
    void toggleVideoPause();
    void seekVideo(double fraction);
    // id, state, position, duration, subtitle text, error (null when no video is open).
    nlohmann::json videoState() const;

    // Input in kiosk pixels (the panel maps the mouse over the image).
    void pointer(kiosk::InputEvent::Type type, float x, float y);
    void wheel(float x, float y, float notches);

    // Something woke the editor (a decoded image, the media backend): the runtime draws again.
    void redraw() {
        if (m_runtime) m_runtime->requestRedraw();
    }
    // Timers and a frame into the texture when the runtime wants one. Returns true when drawn.
    bool update();
    unsigned texture() const { return m_target.texture(); }
    int width() const { return m_width; }
    int height() const { return m_height; }
    bool started() const { return m_runtime != nullptr; }
    // Nothing loading, animating or waiting to be drawn.
    bool isIdle() const {
        return !m_runtime || (m_runtime->isIdle() && !m_pendingSince && !m_content.pending());
    }
    const std::string& error() const { return m_error; }
    double secondsUntilWork() const;
    // Milliseconds from the last showPack() to the frame that showed it.
    double lastUpdateMs() const { return m_lastUpdateMs; }
    // The 95th percentile of the last 200 edit -> frame times (milliseconds).
    double updateP95Ms() const;
    nlohmann::json state() const;
    std::optional<core::Vec2> targetCenter(const std::string& id) const;

  private:
    double now() const;
    void makeTarget();
    // The framebuffer scale for a panel scale: steps of 1/8 (a window resized by a few pixels
    // reallocates nothing), at most 1.
    static float framebufferScale(float panelScale);
    void start(core::PackLoadResult pack);

    std::vector<std::filesystem::path> m_themeDirs;
    std::function<void()> m_wake;
    OffscreenTarget m_target; // declared before the runtime: destroyed after it
    std::unique_ptr<kiosk::KioskRuntime> m_runtime;
    PreviewContentWorker m_content; // after the runtime: the worker stops first
    std::string m_packCharacters;
    std::string m_error;
    std::string m_themeName = "red-archive";
    int m_sizeIndex = 0;
    int m_width = 0, m_height = 0;
    float m_scale = 1.0f;       // the framebuffer's size over the kiosk's
    float m_wantedScale = 1.0f; // setDisplayScale()'s, applied by update()
    std::chrono::steady_clock::time_point m_epoch = std::chrono::steady_clock::now();
    std::optional<std::chrono::steady_clock::time_point> m_pendingSince;
    std::optional<kiosk::PreviewTarget> m_unshown; // shown when the next pack has it
    double m_lastUpdateMs = 0;
    std::vector<double> m_updateMs; // the last 200
};

} // namespace lantai::editor
