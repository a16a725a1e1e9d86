// tests: the kiosk runtime without a window — visits started by a touch, ended by the idle timeout
// on a clock the test passes in, several in a row; the out-of-service pack; reloading the
// configuration and the pack (at once on the attract loop, after a visit, never a broken pack)
#include "core/stats/event_kinds.h"
#include "kiosk/runtime/kiosk_runtime.h"
#include "tests/unit/support/temp_dir.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <string>

using namespace lantai;
using namespace lantai::kiosk;

namespace {

// No startGraphics(): no GL context, no frames. Input, the session, timers and the state report
// work without them (tap targets need a drawn frame; the end-to-end tests cover those).
struct RuntimeFixture : ::testing::Test {
    std::unique_ptr<KioskRuntime> runtime;
    double now = 1.0;

    core::KioskConfig config;                           // what start() ran with
    core::EventWriter* events = nullptr;                // interaction events go here when set
    static constexpr double kUnixAtZero = 1717905600.0; // the wall clock at host second 0

    static std::filesystem::path packDir(const std::string& pack) {
        return std::string(LANTAI_TEST_PACKS_DIR) + "/" + pack;
    }
    void start(const char* pack) { startAt(packDir(pack)); }
    void startAt(const std::filesystem::path& pack) {
        KioskRuntimeOptions options;
        options.config.packPath = pack;
        options.config.idleTimeoutS = 90;
        options.config.stillThereS = 10;
        config = options.config;
        options.themeDirs = {std::string(LANTAI_SOURCE_DIR) + "/themes"};
        if (events) {
            options.config.boothId = "test-booth";
            options.events = events;
            options.unixTime = [](double host) { return kUnixAtZero + host; };
        }
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

// ---- reloading (SIGHUP) ------------------------------------------------------------------------

TEST_F(RuntimeFixture, AReloadOnTheAttractLoopSwitchesAtOnce) {
    start("valid-minimal");
    core::KioskConfig next = config;
    next.theme = "high-contrast";
    next.idleTimeoutS = 30;
    next.stillThereS = 5;
    ASSERT_TRUE(runtime->requestReload(next));
    runtime->update(now);
    EXPECT_EQ(state()["reload_pending"], false);
    EXPECT_EQ(state()["theme"], "high-contrast");
    EXPECT_EQ(state()["screen"], "attract");
    touch();
    advance(31); // the new idle timeout is 30 s (the old one 90 s)
    EXPECT_EQ(state()["still_there"], true);
}

TEST_F(RuntimeFixture, AReloadDuringAVisitWaitsForTheAttractLoop) {
    start("valid-minimal");
    touch();
    core::KioskConfig next = config;
    next.theme = "high-contrast";
    ASSERT_TRUE(runtime->requestReload(next));
    runtime->update(now);
    EXPECT_EQ(state()["reload_pending"], true);
    EXPECT_EQ(state()["theme"], "red-archive");
    EXPECT_EQ(state()["screen"], "home");
    advance(50);
    EXPECT_EQ(state()["theme"], "red-archive"); // the visit goes on
    advance(51.5);                              // idle timeout, countdown, reset: the attract loop
    EXPECT_EQ(state()["screen"], "attract");
    EXPECT_EQ(state()["session"], "attract");
    EXPECT_EQ(state()["reload_pending"], false);
    EXPECT_EQ(state()["theme"], "high-contrast");
}

TEST_F(RuntimeFixture, AReloadedPackTitleIsShown) {
    lantai::test::TempDir dir;
    const auto pack = dir.path() / "pack";
    std::filesystem::copy(packDir("valid-minimal"), pack, std::filesystem::copy_options::recursive);
    startAt(pack);
    EXPECT_EQ(state()["pack_title"], "最小测试内容包");
    auto json = nlohmann::json::parse(std::ifstream(pack / "pack.json"));
    json["title"]["zh"] = "重新加载的标题";
    std::ofstream(pack / "pack.json") << json.dump(2);
    ASSERT_TRUE(runtime->requestReload(config));
    runtime->update(now);
    EXPECT_EQ(state()["pack_title"], "重新加载的标题");
}

TEST_F(RuntimeFixture, ABrokenPackOnReloadLeavesTheRunningPackAlone) {
    start("valid-minimal");
    touch();
    core::KioskConfig next = config;
    next.packPath = packDir("broken/asset.missing");
    next.theme = "high-contrast";
    EXPECT_FALSE(runtime->requestReload(next));
    advance(101.5);
    runtime->update(now);
    EXPECT_EQ(state()["screen"], "attract"); // never out of service
    EXPECT_EQ(state()["pack"], "valid-minimal");
    EXPECT_EQ(state()["theme"], "red-archive"); // nor half of the new configuration
    EXPECT_EQ(state()["reload_pending"], false);
    EXPECT_EQ(state()["out_of_service_reason"], "");
    touch();
    EXPECT_EQ(state()["screen"], "home");
}

TEST_F(RuntimeFixture, AReloadOutOfServiceIsTakenAsAtStart) {
    start("broken/asset.missing");
    ASSERT_EQ(state()["screen"], "out_of_service");
    core::KioskConfig next = config;
    next.packPath = packDir("broken/pack.not_found");
    EXPECT_TRUE(runtime->requestReload(next)); // still broken: the reason is the new one
    runtime->update(now);
    EXPECT_EQ(state()["screen"], "out_of_service");
    EXPECT_NE(state()["out_of_service_reason"].get<std::string>().find("pack.not_found"),
              std::string::npos);
    next.packPath = packDir("valid-minimal");
    EXPECT_TRUE(runtime->requestReload(next));
    runtime->update(now);
    EXPECT_EQ(state()["screen"], "attract");
    EXPECT_EQ(state()["pack"], "valid-minimal");
    touch();
    EXPECT_EQ(state()["screen"], "home");
}

// The visitor statistics: each visit is a session from the first touch to the last, stamped with
// the booth, the pack and its version; a visit under way when the kiosk stops ends too.
TEST_F(RuntimeFixture, VisitsBecomeInteractionEvents) {
    test::TempDir dir;
    const auto file = core::StatsStore::databasePath(dir.path());
    {
        core::StatsStore created;
        ASSERT_TRUE(created.open(file, 0));
    }
    core::EventWriter writer;
    core::EventWriterOptions options;
    options.file = file;
    writer.start(options);
    events = &writer;
    start("valid-minimal");
    touch();
    now += 20;
    touch(); // the visitor's last touch, 20 s after the first
    advance(101.5);
    touch(); // a second visit, under way when the kiosk stops
    now += 5;
    runtime.reset();
    writer.flush();
    EXPECT_EQ(writer.status().written, 6u) << "2 starts, 2 screens, 2 ends";

    core::StatsStore s;
    ASSERT_TRUE(s.open(file, 0, {true}));
    core::SqliteStatement q(s.connection(),
                            "SELECT kind, subject_id, value, booth_id, pack_id, pack_version, "
                            "session, timestamp FROM events ORDER BY id");
    std::vector<std::string> kinds;
    std::vector<double> lengths;
    while (q.step() == SQLITE_ROW) {
        kinds.push_back(q.text(0) + (q.text(1).empty() ? "" : ":" + q.text(1)));
        if (q.text(0) == core::event_kind::kSessionEnd) lengths.push_back(q.real(2));
        EXPECT_EQ(q.text(3), "test-booth");
        EXPECT_EQ(q.text(4), "valid-minimal");
        EXPECT_EQ(q.text(5).size(), 12u);
        EXPECT_GT(q.int64(6), 0);
        EXPECT_GE(q.int64(7), static_cast<std::int64_t>(kUnixAtZero));
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"session_start", "screen:home", "session_end",
                                               "session_start", "screen:home", "session_end"}));
    ASSERT_EQ(lengths.size(), 2u);
    EXPECT_NEAR(lengths[0], 20.07, 0.01); // the first touch's down to the last touch's down + up
    EXPECT_NEAR(lengths[1], 0.0, 0.1);    // one touch, then the kiosk stopped
    auto names = core::subjectNames(s.connection());
    ASSERT_TRUE(names);
    EXPECT_FALSE(names->empty()) << "the pack's items are named for the report";
}

} // namespace
