// kiosk/runtime: drawing a frame, when one is wanted, and what the runtime reports about it
#include "core/base/log.h"
#include "kiosk/runtime/imgui_context_scope.h"
#include "kiosk/runtime/kiosk_runtime.h"
#include "kiosk/ui/listen_button.h"
#include "kiosk/ui/staff_screen.h"

#include <GL/gl.h>
#include <algorithm>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <imgui.h>

namespace lantai::kiosk {

namespace {

constexpr double kMaxFrameRate = 60.0;

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

const char* sessionName(core::SessionState state) {
    switch (state) {
    case core::SessionState::Attract:
        return "attract";
    case core::SessionState::Active:
        return "active";
    case core::SessionState::StillThere:
        return "still_there";
    case core::SessionState::Resetting:
        return "resetting";
    }
    return "attract";
}

} // namespace

core::ReachBandSetting KioskRuntime::reachBandSetting() const {
    core::ReachBandSetting setting = core::ReachBandSetting::Lower;
    core::parseReachBand(m_options.config.reachBand, setting); // the table allows only its names
    return setting;
}

bool KioskRuntime::portraitLayout() const {
    return core::portraitLayout(m_width, m_height, m_options.config.orientation);
}

bool KioskRuntime::animating() const {
    return currentScreen().animating(m_state) || m_gestures.wantsFrames() ||
           m_pressPosition.has_value() || (m_textures && m_textures->hasPendingUploads());
}

bool KioskRuntime::wantsFrame() const {
    return m_redraw || animating();
}

bool KioskRuntime::isIdle() const {
    return !animating() && !(m_textures && m_textures->hasPendingWork()) && !m_redraw &&
           m_pressPosition == std::nullopt && m_gestures.pointerCount() == 0 &&
           !(m_phones && m_phones->questionOpen());
}

double KioskRuntime::secondsUntilWork(double now) const {
    double wait = secondsUntilDeadline(now);
    if (wantsFrame()) wait = std::min(wait, std::max(0.0, m_lastFrame + 1.0 / kMaxFrameRate - now));
    if (m_state.nav.screen() == core::KioskScreen::Attract) {
        const double slide = m_screens.attract.secondsUntilChange(now);
        if (slide >= 0) wait = std::min(wait, slide);
    }
    return wait;
}

FrameTiming KioskRuntime::renderFrame(double now) {
    ImGuiContextScope scope(m_imgui);
    const auto frameStart = std::chrono::steady_clock::now();
    m_now = now;
    const double dt = std::clamp(now - m_lastFrame, 1e-4, 0.1);
    m_lastFrame = now;
    m_redraw = false;
    m_videoRendered = !m_video.videoId().empty();
    Screen& screen = currentScreen();
    screen.advance(dt, m_state);

    m_textures->beginFrame();
    m_textures->uploadPending(4.0, 16); // GL uploads: not part of the UI build time below
    const auto buildStart = std::chrono::steady_clock::now();

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
    io.DisplayFramebufferScale = ImVec2(m_framebufferScale, m_framebufferScale);
    io.DeltaTime = static_cast<float>(dt);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();

    UiContext ui;
    ui.draw = ImGui::GetBackgroundDrawList();
    ui.width = io.DisplaySize.x;
    ui.height = io.DisplaySize.y;
    ui.unit = m_fonts.unitPx();
    ui.portrait = portraitLayout();
    ui.reach = core::reachBand(ui.width, ui.height, ui.portrait, reachBandSetting());
    ui.navAtBottom = core::reachBandLeavesTop(ui.portrait, reachBandSetting());
    ui.largeText = m_state.largeText;
    m_fonts.setLarge(m_state.largeText);
    ui.time = now;
    ui.language = m_state.language;
    ui.theme = &m_theme;
    ui.fonts = &m_fonts;
    ui.textures = m_textures.get();
    ui.pack = m_state.pack;
    ui.derived = m_content.derived ? &*m_content.derived : nullptr;
    ui.pressPosition = m_swallowPointer ? std::nullopt : m_pressPosition;

    if (m_staff.isOpen()) {
        drawStaffScreen(ui, m_staff, now);
    } else {
        if (m_state.pack || &screen == &m_screens.outOfService) screen.draw(ui, m_state);
        drawNarrationProblem(ui, m_state);
        if (m_state.stillThere)
            drawStillThereOverlay(ui, m_state, m_session.config().stillThereSeconds);
    }
    for (const auto& line : m_screens.detail.takeLogLines())
        core::logWarning(line);

    ImGui::Render(); // builds the draw data: still UI CPU work
    FrameTiming timing;
    timing.buildMs = millisecondsSince(buildStart);
    m_frameTimes.add(timing.buildMs);
    if (m_state.zoomSettledAt >= 0 && m_state.zoomSharp) {
        // On the host's clock, as the pinch's end was: `now` plus what this frame took so far
        // (its uploads included).
        m_state.sharpAfterZoomMs =
            (now + millisecondsSince(frameStart) / 1000.0 - m_state.zoomSettledAt) * 1000.0;
        m_state.zoomSettledAt = -1;
    }
    const auto renderStart = std::chrono::steady_clock::now();
    glViewport(0, 0,
               static_cast<int>(std::lround(static_cast<float>(m_width) * m_framebufferScale)),
               static_cast<int>(std::lround(static_cast<float>(m_height) * m_framebufferScale)));
    const core::Color bg = m_theme.color(core::ColorRole::Background);
    glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    timing.renderMs = millisecondsSince(renderStart);
    m_targets = std::move(ui.targets);
    ui.textReport.finishFrame();
    m_frameText = std::move(ui.textReport);
    ++m_frames;
    recordVisit(); // what the screens set while drawing: the QR code, the zoom
    return timing;
}

void KioskRuntime::framePresented() {
    if (m_videoRendered) m_video.frameSwapped();
}

nlohmann::json KioskRuntime::stateJson(KioskMetrics m) const {
    m.session = sessionName(m_session.state());
    m.frames = m_frames;
    m.fontAtlasMs = m_fonts.buildMilliseconds();
    m.glyphs = m_fonts.glyphCount();
    m.missingGlyphs.clear();
    for (char32_t cp : m_fonts.missingGlyphs())
        m.missingGlyphs.push_back(codePointName(cp));
    if (m_textures) {
        const auto stats = m_textures->stats();
        m.textureBytes = stats.residentBytes;
        m.textureCount = stats.resident;
        m.texturesPending = stats.pendingDecodes + stats.pendingUploads;
    }
    const bool onGrid = m_state.nav.screen() == core::KioskScreen::Chapter;
    m.gridScroll = onGrid ? m_screens.grid.grid().scroll() : 0;
    m.gridMaxScroll = onGrid ? m_screens.grid.grid().maxScroll() : 0;
    m.attractSlide = m_screens.attract.slide();
    if (const core::StatsWriter* stats = m_options.stats) {
        m.statsAvailable = stats->available();
        m.statsPending = stats->pending().size();
        m.statsProblem = stats->problem() ? stats->problem()->code : "";
        m.statsDiskLow = stats->diskWarning().has_value();
    }
    if (const core::EventWriter* events = m_options.events) {
        const core::EventWriterStatus status = events->status();
        m.eventsPending = status.pending;
        m.eventsWritten = status.written;
        m.eventsProblem = status.problem;
    }
    m.text = m_frameText;
    m.targets.clear();
    m.targetRects.clear();
    for (const auto& t : m_targets) {
        m.targets.push_back(t.id);
        m.targetRects.emplace_back(t.id, t.rect); // later (topmost) entries win in the JSON
    }
    m.reachBand = core::reachBand(m_width, m_height, portraitLayout(), reachBandSetting());
    m_frameTimes.summary(m.frameBuildP99Ms, m.frameBuildMaxMs);
    m.frameBuildSamples = m_frameTimes.count();
    m.width = m_width;
    m.height = m_height;
    m.reloadPending = m.reloadPending || reloadPending();
    nlohmann::json state = kioskStateJson(m_state, m);
    state["staff"] = staffStateJson();
    nlohmann::json trust = {{"enabled", !m_options.config.trustPublicKeys.empty()},
                            {"signed_version", m_content.signedVersion},
                            {"shows_last_good", m_content.showsLastGood},
                            {"refused", nullptr}};
    if (m_lastRefusal)
        trust["refused"] = {{"code", m_lastRefusal->code},
                            {"reason", m_lastRefusal->message},
                            {"reason_zh", m_lastRefusal->messageZh}};
    state["trust"] = std::move(trust);
    if (m_phones) state["phones"] = m_phones->stateJson(m_now);
    if (m_staff.isOpen()) state["screen"] = "staff";
    return state;
}

std::optional<core::Vec2> KioskRuntime::targetCenter(const std::string& id) const {
    if (!id.empty() && id.back() == '*') { // "nickname:*": the first target with that prefix
        const std::string prefix = id.substr(0, id.size() - 1);
        for (const auto& t : m_targets)
            if (t.id.starts_with(prefix)) return t.rect.center();
        return std::nullopt;
    }
    if (const TapTarget* t = findTarget(m_targets, id)) return t->rect.center();
    return std::nullopt;
}

std::vector<std::string> KioskRuntime::quizAnswerTargets(bool correct) const {
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
