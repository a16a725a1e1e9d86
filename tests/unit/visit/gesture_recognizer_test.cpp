// tests: gesture recognition (tap, double tap, long press, drag vs swipe, pinch, wheel) and inertia
#include "core/visit/gesture_recognizer.h"
#include "core/visit/zoom_viewport.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace lantai::core;

namespace {

using G = GestureType;
using Types = std::vector<GestureType>;

Types typesOf(const std::vector<Gesture>& gestures) {
    Types out;
    for (const Gesture& g : gestures)
        out.push_back(g.type);
    return out;
}

const Gesture* findFirst(const std::vector<Gesture>& gestures, GestureType type) {
    for (const Gesture& g : gestures) {
        if (g.type == type) return &g;
    }
    return nullptr;
}

// One finger moving in a straight line from `from` by `step` every `dt` seconds, `steps` times,
// starting at time t0 (the down is at t0, the first move at t0 + dt). Returns the end time.
double stroke(GestureRecognizer& r, Vec2 from, Vec2 step, int steps, double t0, double dt,
              bool lift = true, GestureRecognizer::PointerId id = 1) {
    r.pointerDown(id, from, t0);
    double t = t0;
    Vec2 p = from;
    for (int i = 0; i < steps; ++i) {
        t += dt;
        p += step;
        r.pointerMove(id, p, t);
    }
    if (lift) r.pointerUp(id, p, t + 0.001);
    return t;
}

// ---- taps ---------------------------------------------------------------------------------------

TEST(GestureRecognizer, TapIsImmediateSingleTapIsConfirmedAfterTheWindow) {
    GestureRecognizer r;
    r.pointerDown(1, {100, 100}, 0.0);
    EXPECT_TRUE(r.wantsFrames());
    r.pointerUp(1, {105, 100}, 0.1);
    const std::vector<Gesture> up = r.takeGestures();
    ASSERT_EQ(typesOf(up), (Types{G::Tap}));
    EXPECT_EQ(up[0].tapCount, 1);
    EXPECT_EQ(up[0].position, (Vec2{100, 100}));
    EXPECT_TRUE(r.wantsFrames()); // waiting to see whether a second tap follows
    EXPECT_DOUBLE_EQ(r.nextDeadline(), 0.4);

    r.update(0.39);
    EXPECT_TRUE(r.takeGestures().empty());
    r.update(0.4);
    const std::vector<Gesture> later = r.takeGestures();
    ASSERT_EQ(typesOf(later), (Types{G::SingleTap}));
    EXPECT_DOUBLE_EQ(later[0].time, 0.4);
    EXPECT_FALSE(r.wantsFrames());
    EXPECT_TRUE(std::isinf(r.nextDeadline()));
}

TEST(GestureRecognizer, DoubleTap) {
    GestureRecognizer r;
    r.pointerDown(1, {100, 100}, 0.0);
    r.pointerUp(1, {100, 100}, 0.08);
    r.pointerDown(2, {120, 110}, 0.30); // 0.22 s after the first release, 22 px away
    r.pointerUp(2, {120, 110}, 0.36);
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_EQ(typesOf(g), (Types{G::Tap, G::Tap, G::DoubleTap}));
    EXPECT_EQ(g[0].tapCount, 1);
    EXPECT_EQ(g[1].tapCount, 2);
    EXPECT_EQ(g[2].position, (Vec2{100, 100})); // where the first tap was
    r.update(5.0);
    EXPECT_TRUE(r.takeGestures().empty()); // no SingleTap after a double tap
    EXPECT_FALSE(r.wantsFrames());
}

TEST(GestureRecognizer, SecondTapTooLateOrTooFarIsTwoSingleTaps) {
    struct Row {
        double secondDown;
        Vec2 secondAt;
    };
    const Row rows[] = {
        {0.40, {100, 100}}, // 0.30 s after the release: window closed
        {0.20, {200, 100}}, // in time, but 100 px away
    };
    for (const Row& row : rows) {
        GestureRecognizer r;
        r.pointerDown(1, {100, 100}, 0.0);
        r.pointerUp(1, {100, 100}, 0.1);
        r.pointerDown(1, row.secondAt, row.secondDown);
        r.pointerUp(1, row.secondAt, row.secondDown + 0.05);
        r.update(row.secondDown + 1.0);
        const std::vector<Gesture> g = r.takeGestures();
        EXPECT_EQ(typesOf(g), (Types{G::Tap, G::SingleTap, G::Tap, G::SingleTap}))
            << "second down at " << row.secondDown;
        EXPECT_EQ(g[2].tapCount, 1);
    }
}

TEST(GestureRecognizer, SecondPressThatDragsConfirmsTheFirstTap) {
    GestureRecognizer r;
    r.pointerDown(1, {100, 100}, 0.0);
    r.pointerUp(1, {100, 100}, 0.05);
    stroke(r, {100, 100}, {10, 0}, 5, 0.2, 0.016);
    EXPECT_EQ(typesOf(r.takeGestures()), (Types{G::Tap, G::SingleTap, G::DragStart, G::Drag,
                                                G::Drag, G::Drag, G::Drag, G::DragEnd}));
}

// Tap slop: 12 reference px, scaled by pixelScale (a 4K panel doubles it).
TEST(GestureRecognizer, TapSlopTable) {
    struct Row {
        double pixelScale;
        double moveBy;
        bool tap;
    };
    const Row rows[] = {
        {1.0, 0, true},   {1.0, 11.9, true}, {1.0, 12.0, true},  {1.0, 12.5, false},
        {1.0, 40, false}, {2.0, 23.9, true}, {2.0, 24.5, false},
    };
    for (const Row& row : rows) {
        GestureConfig c;
        c.pixelScale = row.pixelScale;
        GestureRecognizer r(c);
        r.pointerDown(1, {500, 500}, 0.0);
        r.pointerMove(1, {500 + row.moveBy, 500}, 0.05);
        r.pointerUp(1, {500 + row.moveBy, 500}, 0.1);
        const std::vector<Gesture> g = r.takeGestures();
        if (row.tap) {
            EXPECT_EQ(typesOf(g), (Types{G::Tap})) << row.pixelScale << " " << row.moveBy;
        } else {
            EXPECT_EQ(typesOf(g), (Types{G::DragStart, G::Drag, G::DragEnd}))
                << row.pixelScale << " " << row.moveBy;
            EXPECT_EQ(g[1].delta, (Vec2{row.moveBy, 0})); // the slop is not swallowed
        }
    }
    EXPECT_DOUBLE_EQ(GestureConfig::forScreenHeight(2160).pixelScale, 2.0);
}

// ---- long press
// -----------------------------------------------------------------------------------

TEST(GestureRecognizer, LongPressFromTheTimer) {
    GestureRecognizer r;
    r.pointerDown(1, {300, 300}, 10.0);
    EXPECT_DOUBLE_EQ(r.nextDeadline(), 10.6);
    r.pointerMove(1, {305, 303}, 10.2); // jitter inside the slop
    r.update(10.59);
    EXPECT_TRUE(r.takeGestures().empty());
    r.update(10.6);
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_EQ(typesOf(g), (Types{G::LongPress}));
    EXPECT_EQ(g[0].position, (Vec2{300, 300}));
    EXPECT_DOUBLE_EQ(g[0].time, 10.6);
    // Neither a tap nor a drag afterwards.
    r.pointerMove(1, {400, 300}, 10.8);
    r.pointerUp(1, {400, 300}, 11.0);
    r.update(12.0);
    EXPECT_TRUE(r.takeGestures().empty());
}

TEST(GestureRecognizer, LongPressNoticedOnReleaseWithoutUpdate) {
    GestureRecognizer r;
    r.pointerDown(1, {300, 300}, 0.0);
    r.pointerUp(1, {300, 300}, 0.7);
    EXPECT_EQ(typesOf(r.takeGestures()), (Types{G::LongPress}));
}

TEST(GestureRecognizer, MovingBeforeTheDeadlineIsADragNotALongPress) {
    GestureRecognizer r;
    r.pointerDown(1, {300, 300}, 0.0);
    r.pointerMove(1, {330, 300}, 0.3);
    r.update(1.0);
    r.pointerUp(1, {330, 300}, 1.1);
    EXPECT_EQ(typesOf(r.takeGestures()), (Types{G::DragStart, G::Drag, G::DragEnd}));
}

// ---- drag vs swipe
// ---------------------------------------------------------------------------------

TEST(GestureRecognizer, SlowDragHasNoSwipe) {
    GestureRecognizer r;
    stroke(r, {100, 100}, {5, 0}, 30, 0.0, 0.01); // 500 px/s for 0.3 s
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_FALSE(g.empty());
    EXPECT_EQ(g.front().type, G::DragStart);
    EXPECT_EQ(g.front().position, (Vec2{100, 100}));
    EXPECT_EQ(g.back().type, G::DragEnd);
    EXPECT_NEAR(g.back().velocity.x, 500.0, 1.0);
    EXPECT_NEAR(g.back().velocity.y, 0.0, 1e-9);
    EXPECT_EQ(findFirst(g, G::Swipe), nullptr);
    // The Drag deltas add up to the whole movement.
    Vec2 sum;
    for (const Gesture& e : g) {
        if (e.type == G::Drag) sum += e.delta;
    }
    EXPECT_NEAR(sum.x, 150.0, 1e-9);
}

TEST(GestureRecognizer, SwipeDirectionsTable) {
    struct Row {
        Vec2 step; // per 10 ms
        SwipeDirection direction;
    };
    const Row rows[] = {
        {{-20, 0}, SwipeDirection::Left},  {{20, 0}, SwipeDirection::Right},
        {{0, -20}, SwipeDirection::Up},    {{0, 20}, SwipeDirection::Down},
        {{20, -8}, SwipeDirection::Right},
    };
    for (const Row& row : rows) {
        GestureRecognizer r;
        stroke(r, {960, 540}, row.step, 10, 0.0, 0.01); // 2000 px/s, 200 px
        const std::vector<Gesture> g = r.takeGestures();
        ASSERT_GE(g.size(), 2u);
        EXPECT_EQ(g[g.size() - 2].type, G::DragEnd);
        EXPECT_EQ(g.back().type, G::Swipe);
        EXPECT_EQ(g.back().direction, row.direction);
        EXPECT_NEAR(g.back().velocity.length(), row.step.length() * 100.0, 1.0);
    }
}

// Swipe speed threshold: 900 reference px/s, scaled by pixelScale.
TEST(GestureRecognizer, SwipeSpeedThresholdTable) {
    struct Row {
        double pixelScale;
        double pxPer10ms;
        bool swipe;
    };
    const Row rows[] = {
        {1.0, 8, false}, {1.0, 9.5, true}, {1.0, 15, true}, {2.0, 15, false}, {2.0, 19, true},
    };
    for (const Row& row : rows) {
        GestureConfig c;
        c.pixelScale = row.pixelScale;
        GestureRecognizer r(c);
        stroke(r, {100, 500}, {row.pxPer10ms, 0}, 20, 0.0, 0.01);
        const std::vector<Gesture> g = r.takeGestures();
        EXPECT_EQ(findFirst(g, G::Swipe) != nullptr, row.swipe)
            << "scale " << row.pixelScale << ", " << row.pxPer10ms * 100 << " px/s";
    }
}

TEST(GestureRecognizer, FastButShortFlickIsNotASwipe) {
    GestureRecognizer r;
    stroke(r, {100, 100}, {20, 0}, 2, 0.0, 0.01); // 2000 px/s but only 40 px
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_NE(findFirst(g, G::DragEnd), nullptr);
    EXPECT_EQ(findFirst(g, G::Swipe), nullptr);
}

TEST(GestureRecognizer, RestingBeforeLiftingKillsTheVelocity) {
    GestureRecognizer r;
    const double t = stroke(r, {100, 100}, {20, 0}, 10, 0.0, 0.01, false);
    r.pointerUp(1, {300, 100}, t + 0.2); // held still for 200 ms, then lifted
    const std::vector<Gesture> g = r.takeGestures();
    const Gesture* end = findFirst(g, G::DragEnd);
    ASSERT_NE(end, nullptr);
    EXPECT_EQ(end->velocity, (Vec2{0, 0}));
    EXPECT_EQ(findFirst(g, G::Swipe), nullptr);
}

// ---- pinch
// ---------------------------------------------------------------------------------------------

TEST(GestureRecognizer, PinchReportsCentreScaleAndPan) {
    GestureRecognizer r;
    r.pointerDown(1, {100, 100}, 0.0);
    r.pointerDown(2, {300, 100}, 0.02);
    r.pointerMove(2, {500, 100}, 0.04); // distance 200 -> 400
    r.pointerMove(1, {100, 140}, 0.06); // centre moves down 20
    r.pointerUp(2, {500, 100}, 0.1);
    r.pointerMove(1, {105, 140}, 0.12); // the remaining finger rests within the slop
    r.pointerUp(1, {105, 140}, 0.2);
    r.update(2.0);
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_EQ(typesOf(g), (Types{G::PinchStart, G::Pinch, G::Pinch, G::PinchEnd}));
    EXPECT_EQ(g[0].position, (Vec2{200, 100}));
    EXPECT_EQ(g[1].position, (Vec2{300, 100}));
    EXPECT_EQ(g[1].delta, (Vec2{100, 0}));
    EXPECT_DOUBLE_EQ(g[1].scale, 2.0);
    EXPECT_EQ(g[2].delta, (Vec2{0, 20}));
    EXPECT_DOUBLE_EQ(g[2].scale, std::hypot(400.0, 40.0) / 400.0);
    EXPECT_FALSE(r.wantsFrames());
}

TEST(GestureRecognizer, PinchScalesMultiplyToTheDistanceRatio) {
    GestureRecognizer r;
    r.pointerDown(1, {500, 500}, 0.0);
    r.pointerDown(2, {600, 500}, 0.0);
    for (int i = 1; i <= 20; ++i) {
        r.pointerMove(1, {500.0 - 10 * i, 500.0 - 3 * i}, 0.01 * i);
        r.pointerMove(2, {600.0 + 15 * i, 500.0 + 2 * i}, 0.01 * i + 0.005);
    }
    double product = 1.0;
    for (const Gesture& e : r.takeGestures()) {
        if (e.type == G::Pinch) product *= e.scale;
    }
    EXPECT_NEAR(product, std::hypot(600.0 + 300 - (500.0 - 200), 40.0 + 60.0) / 100.0, 1e-9);
}

TEST(GestureRecognizer, SecondFingerEndsADragWithoutSwipe) {
    GestureRecognizer r;
    stroke(r, {100, 100}, {30, 0}, 5, 0.0, 0.01, false); // fast drag, finger stays down
    r.pointerDown(2, {400, 400}, 0.06);
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_GE(g.size(), 2u);
    EXPECT_EQ(g[g.size() - 2].type, G::DragEnd);
    EXPECT_EQ(g[g.size() - 2].velocity, (Vec2{0, 0}));
    EXPECT_EQ(g.back().type, G::PinchStart);
    EXPECT_EQ(findFirst(g, G::Swipe), nullptr);
}

TEST(GestureRecognizer, FingerLeftAfterAPinchCanDragButNotSwipeOrTap) {
    GestureRecognizer r;
    r.pointerDown(1, {100, 100}, 0.0);
    r.pointerDown(2, {300, 100}, 0.0);
    r.pointerUp(2, {300, 100}, 0.1);
    r.takeGestures();
    double t = 0.1;
    Vec2 p{100, 100};
    for (int i = 0; i < 10; ++i) { // fast enough to be a swipe on its own
        t += 0.01;
        p += Vec2{25, 0};
        r.pointerMove(1, p, t);
    }
    r.pointerUp(1, p, t);
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_FALSE(g.empty());
    EXPECT_EQ(g.front().type, G::DragStart);
    EXPECT_EQ(g.front().position, (Vec2{100, 100}));
    EXPECT_EQ(g.back().type, G::DragEnd);
    EXPECT_GT(g.back().velocity.x, 1000.0); // still useful for inertia
    EXPECT_EQ(findFirst(g, G::Swipe), nullptr);
    EXPECT_EQ(findFirst(g, G::Tap), nullptr);
}

TEST(GestureRecognizer, ThirdFingerIsIgnoredAndPinchContinuesWithTheOtherTwo) {
    GestureRecognizer r;
    r.pointerDown(1, {100, 100}, 0.0);
    r.pointerDown(2, {300, 100}, 0.0);
    r.pointerDown(3, {500, 500}, 0.0);
    r.pointerMove(3, {600, 600}, 0.01); // not part of the pinch
    r.pointerUp(1, {100, 100}, 0.02);   // pinch pair broken: the next two take over
    EXPECT_EQ(typesOf(r.takeGestures()), (Types{G::PinchStart, G::PinchEnd, G::PinchStart}));
    EXPECT_EQ(r.pointerCount(), 2);
}

TEST(GestureRecognizer, PinchDrivesTheViewportAboutTheFingers) {
    GestureRecognizer r;
    ZoomViewport v;
    v.setViewRect({0, 0, 1920, 1080});
    v.setImageSize(3000, 2000);
    v.setZoomAbout(1.0, {960, 540});
    const Vec2 a0{800, 500}, b0{1000, 500};
    const Vec2 under = v.viewToImage((a0 + b0) * 0.5);
    r.pointerDown(1, a0, 0.0);
    r.pointerDown(2, b0, 0.0);
    Vec2 a = a0, b = b0;
    for (int i = 1; i <= 10; ++i) {
        a += Vec2{-6, 2};
        b += Vec2{10, 4};
        r.pointerMove(1, a, 0.01 * i);
        r.pointerMove(2, b, 0.01 * i + 0.005);
    }
    for (const Gesture& e : r.takeGestures()) {
        if (e.type == G::Pinch) v.pinch(e.position, e.scale, e.delta);
    }
    EXPECT_NEAR(v.zoom(), (b - a).length() / (b0 - a0).length(), 1e-9);
    const Vec2 onScreen = v.imageToView(under);
    EXPECT_NEAR(onScreen.x, ((a + b) * 0.5).x, 1e-6);
    EXPECT_NEAR(onScreen.y, ((a + b) * 0.5).y, 1e-6);
}

// ---- wheel, hover, cancel
// --------------------------------------------------------------------------------

TEST(GestureRecognizer, WheelZoom) {
    GestureRecognizer r;
    r.wheel({10, 20}, 1.0, 0.0);
    r.wheel({10, 20}, -2.0, 0.1);
    const std::vector<Gesture> g = r.takeGestures();
    ASSERT_EQ(typesOf(g), (Types{G::WheelZoom, G::WheelZoom}));
    EXPECT_EQ(g[0].position, (Vec2{10, 20}));
    EXPECT_DOUBLE_EQ(g[0].scale, 1.2);
    EXPECT_DOUBLE_EQ(g[1].scale, 1.0 / 1.44);
    EXPECT_FALSE(r.wantsFrames());
}

TEST(GestureRecognizer, MouseHoverIsIgnored) {
    GestureRecognizer r;
    r.pointerMove(0, {10, 10}, 0.0);
    r.pointerMove(0, {500, 10}, 0.1);
    r.pointerUp(0, {500, 10}, 0.2);
    EXPECT_TRUE(r.takeGestures().empty());
    EXPECT_FALSE(r.wantsFrames());
}

TEST(GestureRecognizer, CancelEndsADragAndForgetsEverything) {
    GestureRecognizer r;
    stroke(r, {100, 100}, {30, 0}, 5, 0.0, 0.01, false);
    r.cancelAll(0.06);
    const std::vector<Gesture> g = r.takeGestures();
    EXPECT_EQ(g.back().type, G::DragEnd);
    EXPECT_EQ(g.back().velocity, (Vec2{0, 0}));
    EXPECT_FALSE(r.wantsFrames());
    r.pointerMove(1, {500, 100}, 0.07);
    r.pointerUp(1, {500, 100}, 0.08);
    EXPECT_TRUE(r.takeGestures().empty());
}

// ---- velocity and inertia
// --------------------------------------------------------------------------------

TEST(VelocityTracker, UsesOnlyTheRecentWindow) {
    VelocityTracker v(0.1, 0.04);
    for (int i = 0; i <= 20; ++i)
        v.add(0.01 * i, {i < 10 ? 1.0 * i : 9.0 + 5.0 * (i - 9), 0});
    // The last 100 ms moved 5 px per 10 ms.
    EXPECT_NEAR(v.velocity(0.2).x, 500.0, 1e-6);
    EXPECT_EQ(v.velocity(0.3), (Vec2{0, 0})); // nothing new for 100 ms: resting
    v.reset();
    EXPECT_EQ(v.velocity(0.3), (Vec2{0, 0}));
}

TEST(InertiaScroller, DecaysExponentiallyAndStops) {
    InertiaScroller s; // decay 3/s, stop below 20 px/s
    s.fling({1000, 0});
    EXPECT_TRUE(s.isMoving());
    const Vec2 first = s.update(0.1);
    EXPECT_NEAR(first.x, 1000.0 * (1.0 - std::exp(-0.3)) / 3.0, 1e-9);
    EXPECT_NEAR(s.velocity().x, 1000.0 * std::exp(-0.3), 1e-9);
    double travelled = first.x;
    int frames = 0;
    while (s.isMoving() && frames < 10000) {
        travelled += s.update(1.0 / 60.0).x;
        ++frames;
    }
    EXPECT_FALSE(s.isMoving());
    // Stops once below 20 px/s: ln(1000/20)/3 = 1.30 s in all.
    EXPECT_NEAR(0.1 + frames / 60.0, std::log(50.0) / 3.0, 1.0 / 60.0 + 1e-9);
    // Travel = (v0 - v_stop) / rate.
    EXPECT_NEAR(travelled, (1000.0 - 20.0) / 3.0, 0.5);
    EXPECT_EQ(s.update(1.0 / 60.0), (Vec2{0, 0}));
}

TEST(InertiaScroller, ReleaseUsesTrackedVelocity) {
    InertiaScroller s;
    s.grab(0.0, {0, 0});
    for (int i = 1; i <= 10; ++i)
        s.track(0.01 * i, {0, -8.0 * i});
    s.release(0.1);
    EXPECT_TRUE(s.isMoving());
    EXPECT_NEAR(s.velocity().y, -800.0, 1e-6);
    s.grab(0.2, {0, 0}); // a new touch stops it
    EXPECT_FALSE(s.isMoving());
    s.release(0.25); // lifted without moving
    EXPECT_FALSE(s.isMoving());
}

TEST(InertiaScroller, CapsSpeedAndStopsPerAxis) {
    InertiaScroller s;
    s.fling({30000, 40000});
    EXPECT_NEAR(s.velocity().length(), 8000.0, 1e-9);
    s.stopAxis(true, false);
    EXPECT_TRUE(s.isMoving());
    EXPECT_EQ(s.velocity().x, 0.0);
    s.stopAxis(false, true);
    EXPECT_FALSE(s.isMoving());
    s.fling({10, 0}); // too slow to start
    EXPECT_FALSE(s.isMoving());
}

} // namespace
