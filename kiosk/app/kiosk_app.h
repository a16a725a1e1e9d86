// kiosk/app: the kiosk application — an SDL window hosting the kiosk runtime: start-up, the
// event-driven loop, quit keys, script replay, screenshots and the state file
#pragma once

#include "core/config/kiosk_config.h"
#include "core/stats/stats_writer.h"
#include "kiosk/app/kiosk_options.h"
#include "kiosk/app/kiosk_signals.h"
#include "kiosk/app/pack_lifecycle.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/app/service_notifier.h"
#include "kiosk/app/staff_services.h"
#include "kiosk/app/state_writer.h"
#include "kiosk/platform/sdl_platform.h"
#include "kiosk/runtime/frame_times.h"
#include "kiosk/runtime/kiosk_runtime.h"

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lantai::kiosk {

// Owns the window (SdlPlatform), the statistics store and the runtime, and the clock it feeds
// the runtime: seconds since launch plus a script's `advance`s. `args` (the command line) are
// kept for SIGHUP, which resolves the configuration again from them.
// Threading: main thread only; the runtime's decode workers, the video backend and the signal
// watcher only call SdlPlatform::wake() to end the loop's wait.
class KioskApp final : private ScriptHost {
  public:
    KioskApp(const core::KioskConfig& config, ParsedKioskArgs args, const char* argv0,
             KioskSignals& signals);
    ~KioskApp() override;
    // Runs until quit (dev mode Esc, script end with --exit-after-script, a terminating signal).
    // Returns the exit code (kiosk/app/kiosk_signals.h for a signal's).
    int run();

  private:
    using Clock = std::chrono::steady_clock;

    bool startGraphics(std::string& error);
    bool loadScript();
    void reload();       // SIGHUP, at an idle moment: the pack loads on a worker
    void finishReload(); // the worker's pack loaded: the runtime takes it
    void handleEvent(const PlatformEvent& event);
    void frame();
    double now() const; // the kiosk clock, seconds (steady clock + script advances)
    Clock::time_point statsTime() const; // now() as a time point, for the stats writer's timer
    int waitTimeoutMs();
    KioskMetrics hostMetrics() const;
    nlohmann::json stateJson(const KioskMetrics& metrics) const; // the runtime's + the host's
    void logRotation() const;
    void applyServiceFallback(core::KioskConfig& config) const; // --use-last-good
    int hangForTest();   // LANTAI_TEST_HANG_AFTER_FRAMES: the loop stops progressing
    void crashForTest(); // LANTAI_TEST_CRASH_WITH_FILE: the shown pack holds that file
    void writeState(bool force);
    void markAlive(Clock::time_point frameTime);
    std::unique_ptr<MediaPlayer> createMediaPlayer(bool audioOnly);
    StaffServicesOptions staffOptions(const std::filesystem::path& stateDir);

    // ScriptHost
    void injectEvent(const PlatformEvent& event) override { handleEvent(event); }
    std::optional<core::Vec2> targetCenter(const std::string& id) override {
        return m_runtime->targetCenter(id);
    }
    bool isIdle() override { return m_runtime->isIdle(); }
    void requestScreenshot(const std::string& name) override {
        m_screenshotName = name;
        m_runtime->requestRedraw();
    }
    bool screenshotPending() override { return !m_screenshotName.empty(); }
    void advanceClock(double seconds) override;
    double clockNow() override { return now(); }
    void resizeWindow(int width, int height) override;
    core::Vec2 windowSize() override {
        return {double(m_platform.logicalWidth()), double(m_platform.logicalHeight())};
    }
    core::DisplayRotation display() override { return m_platform.rotation(); }
    void stepCompleted(int index, const core::ScriptCommand& command) override;
    void scriptError(const std::string& message) override;
    std::vector<std::string> quizAnswerTargets(bool correct) override {
        return m_runtime->quizAnswerTargets(correct);
    }

    core::KioskConfig m_config;
    KioskRunOptions m_run;
    core::KioskConfigLayer m_commandLine; // what the flags and --set set, for a reload
    std::string m_argv0;
    KioskSignals& m_signals;
    Clock::time_point m_launch;
    double m_clockOffset = 0;

    SdlPlatform m_platform;
    bool m_softwareGl = false; // Mesa llvmpipe/softpipe: textures are RAM, shaders run on the CPU
    // <state dir>/lantai.sqlite: quiz results, question usage, statistics (queued in memory while
    // the database cannot take them, reopened on a timer)
    core::StatsWriter m_stats;
    // Interaction events, written on their own thread into the same database.
    core::EventWriter m_events;
    double m_launchUnix = 0;                        // the wall clock at m_launch (unix seconds)
    std::unique_ptr<StaffServices> m_staffServices; // staff mode's host side (the runtime's)
    std::unique_ptr<KioskRuntime> m_runtime; // destroyed first: it needs the GL context and store

    std::unique_ptr<ScriptRunner> m_script;
    StateWriter m_stateWriter;
    std::string m_screenshotName;
    bool m_reloadRequested = false; // SIGHUP came; the reload waits for an idle moment
    // A reload's configuration and its pack loading (and, with [trust], every file hashed) on a
    // worker thread; the loop keeps drawing meanwhile.
    struct ReloadLoad {
        core::KioskConfig config;
        std::vector<std::string> restartOnly;
        std::future<KioskContent> content;
    };
    std::optional<ReloadLoad> m_reloadLoad;
    bool m_quit = false;
    int m_exitCode = 0;
    double m_startupMs = 0;
    bool m_firstFrame = true;
    FrameTimes m_frameTotals;   // whole frames: the runtime's, the rotation's pass and the swap
    double m_frameMsSum = 0;    // ... all of them since start (the mean over the runtime's frames)
    ServiceNotifier m_notifier; // READY and the watchdog (systemd; nothing without NOTIFY_SOCKET)
    std::filesystem::path m_aliveFile; // <state_dir>/kiosk-alive.json: lantai-sync's last frame
    std::optional<Clock::time_point> m_aliveWritten; // when it was last written (none: not yet)
    bool m_aliveFailed = false;                      // the last write failed (logged once)
    long long m_hangAfterFrames = -1;       // test-only: > 0, the loop hangs after that many frames
    std::string m_crashWithFile;            // test-only: a pack holding this file crashes the kiosk
    std::unique_ptr<PackLifecycle> m_packs; // rollback at start, live switch, mark good
};

} // namespace lantai::kiosk
