// tests: the staff's manual tallies — one per day, fields given replace, fields left out are
// kept; read by date range
#include "tests/unit/stats/stats_test_support.h"

using namespace lantai::stats_test;

TEST_F(StatsStoreTest, TalliesKeepWhatALaterTallyOfTheDayLeavesOut) {
    StatsStore s = openStore();
    ManualTally visitors;
    visitors.date = "2024-06-09";
    visitors.visitors = 5000;
    visitors.recordedAt = kNoon;
    auto first = s.recordTally(visitors);
    ASSERT_TRUE(first) << errorOf(first);
    EXPECT_FALSE(first->replaced);
    EXPECT_EQ(first->stored.visitors, 5000);
    EXPECT_FALSE(first->stored.leaflets.has_value()) << "not counted is not zero";

    ManualTally leaflets;
    leaflets.date = "2024-06-09";
    leaflets.leaflets = 40000;
    leaflets.note = "晴，两所学校来访";
    leaflets.recordedAt = kNoon + 60;
    auto second = s.recordTally(leaflets);
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->replaced);
    EXPECT_EQ(second->stored.visitors, 5000);
    EXPECT_EQ(second->stored.leaflets, 40000);
    EXPECT_EQ(second->stored.note, "晴，两所学校来访");

    ManualTally correction;
    correction.date = "2024-06-09";
    correction.visitors = 4800;
    correction.recordedAt = kNoon + 120;
    ASSERT_TRUE(s.recordTally(correction));
    ManualTally nextDay;
    nextDay.date = "2024-06-10";
    nextDay.visitors = 120;
    ASSERT_TRUE(s.recordTally(nextDay));

    auto all = tallies(s.connection(), "", "");
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].visitors, 4800);
    EXPECT_EQ((*all)[0].leaflets, 40000);
    EXPECT_EQ((*all)[0].note, "晴，两所学校来访");
    EXPECT_EQ((*all)[0].recordedAt, kNoon + 120);
    EXPECT_EQ(tallies(s.connection(), "2024-06-10", "")->size(), 1u);
    EXPECT_EQ(tallies(s.connection(), "", "2024-06-09")->size(), 1u);
    EXPECT_EQ(tallies(s.connection(), "2024-06-11", "2024-06-30")->size(), 0u);
}
