// kiosk/runtime: the kiosk's behaviour without a window — screens, navigation, visitor session,
// quiz and video, the state report — fed input and time by a host, drawing into its framebuffer
#pragma once

#include "core/config/kiosk_config.h"
#include "core/stats/event_writer.h"
#include "core/stats/stats_writer.h"
#include "core/stats/visit_recorder.h"
#include "core/visit/gesture_recognizer.h"
#include "core/visit/reach_band.h"
#include "core/visit/staff_gesture.h"
#include "core/visit/visitor_session.h"
#include "kiosk/media/media_player.h"
#include "kiosk/render/decode_pool.h"
#include "kiosk/render/texture_cache.h"
#include "kiosk/runtime/frame_times.h"
#include "kiosk/runtime/input_event.h"
#include "kiosk/runtime/kiosk_content.h"
#include "kiosk/runtime/phone_booth.h"
#include "kiosk/runtime/screen_set.h"
#include "kiosk/runtime/staff_host.h"
#include "kiosk/runtime/state_report.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/narration_controller.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/staff_controller.h"
#include "kiosk/ui/video_controller.h"

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct ImGuiContext;

namespace lantai::kiosk {

// The embedding contract
// ----------------------
// Hosts: the kiosk application (kiosk/app: an SDL window, its event pump, scripts) and, later,
// the editor's live preview (an ImGui window of its own, rendering the runtime into a texture).
//
// Ownership. The host owns the window or offscreen target, the GL context, the clock and the
// source of input. The runtime owns everything else it uses: its Dear ImGui context and font
// atlas, the decode workers, the texture cache, the media player its factory made, the screens,
// the quiz and video controllers and the loaded pack. The statistics store is the host's (it is
// the booth's database; a preview passes none). The runtime calls no SDL function and reads no
// clock for its behaviour: every call that can change what it shows takes `now`, seconds on the
// host's monotonic clock (the kiosk's includes a script's `advance`). It reads the steady clock
// only to measure its own frame-build time for the state report.
//
// Threading. Construct, call and destroy the runtime on one thread: the thread that owns the GL
// context (the host's main thread). Other threads only call the host's wake callback (decode
// workers when images are decoded, the media backend when it has news); it must be cheap and
// thread-safe, and means "call update() and ask wantsFrame() soon".
//
// Dear ImGui. startGraphics() creates the runtime's own ImGuiContext, with its own font atlas and
// OpenGL3 renderer backend data. Every call makes that context current for its duration and
// restores whatever context was current before (possibly the host's), so the runtime can live
// beside an editor's context in one process. It never touches another context.
//
// OpenGL. startGraphics(), setViewport(), renderFrame(), framePresented(), update() (the media
// backend starts there after the first frame) and the destructor need the host's GL 3.3 core
// context current; textures and shaders live in it. renderFrame() draws into the framebuffer
// bound when it is called (the default one, or the host's FBO with a colour attachment of at
// least the viewport size), at (0, 0) to the viewport size: it sets glViewport to that rectangle,
// clears the colour buffer to the theme's background and draws with blending and scissoring; the
// ImGui OpenGL3 backend restores the program, texture, buffer, blend, scissor, cull, depth and
// polygon state it changes, texture uploads restore the GL_TEXTURE_2D binding and the video
// backend restores the framebuffer binding. Left changed: the viewport (the rectangle above) and
// the clear colour. The host presents (swaps, or samples its texture) and then calls
// framePresented().

// Makes the video backend (the libmpv player of kiosk/platform on a booth). Called on the
// runtime's thread with the GL context current, after the first frame and only when the pack has
// videos and video is enabled, so a slow backend never delays start-up; once, and once more after
// each reload (the new configuration's video settings). It returns a player (the null player with
// a reason when the backend cannot start).
using MediaPlayerFactory = std::function<std::unique_ptr<MediaPlayer>()>;

struct KioskRuntimeOptions {
    // Pack paths, theme name, session timing, quiz, video and web settings, default language.
    core::KioskConfig config;
    // A pack the host already loaded and validated (the editor's), used instead of loading
    // config.packPath; config.packPath still names it in messages and the out-of-service retry.
    std::optional<core::PackLoadResult> pack;
    // A theme to use instead of config.theme (and the pack's own theme), e.g. one being edited.
    std::optional<core::Theme> theme;
    // Out of service from the start for this reason (English, Chinese): no pack is loaded and
    // none is retried — the service's last resort after the kiosk kept failing
    // (lantai-kiosk --out-of-service). A reload (SIGHUP) still loads the configured pack.
    std::optional<std::pair<std::string, std::string>> outOfService;
    std::vector<std::filesystem::path> themeDirs; // where themes named by config or pack are
    std::function<void()> wake;                   // any thread; see the contract above
    MediaPlayerFactory mediaPlayer;               // empty: videos show as unavailable
    // Makes the sound-only player for narration, at the first "Listen" tap (GL context current);
    // empty: no "Listen" buttons (the editor's preview).
    MediaPlayerFactory narrationPlayer;
    // Quiz results and statistics (not owned; the host calls its update() on its clock); null:
    // not kept, and the quiz says today's ranking is unavailable.
    core::StatsWriter* stats = nullptr;
    // Interaction events for the visitor statistics (not owned; config.boothId names the booth);
    // null: not recorded (a preview).
    core::EventWriter* events = nullptr;
    // The wall-clock time (unix seconds) a time on the host's clock stands for, stamped on the
    // events; empty: events are not recorded.
    std::function<double(double)> unixTime;
    // Staff mode's host side (not owned); null: staff mode is off (the editor's preview). Staff
    // mode also needs config.staffPinHash.
    StaffHost* staffHost = nullptr;
    // Where the phone game's page is (the installed share/lantai/phones, the source tree's);
    // used with [phones] enabled.
    std::vector<std::filesystem::path> phonePageDirs;
    // Runs first on each image-decoding worker thread; empty: nothing (the kiosk's own decodes
    // are what its screen waits for). The editor's preview puts them in the background.
    std::function<void()> decodeThreadStart;
};

// A screen of the pack the editor's preview shows (PreviewTarget::Kind names the screen; `id` the
// exhibition, chapter, item, quiz question or video, empty for the others).
struct PreviewTarget {
    enum class Kind { Attract, Home, Exhibition, Chapter, Item, Question, Videos, Video };
    Kind kind = Kind::Home;
    std::string id;
    int image = 0; // Item: which of its images
};

// What one renderFrame() cost (milliseconds), for the host's start-up log.
struct FrameTiming {
    double buildMs = 0;  // screens and ImGui draw data
    double renderMs = 0; // GL commands
};

class KioskRuntime {
  public:
    // Loads the theme and the pack (no GL yet). The kiosk is out of service when no pack
    // validates; it retries every minute.
    explicit KioskRuntime(KioskRuntimeOptions options);
    ~KioskRuntime(); // with the GL context current
    KioskRuntime(const KioskRuntime&) = delete;
    KioskRuntime& operator=(const KioskRuntime&) = delete;

    // ---- start-up, in two steps so that the font atlas rasterises while the host opens its
    // window. prepareFonts() (optional) starts rasterising on a worker thread for the expected
    // viewport size; startGraphics() (GL context current) creates the ImGui context and its
    // renderer, installs the fonts (rebuilt when the size came out otherwise), and starts the
    // decode workers and a texture cache of `textureBudgetBytes` (the host knows its GPU). False
    // with `error` when the fonts cannot be built.
    void prepareFonts(int width, int height);
    bool startGraphics(int width, int height, std::size_t textureBudgetBytes, std::string& error);

    // ---- every loop iteration, in this order: input, update, then a frame when wanted.
    // A pointer or key event; `now` is when it is delivered (event.time may be earlier).
    void handleInput(const InputEvent& event, double now);
    // The viewport changed size (pixels): fonts follow the new reference unit, gestures the new
    // screen height.
    void setViewport(int width, int height);
    // Draws the width x height frame into a framebuffer `scale` times as large (0 < scale <= 1):
    // the same layout, fewer pixels — the editor's preview shown at the size of its panel.
    void setFramebufferScale(float scale);
    // Something outside changed (window exposed, a wake): draw again.
    void requestRedraw() { m_redraw = true; }
    // Timers: the visitor session (still there? reset), gestures (taps, long presses), quiz
    // timers, video state, the out-of-service retry.
    void update(double now);
    // The host's clock jumped from `from` to `to` (a script's `advance`): runs update() at each
    // deadline in between, as if the time had passed — the countdown, the reset and its end, quiz
    // timers happen at their own times, so the next input lands where real waiting would.
    void fastForward(double from, double to);
    bool wantsFrame() const;
    // How long the host may sleep before the runtime has work (a frame at up to 60 fps while
    // something moves, the next session, attract, gesture, quiz or retry deadline); +infinity
    // when nothing is scheduled.
    double secondsUntilWork(double now) const;
    // Draws one frame into the bound framebuffer (see the contract above).
    FrameTiming renderFrame(double now);
    // The frame was presented (swapped): video backends pace themselves on it.
    void framePresented();

    // ---- replacing the configuration and the pack (SIGHUP on a booth)
    // `config` and its pack replace the running ones as if the runtime had started with them:
    // theme, session timing, default language, quiz, video and web settings, fonts (the media
    // player is made again; a theme given in the options stays). The pack is loaded and validated
    // here, at once, from config.packPath (reads files: call where blocking is fine), and the
    // switch waits for the next idle moment: at once on the attract loop or out of service, else
    // when the visit ends (the reset to the attract loop); update() makes it. A pack that does
    // not validate replaces nothing while another is shown: that one keeps running and the log
    // says why (false). Out of service, it is taken as at start (the last good pack, else out of
    // service with the new reason). Each request replaces one still waiting. A host that would
    // rather not make a visitor wait for the loading either asks at an idle moment (the kiosk's
    // SIGHUP does).
    bool requestReload(core::KioskConfig config);
    // The same with the content already loaded by loadReloadContent(config, hasPack()) — e.g. on
    // a worker thread, so that checking a large signed pack (every file's SHA-256) never stalls
    // the attract loop.
    bool requestReload(core::KioskConfig config, KioskContent content);
    bool reloadPending() const { return m_pendingReload.has_value(); }
    // No visit under way: the attract loop runs, or the kiosk is out of service.
    bool atIdleMoment() const;

    // ---- the editor's live preview (kiosk/runtime/runtime_preview.cpp)
    // Shows `loaded` at once (no waiting for an idle moment, valid or not: the editor lists the
    // problems), on the screen it showed before when that node still exists, else one level up.
    // Textures of unchanged files are kept; when the pack brings characters the font atlas
    // lacks, the atlas is rebuilt on a worker and installed by a later update() (until then the
    // new characters draw as the fallback glyph).
    void previewPack(core::PackLoadResult loaded);
    // The same for content the caller made (previewContentFrom/previewContentWith, on a worker
    // of its own: a large pack's characters and copy take longer than a frame).
    void previewContent(KioskContent content);
    // Goes to `target` as a visitor would have reached it; false when the pack has no such node.
    bool previewShow(const PreviewTarget& target);
    void previewLanguage(core::Language language);
    void previewTheme(core::Theme theme);
    // Where the preview is (kind and id), to keep it across previewPack.
    PreviewTarget previewWhere() const;
    // The editor's video controls: previewPlayVideo opens the player screen of `videoId` and
    // plays it from the start with the subtitles of the preview's language (the backend starts
    // now if it has not yet; GL context current); false when the pack has no such video.
    bool previewPlayVideo(const std::string& videoId);
    void previewToggleVideoPause() { m_video.togglePause(); }
    void previewSeekVideo(double fraction) { m_video.seekToFraction(fraction); }
    const VideoController& video() const { return m_video; }
    core::Language language() const { return m_state.language; }

    // ---- for hosts, scripts and tests
    bool hasPack() const { return m_state.pack != nullptr; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    long long frames() const { return m_frames; }
    // Nothing animating, loading, waiting for upload or held down.
    bool isIdle() const;
    // The centre of a tap target of the last frame ("nickname:*": the first with that prefix).
    std::optional<core::Vec2> targetCenter(const std::string& id) const;
    // The targets to tap to answer the quiz question on screen correctly (or wrongly), "submit"
    // included for multiple choice; empty when no question waits for an answer.
    std::vector<std::string> quizAnswerTargets(bool correct) const;
    // The last drawn frame's text that is cut off (truncated, below its box, too wide) and text
    // with characters no font draws (kiosk/ui/text_report.h); the state report's "cut_text".
    const TextReport& frameText() const { return m_frameText; }
    // The fonts prepareFonts() started are rasterised (startGraphics() will not wait for them).
    bool fontsPrepared() const;
    // The state report (kiosk/SCRIPTS.md "State JSON"): the runtime fills its part of `metrics`
    // and keeps the host's (script step and errors, start-up time, PSS, GL renderer).
    nlohmann::json stateJson(KioskMetrics metrics) const;
    // The folder of the pack shown, its links followed when it was loaded (empty when out of
    // service), and whether it is the configured pack.path (not the last good one standing in):
    // the host marks it good after a clean minute.
    std::filesystem::path shownPackFolder() const {
        return m_state.pack ? m_content.resolvedFolder : std::filesystem::path();
    }
    bool showsConfiguredPack() const { return m_state.pack && !m_content.showsLastGood; }
    // The shown pack's id and version (pack.json's SHA-256 prefix); empty when out of service.
    std::string shownPackId() const { return m_state.pack ? m_state.pack->id : std::string(); }
    std::string shownPackVersion() const { return m_state.pack ? m_content.packVersion : ""; }
    // `[trust] public_keys`: the last pack refused (at start, a reload or a live switch), kept
    // until the kiosk restarts; the state report's `trust` and the staff screen show it.
    const std::optional<core::Diagnostic>& lastRefusal() const { return m_lastRefusal; }
    // Staff mode is open (the PIN pad or the staff screen covers the visitor screens).
    bool staffOpen() const { return m_staff.isOpen(); }

  private:
    struct PendingReload {
        core::KioskConfig config;
        KioskContent content;
    };

    void applyContent(KioskContent content);
    void applyReload();
    core::Theme chooseTheme() const;
    void forgetVisit();
    bool rebuildFonts();
    void installPreviewFonts(); // the worker's atlas, when ready
    bool installFonts(std::unique_ptr<BuiltFonts> built);
    void configureQuiz();
    void configureVideo();
    void startVideoBackend();
    void updateVideo();
    void configureNarration();
    // Stops a reading whose screen the visitor left (or whose language changed).
    void updateNarration();
    // "item:ID", "chapter:ID" or "question:ID" of the screen on show ("" when it has none).
    std::string narrationTargetOnScreen() const;
    void applySessionEvents();
    void handleGestures();
    void resetVisit();
    // The visitor statistics (runtime_stats.cpp): after each update and frame.
    void recordVisit();
    core::VisitSnapshot visitSnapshot() const;
    core::EventClock eventClock() const;
    void describePack();
    // Staff mode (runtime_staff.cpp)
    void configureStaff();
    void feedStaffGesture(const InputEvent& e, double t);
    void updateStaff(double now);
    double staffDeadline() const;
    nlohmann::json staffStateJson() const;
    StaffOutcome staffSwitchPack(const core::PackCandidate& pack);
    std::filesystem::path staffPacksDir() const;
    // Class on phones (runtime_phones.cpp)
    void configurePhones();
    // After a reload: the phone server restarts when [phones] enabled, listen, port or the Wi-Fi
    // changed, or stops when it was turned off (no game is open at a reload's idle moment).
    void reconfigurePhones(const core::KioskConfig& before);
    void openPhoneGame(int teams); // 0: each pupil for themselves; 2–6: team play
    void updatePhones(double now);
    double phonesDeadline(double now) const;
    bool animating() const;
    core::ReachBandSetting reachBandSetting() const; // [display] reach_band
    bool portraitLayout() const; // display.orientation: from the frame's shape, or forced
    double secondsUntilDeadline(double now) const;
    core::VisitorSession::TimePoint at(double seconds) const;
    Screen& currentScreen() { return m_screens.forScreen(m_state.nav.screen()); }
    const Screen& currentScreen() const { return m_screens.forScreen(m_state.nav.screen()); }

    KioskRuntimeOptions m_options;
    double m_now = 0; // the host's clock at the latest call (screens read it through state.clock)

    ImGuiContext* m_imgui = nullptr;
    bool m_rendererReady = false; // ImGui_ImplOpenGL3 initialised in m_imgui
    Fonts m_fonts;
    std::future<std::unique_ptr<BuiltFonts>> m_fontsFuture;
    std::future<std::unique_ptr<BuiltFonts>> m_previewFonts; // previewPack's new characters
    core::Theme m_theme;
    std::unique_ptr<DecodePool> m_decodePool;
    std::unique_ptr<TextureCache> m_textures;
    int m_width = 0;
    int m_height = 0;
    float m_framebufferScale = 1.0f; // see setFramebufferScale()

    KioskContent m_content;
    std::optional<core::Diagnostic> m_lastRefusal; // see lastRefusal()
    double m_nextRetry = -1; // out of service: when to try loading the pack again
    std::optional<PendingReload> m_pendingReload; // switches at the next idle moment
    KioskState m_state;
    core::VisitorSession m_session;
    core::GestureRecognizer m_gestures;
    bool m_swallowPointer = false; // the touch that woke the kiosk or dismissed an overlay
    std::optional<core::Vec2> m_pressPosition;

    core::VisitRecorder m_recorder;

    StaffController m_staff;
    core::StaffGestureRecognizer m_staffGesture;
    bool m_staffWasOpen = false;
    double m_staffLastTouch = 0;

    ScreenSet m_screens;
    QuizController m_quiz;
    std::unique_ptr<PhoneBooth> m_phones; // the server and the game; null in a preview
    bool m_phoneGameStarted = false;      // the open game's quiz_start is recorded
    std::unique_ptr<MediaPlayer> m_media;
    VideoController m_video;
    NarrationController m_narration;
    bool m_videoRendered = false; // this frame drew a video texture (tell the player when shown)

    std::string m_previewQuestion;    // the question previewShow put on the quiz screen
    std::vector<TapTarget> m_targets; // of the last drawn frame
    TextReport m_frameText;           // the last drawn frame's cut-off text and missing glyphs
    bool m_redraw = true;
    long long m_frames = 0;
    double m_lastFrame = 0;
    FrameTimes m_frameTimes;
};

} // namespace lantai::kiosk
