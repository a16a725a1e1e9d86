// tests: the kiosk runtime without a window — visits started by a touch, ended by the idle timeout
// on a clock the test passes in, several in a row; the out-of-service pack
#include "kiosk/runtime/kiosk_runtime.h"

#include <gtest/gtest.h>
#include <string>

using namespace lantai;
using namespace lantai::kiosk;

namespace {

// No startGraphics(): no GL context, no frames. Input, the session, timers and the state report
// work without them (tap targets need a drawn frame; the end-to-end tests cover those).
struct RuntimeFixture : ::testing::Test {
    std::unique_ptr<KioskRuntime> runtime;
    double now = 1.0;

    void start(const std::string& pack) {
        KioskRuntimeOptions options;
        options.config.packPath = std::string(LANTAI_TEST_PACKS_DIR) + "/" + pack;
        options.config.idleTimeoutS = 90;
        options.config.stillThereS = 10;
        options.themeDirs = {std::string(LANTAI_SOURCE_DIR) + "/themes"};
        runtime = std::make_unique<KioskRuntime>(std::move(options));
        runtime->update(now);
    }
    void touch() {
        InputEvent e;
        e.type = InputEvent::Type::PointerDown;
        e.position = {400, 300};
        runtime->handleInput(e, now);
        now += 0.06;
        e.type = InputEvent::Type::PointerUp;
        runtime->handleInput(e, now);
        now += 0.01;
        runtime->update(now);
    }
    // A script's `advance`: the host's clock jumps.
    void advance(double seconds) {
        runtime->fastForward(now, now + seconds);
        now += seconds;
    }
    nlohmann::json state() const { return runtime->stateJson({}); }
};

TEST_F(RuntimeFixture, StartsOnTheAttractLoop) {
    start("valid-minimal");
    ASSERT_TRUE(runtime->hasPack());
    EXPECT_EQ(state()["screen"], "attract");
    EXPECT_EQ(state()["session"], "attract");
    EXPECT_EQ(state()["pack"], "valid-minimal");
    EXPECT_EQ(state()["frames"], 0);
}

TEST_F(RuntimeFixture, ThreeVisitsInARowWithTheClockAdvancedPastTheIdleTimeout) {
    start("valid-minimal");
    for (int visit = 0; visit < 3; ++visit) {
        SCOPED_TRACE("visit " + std::to_string(visit + 1));
        touch();
        EXPECT_EQ(state()["screen"], "home");
        EXPECT_EQ(state()["session"], "active");
        // Idle 90 s + countdown 10 s + the 1 s reset, and a little more: as if the time passed,
        // the reset is over when the clock lands, so the next touch starts the next visit.
        advance(101.5);
        EXPECT_EQ(state()["screen"], "attract");
        EXPECT_EQ(state()["session"], "attract");
        EXPECT_EQ(state()["still_there"], false);
    }
}

TEST_F(RuntimeFixture, AdvanceIntoTheCountdownShowsTheSecondsLeft) {
    start("valid-minimal");
    touch();
    advance(95);
    EXPECT_EQ(state()["still_there"], true);
    EXPECT_EQ(state()["session"], "still_there");
    EXPECT_EQ(state()["still_there_seconds"], 5);
    touch(); // answers "still there?": the visit goes on
    EXPECT_EQ(state()["still_there"], false);
    EXPECT_EQ(state()["session"], "active");
    EXPECT_EQ(state()["screen"], "home");
    advance(60);
    EXPECT_EQ(state()["session"], "active");
}

TEST_F(RuntimeFixture, ATouchDuringTheResetIsSwallowed) {
    start("valid-minimal");
    touch();
    advance(100.5); // reset at 100 s after the touch, over at 101 s
    EXPECT_EQ(state()["screen"], "attract");
    EXPECT_EQ(state()["session"], "resetting");
    touch();
    EXPECT_EQ(state()["screen"], "attract");
    advance(1);
    EXPECT_EQ(state()["session"], "attract");
    touch();
    EXPECT_EQ(state()["screen"], "home");
}

TEST_F(RuntimeFixture, ABrokenPackIsOutOfService) {
    start("broken/asset.missing");
    EXPECT_FALSE(runtime->hasPack());
    EXPECT_EQ(state()["screen"], "out_of_service");
    EXPECT_NE(state()["out_of_service_reason"].get<std::string>().find("asset.missing"),
              std::string::npos);
    touch();
    advance(30);
    EXPECT_EQ(state()["screen"], "out_of_service");
    EXPECT_EQ(state()["session"], "attract"); // no visit starts
}

} // namespace
