// kiosk/ui: narration playback (see narration_controller.h)
#include "kiosk/ui/narration_controller.h"

#include "core/base/log.h"
#include "core/media/asset_probe.h"

#include <filesystem>

namespace lantai::kiosk {

void NarrationController::configure(const core::Pack* pack, Factory factory, int volume) {
    stop();
    m_pack = pack;
    m_factory = std::move(factory);
    m_volume = volume;
}

void NarrationController::play(const std::string& target, const std::string& file, int volume) {
    if (!m_pack) return;
    stop();
    m_target = target;
    m_file = file;
    const auto full = m_pack->root / file;
    // What the file's header already tells (the validator warned about it).
    std::error_code ec;
    std::string key, detail;
    if (!std::filesystem::is_regular_file(full, ec)) {
        key = "narration.problem.missing";
        detail = "no such file";
    } else if (const auto probe = core::probeFile(full);
               !core::isAudioKind(probe.kind) || !probe.problem.empty()) {
        key = "narration.problem.damaged";
        detail = probe.problem.empty() ? std::string("the file is not audio (") +
                                             core::assetKindName(probe.kind) + ")"
                                       : probe.problem;
    } else if (!m_player && m_factory) {
        m_player = m_factory();
    }
    if (key.empty() && !m_player) {
        key = "narration.problem.unavailable";
        detail = "this kiosk has no audio player";
    }
    if (!key.empty()) {
        m_precheck = problemFor(key, file, detail);
        core::logWarning("narration " + target + ": " + full.string() + ": " + detail);
        return;
    }
    MediaOpenRequest request;
    request.file = full;
    request.volume = volume;
    m_player->open(request);
    core::logInfo("narration " + target + " started (" + file + ")");
}

void NarrationController::stop() {
    if (m_target.empty()) return;
    if (m_player && !m_precheck) m_player->close();
    m_target.clear();
    m_file.clear();
    m_precheck.reset();
}

bool NarrationController::update() {
    if (!m_player || !m_player->update()) return false;
    // A reading that ended is over: the button says "Listen" again.
    if (!m_target.empty() && status().state == MediaState::Ended) {
        core::logInfo("narration " + m_target + " ended");
        m_player->close();
        m_target.clear();
        m_file.clear();
    }
    return true;
}

bool NarrationController::active() const {
    if (m_target.empty() || m_precheck || !m_player) return false;
    const auto state = status().state;
    return state == MediaState::Loading || state == MediaState::Playing ||
           state == MediaState::Paused;
}

std::optional<VideoProblem> NarrationController::problem() const {
    if (m_precheck) return m_precheck;
    if (!m_player || m_target.empty() || status().state != MediaState::Failed) return std::nullopt;
    const std::string key =
        m_player->available() ? "narration.problem.damaged" : "narration.problem.unavailable";
    return problemFor(key, m_file, status().error);
}

} // namespace lantai::kiosk
