// tests: deep-zoom viewport — zoom bounds, focal zoom, pinch, pan bounds, animation, IIIF tiles
#include "core/visit/zoom_viewport.h"
#include "tests/unit/iiif/tile_paths.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <set>
#include <string>
#include <vector>

using namespace lantai::core;
using lantai::core::test::Paths;
using lantai::core::test::pathsOf;

namespace {

ZoomViewport viewer(int imageW, int imageH, Rect view) {
    ZoomViewport v;
    v.setViewRect(view);
    v.setImageSize(imageW, imageH);
    return v;
}

void expectNear(Vec2 actual, Vec2 expected, double tol = 1e-6) {
    EXPECT_NEAR(actual.x, expected.x, tol);
    EXPECT_NEAR(actual.y, expected.y, tol);
}

void expectNear(const Rect& actual, const Rect& expected, double tol = 1e-6) {
    EXPECT_NEAR(actual.x, expected.x, tol);
    EXPECT_NEAR(actual.y, expected.y, tol);
    EXPECT_NEAR(actual.w, expected.w, tol);
    EXPECT_NEAR(actual.h, expected.h, tol);
}

// ---- visible tiles: exact IIIF paths for a 3000 x 2000 image ----------------------------------

TEST(ZoomViewport, VisibleTilesAtFitInASquareView) {
    const ZoomViewport v = viewer(3000, 2000, {0, 0, 1000, 1000});
    EXPECT_DOUBLE_EQ(v.zoom(), 1.0 / 3.0);
    const VisibleTiles vt = v.visibleTiles(512, {1, 2, 4, 8});
    EXPECT_EQ(vt.scaleFactor, 2);
    // Nearest the view centre (image point 1500,1000) first.
    EXPECT_EQ(pathsOf(vt.tiles), (Paths{
                                     "1024,0,1024,1024/512,512/0/default.jpg",
                                     "1024,1024,1024,976/512,488/0/default.jpg",
                                     "0,0,1024,1024/512,512/0/default.jpg",
                                     "0,1024,1024,976/512,488/0/default.jpg",
                                     "2048,0,952,1024/476,512/0/default.jpg",
                                     "2048,1024,952,976/476,488/0/default.jpg",
                                 }));
}

TEST(ZoomViewport, VisibleTilesInSmallViews) {
    const ZoomViewport v500 = viewer(3000, 2000, {0, 0, 500, 500});
    const VisibleTiles a = v500.visibleTiles(TilePyramid::standard(3000, 2000));
    EXPECT_EQ(a.scaleFactor, 4);
    EXPECT_EQ(pathsOf(a.tiles), (Paths{"0,0,2048,2000/512,500/0/default.jpg",
                                       "2048,0,952,2000/238,500/0/default.jpg"}));

    const ZoomViewport v300 = viewer(3000, 2000, {0, 0, 300, 300});
    const VisibleTiles b = v300.visibleTiles(TilePyramid::standard(3000, 2000));
    EXPECT_EQ(b.scaleFactor, 8);
    EXPECT_EQ(pathsOf(b.tiles), (Paths{"0,0,3000,2000/375,250/0/default.jpg"}));
}

TEST(ZoomViewport, VisibleTilesAtMaxZoomInTheCentre) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1000, 1000});
    v.zoomAbout(100.0, {500, 500});
    EXPECT_DOUBLE_EQ(v.zoom(), 2.0);
    expectNear(v.center(), {1500, 1000});
    EXPECT_EQ(v.visibleImageRegion(), (Rect{1250, 750, 500, 500}));
    const VisibleTiles vt = v.visibleTiles(TilePyramid::standard(3000, 2000));
    EXPECT_EQ(vt.scaleFactor, 1);
    EXPECT_EQ(pathsOf(vt.tiles), (Paths{"1024,512,512,512/512,512/0/default.jpg",
                                        "1024,1024,512,512/512,512/0/default.jpg",
                                        "1536,512,512,512/512,512/0/default.jpg",
                                        "1536,1024,512,512/512,512/0/default.jpg"}));
    // A 600 px prefetch margin (300 image px at zoom 2) reaches one more tile on every side.
    EXPECT_EQ(v.visibleTiles(TilePyramid::standard(3000, 2000), 600).tiles.size(), 16u);
}

TEST(ZoomViewport, VisibleTilesAtNativeZoomInTheBottomRightCorner) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1000, 1000});
    v.setZoomAbout(1.0, {500, 500});
    v.panBy({-5000, -5000}); // as far as it goes
    EXPECT_EQ(v.visibleImageRegion(), (Rect{2000, 1000, 1000, 1000}));
    const VisibleTiles vt = v.visibleTiles(TilePyramid::standard(3000, 2000));
    EXPECT_EQ(vt.scaleFactor, 1);
    std::set<std::string> paths;
    for (const TileRef& t : vt.tiles)
        paths.insert(t.path);
    EXPECT_EQ(paths, (std::set<std::string>{
                         "1536,512,512,512/512,512/0/default.jpg",
                         "2048,512,512,512/512,512/0/default.jpg",
                         "2560,512,440,512/440,512/0/default.jpg",
                         "1536,1024,512,512/512,512/0/default.jpg",
                         "2048,1024,512,512/512,512/0/default.jpg",
                         "2560,1024,440,512/440,512/0/default.jpg",
                         "1536,1536,512,464/512,464/0/default.jpg",
                         "2048,1536,512,464/512,464/0/default.jpg",
                         "2560,1536,440,464/440,464/0/default.jpg",
                     }));
    EXPECT_EQ(vt.tiles.front().path, "2048,1024,512,512/512,512/0/default.jpg"); // at the centre
}

// ---- zoom bounds, pan bounds ------------------------------------------------------------------

TEST(ZoomViewport, ZoomBounds) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    EXPECT_DOUBLE_EQ(v.fitZoom(), 0.54);
    EXPECT_DOUBLE_EQ(v.zoom(), 0.54);
    EXPECT_DOUBLE_EQ(v.maxZoom(), 2.0);
    EXPECT_TRUE(v.atFit());
    EXPECT_DOUBLE_EQ(v.zoomLevelFraction(), 0.0);
    v.zoomAbout(1000.0, {960, 540});
    EXPECT_DOUBLE_EQ(v.zoom(), 2.0);
    EXPECT_DOUBLE_EQ(v.zoomLevelFraction(), 1.0);
    v.zoomAbout(1e-6, {960, 540});
    EXPECT_DOUBLE_EQ(v.zoom(), 0.54);
    v.setZoomAbout(std::sqrt(0.54 * 2.0), {960, 540}); // halfway on a log scale
    EXPECT_NEAR(v.zoomLevelFraction(), 0.5, 1e-12);
    v.zoomAbout(0.0, {0, 0}); // nonsense factors fall back to fit
    EXPECT_DOUBLE_EQ(v.zoom(), 0.54);

    // A small image is shown enlarged to fit, and cannot be zoomed further.
    ZoomViewport small = viewer(300, 200, {0, 0, 1920, 1080});
    EXPECT_DOUBLE_EQ(small.zoom(), 5.4);
    EXPECT_DOUBLE_EQ(small.maxZoom(), 5.4);
    small.zoomAbout(2.0, {100, 100});
    EXPECT_DOUBLE_EQ(small.zoom(), 5.4);
    EXPECT_DOUBLE_EQ(small.zoomLevelFraction(), 0.0);
}

TEST(ZoomViewport, SmallerThanTheViewIsCentred) {
    ZoomViewport v = viewer(3000, 2000, {100, 50, 1920, 1080});
    expectNear(v.imageRectInView(), Rect{100 + 150, 50, 1620, 1080});
    expectNear(v.panBy({300, 200}), {0, 0});
    expectNear(v.imageRectInView(), Rect{100 + 150, 50, 1620, 1080});
    expectNear(v.visibleImageRegion(), Rect{0, 0, 3000, 2000});
}

TEST(ZoomViewport, LargerThanTheViewCannotLeaveIt) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.setZoomAbout(1.0, {960, 540});
    expectNear(v.center(), {1500, 1000});
    // Drag far right/down: stops with the image's top-left corner at the view's.
    expectNear(v.panBy({5000, 5000}), {540, 460});
    expectNear(v.imageToView({0, 0}), {0, 0});
    // Drag far left/up: bottom-right corner at the view's.
    v.panBy({-10000, -10000});
    expectNear(v.imageToView({3000, 2000}), {1920, 1080});
    // Free movement in between.
    expectNear(v.panBy({100, 50}), {100, 50});
}

TEST(ZoomViewport, ZoomOutNearAnEdgeStaysInBounds) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.setZoomAbout(2.0, {0, 0}); // top-left corner stays put
    expectNear(v.imageToView({0, 0}), {0, 0});
    v.zoomAbout(0.6, {1900, 1000}); // zoom out about the far corner
    const Rect shown = v.imageRectInView();
    EXPECT_LE(shown.x, 1e-9);
    EXPECT_LE(shown.y, 1e-9);
    EXPECT_GE(shown.right(), 1920 - 1e-9);
    EXPECT_GE(shown.bottom(), 1080 - 1e-9);
}

// ---- focal zoom and pinch ----------------------------------------------------------------------

TEST(ZoomViewport, ZoomAboutKeepsTheFocalPoint) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.setZoomAbout(1.0, {960, 540});
    const Vec2 focal{700, 300};
    const Vec2 under = v.viewToImage(focal);
    v.zoomAbout(1.7, focal);
    EXPECT_DOUBLE_EQ(v.zoom(), 1.7);
    expectNear(v.imageToView(under), focal);
    expectNear(v.viewToImage(focal), under);
}

TEST(ZoomViewport, PinchKeepsTheImagePointUnderTheFingers) {
    struct Row {
        Vec2 before, after; // the fingers' midpoint
        double scale;
    };
    const Row rows[] = {
        {{960, 540}, {960, 540}, 1.5},  {{800, 400}, {820, 430}, 1.25},
        {{1000, 600}, {900, 500}, 0.9}, {{960, 540}, {1100, 540}, 1.0},
        {{600, 700}, {650, 650}, 1.1},
    };
    for (const Row& r : rows) {
        ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
        v.setZoomAbout(1.0, {960, 540}); // room to move on both axes
        const Vec2 under = v.viewToImage(r.before);
        v.pinch(r.after, r.scale, r.after - r.before);
        EXPECT_NEAR(v.zoom(), r.scale, 1e-12);
        expectNear(v.imageToView(under), r.after);
    }
}

TEST(ZoomViewport, PinchSequenceFollowsTheFingers) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.setZoomAbout(1.0, {960, 540});
    Vec2 mid{900, 500};
    const Vec2 under = v.viewToImage(mid);
    for (int i = 0; i < 10; ++i) {
        const Vec2 next = mid + Vec2{4, -3};
        v.pinch(next, 1.03, next - mid);
        mid = next;
    }
    EXPECT_NEAR(v.zoom(), std::pow(1.03, 10), 1e-12);
    expectNear(v.imageToView(under), mid);
}

// ---- animation ------------------------------------------------------------------------------

TEST(ZoomViewport, AnimatedZoomSettlesOnTheTarget) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.setZoomAbout(1.0, {960, 540});
    const Vec2 focal{800, 450};
    const Vec2 under = v.viewToImage(focal);
    v.animateZoomTo(1.8, focal);
    EXPECT_TRUE(v.isAnimating());
    EXPECT_DOUBLE_EQ(v.targetZoom(), 1.8);
    double previous = v.zoom();
    int frames = 0;
    while (v.update(1.0 / 60.0) && frames < 600) {
        EXPECT_GT(v.zoom(), previous); // monotonic
        EXPECT_LT(v.zoom(), 1.8);
        expectNear(v.imageToView(under), focal, 1e-6);
        previous = v.zoom();
        ++frames;
    }
    EXPECT_FALSE(v.isAnimating());
    EXPECT_DOUBLE_EQ(v.zoom(), 1.8);
    EXPECT_LT(frames, 60); // well under a second at the default rate
    expectNear(v.imageToView(under), focal, 1e-6);
    EXPECT_FALSE(v.update(1.0 / 60.0));
}

TEST(ZoomViewport, WheelNotchesAccumulateOnTheTarget) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.setZoomAbout(1.0, {960, 540});
    v.animateZoomBy(1.2, {960, 540});
    v.update(1.0 / 60.0);
    v.animateZoomBy(1.2, {960, 540});
    EXPECT_NEAR(v.targetZoom(), 1.44, 1e-12);
    v.animateZoomBy(10.0, {960, 540});
    EXPECT_DOUBLE_EQ(v.targetZoom(), 2.0); // clamped
    v.panBy({1, 1});                       // touching stops the animation
    EXPECT_FALSE(v.isAnimating());
    // A wheel notch past the limit settles at once.
    v.setZoomAbout(2.0, {960, 540});
    v.animateZoomBy(1.2, {960, 540});
    EXPECT_FALSE(v.isAnimating());
}

TEST(ZoomViewport, DoubleTapZoomsInThenBackToFit) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.animateDoubleTap({1000, 500});
    EXPECT_DOUBLE_EQ(v.targetZoom(), 0.54 * 3.0);
    while (v.update(0.05)) {
    }
    EXPECT_DOUBLE_EQ(v.zoom(), 1.62);
    v.animateDoubleTap({1000, 500});
    EXPECT_DOUBLE_EQ(v.targetZoom(), 0.54);
    while (v.update(0.05)) {
    }
    EXPECT_TRUE(v.atFit());
    expectNear(v.imageRectInView(), Rect{150, 0, 1620, 1080});
}

TEST(ZoomViewport, ResizingKeepsFitOrZoom) {
    ZoomViewport v = viewer(3000, 2000, {0, 0, 1920, 1080});
    v.setViewRect({0, 0, 1000, 1000});
    EXPECT_TRUE(v.atFit());
    EXPECT_DOUBLE_EQ(v.zoom(), 1.0 / 3.0);
    v.setZoomAbout(1.5, {500, 500});
    v.setViewRect({0, 0, 1200, 800});
    EXPECT_DOUBLE_EQ(v.zoom(), 1.5);
    expectNear(v.center(), {1500, 1000});
    // The same rect every frame does not disturb an animation.
    v.animateToFit();
    v.setViewRect({0, 0, 1200, 800});
    EXPECT_TRUE(v.isAnimating());
}

TEST(ZoomViewport, EmptyImageOrViewIsHarmless) {
    ZoomViewport v;
    EXPECT_DOUBLE_EQ(v.zoom(), 1.0);
    EXPECT_TRUE(v.visibleTiles(512, {1}).tiles.empty());
    v.setImageSize(3000, 2000);
    EXPECT_TRUE(v.visibleImageRegion().empty());
    EXPECT_TRUE(v.visibleTiles(512, {1, 2}).tiles.empty());
    v.setViewRect({0, 0, 1000, 1000});
    EXPECT_DOUBLE_EQ(v.zoom(), 1.0 / 3.0); // at fit once the view exists
}

} // namespace
