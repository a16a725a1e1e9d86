// kiosk/runtime: the runtime's life — content and theme, the ImGui context, fonts, decode workers
// and texture cache, the viewport
#include "kiosk/runtime/kiosk_runtime.h"

#include "core/base/log.h"
#include "core/base/steady_duration.h"
#include "kiosk/runtime/imgui_context_scope.h"

#include <algorithm>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cmath>
#include <imgui.h>
#include <limits>

namespace lantai::kiosk {

namespace {

core::VisitorSessionConfig sessionConfig(const core::KioskConfig& config) {
    // Session timing: defaults < pack < config file < command line (resolved by the host), but
    // the pack's own kiosk defaults apply when the configuration leaves them unset.
    core::VisitorSessionConfig session;
    session.idleTimeoutSeconds = config.idleTimeoutS;
    session.stillThereSeconds = config.stillThereS;
    session.longIdleTimeoutSeconds = config.classIdleTimeoutS;
    return session;
}

} // namespace

KioskRuntime::KioskRuntime(KioskRuntimeOptions options) : m_options(std::move(options)) {
    const core::KioskConfig& config = m_options.config;
    m_state.quiz = &m_quiz;
    m_state.clock = [this] { return at(m_now); };
    m_state.toggleLanguage = [this] {
        m_state.language =
            m_state.language == core::Language::Zh ? core::Language::En : core::Language::Zh;
        m_video.languageChanged(m_state.language);
        m_narration.stop(); // the reading was in the other language
    };
    m_state.toggleLargeText = [this] { m_state.largeText = !m_state.largeText; };
    m_state.video = &m_video;
    m_state.narration = &m_narration;
    m_state.webBaseUrl = config.baseUrl;
    m_state.startVisit = [this] {
        if (m_state.nav.screen() == core::KioskScreen::Attract) m_state.nav.showHome();
    };
    m_state.continueVisit = [this] { m_state.stillThere = false; };

    std::optional<core::PackLoadResult> given = std::move(m_options.pack);
    m_options.pack.reset();
    if (m_options.outOfService) {
        applyContent(
            outOfServiceContent(m_options.outOfService->first, m_options.outOfService->second));
        m_nextRetry = std::numeric_limits<double>::infinity(); // until a reload
    } else {
        applyContent(given ? kioskContentFrom(std::move(*given), config.packPath)
                           : loadKioskContent(config.packPath, config.lastGoodPackPath,
                                              packTrustSettings(config)));
    }
    configureQuiz();
    configureNarration();
    configureStaff();
    if (m_options.config.phonesEnabled) configurePhones();
    m_theme = chooseTheme();
    m_state.themeName = m_theme.name;
}

core::Theme KioskRuntime::chooseTheme() const {
    if (m_options.theme) return *m_options.theme;
    const core::KioskConfig& config = m_options.config;
    // The configuration's default theme gives way to the one the pack asks for.
    if (m_state.pack && config.theme == "red-archive" && m_state.pack->theme != config.theme)
        return loadKioskTheme(m_state.pack->theme, m_options.themeDirs);
    return loadKioskTheme(config.theme, m_options.themeDirs);
}

KioskRuntime::~KioskRuntime() {
    ImGuiContextScope scope(m_imgui);
    // A visit under way when the kiosk stops ends at the visitor's last touch.
    if (m_options.events && m_options.unixTime) {
        m_recorder.endVisit(eventClock());
        for (core::StatsEvent& e : m_recorder.takeEvents())
            m_options.events->record(std::move(e));
    }
    if (m_fontsFuture.valid()) m_fontsFuture.wait();
    if (m_previewFonts.valid()) m_previewFonts.wait();
    // Textures before the GL context and ImGui go away; the decode workers (which call the wake
    // callback) stop before the host's platform does.
    m_textures.reset();
    m_decodePool.reset();
    m_video.configure(nullptr, nullptr, {});
    m_media.reset(); // mpv's render context needs the GL context
    if (m_imgui) {
        m_fonts.release();
        if (m_rendererReady) ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext(m_imgui);
    }
}

core::VisitorSession::TimePoint KioskRuntime::at(double seconds) const {
    return core::VisitorSession::TimePoint{} + core::steadyDuration(seconds);
}

void KioskRuntime::applyContent(KioskContent content) {
    if (content.refused) m_lastRefusal = content.refused;
    m_content = std::move(content);
    m_state.pack = m_content.ok ? &m_content.loaded.pack : nullptr;
    m_state.nav.setPack(m_state.pack);
    if (!m_content.ok) {
        core::logError("out of service: " + m_content.serviceReason);
        m_state.serviceReason = m_content.serviceReason;
        m_state.serviceReasonZh = m_content.serviceReasonZh;
        m_state.nav.showOutOfService();
        return;
    }
    m_state.serviceReason.clear();
    m_state.serviceReasonZh.clear();
    m_session = core::VisitorSession(sessionConfig(m_options.config));
    m_state.language = m_options.config.defaultLanguage;
    describePack();
}

void KioskRuntime::prepareFonts(int width, int height) {
    const float unit = core::referenceUnitPx(width, height);
    m_fontsFuture =
        std::async(std::launch::async, [unit, theme = m_theme, characters = m_content.characters] {
            return buildFonts(unit, theme, characters);
        });
}

bool KioskRuntime::fontsPrepared() const {
    return !m_fontsFuture.valid() ||
           m_fontsFuture.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

bool KioskRuntime::startGraphics(int width, int height, std::size_t textureBudgetBytes,
                                 std::string& error) {
    m_width = width;
    m_height = height;
    IMGUI_CHECKVERSION();
    ImGuiContext* previous = ImGui::GetCurrentContext();
    m_imgui = ImGui::CreateContext(); // current only if none was
    ImGui::SetCurrentContext(previous);
    ImGuiContextScope scope(m_imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_rendererReady = true;

    std::unique_ptr<BuiltFonts> built = m_fontsFuture.valid() ? m_fontsFuture.get() : nullptr;
    const float unit = core::referenceUnitPx(width, height);
    if (!built || std::abs(built->unitPx - unit) > 0.5f)
        built = buildFonts(unit, m_theme, m_content.characters); // another size than expected
    if (!installFonts(std::move(built))) {
        error = "the fonts cannot be built (see the log)";
        return false;
    }

    m_decodePool = std::make_unique<DecodePool>(2, m_options.decodeThreadStart);
    if (m_options.wake) m_decodePool->setWakeCallback(m_options.wake);
    m_textures = std::make_unique<TextureCache>(textureBudgetBytes, *m_decodePool);
    m_gestures =
        core::GestureRecognizer(core::GestureConfig::forScreenHeight(std::min(m_width, m_height)));
    m_redraw = true;
    return true;
}

void KioskRuntime::setFramebufferScale(float scale) {
    m_framebufferScale = std::clamp(scale, 0.05f, 1.0f);
    m_redraw = true;
}

void KioskRuntime::setViewport(int width, int height) {
    m_width = width;
    m_height = height;
    if (m_imgui && std::abs(core::referenceUnitPx(m_width, m_height) - m_fonts.unitPx()) > 0.5f) {
        ImGuiContextScope scope(m_imgui);
        rebuildFonts();
    }
    m_gestures =
        core::GestureRecognizer(core::GestureConfig::forScreenHeight(std::min(m_width, m_height)));
    m_redraw = true;
}

bool KioskRuntime::rebuildFonts() {
    return installFonts(
        buildFonts(core::referenceUnitPx(m_width, m_height), m_theme, m_content.characters));
}

bool KioskRuntime::installFonts(std::unique_ptr<BuiltFonts> built) {
    std::string error;
    if (!m_fonts.install(std::move(built), error)) {
        core::logError("fonts: " + error);
        return false;
    }
    core::logInfo("font atlas: " + std::to_string(m_fonts.glyphCount()) + " glyphs, " +
                  std::to_string(m_fonts.atlasBytes() >> 10) + " KB, " +
                  std::to_string(m_fonts.buildMilliseconds()) + " ms");
    for (const auto& warning : m_fonts.takeNewWarnings()) // once per run, not per rebuild
        core::logWarning("fonts: " + warning);
    for (const auto& note : m_fonts.notes())
        core::logInfo("fonts: " + note);
    return true;
}

} // namespace lantai::kiosk
