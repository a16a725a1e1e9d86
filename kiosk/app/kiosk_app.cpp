// kiosk/app: the kiosk application — start-up, the event-driven loop around the runtime, quit
// keys, scripts and screenshots
#include "kiosk/app/kiosk_app.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/fleet/kiosk_alive.h"
#include "core/staff/run_counter.h"
#include "kiosk/app/kiosk_configuration.h"
#include "kiosk/platform/mpv_media_player.h"
#include "kiosk/platform/screenshot.h"

#include <SDL.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace lantai::kiosk {

namespace fs = std::filesystem;

namespace {

constexpr int kSoftwareGlTextureBudgetMb = 64;
// The loop's longest sleep. Signals wake it at once (the signal watcher); this bounds the wait
// should a wake-up ever be lost.
constexpr double kMaxWaitSeconds = 0.5;

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// stats.booth_id, or the computer's host name when it is empty.
std::string boothName(const std::string& configured) {
    if (!configured.empty()) return configured;
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return "booth";
    return host;
}

bool isQuitKey(const InputEvent& e) {
    return e.key == SDLK_ESCAPE || (e.alt && e.key == SDLK_F4) ||
           (e.ctrl && (e.key == SDLK_q || e.key == SDLK_w));
}

} // namespace

KioskApp::KioskApp(const core::KioskConfig& config, ParsedKioskArgs args, const char* argv0,
                   KioskSignals& signals)
    : m_config(config), m_run(std::move(args.run)), m_commandLine(std::move(args.commandLine)),
      m_argv0(argv0), m_signals(signals), m_launch(Clock::now()),
      m_launchUnix(
          std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
              .count()),
      m_stateWriter(m_run.stateOut) {
    applyServiceFallback(m_config);
    if (const char* hang = std::getenv("LANTAI_TEST_HANG_AFTER_FRAMES"); hang && *hang)
        m_hangAfterFrames = std::atoll(hang);
    if (const char* crash = std::getenv("LANTAI_TEST_CRASH_WITH_FILE"); crash && *crash)
        m_crashWithFile = crash;
}

// The test-only crash switch (LANTAI_TEST_CRASH_WITH_FILE=NAME, tests/e2e/kiosk_trust_e2e.py):
// once a frame of a pack holding a file NAME is drawn, the kiosk aborts, as a pack that crashes
// it would make it (the rollback's test). A pack without the file runs normally.
void KioskApp::crashForTest() {
    std::error_code ec;
    const fs::path root = m_runtime->shownPackFolder();
    if (root.empty() || !fs::exists(root / m_crashWithFile, ec)) return;
    core::logError("LANTAI_TEST_CRASH_WITH_FILE=" + m_crashWithFile + ": the pack " +
                   root.string() + " holds it; aborting (a test of the rollback)");
    std::abort();
}

// --use-last-good: the last good pack is the pack (with no fallback of its own), at start and on
// every reload.
void KioskApp::applyServiceFallback(core::KioskConfig& config) const {
    if (!m_run.useLastGood) return;
    config.packPath = config.lastGoodPackPath;
    config.lastGoodPackPath.clear();
}

// The test-only hang switch (LANTAI_TEST_HANG_AFTER_FRAMES=N, tests/e2e/kiosk_watchdog.py): after
// N frames the main loop stops — no events, frames or watchdog messages — as a loop stuck in a
// frame would. Only a terminating signal ends it (so the test can stop it cleanly).
int KioskApp::hangForTest() {
    core::logWarning("LANTAI_TEST_HANG_AFTER_FRAMES=" + std::to_string(m_hangAfterFrames) +
                     ": the main loop hangs now (a test of the systemd watchdog)");
    while (m_signals.stopSignal() == 0)
        ::usleep(20 * 1000);
    return exitCodeForSignal(m_signals.stopSignal());
}

KioskApp::~KioskApp() {
    m_signals.setWake(nullptr); // before the platform it wakes goes away
}

double KioskApp::now() const {
    return std::chrono::duration<double>(Clock::now() - m_launch).count() + m_clockOffset;
}

KioskApp::Clock::time_point KioskApp::statsTime() const {
    return m_launch +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(now()));
}

int KioskApp::run() {
    // Logging first, so every later problem is on record.
    const fs::path stateDir = usableStateDir(m_config.stateDir);
    const fs::path logFile =
        m_config.logFile.empty() ? stateDir / "logs" / "kiosk.log" : m_config.logFile;
    core::setLogLevel(m_config.logLevel);
    if (const core::Status opened = core::openLog(
            logFile, static_cast<std::size_t>(m_config.logMaxSizeMb) << 20, m_config.logKeepFiles);
        !opened)
        core::logWarning(opened.error().message);
    core::logInfo("lantai-kiosk " LANTAI_VERSION " starting; log " + logFile.string());

    // Signals are ours (kiosk_signals.h): SDL would turn SIGTERM/SIGINT into SDL_QUIT, which
    // kiosk mode ignores.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");

    auto phase = [this](const char* what) {
        core::logDebug(std::string("startup: ") + what + " at " +
                       std::to_string(msSince(m_launch)) + " ms");
    };
    phase("logging ready");
    core::logInfo(m_notifier.description());
    if (m_run.useLastGood)
        core::logWarning("--use-last-good: showing the last good pack " +
                         m_config.packPath.string() + " (the service's fallback)");
    core::StatsWriterOptions stats;
    stats.file = core::StatsStore::databasePath(stateDir);
    stats.diskReserveBytes = static_cast<std::uint64_t>(m_config.stateDiskReserveMb) << 20;
    (void)m_stats.start(stats, statsTime(), static_cast<std::int64_t>(std::time(nullptr)));
    core::EventWriterOptions eventOptions;
    eventOptions.file = stats.file;
    eventOptions.retentionDays = m_config.statsRetentionDays;
    eventOptions.maxBytes = static_cast<std::uint64_t>(m_config.statsMaxSizeMb) << 20;
    m_events.start(eventOptions);
    m_config.boothId = boothName(m_config.boothId);
    core::logInfo("visitor statistics: booth \"" + m_config.boothId + "\", kept " +
                  std::to_string(m_config.statsRetentionDays) + " days, at most " +
                  std::to_string(m_config.statsMaxSizeMb) + " MB");

    KioskRuntimeOptions options;
    options.config = m_config;
    options.themeDirs = themeSearchDirs();
    options.phonePageDirs = phonePageSearchDirs();
    options.wake = [this] { m_platform.wake(); };
    options.mediaPlayer = [this] { return createMediaPlayer(false); };
    options.narrationPlayer = [this] { return createMediaPlayer(true); };
    options.stats = &m_stats;
    options.events = &m_events;
    // A script's `advance` moves the events' clock too, as it moves the visit's.
    options.unixTime = [this](double hostSeconds) { return m_launchUnix + hostSeconds; };
    m_staffServices = std::make_unique<StaffServices>(staffOptions(stateDir));
    m_aliveFile = core::kioskAlivePath(stateDir);
    // Before the pack loads: a new pack that kept failing is rolled back here.
    m_packs = std::make_unique<PackLifecycle>(m_config, stateDir,
                                              !m_run.useLastGood && !m_run.outOfService);
    m_packs->start(static_cast<std::int64_t>(std::time(nullptr)));
    options.staffHost = m_staffServices.get();
    if (m_run.outOfService)
        options.outOfService = {
            "Started in out-of-service mode: the kiosk failed repeatedly (see the log: "
            "journalctl -u lantai-kiosk).",
            "展台程序多次出错，已转入暂停服务状态（日志：journalctl -u lantai-kiosk）。"};
    m_runtime = std::make_unique<KioskRuntime>(std::move(options));
    phase("pack loaded and validated");

    if (std::string error; !startGraphics(error)) {
        core::logError(error);
        return 1;
    }
    phase("fonts ready");
    m_signals.setWake([this] { m_platform.wake(); });
    if (!loadScript()) return 2;

    while (!m_quit) {
        const int timeout = waitTimeoutMs();
        const auto events = m_platform.waitEvents(timeout);
        if (const int signal = m_signals.stopSignal()) {
            m_exitCode = exitCodeForSignal(signal);
            core::logInfo("stopping on " + describeSignal(signal, m_signals.stopSender()) +
                          "; exit code " + std::to_string(m_exitCode));
            break;
        }
        if (m_packs->linkChanged(now())) {
            m_reloadRequested = true; // the new `current` switches in at the next idle moment
            m_runtime->requestRedraw();
        }
        if (m_signals.takeReload()) {
            m_reloadRequested = true;
            m_runtime->requestRedraw(); // the state report says a reload is pending
            core::logInfo(
                std::string("SIGHUP: the configuration and the pack will be reloaded") +
                (m_runtime->atIdleMoment() ? "" : " when the visit ends (the attract loop)"));
        }
        for (const auto& event : events)
            handleEvent(event);
        if (m_script && m_runtime->frames() > 0) { // targets exist once a frame is drawn
            m_script->update();
            if (m_script->finished() || m_script->quitRequested()) {
                if (m_run.exitAfterScript || m_script->quitRequested()) {
                    frame(); // the final state is on screen and in the state file
                    writeState(true);
                    m_exitCode = m_script->errors() > 0 ? 3 : 0;
                    break;
                }
            }
        }
        // Retries on its timer (the host's clock, so a script's `advance` moves it too).
        m_stats.update(statsTime(), static_cast<std::int64_t>(std::time(nullptr)));
        m_runtime->update(now());
        if (m_reloadRequested && !m_reloadLoad && m_runtime->atIdleMoment()) {
            m_reloadRequested = false; // loading takes a moment: never while a visitor waits
            reload();
        }
        if (m_reloadLoad &&
            m_reloadLoad->content.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            finishReload();
            m_runtime->update(now()); // the switch
        }
        if (m_runtime->wantsFrame()) frame();
        m_packs->update(now(), *m_runtime, static_cast<std::int64_t>(std::time(nullptr)));
        if (!m_crashWithFile.empty() && m_runtime->frames() > 0) crashForTest();
        if (m_hangAfterFrames > 0 && m_runtime->frames() >= m_hangAfterFrames) {
            m_exitCode = hangForTest();
            break;
        }
        m_notifier.loopProgressed(Clock::now()); // the loop turned: the kiosk is alive
    }
    m_packs->stopped();
    if (core::Status marked = core::markKioskStopped(core::runCounterPath(stateDir)); !marked)
        core::logWarning(core::formatDiagnostic(marked.error(), false));
    m_notifier.stopping();
    core::logInfo("lantai-kiosk stopped");
    return m_exitCode;
}

StaffServicesOptions KioskApp::staffOptions(const fs::path& stateDir) {
    StaffServicesOptions staff;
    staff.stateDir = stateDir;
    staff.boothId = m_config.boothId;
    staff.reportTool = findReportTool(m_argv0);
    // LANTAI_POWER_OFF=fake: tests tap "shut down" without shutting anything down.
    const char* power = std::getenv("LANTAI_POWER_OFF");
    staff.power = power && std::string(power) == "fake" ? createFakePowerControl()
                                                        : createLogindPowerControl();
    staff.quit = [this](int exitCode) {
        m_quit = true;
        m_exitCode = exitCode;
    };
    return staff;
}

// SIGHUP or a new `current`, at an idle moment: the configuration as at start (the --config file
// and the command line resolved again), then the pack is loaded, validated and (with [trust])
// every file hashed on a worker while the attract loop keeps drawing, and finishReload() hands it
// to the runtime, which switches. A configuration with errors, or a pack that does not validate or
// is refused while one runs, changes nothing.
void KioskApp::reload() {
    core::logInfo("reloading the configuration" +
                  (m_run.configFile.empty() ? std::string() : " " + m_run.configFile.string()) +
                  " and the pack");
    ResolvedKioskConfig resolved =
        resolveKioskConfiguration(m_run.configFile, m_commandLine, m_argv0.c_str());
    for (const auto& d : resolved.diagnostics.items())
        core::logMessage(d.severity == core::Severity::Error ? core::LogLevel::Error
                                                             : core::LogLevel::Warning,
                         core::formatDiagnostic(d, false));
    if (!resolved.ok()) {
        core::logError("reload failed: the configuration " + m_run.configFile.string() +
                       " has errors. The kiosk keeps running with the configuration and pack it "
                       "has.");
        return;
    }
    resolved.config.boothId = boothName(resolved.config.boothId);
    applyServiceFallback(resolved.config);
    auto restartOnly = keepStartupOnlySettings(m_config, resolved.config);
    const bool showing = m_runtime->hasPack();
    auto content = std::async(std::launch::async, [config = resolved.config, showing] {
        return loadReloadContent(config, showing);
    });
    m_reloadLoad =
        ReloadLoad{std::move(resolved.config), std::move(restartOnly), std::move(content)};
}

void KioskApp::finishReload() {
    ReloadLoad load = std::move(*m_reloadLoad);
    m_reloadLoad.reset();
    if (!m_runtime->requestReload(load.config, load.content.get())) return;
    for (const std::string& setting : load.restartOnly)
        core::logWarning("reload: " + setting + " takes effect when the kiosk restarts");
    m_config = load.config; // dev mode, the log level, video decoding and output
    core::setLogLevel(m_config.logLevel);
}

// The window opens while the runtime rasterises its font atlas on a worker thread (the slowest
// part of start-up); then the runtime starts its ImGui context, fonts and textures in the window's
// GL context.
bool KioskApp::startGraphics(std::string& error) {
    PlatformOptions platform;
    platform.fullscreen = !m_config.windowed;
    platform.width = m_config.windowWidth;
    platform.height = m_config.windowHeight;
    platform.rotation = m_config.rotation;
    if (!m_platform.initVideo(platform, error)) return false;
    m_runtime->prepareFonts(m_platform.predictedWidth(), m_platform.predictedHeight());
    if (!m_platform.openWindow(error)) return false;
    core::logDebug("startup: window and GL context ready at " + std::to_string(msSince(m_launch)) +
                   " ms");
    core::logInfo("window " + std::to_string(m_platform.width()) + "x" +
                  std::to_string(m_platform.height()) + ", GL " + m_platform.glRenderer());
    logRotation();

    // With a software renderer (Mesa llvmpipe on a PC without a usable GPU) "GPU" textures are
    // ordinary process memory, so the default budget (sized for video memory) would double the
    // kiosk's RAM. Use a smaller default there; an explicit budget is always honoured.
    int budgetMb = m_config.textureBudgetMb;
    const std::string& renderer = m_platform.glRenderer();
    m_softwareGl = renderer.find("llvmpipe") != std::string::npos ||
                   renderer.find("softpipe") != std::string::npos ||
                   renderer.find("Software Rasterizer") != std::string::npos;
    if (m_softwareGl && !m_run.textureBudgetExplicit && budgetMb > kSoftwareGlTextureBudgetMb) {
        budgetMb = kSoftwareGlTextureBudgetMb;
        core::logInfo("software OpenGL (" + renderer +
                      "): textures live in system memory; texture budget " +
                      std::to_string(budgetMb) + " MB (set display.texture_budget_mb to override)");
    }
    return m_runtime->startGraphics(m_platform.logicalWidth(), m_platform.logicalHeight(),
                                    static_cast<std::size_t>(budgetMb) << 20, error);
}

bool KioskApp::loadScript() {
    if (m_run.script.empty()) return true;
    const auto text = core::readFile(m_run.script);
    if (!text) {
        core::logError("cannot read script: " + core::formatDiagnostic(text.error(), false));
        return false;
    }
    core::Diagnostics diagnostics;
    auto script = core::parseKioskScript(*text, m_run.script.string(), diagnostics);
    if (diagnostics.hasErrors()) {
        for (const auto& d : diagnostics.items())
            core::logError(core::formatDiagnostic(d, false));
        return false;
    }
    m_script = std::make_unique<ScriptRunner>(std::move(script), static_cast<ScriptHost&>(*this));
    return true;
}

// libmpv, made by the runtime after its first frame when the pack has videos; the sound-only one
// for narration at the first "Listen" tap.
std::unique_ptr<MediaPlayer> KioskApp::createMediaPlayer(bool audioOnly) {
    MpvSettings settings;
    settings.hwdec = m_config.videoHwdec;
    settings.audioOutput = m_config.audioOutput;
    settings.softwareRender = m_softwareGl;
    settings.audioOnly = audioOnly;
    // LANTAI_VIDEO_RENDER=opengl|software overrides the choice (diagnosing a booth's GPU).
    if (const char* render = std::getenv("LANTAI_VIDEO_RENDER"); render && *render)
        settings.softwareRender = std::string(render) == "software";
    std::string error;
    if (auto player = createMpvMediaPlayer([this] { m_platform.wake(); }, settings, error))
        return player;
    const char* what = audioOnly ? "narration" : "videos";
    core::logError(std::string(audioOnly ? "narration" : "video") + ": libmpv could not start (" +
                   error + "); " + what + " are shown as unavailable");
    return createNullMediaPlayer("libmpv could not start: " + error);
}

void KioskApp::handleEvent(const PlatformEvent& e) {
    using T = PlatformEvent::Type;
    switch (e.type) {
    case T::Input:
        if (e.input.type == InputEvent::Type::Key && isQuitKey(e.input)) {
            if (m_config.devMode && e.input.key == SDLK_ESCAPE)
                m_quit = true;
            else
                core::logInfo("kiosk mode: ignored a quit key");
            return;
        }
        m_runtime->handleInput(e.input, now());
        return;
    case T::Quit:
        if (m_config.devMode)
            m_quit = true;
        else
            core::logInfo("kiosk mode: ignored a request to close the window");
        return;
    case T::Resize:
        m_runtime->setViewport(m_platform.logicalWidth(), m_platform.logicalHeight());
        return;
    case T::Wake:
    case T::Expose:
        m_runtime->requestRedraw();
        return;
    }
}

int KioskApp::waitTimeoutMs() {
    double wait = std::min(kMaxWaitSeconds, m_runtime->secondsUntilWork(now()));
    if (m_script && !m_script->finished()) wait = std::min(wait, 0.005);
    if (m_reloadLoad) wait = std::min(wait, 0.05); // a reload's pack is loading on the worker
    // Wake in time for the next watchdog message even when nothing else happens.
    if (const auto ping = m_notifier.untilNextPing(Clock::now()); ping != Clock::duration::max())
        wait = std::min(wait, std::chrono::duration<double>(ping).count());
    return static_cast<int>(std::ceil(wait * 1000.0));
}

void KioskApp::frame() {
    const auto frameStart = Clock::now();
    m_platform.beginFrame(); // the rotation's framebuffer, or the window's
    const FrameTiming timing = m_runtime->renderFrame(now());
    m_platform.endFrame(); // turned onto the window: screenshots show the physical screen
    if (!m_screenshotName.empty()) {
        const fs::path dir = m_run.screenshotDir.empty() ? fs::path(".") : m_run.screenshotDir;
        const fs::path file = dir / (m_screenshotName + ".png");
        std::string error;
        if (writeScreenshotPng(file, m_platform.width(), m_platform.height(), error))
            core::logInfo("screenshot " + file.string());
        else
            core::logWarning("screenshot failed: " + error);
        m_screenshotName.clear();
    }
    const auto swapStart = Clock::now();
    m_platform.swapBuffers();
    const double frameMs = msSince(frameStart);
    m_frameTotals.add(frameMs);
    m_frameMsSum += frameMs;
    m_runtime->framePresented();
    if (const long long frame = m_runtime->frames() - 1; frame < 3)
        core::logDebug("frame " + std::to_string(frame) + ": build " +
                       std::to_string(timing.buildMs) + " ms, render " +
                       std::to_string(timing.renderMs) + " ms, swap " +
                       std::to_string(msSince(swapStart)) + " ms");
    if (m_firstFrame) {
        m_firstFrame = false;
        m_startupMs = msSince(m_launch);
        core::logInfo("first interactive frame after " +
                      std::to_string(static_cast<int>(m_startupMs)) + " ms");
        if (m_run.printStartupTime) std::printf("startup_ms %.1f\n", m_startupMs);
        // The first frame is on screen: systemd may consider the service started.
        m_notifier.ready(stateJson(hostMetrics()).value("screen", std::string()) +
                         " on screen after " + std::to_string(static_cast<int>(m_startupMs)) +
                         " ms");
    }
    writeState(false);
    markAlive(Clock::now());
}

// At most every kKioskAliveIntervalSeconds, from a drawn frame: lantai-sync's heartbeat reads
// the last frame's time from it (the production unit writes no --state-out file).
void KioskApp::markAlive(Clock::time_point frameTime) {
    if (m_aliveFile.empty()) return;
    if (m_aliveWritten &&
        frameTime - *m_aliveWritten < std::chrono::seconds(core::kKioskAliveIntervalSeconds))
        return;
    m_aliveWritten = frameTime;
    core::KioskAlive alive;
    alive.lastFrame = static_cast<std::int64_t>(std::time(nullptr));
    alive.pid = static_cast<std::int64_t>(::getpid());
    alive.packId = m_runtime->shownPackId();
    alive.packVersion = m_runtime->shownPackVersion();
    const core::Status written = core::writeKioskAlive(m_aliveFile, alive);
    if (!written && !m_aliveFailed) // logged once: it is retried every interval
        core::logWarning(core::formatDiagnostic(written.error(), false));
    m_aliveFailed = !written;
}

KioskMetrics KioskApp::hostMetrics() const {
    KioskMetrics m;
    m.scriptStep = m_script ? static_cast<int>(m_script->step()) : 0;
    m.scriptErrors = m_script ? m_script->errors() : 0;
    m.startupMs = m_startupMs;
    m.glRenderer = m_platform.glRenderer();
    m.reloadPending = m_reloadRequested || m_reloadLoad.has_value();
    return m;
}

void KioskApp::writeState(bool force) {
    if (m_stateWriter.enabled()) m_stateWriter.write(stateJson(hostMetrics()), force);
}

// The runtime's state (logical: sizes, targets) and what only the host knows: the physical
// screen, the rotation, the whole frame's time, and where each tap target's centre is in the
// layout (tests tap it on the physical screen).
nlohmann::json KioskApp::stateJson(const KioskMetrics& metrics) const {
    nlohmann::json state = m_runtime->stateJson(metrics);
    double p99 = 0, max = 0;
    m_frameTotals.summary(p99, max);
    state["display"] = {
        {"rotation", m_platform.rotation().degrees()},
        {"physical_width", m_platform.width()},
        {"physical_height", m_platform.height()},
        {"portrait", m_platform.logicalHeight() > m_platform.logicalWidth()},
        {"frame_p99_ms", p99},
        {"frame_max_ms", max},
        {"frame_samples", m_frameTotals.count()},
        {"frame_mean_ms",
         m_runtime->frames() > 0 ? m_frameMsSum / double(m_runtime->frames()) : 0.0},
    };
    nlohmann::json centers = nlohmann::json::object();
    for (const auto& id : state.value("targets", std::vector<std::string>()))
        if (const auto c = m_runtime->targetCenter(id)) centers[id] = {c->x, c->y};
    state["target_centers"] = std::move(centers);
    return state;
}

// display.rotation and display.orientation: rotation turns the picture onto the panel; orientation
// picks the layout (auto: from the turned frame's shape). A forced layout against the shape is
// logged, since a turned monitor usually wants display.rotation instead.
void KioskApp::logRotation() const {
    const int w = m_platform.logicalWidth(), h = m_platform.logicalHeight();
    if (m_platform.rotation().degrees() != 0)
        core::logInfo("display.rotation " + std::to_string(m_platform.rotation().degrees()) +
                      ": a " + std::to_string(w) + "x" + std::to_string(h) +
                      " layout turned onto the screen");
    const bool byShape = h > w;
    if (m_config.orientation != core::Orientation::Auto &&
        core::portraitLayout(w, h, m_config.orientation) != byShape)
        core::logWarning(std::string("display.orientation \"") +
                         core::orientationName(m_config.orientation) + "\": the " +
                         core::orientationName(m_config.orientation) + " layout on a " +
                         std::to_string(w) + "x" + std::to_string(h) +
                         " screen; for a monitor turned on its side set display.rotation = 90 "
                         "or 270 instead");
}

// The script's clock jumps; the runtime lives through the skipped time deadline by deadline.
void KioskApp::advanceClock(double seconds) {
    const double from = now();
    m_clockOffset += seconds;
    m_runtime->fastForward(from, now());
}

void KioskApp::resizeWindow(int width, int height) {
    m_platform.resize(width, height);
    m_runtime->setViewport(m_platform.logicalWidth(), m_platform.logicalHeight());
}

void KioskApp::stepCompleted(int index, const core::ScriptCommand& command) {
    frame(); // the step's effect is drawn, its tap targets known
    writeState(true);
    if (m_run.stateLog.empty()) return;
    KioskMetrics m = hostMetrics();
    m.pssKb = readProcessPssKb();
    auto state = stateJson(m);
    state["step"] = index;
    state["command"] = core::scriptCommandName(command.type);
    state["line"] = command.line;
    if (FILE* f = std::fopen(m_run.stateLog.c_str(), "a")) {
        std::fprintf(f, "%s\n",
                     state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        std::fclose(f);
    }
}

void KioskApp::scriptError(const std::string& message) {
    core::logError(message);
}

} // namespace lantai::kiosk
