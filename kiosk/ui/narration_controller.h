// kiosk/ui: narration playback — one reading at a time (an item, a chapter introduction, a quiz
// question), sound only through its own MediaPlayer, problems as a bilingual card
#pragma once

#include "kiosk/media/media_player.h"
#include "kiosk/ui/video_controller.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace lantai::kiosk {

// Drives an audio-only MediaPlayer (libmpv with no video output on a booth). The player is made
// by `factory` at the first play(), so a kiosk whose visitors never tap "Listen" never starts it.
// Threading: main thread only.
class NarrationController {
  public:
    using Factory = std::function<std::unique_ptr<MediaPlayer>()>;

    // A new pack or configuration: stops what plays; the player is kept. `volume`: the
    // configured start volume of videos ([video] volume, within max_volume).
    void configure(const core::Pack* pack, Factory factory, int volume);
    int configuredVolume() const { return m_volume; }
    // The kiosk can play narration at all (a factory was given).
    bool available() const { return static_cast<bool>(m_factory) || m_player; }

    // Starts reading `file` (pack path) for `target` ("item:ID", "chapter:ID", "question:ID") at
    // `volume` percent. A file that is missing or not audio is not given to the player: problem()
    // says so at once.
    void play(const std::string& target, const std::string& file, int volume);
    void stop();
    // Handles the player's reports; true when something changed (the caller redraws).
    bool update();

    const std::string& target() const { return m_target; }
    const std::string& file() const { return m_file; }
    // Loading or playing: what the "Listen" button turns into "Stop" for.
    bool active() const;
    bool playing() const {
        return m_player && !m_target.empty() && status().state == MediaState::Playing;
    }
    const MediaStatus& status() const {
        static const MediaStatus idle;
        return m_player ? m_player->status() : idle;
    }
    // Why the reading of target() cannot be played, for the card (the video card's shape).
    std::optional<VideoProblem> problem() const;

  private:
    const core::Pack* m_pack = nullptr;
    Factory m_factory;
    std::unique_ptr<MediaPlayer> m_player;
    std::string m_target;
    std::string m_file;
    std::optional<VideoProblem> m_precheck;
    int m_volume = 70;
};

} // namespace lantai::kiosk
