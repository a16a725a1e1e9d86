// tests/unit/visit: the reach band for window sizes, orientations and settings
#include "core/visit/reach_band.h"

#include <gtest/gtest.h>

namespace lantai::core {
namespace {

TEST(ReachBand, PortraitLowerIsTheLowerSixtyPercent) {
    const Rect band = reachBand(1080, 1920, true, ReachBandSetting::Lower);
    EXPECT_EQ(band, (Rect{0, 768, 1080, 1152}));
    EXPECT_TRUE(reachBandLeavesTop(true, ReachBandSetting::Lower));
}

TEST(ReachBand, LandscapeLowerIsTheWholeScreen) {
    EXPECT_EQ(reachBand(1920, 1080, false, ReachBandSetting::Lower), (Rect{0, 0, 1920, 1080}));
    EXPECT_FALSE(reachBandLeavesTop(false, ReachBandSetting::Lower));
    // A square window is not portrait.
    EXPECT_EQ(reachBand(1000, 1000, false, ReachBandSetting::Lower), (Rect{0, 0, 1000, 1000}));
}

TEST(ReachBand, FullIsTheWholeScreenInEveryOrientation) {
    EXPECT_EQ(reachBand(1080, 1920, true, ReachBandSetting::Full), (Rect{0, 0, 1080, 1920}));
    EXPECT_EQ(reachBand(1920, 1080, false, ReachBandSetting::Full), (Rect{0, 0, 1920, 1080}));
    EXPECT_FALSE(reachBandLeavesTop(true, ReachBandSetting::Full));
}

TEST(ReachBand, AForcedPortraitLayoutOnALandscapeWindowKeepsTheLowerBand) {
    // display.orientation = "portrait" on a near-square or landscape screen.
    EXPECT_EQ(reachBand(1280, 1024, true, ReachBandSetting::Lower), (Rect{0, 409.6, 1280, 614.4}));
    EXPECT_TRUE(reachBandLeavesTop(true, ReachBandSetting::Lower));
}

TEST(ReachBand, EmptyWindowGivesAnEmptyBand) {
    EXPECT_TRUE(reachBand(0, 1920, true, ReachBandSetting::Lower).empty());
    EXPECT_TRUE(reachBand(1080, 0, false, ReachBandSetting::Lower).empty());
}

TEST(ReachBand, NamesRoundTrip) {
    for (ReachBandSetting s : {ReachBandSetting::Lower, ReachBandSetting::Full}) {
        ReachBandSetting parsed =
            s == ReachBandSetting::Lower ? ReachBandSetting::Full : ReachBandSetting::Lower;
        ASSERT_TRUE(parseReachBand(reachBandName(s), parsed));
        EXPECT_EQ(parsed, s);
    }
    ReachBandSetting untouched = ReachBandSetting::Full;
    EXPECT_FALSE(parseReachBand("upper", untouched));
    EXPECT_EQ(untouched, ReachBandSetting::Full);
}

TEST(ReachBand, InsideChecksEveryEdge) {
    const Rect band{0, 768, 1080, 1152};
    EXPECT_TRUE(insideReachBand({10, 768, 100, 100}, band));
    EXPECT_TRUE(insideReachBand({0, 1820, 1080, 100}, band));
    EXPECT_FALSE(insideReachBand({10, 700, 100, 100}, band));   // starts above the band
    EXPECT_FALSE(insideReachBand({10, 1850, 100, 100}, band));  // runs off the bottom
    EXPECT_FALSE(insideReachBand({1000, 800, 100, 100}, band)); // runs off the right
    EXPECT_FALSE(insideReachBand({-5, 800, 100, 100}, band));
    EXPECT_TRUE(insideReachBand({10, 767.7, 100, 100}, band)); // half a pixel of rounding
}

} // namespace
} // namespace lantai::core
