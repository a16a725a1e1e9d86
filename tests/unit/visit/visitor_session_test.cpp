// tests: visitor session state machine — idle timeout, countdown, blocking activity, long timeout
#include "core/visit/visitor_session.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace lantai::core;

namespace {

using Events = std::vector<SessionEvent>;
using T = SessionEventType;

// Injected clock: seconds since an arbitrary epoch.
VisitorSession::TimePoint at(double seconds) {
    return VisitorSession::TimePoint{} +
           std::chrono::duration_cast<VisitorSession::Clock::duration>(
               std::chrono::duration<double>(1000.0 + seconds));
}

SessionEvent ev(T type, int secondsLeft = 0) {
    return {type, secondsLeft};
}

VisitorSessionConfig testConfig() {
    VisitorSessionConfig c;
    c.idleTimeoutSeconds = 90;
    c.longIdleTimeoutSeconds = 600;
    c.stillThereSeconds = 10;
    c.resetSeconds = 1;
    return c;
}

TEST(VisitorSession, StartsInAttractWithNothingScheduled) {
    VisitorSession s(testConfig());
    EXPECT_EQ(s.state(), SessionState::Attract);
    EXPECT_EQ(s.update(at(0)), Events{});
    EXPECT_TRUE(std::isinf(s.secondsUntilNextEvent(at(0))));
    EXPECT_EQ(s.idleSeconds(at(50)), 0.0);
}

TEST(VisitorSession, FullIdleCycle) {
    VisitorSession s(testConfig());
    EXPECT_FALSE(s.onInput(at(0))); // the waking touch is not swallowed
    EXPECT_EQ(s.update(at(0)), (Events{ev(T::EnterActive)}));
    EXPECT_EQ(s.state(), SessionState::Active);
    EXPECT_DOUBLE_EQ(s.secondsUntilNextEvent(at(0)), 90.0);

    EXPECT_EQ(s.update(at(89.9)), Events{});
    EXPECT_NEAR(s.idleSeconds(at(89.9)), 89.9, 1e-9);
    EXPECT_EQ(s.update(at(90)), (Events{ev(T::ShowStillThere, 10)}));
    EXPECT_EQ(s.state(), SessionState::StillThere);
    EXPECT_EQ(s.stillThereSecondsLeft(at(90)), 10);
    EXPECT_NEAR(s.secondsUntilNextEvent(at(90)), 1.0, 1e-9);

    // The countdown reports each whole second once.
    EXPECT_EQ(s.update(at(90.5)), Events{});
    EXPECT_NEAR(s.secondsUntilNextEvent(at(90.5)), 0.5, 1e-9);
    EXPECT_EQ(s.update(at(91)), (Events{ev(T::ShowStillThere, 9)}));
    EXPECT_EQ(s.update(at(95.2)), (Events{ev(T::ShowStillThere, 5)}));
    EXPECT_NEAR(s.secondsUntilNextEvent(at(95.2)), 0.8, 1e-9); // "5" until 96
    EXPECT_EQ(s.update(at(99.5)), (Events{ev(T::ShowStillThere, 1)}));
    EXPECT_NEAR(s.secondsUntilNextEvent(at(99.5)), 0.5, 1e-9);

    EXPECT_EQ(s.update(at(100)), (Events{ev(T::ResetToAttract)}));
    EXPECT_EQ(s.state(), SessionState::Resetting);
    EXPECT_TRUE(s.onInput(at(100.5))); // swallowed during the reset
    EXPECT_EQ(s.state(), SessionState::Resetting);
    EXPECT_NEAR(s.secondsUntilNextEvent(at(100.5)), 0.5, 1e-9);
    EXPECT_EQ(s.update(at(101)), (Events{ev(T::EnterAttract)}));
    EXPECT_EQ(s.state(), SessionState::Attract);

    // The next visitor starts a fresh session.
    s.onInput(at(200));
    EXPECT_EQ(s.update(at(200)), (Events{ev(T::EnterActive)}));
    EXPECT_DOUBLE_EQ(s.secondsUntilNextEvent(at(200)), 90.0);
}

TEST(VisitorSession, InputRestartsTheIdleClock) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    s.update(at(0));
    s.onInput(at(60));
    EXPECT_EQ(s.update(at(90)), Events{});
    EXPECT_DOUBLE_EQ(s.secondsUntilNextEvent(at(90)), 60.0);
    EXPECT_EQ(s.update(at(150)), (Events{ev(T::ShowStillThere, 10)}));
}

TEST(VisitorSession, InputDuringStillThereReturnsToActiveWithoutReset) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    s.update(at(0));
    EXPECT_EQ(s.update(at(95)), (Events{ev(T::ShowStillThere, 5)}));
    EXPECT_TRUE(s.onInput(at(96))); // the dismissing touch does not reach the UI
    EXPECT_EQ(s.state(), SessionState::Active);
    EXPECT_EQ(s.secondsUntilNextEvent(at(96)), 0.0); // event queued
    EXPECT_EQ(s.update(at(96)), (Events{ev(T::HideStillThere)}));
    // No reset at the old deadline; a full new idle period instead.
    EXPECT_EQ(s.update(at(100)), Events{});
    EXPECT_EQ(s.update(at(185.9)), Events{});
    EXPECT_EQ(s.update(at(186)), (Events{ev(T::ShowStillThere, 10)}));
}

TEST(VisitorSession, BlockingActivityHoldsTheIdleClock) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    s.update(at(0));
    s.setBlockingActivity(true, at(10)); // a 5-minute video starts
    EXPECT_TRUE(s.blockingActivity());
    EXPECT_EQ(s.update(at(200)), Events{});
    EXPECT_EQ(s.state(), SessionState::Active);
    EXPECT_TRUE(std::isinf(s.secondsUntilNextEvent(at(200))));
    EXPECT_EQ(s.idleSeconds(at(200)), 0.0);
    s.setBlockingActivity(false, at(310)); // the video ends: counting starts now
    EXPECT_DOUBLE_EQ(s.secondsUntilNextEvent(at(310)), 90.0);
    EXPECT_EQ(s.update(at(399)), Events{});
    EXPECT_EQ(s.update(at(400)), (Events{ev(T::ShowStillThere, 10)}));
    EXPECT_EQ(s.update(at(410)), (Events{ev(T::ResetToAttract)}));
}

TEST(VisitorSession, BlockingActivityDuringCountdownHidesTheOverlay) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    s.update(at(0));
    EXPECT_EQ(s.update(at(92)), (Events{ev(T::ShowStillThere, 8)}));
    s.setBlockingActivity(true, at(93)); // e.g. a scheduled announcement video
    EXPECT_EQ(s.update(at(93)), (Events{ev(T::HideStillThere)}));
    EXPECT_EQ(s.update(at(500)), Events{});
    s.setBlockingActivity(false, at(500));
    EXPECT_EQ(s.update(at(589)), Events{});
    EXPECT_EQ(s.update(at(590)), (Events{ev(T::ShowStillThere, 10)}));
}

TEST(VisitorSession, LongTimeoutForClassSessions) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    s.update(at(0));
    s.setLongTimeout(true);
    EXPECT_TRUE(s.longTimeout());
    EXPECT_EQ(s.update(at(300)), Events{});
    EXPECT_DOUBLE_EQ(s.secondsUntilNextEvent(at(300)), 300.0);
    EXPECT_EQ(s.update(at(600)), (Events{ev(T::ShowStillThere, 10)}));
    s.onInput(at(601));
    s.update(at(601));
    // Back to the normal timeout: measured from the last input.
    s.setLongTimeout(false);
    EXPECT_DOUBLE_EQ(s.secondsUntilNextEvent(at(601)), 90.0);
    EXPECT_EQ(s.update(at(691)), (Events{ev(T::ShowStillThere, 10)}));
}

TEST(VisitorSession, LateUpdateSkipsStraightToReset) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    s.update(at(0));
    // The loop stalled for five minutes: no stale countdown, just the reset.
    EXPECT_EQ(s.update(at(300)), (Events{ev(T::ResetToAttract)}));
    EXPECT_EQ(s.update(at(301)), (Events{ev(T::EnterAttract)}));
}

TEST(VisitorSession, LateUpdateDuringCountdownShowsTheRightSecond) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    s.update(at(0));
    // Countdown started at 90 (the deadline), not when update happened to run.
    EXPECT_EQ(s.update(at(93.5)), (Events{ev(T::ShowStillThere, 7)}));
}

TEST(VisitorSession, ZeroCountdownAndZeroResetTime) {
    VisitorSessionConfig c = testConfig();
    c.stillThereSeconds = 0;
    c.resetSeconds = 0;
    VisitorSession s(c);
    s.onInput(at(0));
    s.update(at(0));
    EXPECT_EQ(s.update(at(90)), (Events{ev(T::ResetToAttract), ev(T::EnterAttract)}));
    EXPECT_EQ(s.state(), SessionState::Attract);
}

TEST(VisitorSession, RequestResetEndsTheVisit) {
    VisitorSession s(testConfig());
    s.requestReset(at(0)); // nothing to reset in Attract
    EXPECT_EQ(s.update(at(0)), Events{});
    s.onInput(at(1));
    s.requestReset(at(5));
    EXPECT_EQ(s.update(at(5)), (Events{ev(T::EnterActive), ev(T::ResetToAttract)}));
    EXPECT_EQ(s.update(at(6)), (Events{ev(T::EnterAttract)}));
}

// Table: when the overlay's whole-second value changes, for a 10 s countdown from t = 90.
TEST(VisitorSession, CountdownSecondsTable) {
    struct Row {
        double t;
        int left;
    };
    const Row rows[] = {{90.0, 10}, {90.001, 10}, {90.999, 10}, {91.0, 9},
                        {98.0, 2},  {98.5, 2},    {99.0, 1},    {99.999, 1}};
    for (const Row& r : rows) {
        VisitorSession s(testConfig());
        s.onInput(at(0));
        s.update(at(0));
        const Events e = s.update(at(r.t));
        ASSERT_EQ(e.size(), 1u) << "t=" << r.t;
        EXPECT_EQ(e[0], ev(T::ShowStillThere, r.left)) << "t=" << r.t;
        EXPECT_EQ(s.stillThereSecondsLeft(at(r.t)), r.left) << "t=" << r.t;
    }
}

TEST(VisitorSession, SleepingUntilEachDeadlineWalksTheWholeCycle) {
    VisitorSession s(testConfig());
    s.onInput(at(0));
    std::vector<SessionEvent> all;
    double now = 0;
    for (int i = 0; i < 40 && !(i > 0 && s.state() == SessionState::Attract); ++i) {
        for (const SessionEvent& e : s.update(at(now)))
            all.push_back(e);
        const double wait = s.secondsUntilNextEvent(at(now));
        if (std::isinf(wait)) break;
        now += wait;
    }
    Events expected{ev(T::EnterActive)};
    for (int left = 10; left >= 1; --left)
        expected.push_back(ev(T::ShowStillThere, left));
    expected.push_back(ev(T::ResetToAttract));
    expected.push_back(ev(T::EnterAttract));
    EXPECT_EQ(all, expected);
    EXPECT_NEAR(now, 101.0, 1e-6);
}

} // namespace
