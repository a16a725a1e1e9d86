// kiosk/ui: video playback for the screens — which video plays, how (visitor or attract loop),
// volume, subtitles, problems
#pragma once

#include "core/base/localized_text.h"
#include "core/pack/model.h"
#include "kiosk/media/media_player.h"

#include <map>
#include <optional>
#include <string>

namespace lantai::kiosk {

struct VideoSettings {
    int volume = 70;          // percent at the start of a video
    int maxVolume = 90;       // the volume buttons stop here
    bool attractMuted = true; // attract-loop videos play silently (unless the entry says otherwise)
    std::string subtitles = "auto"; // "auto" (the visitor's language), "zh", "en", "off"
};

// Why a video cannot be played, for the error card: both languages and the file.
struct VideoProblem {
    std::string zh;
    std::string en;
    std::string file;   // pack path
    std::string detail; // the backend's words (English), for staff
};

// The problem card for a ui_strings key ("video.problem.missing", ...).
VideoProblem problemFor(const std::string& key, const std::string& file, const std::string& detail);

// Drives the MediaPlayer for the video screens and the attract loop. Threading: main thread only.
class VideoController {
  public:
    void configure(const core::Pack* pack, MediaPlayer* player, const VideoSettings& settings);
    bool available() const { return m_player && m_player->available(); }
    const char* backendName() const { return m_player ? m_player->backendName() : "none"; }

    // A visitor chose a video: sound on at the configured volume, subtitles in their language.
    void play(const core::Video& video, core::Language language);
    // The attract loop: muted unless the entry says otherwise, no subtitles.
    void playInAttract(const core::Video& video, bool muted);
    void stop();
    // Handles the player's reports; true when something changed (the caller redraws).
    bool update();

    const std::string& videoId() const { return m_videoId; }
    bool inAttract() const { return m_attract; }
    bool isPlaying() const { return m_player && status().state == MediaState::Playing; }
    bool hasEnded() const { return m_player && status().state == MediaState::Ended; }
    // The visitor is watching: the idle timeout must not fire.
    bool visitorWatching() const { return !m_attract && isPlaying(); }
    // An idle status while no player is configured yet (the backend starts after the first
    // frame; the editor's preview can show the player screen before that).
    const MediaStatus& status() const {
        static const MediaStatus idle;
        return m_player ? m_player->status() : idle;
    }
    // Seconds, from the file's header or an earlier playback (0: unknown).
    double knownDuration(const core::Video& video);
    std::optional<VideoProblem> problem() const;

    void togglePause();
    void seekBy(double seconds);
    void seekToFraction(double fraction);
    double lastSeekTarget() const { return m_lastSeekTarget; }
    // "zh", "en" or "" (off); only languages the video has subtitles for.
    void setSubtitles(const std::string& lang);
    bool hasSubtitles(const std::string& lang) const;
    void changeVolume(int delta); // percent, clamped to 0 … maxVolume
    int volume() const { return m_volume; }
    int maxVolume() const { return m_settings.maxVolume; }
    // The visitor switched the language: subtitles follow when they were in the old language.
    void languageChanged(core::Language language);

    // The player's texture for a frame drawn at `width` x `height` pixels (0: nothing yet).
    unsigned texture(int width, int height);
    void frameSwapped();

  private:
    void open(const core::Video& video, bool muted, const std::string& subtitleLang);

    const core::Pack* m_pack = nullptr;
    MediaPlayer* m_player = nullptr;
    VideoSettings m_settings;
    std::string m_videoId;
    const core::Video* m_video = nullptr;
    bool m_attract = false;
    int m_volume = 70;
    double m_lastSeekTarget = -1;
    std::optional<VideoProblem> m_precheck;    // found before asking the player (missing file, ...)
    std::map<std::string, double> m_durations; // by video id
};

// "1:05", "12:30", "1:02:03".
std::string formatMediaTime(double seconds);

} // namespace lantai::kiosk
