// kiosk/media: the null media player — plays nothing (tests that do not exercise video, video
// disabled)
#include "kiosk/media/media_player.h"

#include <utility>

namespace lantai::kiosk {

const char* mediaStateName(MediaState state) {
    switch (state) {
    case MediaState::Idle:
        return "idle";
    case MediaState::Loading:
        return "loading";
    case MediaState::Playing:
        return "playing";
    case MediaState::Paused:
        return "paused";
    case MediaState::Ended:
        return "ended";
    case MediaState::Failed:
        return "failed";
    }
    return "idle";
}

namespace {

class NullMediaPlayer final : public MediaPlayer {
  public:
    explicit NullMediaPlayer(std::string reason) : m_reason(std::move(reason)) {}

    bool available() const override { return false; }
    const char* backendName() const override { return "none"; }

    void open(const MediaOpenRequest& request) override {
        m_status = {};
        m_status.file = request.file;
        m_status.state = MediaState::Failed;
        m_status.error = m_reason;
        m_changed = true;
    }
    void close() override {
        m_status = {};
        m_changed = true;
    }
    void setPaused(bool) override {}
    void seekTo(double) override {}
    void setSubtitleLanguage(const std::string&) override {}
    void setVolume(int percent) override { m_status.volume = percent; }
    void setMuted(bool muted) override { m_status.muted = muted; }
    bool update() override { return std::exchange(m_changed, false); }
    unsigned renderFrame(int, int) override { return 0; }
    const MediaStatus& status() const override { return m_status; }

  private:
    std::string m_reason;
    MediaStatus m_status;
    bool m_changed = false;
};

} // namespace

std::unique_ptr<MediaPlayer> createNullMediaPlayer(std::string reason) {
    return std::make_unique<NullMediaPlayer>(std::move(reason));
}

} // namespace lantai::kiosk
