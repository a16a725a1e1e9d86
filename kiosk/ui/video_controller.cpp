// kiosk/ui: video playback for the screens (see video_controller.h)
#include "kiosk/ui/video_controller.h"

#include "core/base/log.h"
#include "core/i18n/ui_strings.h"
#include "core/media/video_container_probe.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace lantai::kiosk {

namespace fs = std::filesystem;

std::string formatMediaTime(double seconds) {
    const long long total = seconds > 0 ? static_cast<long long>(std::floor(seconds)) : 0;
    const long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
    char buffer[32];
    if (h > 0)
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", h, m, s);
    else
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld", m, s);
    return buffer;
}

void VideoController::configure(const core::Pack* pack, MediaPlayer* player,
                                const VideoSettings& settings) {
    m_pack = pack;
    m_player = player;
    m_settings = settings;
    m_settings.maxVolume = std::clamp(m_settings.maxVolume, 0, 100);
    m_volume = std::clamp(settings.volume, 0, m_settings.maxVolume);
    m_videoId.clear();
    m_video = nullptr;
    m_durations.clear();
}

void VideoController::open(const core::Video& video, bool muted, const std::string& subtitleLang) {
    m_videoId = video.id;
    m_video = &video;
    m_lastSeekTarget = -1;
    m_precheck.reset();
    MediaOpenRequest request;
    request.file = m_pack->root / video.file;
    request.muted = muted;
    request.volume = m_volume;
    request.subtitleLang = subtitleLang;
    for (const auto& s : video.subtitles)
        request.subtitles.push_back({s.lang, m_pack->root / s.file});
    // What the container's headers already tell (the validator warned about it): no need to
    // let the player try.
    std::error_code ec;
    std::string problemKey, detail;
    if (!fs::is_regular_file(request.file, ec)) {
        problemKey = "video.problem.missing";
        detail = "no such file";
    } else if (const auto probe = core::probeVideoContainerFile(request.file);
               probe.problem == core::VideoContainerProblem::Truncated ||
               probe.problem == core::VideoContainerProblem::NoMoov) {
        problemKey = "video.problem.incomplete";
        detail = probe.detail;
    }
    if (!problemKey.empty()) {
        m_precheck = problemFor(problemKey, video.file, detail);
        core::logWarning("video " + video.id + ": " + request.file.string() + ": " + detail);
        m_player->close();
        return;
    }
    m_player->open(request);
}

void VideoController::play(const core::Video& video, core::Language language) {
    if (!m_player) return;
    m_attract = false;
    std::string lang;
    if (m_settings.subtitles == "auto")
        lang = language == core::Language::En ? "en" : "zh";
    else if (m_settings.subtitles != "off")
        lang = m_settings.subtitles;
    if (!lang.empty() && !std::any_of(video.subtitles.begin(), video.subtitles.end(),
                                      [&](const auto& s) { return s.lang == lang; }))
        lang = video.subtitles.empty() ? "" : video.subtitles.front().lang;
    open(video, false, lang);
    if (!m_precheck) core::logInfo("video " + video.id + " started by a visitor");
}

void VideoController::playInAttract(const core::Video& video, bool muted) {
    if (!m_player) return;
    m_attract = true;
    open(video, muted || m_settings.attractMuted, "");
}

void VideoController::stop() {
    if (!m_player || m_videoId.empty()) return;
    m_player->close();
    m_videoId.clear();
    m_video = nullptr;
    m_precheck.reset();
    m_attract = false;
}

bool VideoController::update() {
    if (!m_player || !m_player->update()) return false;
    if (!m_videoId.empty() && status().duration > 0) m_durations[m_videoId] = status().duration;
    return true;
}

double VideoController::knownDuration(const core::Video& video) {
    if (auto it = m_durations.find(video.id); it != m_durations.end()) return it->second;
    // The movie header says (MP4/MOV; a few header reads, once per video).
    const double seconds =
        m_pack ? core::probeVideoContainerFile(m_pack->root / video.file).durationSeconds : 0;
    m_durations[video.id] = seconds;
    return seconds;
}

VideoProblem problemFor(const std::string& key, const std::string& file,
                        const std::string& detail) {
    return {core::uiText(key, core::Language::Zh), core::uiText(key, core::Language::En), file,
            detail};
}

std::optional<VideoProblem> VideoController::problem() const {
    if (m_precheck) return m_precheck;
    if (!m_player || m_videoId.empty() || status().state != MediaState::Failed) return std::nullopt;
    const std::string& detail = status().error;
    std::string key = "video.problem.unreadable";
    if (!m_player->available())
        key = "video.problem.unavailable";
    else if (detail.find("unrecognized") != std::string::npos ||
             detail.find("format") != std::string::npos)
        key = "video.problem.damaged";
    else if (detail.find("ended before") != std::string::npos)
        key = "video.problem.incomplete";
    return problemFor(key, m_video ? m_video->file : "", detail);
}

void VideoController::togglePause() {
    if (!m_player) return;
    const auto state = status().state;
    if (state == MediaState::Playing)
        m_player->setPaused(true);
    else if (state == MediaState::Paused)
        m_player->setPaused(false);
    else if (state == MediaState::Ended && m_video)
        open(*m_video, status().muted, status().subtitleLang);
}

void VideoController::seekBy(double seconds) {
    if (!m_player) return;
    m_lastSeekTarget = std::max(0.0, status().position + seconds);
    if (status().duration > 0) m_lastSeekTarget = std::min(m_lastSeekTarget, status().duration);
    m_player->seekTo(m_lastSeekTarget);
}

void VideoController::seekToFraction(double fraction) {
    if (!m_player || status().duration <= 0) return;
    m_lastSeekTarget = std::clamp(fraction, 0.0, 1.0) * status().duration;
    m_player->seekTo(m_lastSeekTarget);
}

void VideoController::setSubtitles(const std::string& lang) {
    if (m_player && (lang.empty() || hasSubtitles(lang))) m_player->setSubtitleLanguage(lang);
}

bool VideoController::hasSubtitles(const std::string& lang) const {
    return m_video && std::any_of(m_video->subtitles.begin(), m_video->subtitles.end(),
                                  [&](const auto& s) { return s.lang == lang; });
}

void VideoController::changeVolume(int delta) {
    m_volume = std::clamp(m_volume + delta, 0, m_settings.maxVolume);
    if (m_player) {
        m_player->setVolume(m_volume);
        if (delta > 0 && status().muted) m_player->setMuted(false);
    }
}

void VideoController::languageChanged(core::Language language) {
    if (!m_player || m_attract || m_videoId.empty() || m_settings.subtitles == "off") return;
    const std::string current = status().subtitleLang;
    if (current.empty()) return; // the visitor turned them off: leave them off
    const std::string wanted = language == core::Language::En ? "en" : "zh";
    if (current != wanted && hasSubtitles(wanted)) m_player->setSubtitleLanguage(wanted);
}

unsigned VideoController::texture(int width, int height) {
    return m_player ? m_player->renderFrame(width, height) : 0;
}

void VideoController::frameSwapped() {
    if (m_player) m_player->frameSwapped();
}

} // namespace lantai::kiosk
