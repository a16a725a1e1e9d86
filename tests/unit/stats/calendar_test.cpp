// tests: calendar maths of the stats store — local days, dates, local times
#include "tests/unit/stats/stats_test_support.h"

using namespace lantai::stats_test;

TEST(StatsTime, LocalDaysAndDates) {
    const TimeRange r = localDayRange(kNoon, kChina);
    EXPECT_EQ(r.begin, kDay);
    EXPECT_EQ(r.end, kDay + 86400);
    EXPECT_EQ(localDayRange(kDay - 1, kChina).begin, kDay - 86400);
    EXPECT_EQ(localDayRange(kDay, kChina).begin, kDay);
    EXPECT_EQ(localDayRange(-1, 0).begin, -86400); // before 1970 floors correctly
    EXPECT_EQ(parseLocalDate("2024-06-09", kChina), kDay);
    EXPECT_EQ(parseLocalDate("2024-02-29", 0), 1709164800);
    EXPECT_FALSE(parseLocalDate("2023-02-29", 0));
    EXPECT_FALSE(parseLocalDate("2024-13-01", 0));
    EXPECT_FALSE(parseLocalDate("2024-6-9", 0));
    EXPECT_FALSE(parseLocalDate("2024-06-0x", 0));
    EXPECT_EQ(formatLocalTime(kNoon + 61, kChina), "2024-06-09 12:01:01");
    EXPECT_EQ(formatLocalTime(kDay, 0), "2024-06-08 16:00:00");
}
