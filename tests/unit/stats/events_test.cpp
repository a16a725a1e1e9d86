// tests: interaction events by kind and time
#include "tests/unit/stats/stats_test_support.h"

using namespace lantai::stats_test;

TEST_F(StatsStoreTest, EventsByKindAndTime) {
    StatsStore s = openStore();
    ASSERT_TRUE(s.recordEvent({kNoon, "item_view", "demo", "letter-01", std::nullopt}));
    ASSERT_TRUE(s.recordEvent({kNoon + 1, "item_view", "demo", "letter-02", std::nullopt}));
    ASSERT_TRUE(s.recordEvent({kNoon + 2, "video_play", "demo", "intro", 42.5}));
    ASSERT_TRUE(s.recordEvent({kDay - 5, "item_view", "demo", "letter-01", std::nullopt}));
    EXPECT_EQ(s.countEvents("item_view", today().range), 2);
    EXPECT_EQ(s.countEvents("video_play", today().range), 1);
    EXPECT_EQ(s.countEvents("screen", today().range), 0);
}
