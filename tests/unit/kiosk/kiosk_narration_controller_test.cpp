// tests: the kiosk's narration controller against a fake MediaPlayer — the player made at the
// first play, what reaches it, the end of a reading, problem cards before and after the player
#include "kiosk/ui/narration_controller.h"
#include "tests/unit/support/temp_dir.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

using namespace lantai;
using namespace lantai::kiosk;

namespace {

class FakeAudioPlayer final : public MediaPlayer {
  public:
    bool available() const override { return true; }
    const char* backendName() const override { return "fake"; }
    void open(const MediaOpenRequest& r) override {
        request = r;
        ++opens;
        s = {};
        s.file = r.file;
        s.state = MediaState::Playing;
        s.volume = r.volume;
    }
    void close() override {
        ++closes;
        s = {};
    }
    void setPaused(bool) override {}
    void seekTo(double) override {}
    void setSubtitleLanguage(const std::string&) override {}
    void setVolume(int v) override { s.volume = v; }
    void setMuted(bool) override {}
    bool update() override { return true; }
    unsigned renderFrame(int, int) override { return 0; }
    const MediaStatus& status() const override { return s; }

    MediaStatus s;
    MediaOpenRequest request;
    int opens = 0, closes = 0;
};

// A complete, tiny WAV file (what the header check needs).
void writeWav(const std::filesystem::path& file) {
    const char bytes[] = "RIFF\x2c\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00"
                         "\x22\x56\x00\x00\x44\xac\x00\x00\x02\x00\x10\x00"
                         "data\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00";
    std::ofstream(file, std::ios::binary).write(bytes, sizeof bytes - 1);
}

struct Narration : ::testing::Test {
    void SetUp() override {
        std::filesystem::create_directories(dir.path() / "audio");
        writeWav(dir.path() / "audio" / "good.wav");
        std::ofstream(dir.path() / "audio" / "text.mp3") << "not audio\n";
        pack.root = dir.path();
        controller.configure(
            &pack,
            [this]() -> std::unique_ptr<MediaPlayer> {
                ++made;
                auto p = std::make_unique<FakeAudioPlayer>();
                player = p.get();
                return p;
            },
            60);
    }
    test::TempDir dir{"lantai-narration-controller"};
    core::Pack pack;
    NarrationController controller;
    FakeAudioPlayer* player = nullptr;
    int made = 0;
};

} // namespace

TEST_F(Narration, ThePlayerIsMadeAtTheFirstPlayOnly) {
    EXPECT_TRUE(controller.available());
    EXPECT_EQ(made, 0);
    controller.play("item:a", "audio/good.wav", 55);
    ASSERT_EQ(made, 1);
    EXPECT_EQ(player->request.file, dir.path() / "audio" / "good.wav");
    EXPECT_EQ(player->request.volume, 55);
    EXPECT_TRUE(controller.playing());
    EXPECT_TRUE(controller.active());
    EXPECT_EQ(controller.target(), "item:a");
    controller.play("chapter:c", "audio/good.wav", 55); // another reading replaces it
    EXPECT_EQ(made, 1);
    EXPECT_EQ(player->opens, 2);
    EXPECT_EQ(controller.target(), "chapter:c");
    EXPECT_EQ(controller.configuredVolume(), 60);
}

TEST_F(Narration, StopClosesAndTheEndClears) {
    controller.play("item:a", "audio/good.wav", 55);
    controller.stop();
    EXPECT_EQ(player->closes, 1);
    EXPECT_TRUE(controller.target().empty());
    EXPECT_FALSE(controller.playing());
    controller.play("item:a", "audio/good.wav", 55);
    player->s.state = MediaState::Ended;
    EXPECT_TRUE(controller.update());
    EXPECT_TRUE(controller.target().empty()) << "an ended reading turns the button back to Listen";
    EXPECT_FALSE(controller.problem());
}

TEST_F(Narration, MissingAndNonAudioFilesNeverReachThePlayer) {
    controller.play("item:a", "audio/none.mp3", 55);
    auto problem = controller.problem();
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->file, "audio/none.mp3");
    EXPECT_NE(problem->en.find("missing"), std::string::npos);
    EXPECT_FALSE(problem->zh.empty());
    EXPECT_FALSE(controller.active());
    EXPECT_EQ(made, 0);
    controller.play("item:a", "audio/text.mp3", 55);
    problem = controller.problem();
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->en.find("damaged"), std::string::npos);
    EXPECT_NE(problem->detail.find("not audio"), std::string::npos);
    controller.stop(); // Close on the card
    EXPECT_FALSE(controller.problem());
}

TEST_F(Narration, APlayerFailureIsACard) {
    controller.play("question:q", "audio/good.wav", 55);
    player->s.state = MediaState::Failed;
    player->s.error = "unrecognized file format";
    const auto problem = controller.problem();
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->file, "audio/good.wav");
    EXPECT_EQ(problem->detail, "unrecognized file format");
}

TEST(NarrationWithoutPlayer, IsUnavailable) {
    NarrationController controller;
    core::Pack pack;
    controller.configure(&pack, {}, 70);
    EXPECT_FALSE(controller.available());
}
