// tests: the hidden staff gesture — taps in the top-left corner, the last one held; near misses
// (too few taps, too slow, outside the corner, moved, two fingers, released early) do nothing
#include "core/visit/staff_gesture.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace lantai::core;

namespace {

// Taps at `at` starting at `t`, `gap` seconds apart (60 ms each); returns the next free time.
double taps(StaffGestureRecognizer& g, int count, Vec2 at, double t, double gap = 0.4) {
    for (int i = 0; i < count; ++i, t += gap) {
        g.pointerDown(1, at, t);
        EXPECT_FALSE(g.update(t + 0.03));
        g.pointerUp(1, at, t + 0.06);
    }
    return t;
}

// Presses at `t` and polls update() until `until`; true when it fired (once).
bool hold(StaffGestureRecognizer& g, Vec2 at, double t, double until) {
    g.pointerDown(1, at, t);
    int fired = 0;
    for (double now = t; now <= until + 1e-9; now += 0.05)
        fired += g.update(now);
    g.pointerUp(1, at, until);
    EXPECT_LE(fired, 1);
    return fired == 1;
}

} // namespace

TEST(StaffGesture, ThreeTapsThenAHoldOfOneSecondOpens) {
    StaffGestureRecognizer g;
    const double t = taps(g, 3, {20, 20}, 10.0);
    EXPECT_EQ(g.tapsCounted(), 3);
    EXPECT_TRUE(std::isinf(StaffGestureRecognizer().nextDeadline()));
    g.pointerDown(1, {30, 25}, t);
    EXPECT_DOUBLE_EQ(g.nextDeadline(), t + 1.0);
    EXPECT_FALSE(g.update(t + 0.99));
    EXPECT_TRUE(g.update(t + 1.0));
    EXPECT_FALSE(g.update(t + 2.0)) << "fires once";
    g.pointerUp(1, {30, 25}, t + 2.1);
    EXPECT_EQ(g.tapsCounted(), 0);
}

TEST(StaffGesture, TapsAloneNeverOpen) {
    StaffGestureRecognizer g;
    taps(g, 12, {10, 10}, 0.0);
    for (double now = 0; now < 10; now += 0.1)
        EXPECT_FALSE(g.update(now));
}

TEST(StaffGesture, TooFewTapsBeforeTheHold) {
    StaffGestureRecognizer g;
    const double t = taps(g, 2, {10, 10}, 0.0);
    EXPECT_FALSE(hold(g, {10, 10}, t, t + 2));
}

TEST(StaffGesture, TheSequenceMustFitInTheWindow) {
    StaffGestureRecognizer g;
    const double t = taps(g, 3, {10, 10}, 0.0, 1.2); // the hold starts 3.6 s after the first tap
    EXPECT_FALSE(hold(g, {10, 10}, t, t + 2));
    StaffGestureRecognizer h;
    const double u = taps(h, 4, {10, 10}, 0.0, 1.0); // the last three fit
    EXPECT_TRUE(hold(h, {10, 10}, u - 0.6, u + 1));
}

TEST(StaffGesture, OnlyTheTopLeftCornerCounts) {
    StaffGestureRecognizer g;
    const double t = taps(g, 3, {100, 10}, 0.0); // outside the 80 px square
    EXPECT_FALSE(hold(g, {10, 10}, t, t + 2));
    StaffGestureRecognizer h;
    double u = taps(h, 2, {10, 10}, 0.0);
    u = taps(h, 1, {500, 500}, u); // a touch elsewhere starts over
    EXPECT_EQ(h.tapsCounted(), 0);
    EXPECT_FALSE(hold(h, {10, 10}, u, u + 2));
}

TEST(StaffGesture, AHoldThatMovesOrEndsEarlyDoesNotOpen) {
    StaffGestureRecognizer g;
    double t = taps(g, 3, {10, 10}, 0.0);
    g.pointerDown(1, {10, 10}, t);
    g.pointerMove(1, {60, 60}, t + 0.2); // dragged (a scroll), not held
    EXPECT_FALSE(g.update(t + 1.5));
    g.pointerUp(1, {60, 60}, t + 1.6);

    StaffGestureRecognizer h;
    t = taps(h, 3, {10, 10}, 0.0);
    h.pointerDown(1, {10, 10}, t);
    EXPECT_FALSE(h.update(t + 0.7));
    h.pointerUp(1, {10, 10}, t + 0.7); // let go before the second
    EXPECT_EQ(h.tapsCounted(), 0) << "a press of 0.7 s is neither a tap nor the hold";
    EXPECT_FALSE(h.update(t + 2));
}

TEST(StaffGesture, ASecondFingerStartsOver) {
    StaffGestureRecognizer g;
    const double t = taps(g, 3, {10, 10}, 0.0);
    g.pointerDown(1, {10, 10}, t);
    g.pointerDown(2, {40, 40}, t + 0.1);
    EXPECT_FALSE(g.update(t + 1.5));
    g.pointerUp(2, {40, 40}, t + 1.6);
    g.pointerUp(1, {10, 10}, t + 1.7);
}

TEST(StaffGesture, TheCornerSizeIsConfigurable) {
    StaffGestureConfig config;
    config.cornerSize = 160;
    StaffGestureRecognizer g(config);
    const double t = taps(g, 3, {150, 150}, 0.0);
    EXPECT_TRUE(hold(g, {150, 150}, t, t + 1.5));
}
