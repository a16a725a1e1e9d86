// tests: display rotation — logical size and the physical <-> logical mapping of mouse pixels and
// normalised finger positions, for 0, 90, 180 and 270 degrees
#include "core/base/display_rotation.h"

#include <gtest/gtest.h>

using namespace lantai::core;

namespace {

// A 1920x1080 panel. Each case names where three physical corners land in the logical layout,
// written out by hand from the picture (not from the code): at 90 the logical top edge runs down
// the physical right edge, at 270 up the left edge.
struct Case {
    int degrees;
    double logicalWidth, logicalHeight;
    Vec2 topLeft, topRight, bottomLeft; // physical corners -> logical points
};

const Case kCases[] = {
    {0, 1920, 1080, {0, 0}, {1920, 0}, {0, 1080}},
    {90, 1080, 1920, {0, 1920}, {0, 0}, {1080, 1920}},
    {180, 1920, 1080, {1920, 1080}, {0, 1080}, {1920, 0}},
    {270, 1080, 1920, {1080, 0}, {1080, 1920}, {0, 0}},
};

} // namespace

TEST(DisplayRotation, LogicalSizeSwapsSidesAtQuarterTurns) {
    for (const Case& c : kCases) {
        SCOPED_TRACE(c.degrees);
        const DisplayRotation r(c.degrees, 1920, 1080);
        EXPECT_EQ(r.degrees(), c.degrees);
        EXPECT_EQ(r.logicalWidth(), c.logicalWidth);
        EXPECT_EQ(r.logicalHeight(), c.logicalHeight);
        EXPECT_EQ(r.physicalWidth(), 1920);
        EXPECT_EQ(r.physicalHeight(), 1080);
    }
}

TEST(DisplayRotation, MousePixelsMapToTheLogicalLayout) {
    for (const Case& c : kCases) {
        SCOPED_TRACE(c.degrees);
        const DisplayRotation r(c.degrees, 1920, 1080);
        EXPECT_EQ(r.toLogical({0, 0}), c.topLeft);
        EXPECT_EQ(r.toLogical({1920, 0}), c.topRight);
        EXPECT_EQ(r.toLogical({0, 1080}), c.bottomLeft);
        // The centre stays the centre.
        EXPECT_EQ(r.toLogical({960, 540}), (Vec2{c.logicalWidth / 2, c.logicalHeight / 2}));
    }
    // An off-centre point at 90: 100 px from the physical right edge, 300 px down the panel is
    // 300 px from the logical left edge and 100 px down the layout.
    EXPECT_EQ(DisplayRotation(90, 1920, 1080).toLogical({1820, 300}), (Vec2{300, 100}));
    EXPECT_EQ(DisplayRotation(270, 1920, 1080).toLogical({100, 1080 - 300}), (Vec2{300, 100}));
    EXPECT_EQ(DisplayRotation(180, 1920, 1080).toLogical({1920 - 300, 1080 - 100}),
              (Vec2{300, 100}));
}

TEST(DisplayRotation, FingerPositionsAreFractionsOfThePhysicalWindow) {
    for (const Case& c : kCases) {
        SCOPED_TRACE(c.degrees);
        const DisplayRotation r(c.degrees, 1920, 1080);
        EXPECT_EQ(r.normalizedToLogical({0, 0}), c.topLeft);
        EXPECT_EQ(r.normalizedToLogical({1, 0}), c.topRight);
        EXPECT_EQ(r.normalizedToLogical({0, 1}), c.bottomLeft);
        // A finger and the mouse at the same physical spot land on the same logical point.
        EXPECT_EQ(r.normalizedToLogical({0.25, 0.75}), r.toLogical({480, 810}));
    }
    EXPECT_EQ(DisplayRotation(90, 1920, 1080).normalizedToLogical({0.9, 0.5}), (Vec2{540, 192}));
}

TEST(DisplayRotation, ToPhysicalIsTheInverse) {
    for (const Case& c : kCases) {
        SCOPED_TRACE(c.degrees);
        const DisplayRotation r(c.degrees, 1920, 1080);
        EXPECT_EQ(r.toPhysical(c.topLeft), (Vec2{0, 0}));
        EXPECT_EQ(r.toPhysical(c.topRight), (Vec2{1920, 0}));
        for (const Vec2 p : {Vec2{12.5, 700}, Vec2{1919, 1}, Vec2{333, 1079}})
            EXPECT_EQ(r.toPhysical(r.toLogical(p)), p);
    }
}

TEST(DisplayRotation, OnlyQuarterTurnsAreRotations) {
    EXPECT_TRUE(isDisplayRotation(0));
    EXPECT_TRUE(isDisplayRotation(270));
    EXPECT_FALSE(isDisplayRotation(45));
    EXPECT_FALSE(isDisplayRotation(-90));
    EXPECT_FALSE(isDisplayRotation(360));
    // Anything else is no rotation.
    const DisplayRotation odd(45, 800, 600);
    EXPECT_EQ(odd.degrees(), 0);
    EXPECT_EQ(odd.toLogical({10, 20}), (Vec2{10, 20}));
}
