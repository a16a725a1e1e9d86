// kiosk/runtime: replacing the configuration and the pack while running (SIGHUP) — loaded at once,
// switched at the next idle moment, never a working pack swapped for a broken one
#include "core/base/log.h"
#include "kiosk/runtime/imgui_context_scope.h"
#include "kiosk/runtime/kiosk_runtime.h"

namespace lantai::kiosk {

bool KioskRuntime::atIdleMoment() const {
    // A class game on phones is never cut by a reload: it closes when the visit ends (the
    // attract loop), and the reload follows on the next update.
    if (m_phones && m_phones->gameOpen()) return false;
    return !m_state.pack || m_session.state() == core::SessionState::Attract;
}

bool KioskRuntime::requestReload(core::KioskConfig config) {
    KioskContent content = loadReloadContent(config, m_state.pack != nullptr);
    return requestReload(std::move(config), std::move(content));
}

bool KioskRuntime::requestReload(core::KioskConfig config, KioskContent content) {
    const bool showing = m_state.pack != nullptr;
    if (m_pendingReload) core::logInfo("reload: replaces the reload still waiting for the visit");
    m_pendingReload.reset();
    if (showing && !content.ok) {
        if (content.refused) m_lastRefusal = content.refused;
        m_redraw = true; // the state report and the staff screen say why
        std::string why = content.serviceReason;
        if (!why.empty() && why.back() != '.') why += '.';
        core::logError("reload failed: " + why + " The pack " + m_state.pack->id +
                       " keeps running, and the configuration it runs with.");
        return false;
    }
    m_pendingReload = PendingReload{std::move(config), std::move(content)};
    if (!atIdleMoment())
        core::logInfo("reload: the new configuration and pack are ready; they take over when the "
                      "visit ends (the attract loop)");
    return true;
}

void KioskRuntime::applyReload() {
    ImGuiContextScope scope(m_imgui);
    PendingReload reload = std::move(*m_pendingReload);
    m_pendingReload.reset();
    // What the running pack showed goes first: its visit, its video and player, its textures.
    forgetVisit();
    m_video.configure(nullptr, nullptr, {});
    m_media.reset(); // made again after the next frame, with the new video settings
    if (m_textures) m_textures->clear();

    const core::KioskConfig before = m_options.config;
    m_options.config = std::move(reload.config);
    m_state.webBaseUrl = m_options.config.baseUrl;
    applyContent(std::move(reload.content));
    configureQuiz();
    configureNarration();
    configureStaff();
    reconfigurePhones(before);
    m_theme = chooseTheme();
    m_state.themeName = m_theme.name;
    if (m_imgui) rebuildFonts();
    m_nextRetry = -1; // out of service: the next retry is a full interval away
    m_redraw = true;
    if (m_state.pack)
        core::logInfo("reloaded: pack " + m_state.pack->id + " from " +
                      m_options.config.packPath.string() + ", theme " + m_theme.name +
                      ", idle timeout " + std::to_string(m_options.config.idleTimeoutS) + " s");
}

} // namespace lantai::kiosk
