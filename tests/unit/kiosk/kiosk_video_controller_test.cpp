// tests: the kiosk's video controller against a fake MediaPlayer — subtitles, volume, attract loop,
// problem cards
#include "kiosk/ui/video_controller.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace lantai;
using namespace lantai::kiosk;

namespace {

// Records what the controller asks for; plays whatever it is given.
class FakePlayer final : public MediaPlayer {
  public:
    bool available() const override { return true; }
    const char* backendName() const override { return "fake"; }
    void open(const MediaOpenRequest& r) override {
        request = r;
        ++opens;
        s = {};
        s.file = r.file;
        s.state = MediaState::Playing;
        s.subtitleLang = r.subtitleLang;
        s.muted = r.muted;
        s.volume = r.volume;
        s.duration = 30;
    }
    void close() override {
        ++closes;
        s = {};
    }
    void setPaused(bool p) override { s.state = p ? MediaState::Paused : MediaState::Playing; }
    void seekTo(double t) override { s.position = t; }
    void setSubtitleLanguage(const std::string& l) override { s.subtitleLang = l; }
    void setVolume(int v) override { s.volume = v; }
    void setMuted(bool m) override { s.muted = m; }
    bool update() override { return false; }
    unsigned renderFrame(int, int) override { return 0; }
    const MediaStatus& status() const override { return s; }

    MediaStatus s;
    MediaOpenRequest request;
    int opens = 0, closes = 0;
};

struct Fixture : ::testing::Test {
    void SetUp() override {
        root = std::filesystem::temp_directory_path() /
               ("lantai-video-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(root / "videos");
        std::ofstream(root / "videos" / "clip.mp4")
            << "not really a video, the fake player does not care";
        pack.root = root;
        core::Video v;
        v.id = "clip";
        v.file = "videos/clip.mp4";
        v.subtitles = {{"zh", "videos/clip.zh.srt", {}}, {"en", "videos/clip.en.srt", {}}};
        pack.videos.push_back(v);
        core::Video missing;
        missing.id = "gone";
        missing.file = "videos/gone.mp4";
        pack.videos.push_back(missing);
        VideoSettings settings;
        settings.volume = 95; // above the maximum: clamped
        settings.maxVolume = 80;
        controller.configure(&pack, &player, settings);
    }
    void TearDown() override { std::filesystem::remove_all(root); }

    std::filesystem::path root;
    core::Pack pack;
    FakePlayer player;
    VideoController controller;
};

} // namespace

TEST_F(Fixture, VisitorPlaybackUsesTheirLanguageAndTheClampedVolume) {
    controller.play(pack.videos[0], core::Language::En);
    EXPECT_EQ(player.request.file, root / "videos/clip.mp4");
    EXPECT_EQ(player.request.subtitleLang, "en");
    EXPECT_EQ(player.request.subtitles.size(), 2u);
    EXPECT_FALSE(player.request.muted);
    EXPECT_EQ(player.request.volume, 80);
    EXPECT_TRUE(controller.visitorWatching());
    controller.changeVolume(+10);
    EXPECT_EQ(controller.volume(), 80);
    controller.changeVolume(-30);
    EXPECT_EQ(player.s.volume, 50);
}

TEST_F(Fixture, PauseStopsTheWatchingAndSeeksClampToTheVideo) {
    controller.play(pack.videos[0], core::Language::Zh);
    controller.togglePause();
    EXPECT_EQ(player.s.state, MediaState::Paused);
    EXPECT_FALSE(controller.visitorWatching());
    controller.seekToFraction(0.5);
    EXPECT_DOUBLE_EQ(controller.lastSeekTarget(), 15);
    controller.seekBy(-100);
    EXPECT_DOUBLE_EQ(controller.lastSeekTarget(), 0);
    controller.seekBy(+100);
    EXPECT_DOUBLE_EQ(controller.lastSeekTarget(), 30);
}

TEST_F(Fixture, SubtitlesFollowALanguageSwitchUnlessTurnedOff) {
    controller.play(pack.videos[0], core::Language::Zh);
    EXPECT_EQ(player.s.subtitleLang, "zh");
    controller.languageChanged(core::Language::En);
    EXPECT_EQ(player.s.subtitleLang, "en");
    controller.setSubtitles("");
    controller.languageChanged(core::Language::Zh);
    EXPECT_EQ(player.s.subtitleLang, "");
    controller.setSubtitles("fr"); // not offered: ignored
    EXPECT_EQ(player.s.subtitleLang, "");
}

TEST_F(Fixture, AttractPlaybackIsMutedAndNotWatching) {
    controller.playInAttract(pack.videos[0],
                             false); // the configuration mutes the attract loop anyway
    EXPECT_TRUE(player.request.muted);
    EXPECT_TRUE(player.request.subtitleLang.empty());
    EXPECT_TRUE(controller.inAttract());
    EXPECT_FALSE(controller.visitorWatching());
    controller.stop();
    EXPECT_TRUE(controller.videoId().empty());
}

TEST_F(Fixture, MissingFileIsACardWithoutAskingThePlayer) {
    controller.play(pack.videos[1], core::Language::Zh);
    EXPECT_EQ(player.opens, 0);
    const auto problem = controller.problem();
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->file, "videos/gone.mp4");
    EXPECT_NE(problem->zh.find("找不到"), std::string::npos);
    EXPECT_NE(problem->en.find("missing"), std::string::npos);
    EXPECT_FALSE(controller.visitorWatching());
}

TEST_F(Fixture, PlayerFailuresMapToBilingualCards) {
    controller.play(pack.videos[0], core::Language::Zh);
    player.s.state = MediaState::Failed;
    player.s.error = "unrecognized file format";
    auto problem = controller.problem();
    ASSERT_TRUE(problem.has_value());
    EXPECT_NE(problem->en.find("damaged"), std::string::npos);
    EXPECT_EQ(problem->detail, "unrecognized file format");
    player.s.error = "loading failed";
    problem = controller.problem();
    EXPECT_NE(problem->en.find("cannot be read"), std::string::npos);
    EXPECT_FALSE(problem->zh.empty());
}

TEST(MediaTime, Formats) {
    EXPECT_EQ(formatMediaTime(0), "0:00");
    EXPECT_EQ(formatMediaTime(65.9), "1:05");
    EXPECT_EQ(formatMediaTime(3723), "1:02:03");
    EXPECT_EQ(formatMediaTime(-3), "0:00");
}
