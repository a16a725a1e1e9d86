// tests: question usage kept across sessions (the draw reading it: kiosk quiz_stats_records)
#include "tests/unit/stats/stats_test_support.h"

using namespace lantai::stats_test;

TEST_F(StatsStoreTest, QuestionUsageAccumulatesAcrossSessions) {
    StatsStore s = openStore();
    ASSERT_TRUE(s.recordQuestionUsage({"q0", "q1"}, 100));
    ASSERT_TRUE(s.recordQuestionUsage({"q1", "q2"}, 200));
    auto usage = s.questionUsage();
    ASSERT_TRUE(usage);
    EXPECT_EQ(usage->at("q0").lastUsed, 100);
    EXPECT_EQ(usage->at("q0").timesUsed, 1);
    EXPECT_EQ(usage->at("q1").lastUsed, 200);
    EXPECT_EQ(usage->at("q1").timesUsed, 2);
}
