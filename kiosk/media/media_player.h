// kiosk/media: what the kiosk needs from a video player (libmpv on the booth, from
// kiosk/platform; the null player here for tests and kiosks without video)
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace lantai::kiosk {

struct MediaSubtitle {
    std::string lang; // "zh", "en", ...
    std::filesystem::path file;
};

struct MediaOpenRequest {
    std::filesystem::path file;
    std::vector<MediaSubtitle> subtitles;
    std::string subtitleLang; // shown at start; empty: none
    bool muted = false;
    int volume = 70; // percent
};

enum class MediaState { Idle, Loading, Playing, Paused, Ended, Failed };
const char* mediaStateName(MediaState state); // "idle", "loading", "playing", ...

struct MediaStatus {
    MediaState state = MediaState::Idle;
    std::filesystem::path file;
    double position = 0; // seconds
    double duration = 0; // seconds, 0 while unknown
    int videoWidth = 0;
    int videoHeight = 0;
    std::string subtitleLang; // the subtitle track shown ("" = off)
    std::string subtitleText; // the subtitle line on screen now
    int volume = 0;
    bool muted = false;
    std::string error; // why the file cannot be played (Failed), in English from the backend
    long long framesRendered = 0;
    long long droppedFrames = 0;        // frames the output dropped because they were late
    long long decoderDroppedFrames = 0; // frames the decoder skipped to keep up
    double firstFrameMs = -1;           // open() -> first frame rendered, for the current file
};

// Threading: main thread only (the thread running the kiosk runtime, with its GL context current).
// Backends may run their own threads internally, but they only reach the kiosk through a wake
// callback the host gives them (it ends the loop's wait); every call here, and every state
// change, happens on the main thread in update().
class MediaPlayer {
  public:
    virtual ~MediaPlayer() = default;
    // False for the null player (and when the backend could not start): screens then show
    // items instead of videos in the attract loop and a "video unavailable" card on the player.
    virtual bool available() const = 0;
    virtual const char* backendName() const = 0;

    virtual void open(const MediaOpenRequest& request) = 0;
    virtual void close() = 0;
    virtual void setPaused(bool paused) = 0;
    virtual void seekTo(double seconds) = 0;
    virtual void setSubtitleLanguage(const std::string& lang) = 0; // empty: off
    virtual void setVolume(int percent) = 0;
    virtual void setMuted(bool muted) = 0;

    // Handles what the backend reported since the last call. Returns true when the status
    // changed or a new frame is due (the caller then draws a frame).
    virtual bool update() = 0;
    // Renders the current video frame into the player's texture at about the given size and
    // returns the GL texture name (0 while there is nothing to show); rows run top to bottom.
    // Call while drawing a frame.
    virtual unsigned renderFrame(int width, int height) = 0;
    // Tells the backend the frame was presented (after the buffer swap).
    virtual void frameSwapped() {}

    virtual const MediaStatus& status() const = 0;
};

// The null player: plays nothing; every open() fails with `reason`.
std::unique_ptr<MediaPlayer> createNullMediaPlayer(std::string reason);

} // namespace lantai::kiosk
