// tests: the database kept bounded (retention by date, the oldest events past a size) and the
// v1 -> v2 migration that gave events their booth, pack version, visit and detail
#include "tests/unit/stats/stats_test_support.h"

using namespace lantai::stats_test;

namespace {

StatsEvent event(std::int64_t t, std::string subject) {
    StatsEvent e;
    e.timestamp = t;
    e.kind = "screen";
    e.packId = "demo";
    e.subjectId = std::move(subject);
    return e;
}

std::string subjects(StatsStore& s) {
    SqliteStatement q(s.connection(), "SELECT coalesce(group_concat(subject_id), '') FROM events");
    return q.step() == SQLITE_ROW ? q.text(0) : "?";
}

} // namespace

TEST_F(StatsStoreTest, RetentionLooksAtTheOldestRecordsOnly) {
    StatsStore s = openStore();
    const std::vector<StatsEvent> events = {event(kNoon - 900, "a"), event(kNoon - 800, "b"),
                                            event(kNoon - 700, "c"), event(kNoon, "d")};
    ASSERT_TRUE(s.recordEvents(events));
    auto deleted = s.deleteRecordsBefore(kNoon - 750, 2); // the 2 oldest are both expired
    ASSERT_TRUE(deleted) << errorOf(deleted);
    EXPECT_EQ(*deleted, 2);
    EXPECT_EQ(subjects(s), "c,d");
    EXPECT_EQ(s.deleteRecordsBefore(kNoon - 750, 2), 0);
    EXPECT_EQ(s.deleteRecordsBefore(kNoon + 1, 10), 2);
    EXPECT_EQ(subjects(s), "");
}

TEST_F(StatsStoreTest, UsedBytesFallWhenTheOldestEventsGo) {
    StatsStore s = openStore();
    std::vector<StatsEvent> events;
    for (int i = 0; i < 3000; ++i)
        events.push_back(event(kNoon + i, std::string(100, 'x') + std::to_string(i)));
    ASSERT_TRUE(s.recordEvents(events));
    const auto before = s.usedBytes();
    ASSERT_TRUE(before);
    EXPECT_GT(*before, 300000u);
    EXPECT_EQ(s.deleteOldestEvents(2000), 2000);
    EXPECT_LT(*s.usedBytes(), *before / 2);
    EXPECT_EQ(s.countEvents("screen", {kNoon + 2000, kNoon + 3000}), 1000);
    EXPECT_EQ(s.countEvents("screen", {0, kNoon + 2000}), 0);
}

TEST_F(StatsStoreTest, AVersionOneDatabaseGainsTheNewColumnsAndKeepsItsEvents) {
    {
        StatsStore s = openStore();
        ASSERT_TRUE(s.recordEvent(event(kNoon, "home")));
    }
    // Back to what Lantai 0.1 wrote: schema 1, events without the v2 columns, no new tables.
    runSql(file(), "ALTER TABLE events DROP COLUMN booth_id; ALTER TABLE events DROP COLUMN "
                   "pack_version; ALTER TABLE events DROP COLUMN session; ALTER TABLE events "
                   "DROP COLUMN detail; DROP TABLE subject_names; DROP TABLE tallies; UPDATE "
                   "schema_version SET version = 1");
    StatsStore s = openStore();
    EXPECT_EQ(s.schemaVersion(), 2);
    EXPECT_EQ(subjects(s), "home");
    StatsEvent e = event(kNoon + 1, "item");
    e.boothId = "hall-east";
    e.session = 42;
    ASSERT_TRUE(s.recordEvent(e));
    SqliteStatement q(s.connection(),
                      "SELECT group_concat(booth_id || '/' || session) FROM events");
    ASSERT_EQ(q.step(), SQLITE_ROW);
    EXPECT_EQ(q.text(0), "/0,hall-east/42");
}
