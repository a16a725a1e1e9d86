// kiosk/app: the kiosk application and its event-driven loop
#include "kiosk/app/kiosk_app.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/i18n/ui_strings.h"
#include "core/pack/charset.h"
#include "kiosk/platform/screenshot.h"

#include <GL/gl.h>
#include <SDL.h>
#include <algorithm>
#include <atomic>
#include <backends/imgui_impl_opengl3.h>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <future>
#include <imgui.h>

namespace lantai::kiosk {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_terminate{false};
void onTerminateSignal(int) {
    g_terminate = true;
}

constexpr double kMaxFrameRate = 60.0;
constexpr double kOutOfServiceRetrySeconds = 60.0;
constexpr int kSoftwareGlTextureBudgetMb = 64;

std::string firstErrorText(const core::Diagnostics& diagnostics, bool chinese) {
    for (const auto& d : diagnostics.items())
        if (d.severity == core::Severity::Error) return core::formatDiagnostic(d, chinese);
    return {};
}

} // namespace

KioskApp::KioskApp(const core::KioskConfig& config, KioskRunOptions run, const char* argv0)
    : m_config(config), m_run(std::move(run)), m_argv0(argv0), m_launch(Clock::now()),
      m_stateWriter(m_run.stateOut) {}

KioskApp::~KioskApp() {
    // Textures before the GL context and ImGui go away.
    m_textures.reset();
    m_decodePool.reset();
    m_video.configure(nullptr, nullptr, {});
    m_media.reset(); // mpv's render context needs the GL context
    if (ImGui::GetCurrentContext()) {
        m_fonts.release();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext();
    }
}

double KioskApp::now() const {
    return std::chrono::duration<double>(Clock::now() - m_launch).count() + m_clockOffset;
}

KioskApp::Clock::time_point KioskApp::sessionNow() const {
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(m_clockOffset));
}

bool KioskApp::loadContent() {
    auto tryLoad = [&](const fs::path& dir, const char* what) {
        core::logInfo(std::string("loading ") + what + " pack " + dir.string());
        m_loaded = core::loadAndValidatePack(dir);
        for (const auto& d : m_loaded.diagnostics.items())
            core::logMessage(d.severity == core::Severity::Error ? core::LogLevel::Error
                                                                 : core::LogLevel::Warning,
                             core::formatDiagnostic(d, false));
        return m_loaded.ok();
    };
    bool ok = tryLoad(m_config.packPath, "the");
    core::Diagnostics firstFailure = m_loaded.diagnostics;
    std::error_code ec;
    if (!ok && !m_config.lastGoodPackPath.empty() &&
        fs::exists(m_config.lastGoodPackPath / "pack.json", ec)) {
        core::logWarning("the pack does not validate; falling back to the last good pack");
        ok = tryLoad(m_config.lastGoodPackPath, "the last good");
    }
    m_state.pack = ok ? &m_loaded.pack : nullptr;
    m_state.nav.setPack(m_state.pack);
    if (!ok) {
        m_state.serviceReason = "The content pack " + m_config.packPath.string() +
                                " cannot be shown: " + firstErrorText(firstFailure, false);
        m_state.serviceReasonZh = "内容包 " + m_config.packPath.string() + " 无法展示：" +
                                  firstErrorText(firstFailure, true);
        m_state.nav.showOutOfService();
        core::logError("out of service: " + m_state.serviceReason);
        // The reason is shown in the body font: its characters must be in the atlas.
        m_charset = fontCharactersFor(nullptr, m_state.serviceReasonZh + m_state.serviceReason);
        return false;
    }
    m_state.serviceReason.clear();
    m_state.serviceReasonZh.clear();
    auto derived = core::readDerivedIndex(m_loaded.pack.root);
    m_derived.reset();
    if (derived)
        m_derived = std::move(*derived);
    else
        core::logWarning(
            "pack " + m_loaded.pack.id + ": " + derived.error().message +
            "; images are decoded and downscaled from the originals (slower, no deep-zoom tiles). "
            "Run `lantai build` on the pack.");
    // Font atlas input: the pack's characters (derived/charset.txt from `lantai build`, else
    // collected now) and every UI string.
    std::string charset;
    if (auto built = core::readFile(m_loaded.pack.root / "derived" / "charset.txt"))
        charset = std::move(*built);
    else
        charset = core::charactersToUtf8(core::collectPackCharacters(m_loaded.pack));
    m_charset = fontCharactersFor(&m_loaded.pack, charset);
    // Session timing: defaults < pack < config file < command line (resolved by main), but
    // the pack's own kiosk defaults apply when the configuration leaves them unset.
    core::VisitorSessionConfig session;
    session.idleTimeoutSeconds = m_config.idleTimeoutS;
    session.stillThereSeconds = m_config.stillThereS;
    session.longIdleTimeoutSeconds = m_config.classIdleTimeoutS;
    m_session = core::VisitorSession(session);
    m_state.language = m_config.defaultLanguage;
    core::logInfo("pack " + m_loaded.pack.id +
                  " loaded: " + std::to_string(m_loaded.pack.itemCount()) + " items, " +
                  std::to_string(m_loaded.diagnostics.warningCount()) + " warnings");
    return true;
}

void KioskApp::applyTheme(const std::string& nameOrPath) {
    auto result = core::loadNamedTheme(nameOrPath, themeSearchDirs());
    for (const auto& d : result.diagnostics.items())
        core::logWarning("theme: " + core::formatDiagnostic(d, false));
    if (result.ok()) {
        m_theme = result.theme;
    } else {
        core::logWarning("theme \"" + nameOrPath +
                         "\" unavailable; using the built-in red-archive theme");
        m_theme = core::defaultTheme();
    }
    m_state.themeName = m_theme.name;
}

bool KioskApp::rebuildFonts() {
    return installFonts(buildFonts(core::referenceUnitPx(m_platform.width(), m_platform.height()),
                                   m_theme, m_charset));
}

bool KioskApp::installFonts(std::unique_ptr<BuiltFonts> built) {
    std::string error;
    if (!m_fonts.install(std::move(built), error)) {
        core::logError("fonts: " + error);
        return false;
    }
    core::logInfo("font atlas: " + std::to_string(m_fonts.glyphCount()) + " glyphs, " +
                  std::to_string(m_fonts.atlasBytes() >> 10) + " KB, " +
                  std::to_string(m_fonts.buildMilliseconds()) + " ms");
    return true;
}

int KioskApp::run() {
    // Logging first, so every later problem is on record.
    const fs::path stateDir = usableStateDir(m_config.stateDir);
    const fs::path logFile =
        m_config.logFile.empty() ? stateDir / "logs" / "kiosk.log" : m_config.logFile;
    std::string error;
    core::setLogLevel(m_config.logLevel);
    if (!core::openLog(logFile, static_cast<std::size_t>(m_config.logMaxSizeMb) << 20,
                       m_config.logKeepFiles, &error))
        core::logWarning(error);
    core::logInfo("lantai-kiosk " LANTAI_VERSION " starting; log " + logFile.string());

    // We handle SIGTERM/SIGINT ourselves: SDL would turn them into SDL_QUIT, which kiosk mode
    // ignores.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::signal(SIGTERM, onTerminateSignal);
    std::signal(SIGINT, onTerminateSignal);

    auto phase = [this](const char* what) {
        core::logDebug(
            std::string("startup: ") + what + " at " +
            std::to_string(
                std::chrono::duration<double, std::milli>(Clock::now() - m_launch).count()) +
            " ms");
    };
    phase("logging ready");
    core::StatsWriterOptions stats;
    stats.file = core::StatsStore::databasePath(stateDir);
    stats.diskReserveBytes = static_cast<std::uint64_t>(m_config.stateDiskReserveMb) << 20;
    (void)m_stats.start(stats, sessionNow(), static_cast<std::int64_t>(std::time(nullptr)));
    m_state.quiz = &m_quiz;
    m_state.clock = [this] { return sessionNow(); };
    m_state.toggleLanguage = [this] {
        m_state.language =
            m_state.language == core::Language::Zh ? core::Language::En : core::Language::Zh;
        m_video.languageChanged(m_state.language);
    };
    m_state.video = &m_video;
    m_state.webBaseUrl = m_config.baseUrl;
    m_state.startVisit = [this] {
        if (m_state.nav.screen() == core::KioskScreen::Attract) m_state.nav.showHome();
    };
    m_state.continueVisit = [this] { m_state.stillThere = false; };
    applyTheme(m_config.theme);
    loadContent();
    configureQuiz();
    phase("pack loaded and validated");
    if (m_state.pack && m_config.theme == "red-archive" && m_state.pack->theme != m_config.theme)
        applyTheme(m_state.pack->theme);

    PlatformOptions platform;
    platform.fullscreen = !m_config.windowed;
    platform.width = m_config.windowWidth;
    platform.height = m_config.windowHeight;
    if (!m_platform.initVideo(platform, error)) {
        core::logError(error);
        return 1;
    }
    // The font atlas is the slowest part of start-up; rasterise it while SDL opens the window.
    const float predictedUnit =
        core::referenceUnitPx(m_platform.predictedWidth(), m_platform.predictedHeight());
    auto fontsFuture = std::async(std::launch::async, [this, predictedUnit] {
        return buildFonts(predictedUnit, m_theme, m_charset);
    });
    if (!m_platform.openWindow(error)) {
        core::logError(error);
        return 1;
    }
    phase("window and GL context ready");
    core::logInfo("window " + std::to_string(m_platform.width()) + "x" +
                  std::to_string(m_platform.height()) + ", GL " + m_platform.glRenderer());

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    ImGui_ImplOpenGL3_Init("#version 330 core");
    phase("ImGui ready");
    {
        auto built = fontsFuture.get();
        const float unit = core::referenceUnitPx(m_platform.width(), m_platform.height());
        if (std::abs(built->unitPx - unit) > 0.5f)
            built = buildFonts(unit, m_theme, m_charset); // the window came out another size
        if (!installFonts(std::move(built))) return 1;
    }
    phase("fonts ready");

    m_decodePool = std::make_unique<DecodePool>(2);
    m_decodePool->setWakeCallback([this] { m_platform.wake(); });
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
    m_textures =
        std::make_unique<TextureCache>(static_cast<std::size_t>(budgetMb) << 20, *m_decodePool);
    m_gestures = core::GestureRecognizer(
        core::GestureConfig::forScreenHeight(std::min(m_platform.width(), m_platform.height())));

    if (!m_run.script.empty()) {
        std::string text;
        if (!core::readFile(m_run.script, text, error)) {
            core::logError("cannot read script " + m_run.script.string() + ": " + error);
            return 2;
        }
        core::Diagnostics diagnostics;
        auto script = core::parseKioskScript(text, m_run.script.string(), diagnostics);
        if (diagnostics.hasErrors()) {
            for (const auto& d : diagnostics.items())
                core::logError(core::formatDiagnostic(d, false));
            return 2;
        }
        m_script =
            std::make_unique<ScriptRunner>(std::move(script), static_cast<ScriptHost&>(*this));
    }

    double nextRetry = now() + kOutOfServiceRetrySeconds;
    while (!m_quit) {
        const int timeout = waitTimeoutMs();
        const auto events = m_platform.waitEvents(timeout);
        if (g_terminate) {
            core::logInfo("terminating on signal");
            break;
        }
        for (const auto& event : events)
            handleEvent(event);
        if (m_script && m_frames > 0) { // targets exist once a frame is drawn
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
        if (!m_state.pack && now() >= nextRetry) {
            nextRetry = now() + kOutOfServiceRetrySeconds;
            if (loadContent()) {
                configureQuiz();
                configureVideo();
                rebuildFonts();
                m_redraw = true;
            }
        }
        m_stats.update(sessionNow(), static_cast<std::int64_t>(std::time(nullptr)));
        applySessionEvents();
        handleGestures();
        if (m_state.pack) {
            if (m_quiz.update(sessionNow())) m_redraw = true; // a question's timer ran out
            // A class contest keeps the kiosk for a lesson: the longer, separate idle timeout.
            const bool classSession =
                m_quiz.teamMode() && m_state.nav.screen() == core::KioskScreen::Quiz;
            if (classSession != m_session.longTimeout()) m_session.setLongTimeout(classSession);
        }
        updateVideo();
        if (m_textures->hasPendingUploads()) m_redraw = true;
        if (m_redraw || animating()) frame();
    }
    core::logInfo("lantai-kiosk stopped");
    return m_exitCode;
}

void KioskApp::handleEvent(const PlatformEvent& e) {
    using T = PlatformEvent::Type;
    const double t = e.time >= 0 ? std::min(e.time, now()) : now();
    switch (e.type) {
    case T::PointerDown:
    case T::Wheel: {
        m_redraw = true;
        if (!m_state.pack) return; // out of service: nothing to touch
        const auto before = m_session.state();
        const bool overlay = m_state.stillThere;
        const bool ignore = m_session.onInput(sessionNow());
        if (e.type == T::Wheel) {
            if (before == core::SessionState::Active && !overlay)
                m_gestures.wheel(e.position, e.wheel, t);
            return;
        }
        // The touch that wakes the kiosk or answers the overlay does nothing else.
        if (ignore || before != core::SessionState::Active || overlay) m_swallowPointer = true;
        if (!m_swallowPointer) m_gestures.pointerDown(e.pointer, e.position, t);
        m_pressPosition = e.position;
        return;
    }
    case T::PointerMove:
        if (m_pressPosition) {
            m_pressPosition = e.position;
            m_redraw = true;
        }
        if (!m_swallowPointer) m_gestures.pointerMove(e.pointer, e.position, t);
        if (m_pressPosition) m_session.onInput(sessionNow());
        return;
    case T::PointerUp:
        m_redraw = true;
        if (!m_swallowPointer) m_gestures.pointerUp(e.pointer, e.position, t);
        if (m_gestures.pointerCount() == 0) {
            m_swallowPointer = false;
            m_pressPosition.reset();
        }
        return;
    case T::Key: {
        const bool quitCombo = e.key == SDLK_ESCAPE || (e.alt && e.key == SDLK_F4) ||
                               (e.ctrl && (e.key == SDLK_q || e.key == SDLK_w));
        if (quitCombo) {
            if (m_config.devMode && e.key == SDLK_ESCAPE)
                m_quit = true;
            else
                core::logInfo("kiosk mode: ignored a quit key");
            return;
        }
        if (m_state.pack) m_session.onInput(sessionNow());
        return;
    }
    case T::Quit:
        if (m_config.devMode)
            m_quit = true;
        else
            core::logInfo("kiosk mode: ignored a request to close the window");
        return;
    case T::Resize:
        if (std::abs(core::referenceUnitPx(m_platform.width(), m_platform.height()) -
                     m_fonts.unitPx()) > 0.5f)
            rebuildFonts();
        m_gestures = core::GestureRecognizer(core::GestureConfig::forScreenHeight(
            std::min(m_platform.width(), m_platform.height())));
        m_redraw = true;
        return;
    case T::Wake:
    case T::Expose:
        m_redraw = true;
        return;
    }
}

void KioskApp::configureQuiz() {
    QuizSettings settings;
    core::parseScoringMode(m_config.quizScoring, settings.scoring);
    settings.questions = m_config.quizQuestions;
    settings.timerSeconds = m_config.quizTimerS;
    settings.streakBonus = m_config.quizStreakBonus;
    settings.minAnswerMs = m_config.quizMinAnswerMs;
    settings.cooldownMinutes = m_config.quizCooldownMin;
    settings.dailyCap = m_config.quizDailyCap;
    settings.teacherPinHash = m_config.teacherPinHash;
    m_quiz.configure(m_state.pack, &m_stats, settings);
}

void KioskApp::configureVideo() {
    VideoSettings settings;
    settings.volume = m_config.videoVolume;
    settings.maxVolume = m_config.videoMaxVolume;
    settings.attractMuted = m_config.attractMuted;
    settings.subtitles = m_config.videoSubtitles;
    m_video.configure(m_state.pack, m_media.get(), settings);
}

// libmpv starts after the first frame is on screen (it takes tens of milliseconds), so it does
// not delay the kiosk becoming interactive.
void KioskApp::startVideoBackend() {
    if (m_media) return;
    if (!m_config.videoEnabled) {
        m_media = createNullMediaPlayer(
            "video playback is disabled in the kiosk configuration ([video] enabled = false)");
    } else if (m_state.pack && m_state.pack->videos.empty()) {
        return; // nothing to play: start libmpv only if a pack with videos arrives
    } else {
        MpvSettings settings;
        settings.hwdec = m_config.videoHwdec;
        settings.audioOutput = m_config.audioOutput;
        settings.softwareRender = m_softwareGl;
        // LANTAI_VIDEO_RENDER=opengl|software overrides the choice (diagnosing a booth's GPU).
        if (const char* render = std::getenv("LANTAI_VIDEO_RENDER"); render && *render)
            settings.softwareRender = std::string(render) == "software";
        std::string error;
        m_media = createMpvMediaPlayer(m_platform, settings, error);
        if (!m_media) {
            core::logError("video: libmpv could not start (" + error +
                           "); videos are shown as unavailable");
            m_media = createNullMediaPlayer("libmpv could not start: " + error);
        }
    }
    configureVideo();
    m_redraw = true;
}

void KioskApp::updateVideo() {
    if (!m_media && m_frames > 0 && m_state.pack) startVideoBackend();
    if (m_video.update()) m_redraw = true;
    if (m_video.videoId().empty()) {
        if (m_session.blockingActivity()) m_session.setBlockingActivity(false, sessionNow());
        return;
    }
    const auto screen = m_state.nav.screen();
    const bool onPlayer = screen == core::KioskScreen::Video &&
                          m_state.nav.video() == m_video.videoId() && !m_video.inAttract();
    const bool inAttract = screen == core::KioskScreen::Attract && m_video.inAttract();
    if (!onPlayer && !inAttract) {
        m_video
            .stop(); // the visitor left the player (Back, Home, the idle reset) or the attract loop
        m_redraw = true;
    } else if (onPlayer && m_video.hasEnded()) {
        core::logInfo("video " + m_video.videoId() + " ended");
        m_video.stop();
        m_state.nav.closeVideo();
        m_redraw = true;
    }
    // The idle timeout waits while a visitor watches; it starts counting at pause or end.
    const bool watching = m_video.visitorWatching();
    if (watching != m_session.blockingActivity() && m_state.pack)
        m_session.setBlockingActivity(watching, sessionNow());
}

void KioskApp::resetVisit() {
    m_state.nav.showAttract();
    m_state.language = m_config.defaultLanguage;
    m_state.stillThere = false;
    m_state.viewport.resetToFit();
    m_state.viewportKey.clear();
    m_state.returnToQuiz = false;
    m_quiz.reset();
    m_video.stop();
    m_session.setLongTimeout(false);
    for (Screen* s : std::initializer_list<Screen*>{&m_attract, &m_home, &m_exhibition, &m_grid,
                                                    &m_detail, &m_videoLibrary, &m_videoPlayer})
        s->reset();
    m_gestures.cancelAll(now());
    core::logInfo("visit ended: reset to the attract loop");
}

void KioskApp::applySessionEvents() {
    if (!m_state.pack) return;
    for (const auto& ev : m_session.update(sessionNow())) {
        m_redraw = true;
        switch (ev.type) {
        case core::SessionEventType::EnterActive:
            if (m_state.nav.screen() == core::KioskScreen::Attract) m_state.nav.showHome();
            core::logInfo("visit started");
            break;
        case core::SessionEventType::ShowStillThere:
            m_state.stillThere = true;
            m_state.stillThereSeconds = ev.secondsLeft;
            break;
        case core::SessionEventType::HideStillThere:
            m_state.stillThere = false;
            break;
        case core::SessionEventType::ResetToAttract:
            resetVisit();
            break;
        case core::SessionEventType::EnterAttract:
            break;
        }
    }
}

Screen* KioskApp::currentScreen() {
    switch (m_state.nav.screen()) {
    case core::KioskScreen::Attract:
        return &m_attract;
    case core::KioskScreen::Home:
        return &m_home;
    case core::KioskScreen::Exhibition:
        return &m_exhibition;
    case core::KioskScreen::Chapter:
        return &m_grid;
    case core::KioskScreen::Item:
        return &m_detail;
    case core::KioskScreen::Quiz:
        return &m_quizScreen;
    case core::KioskScreen::Videos:
        return &m_videoLibrary;
    case core::KioskScreen::Video:
        return &m_videoPlayer;
    case core::KioskScreen::OutOfService:
        return &m_outOfService;
    }
    return &m_outOfService;
}

void KioskApp::handleGestures() {
    m_gestures.update(now());
    UiContext ui; // gestures only need geometry the screens kept from their last draw
    ui.width = static_cast<float>(m_platform.width());
    ui.height = static_cast<float>(m_platform.height());
    for (const auto& g : m_gestures.takeGestures()) {
        m_redraw = true;
        if (m_state.stillThere || !m_state.pack) continue;
        if (g.type == core::GestureType::Tap) {
            if (const TapTarget* target = hitTest(m_targets, g.position)) {
                m_state.tapPosition = g.position;
                if (target->action) target->action();
                continue;
            }
        }
        if (g.type == core::GestureType::SingleTap) continue;
        currentScreen()->onGesture(g, ui, m_state);
    }
}

bool KioskApp::animating() {
    return currentScreen()->animating(m_state) || m_gestures.wantsFrames() ||
           m_pressPosition.has_value() || m_textures->hasPendingUploads();
}

bool KioskApp::isIdle() {
    return !animating() && !m_textures->hasPendingWork() && !m_redraw &&
           m_pressPosition == std::nullopt && m_gestures.pointerCount() == 0;
}

int KioskApp::waitTimeoutMs() {
    const double t = now();
    double wait = 0.5; // upper bound: notice SIGTERM promptly without busy waiting
    if (m_redraw || animating()) wait = std::max(0.0, m_lastFrame + 1.0 / kMaxFrameRate - t);
    if (m_state.pack)
        wait = std::min(wait, std::max(0.0, m_session.secondsUntilNextEvent(sessionNow())));
    if (m_state.nav.screen() == core::KioskScreen::Attract) {
        const double slide = m_attract.secondsUntilChange(t);
        if (slide >= 0) wait = std::min(wait, slide);
    }
    if (const double deadline = m_gestures.nextDeadline(); std::isfinite(deadline) && deadline > 0)
        wait = std::min(wait, std::max(0.0, deadline - t));
    if (const double quiz = m_quiz.secondsUntilNextEvent(sessionNow()); quiz >= 0)
        wait = std::min(wait, quiz);
    if (m_script && !m_script->finished()) wait = std::min(wait, 0.005);
    return static_cast<int>(std::ceil(wait * 1000.0));
}

void KioskApp::frame() {
    const auto frameStart = Clock::now();
    const double t = now();
    const double dt = std::clamp(t - m_lastFrame, 1e-4, 0.1);
    m_lastFrame = t;
    m_redraw = false;
    m_videoRendered = !m_video.videoId().empty();
    Screen* screen = currentScreen();
    screen->advance(dt, m_state);

    m_textures->beginFrame();
    m_textures->uploadPending(4.0, 16); // GL uploads: not part of the UI build time below
    const auto buildStart = Clock::now();

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize =
        ImVec2(static_cast<float>(m_platform.width()), static_cast<float>(m_platform.height()));
    io.DeltaTime = static_cast<float>(dt);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    if (m_frames == 0) m_frameBuildMs.reserve(600);

    UiContext ui;
    ui.draw = ImGui::GetBackgroundDrawList();
    ui.width = io.DisplaySize.x;
    ui.height = io.DisplaySize.y;
    ui.unit = m_fonts.unitPx();
    ui.portrait = ui.height > ui.width;
    ui.time = t;
    ui.language = m_state.language;
    ui.theme = &m_theme;
    ui.fonts = &m_fonts;
    ui.textures = m_textures.get();
    ui.pack = m_state.pack;
    ui.derived = m_derived ? &*m_derived : nullptr;
    ui.pressPosition = m_swallowPointer ? std::nullopt : m_pressPosition;

    if (m_state.pack || screen == &m_outOfService) screen->draw(ui, m_state);
    if (m_state.stillThere)
        drawStillThereOverlay(ui, m_state, m_session.config().stillThereSeconds);
    for (const auto& line : m_detail.takeLogLines())
        core::logWarning(line);

    ImGui::Render(); // builds the draw data: still UI CPU work
    const auto built = Clock::now();
    constexpr std::size_t kFrameSamples = 600;
    const double buildMs = std::chrono::duration<double, std::milli>(built - buildStart).count();
    if (m_frameBuildMs.size() < kFrameSamples)
        m_frameBuildMs.push_back(buildMs);
    else
        m_frameBuildMs[m_frameBuildNext++ % kFrameSamples] = buildMs;
    if (m_state.zoomSettledAt >= 0 && m_state.zoomSharp) {
        m_state.sharpAfterZoomMs = (now() - m_state.zoomSettledAt) * 1000.0;
        m_state.zoomSettledAt = -1;
    }
    glViewport(0, 0, m_platform.width(), m_platform.height());
    const core::Color bg = m_theme.color(core::ColorRole::Background);
    glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
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
    const auto rendered = Clock::now();
    m_platform.swapBuffers();
    if (m_videoRendered) m_video.frameSwapped();
    if (m_frames < 3)
        core::logDebug(
            "frame " + std::to_string(m_frames) + ": build " +
            std::to_string(std::chrono::duration<double, std::milli>(built - frameStart).count()) +
            " ms, render " +
            std::to_string(std::chrono::duration<double, std::milli>(rendered - built).count()) +
            " ms, swap " +
            std::to_string(
                std::chrono::duration<double, std::milli>(Clock::now() - rendered).count()) +
            " ms");
    m_targets = std::move(ui.targets);
    ++m_frames;
    if (m_firstFrame) {
        m_firstFrame = false;
        m_startupMs = std::chrono::duration<double, std::milli>(Clock::now() - m_launch).count();
        core::logInfo("first interactive frame after " +
                      std::to_string(static_cast<int>(m_startupMs)) + " ms");
        if (m_run.printStartupTime) std::printf("startup_ms %.1f\n", m_startupMs);
    }
    writeState(false);
}

KioskMetrics KioskApp::metrics() {
    KioskMetrics m;
    switch (m_session.state()) {
    case core::SessionState::Attract:
        m.session = "attract";
        break;
    case core::SessionState::Active:
        m.session = "active";
        break;
    case core::SessionState::StillThere:
        m.session = "still_there";
        break;
    case core::SessionState::Resetting:
        m.session = "resetting";
        break;
    }
    m.frames = m_frames;
    m.scriptStep = m_script ? static_cast<int>(m_script->step()) : 0;
    m.scriptErrors = m_script ? m_script->errors() : 0;
    m.startupMs = m_startupMs;
    m.fontAtlasMs = m_fonts.buildMilliseconds();
    m.glyphs = m_fonts.glyphCount();
    const auto stats = m_textures->stats();
    m.textureBytes = stats.residentBytes;
    m.textureCount = stats.resident;
    m.texturesPending = stats.pendingDecodes + stats.pendingUploads;
    const bool onGrid = m_state.nav.screen() == core::KioskScreen::Chapter;
    m.gridScroll = onGrid ? m_grid.grid().scroll() : 0;
    m.gridMaxScroll = onGrid ? m_grid.grid().maxScroll() : 0;
    m.attractSlide = m_attract.slide();
    m.statsAvailable = m_stats.available();
    m.statsPending = m_stats.pending().size();
    m.statsProblem = m_stats.problem() ? m_stats.problem()->code : "";
    m.statsDiskLow = m_stats.diskWarning().has_value();
    for (const auto& t : m_targets)
        m.targets.push_back(t.id);
    if (!m_frameBuildMs.empty()) {
        std::vector<double> sorted = m_frameBuildMs;
        std::sort(sorted.begin(), sorted.end());
        m.frameBuildP99Ms = sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
        m.frameBuildMaxMs = sorted.back();
        m.frameBuildSamples = static_cast<int>(sorted.size());
    }
    m.width = m_platform.width();
    m.height = m_platform.height();
    m.glRenderer = m_platform.glRenderer();
    return m;
}

void KioskApp::writeState(bool force) {
    if (m_stateWriter.enabled()) m_stateWriter.write(kioskStateJson(m_state, metrics()), force);
}

std::optional<core::Vec2> KioskApp::targetCenter(const std::string& id) {
    if (!id.empty() && id.back() == '*') { // "nickname:*": the first target with that prefix
        const std::string prefix = id.substr(0, id.size() - 1);
        for (const auto& t : m_targets)
            if (t.id.starts_with(prefix)) return t.rect.center();
        return std::nullopt;
    }
    if (const TapTarget* t = findTarget(m_targets, id)) return t->rect.center();
    return std::nullopt;
}

void KioskApp::resizeWindow(int width, int height) {
    m_platform.resize(width, height);
    PlatformEvent e;
    e.type = PlatformEvent::Type::Resize;
    handleEvent(e);
}

void KioskApp::stepCompleted(int index, const core::ScriptCommand& command) {
    frame(); // the step's effect is drawn, its tap targets known
    writeState(true);
    if (!m_run.stateLog.empty()) {
        KioskMetrics m = metrics();
        m.pssKb = readProcessPssKb();
        auto state = kioskStateJson(m_state, m);
        state["step"] = index;
        state["command"] = core::scriptCommandName(command.type);
        state["line"] = command.line;
        if (FILE* f = std::fopen(m_run.stateLog.c_str(), "a")) {
            std::fprintf(f, "%s\n", state.dump().c_str());
            std::fclose(f);
        }
    }
}

void KioskApp::scriptError(const std::string& message) {
    core::logError(message);
}

std::vector<std::string> KioskApp::quizAnswerTargets(bool correct) {
    std::vector<std::string> targets;
    const auto* drawn = m_quiz.question();
    if (m_state.nav.screen() != core::KioskScreen::Quiz || !drawn ||
        m_quiz.phase() != core::QuizPhase::Asking)
        return targets;
    const auto right = drawn->correctDisplayed();
    std::vector<int> pick;
    if (correct) {
        pick = right;
    } else {
        for (int i = 0; i < drawn->optionCount() && pick.empty(); ++i)
            if (std::find(right.begin(), right.end(), i) == right.end()) pick.push_back(i);
    }
    for (int i : pick)
        targets.push_back("answer:" + std::to_string(i));
    if (drawn->question.type == core::QuestionType::Multiple && !targets.empty())
        targets.push_back("submit");
    return targets;
}
} // namespace lantai::kiosk
