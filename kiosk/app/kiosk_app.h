// kiosk/app: the kiosk application — loads the pack, owns platform, session and screens, runs the
// event-driven loop
#pragma once

#include "core/config/kiosk_config.h"
#include "core/pack/derived_index.h"
#include "core/pack/loader.h"
#include "core/stats/stats_writer.h"
#include "core/theme/theme.h"
#include "core/visit/gesture_recognizer.h"
#include "core/visit/visitor_session.h"
#include "kiosk/app/kiosk_options.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/app/state_writer.h"
#include "kiosk/platform/sdl_platform.h"
#include "kiosk/render/decode_pool.h"
#include "kiosk/render/texture_cache.h"
#include "kiosk/ui/attract_screen.h"
#include "kiosk/ui/exhibition_screen.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/home_screen.h"
#include "kiosk/ui/item_detail_screen.h"
#include "kiosk/ui/item_grid_screen.h"
#include "kiosk/ui/overlay_screens.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/quiz_screen.h"
#include "kiosk/ui/video_controller.h"
#include "kiosk/ui/video_library_screen.h"
#include "kiosk/ui/video_player_screen.h"

#include <chrono>
#include <memory>
#include <optional>

namespace lantai::kiosk {

// Threading: main thread only, except the decode pool's workers, which only call
// SdlPlatform::wake() (an SDL user event) to end the loop's wait.
class KioskApp final : private ScriptHost {
  public:
    KioskApp(const core::KioskConfig& config, KioskRunOptions run, const char* argv0);
    ~KioskApp() override;
    // Runs until quit (dev mode Esc, script end with --exit-after-script). Returns the exit code.
    int run();

  private:
    using Clock = std::chrono::steady_clock;

    bool loadContent();
    void applyTheme(const std::string& nameOrPath);
    bool rebuildFonts();
    bool installFonts(std::unique_ptr<BuiltFonts> built);
    void handleEvent(const PlatformEvent& event);
    void handleGestures();
    void applySessionEvents();
    void resetVisit();
    void configureQuiz();
    void configureVideo();
    void startVideoBackend();
    void updateVideo();
    void frame();
    Screen* currentScreen();
    double now() const; // kiosk clock, seconds (steady clock + script advances)
    Clock::time_point sessionNow() const;
    int waitTimeoutMs();
    bool animating();
    KioskMetrics metrics();
    void writeState(bool force);

    // ScriptHost
    void injectEvent(const PlatformEvent& event) override { handleEvent(event); }
    std::optional<core::Vec2> targetCenter(const std::string& id) override;
    bool isIdle() override;
    void requestScreenshot(const std::string& name) override {
        m_screenshotName = name;
        m_redraw = true;
    }
    bool screenshotPending() override { return !m_screenshotName.empty(); }
    void advanceClock(double seconds) override { m_clockOffset += seconds; }
    double clockNow() override { return now(); }
    void resizeWindow(int width, int height) override;
    core::Vec2 windowSize() override {
        return {double(m_platform.width()), double(m_platform.height())};
    }
    void stepCompleted(int index, const core::ScriptCommand& command) override;
    void scriptError(const std::string& message) override;
    std::vector<std::string> quizAnswerTargets(bool correct) override;

    core::KioskConfig m_config;
    KioskRunOptions m_run;
    std::string m_argv0;
    Clock::time_point m_launch;
    double m_clockOffset = 0;

    SdlPlatform m_platform;
    std::unique_ptr<DecodePool> m_decodePool;
    std::unique_ptr<TextureCache> m_textures;
    Fonts m_fonts;
    core::Theme m_theme;

    core::PackLoadResult m_loaded;
    std::optional<core::DerivedIndex> m_derived;
    KioskState m_state;
    core::VisitorSession m_session;
    core::GestureRecognizer m_gestures;
    bool m_swallowPointer = false; // the touch that woke the kiosk or dismissed an overlay
    std::optional<core::Vec2> m_pressPosition;

    AttractScreen m_attract;
    HomeScreen m_home;
    ExhibitionScreen m_exhibition;
    ItemGridScreen m_grid;
    ItemDetailScreen m_detail;
    OutOfServiceScreen m_outOfService;
    QuizScreen m_quizScreen;
    QuizController m_quiz;
    VideoLibraryScreen m_videoLibrary;
    VideoPlayerScreen m_videoPlayer;
    std::unique_ptr<MediaPlayer> m_media;
    VideoController m_video;
    bool m_softwareGl = false; // Mesa llvmpipe/softpipe: textures are RAM, shaders run on the CPU
    bool m_videoRendered =
        false; // this frame drew a video texture (tell the player after the swap)
    // <state dir>/lantai.sqlite: quiz results, question usage, statistics (queued in memory while
    // the database cannot take them, reopened on a timer)
    core::StatsWriter m_stats;

    std::vector<TapTarget> m_targets; // of the last drawn frame
    std::unique_ptr<ScriptRunner> m_script;
    StateWriter m_stateWriter;
    std::string m_screenshotName;
    bool m_redraw = true;
    bool m_quit = false;
    int m_exitCode = 0;
    long long m_frames = 0;
    double m_lastFrame = 0;
    double m_startupMs = 0;
    bool m_firstFrame = true;
    std::vector<double> m_frameBuildMs; // ring buffer of UI CPU time per frame
    std::size_t m_frameBuildNext = 0;
    RoleCharacters m_charset; // per font role: pack characters + UI strings (font atlas input)
};

} // namespace lantai::kiosk
