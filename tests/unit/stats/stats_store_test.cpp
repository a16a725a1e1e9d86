// tests: the stats database file — schema, WAL, migration, read-only opening, corrupt files moved
// aside
#include "tests/unit/stats/stats_test_support.h"

#include <sqlite3.h>

using namespace lantai::stats_test;

// ---- schema ------------------------------------------------------------------------------------

TEST_F(StatsStoreTest, CreatesSchemaInWalMode) {
    StatsStore s = openStore();
    EXPECT_TRUE(fs::exists(file()));
    EXPECT_EQ(s.schemaVersion(), StatsStore::kSchemaVersion);
    EXPECT_EQ(s.journalMode(), "wal");
    EXPECT_FALSE(s.movedAside().has_value());
    EXPECT_EQ(s.countQuizResults({0, kDay * 2}), 0);
    EXPECT_EQ(s.countEvents("item_view", {0, kDay * 2}), 0);
}

TEST_F(StatsStoreTest, ReopenKeepsData) {
    {
        StatsStore s = openStore();
        ASSERT_TRUE(s.recordQuizResult(result("quiz-star", 3000, kNoon), today().range, kRules));
        ASSERT_TRUE(s.recordEvent({kNoon, "item_view", "demo", "letter-01", std::nullopt}));
        ASSERT_TRUE(s.recordQuestionUsage({"q1", "q2"}, kNoon));
    }
    StatsStore s = openStore();
    EXPECT_EQ(s.countQuizResults(today().range), 1);
    EXPECT_EQ(s.countEvents("item_view", today().range), 1);
    EXPECT_EQ(s.questionUsage()->size(), 2u);
    EXPECT_EQ(s.topResults(today())->at(0).nickname, "quiz-star");

    // Moving the store keeps it usable.
    StatsStore moved = std::move(s);
    EXPECT_FALSE(s.isOpen());
    EXPECT_EQ(moved.countQuizResults(today().range), 1);
}

TEST_F(StatsStoreTest, MigratesAnEmptyFile) {
    fs::create_directories(m_dir);
    writeFile(file(), "");
    StatsStore s = openStore();
    EXPECT_EQ(s.schemaVersion(), StatsStore::kSchemaVersion);
    EXPECT_FALSE(s.movedAside().has_value());
}

TEST_F(StatsStoreTest, RefusesANewerSchemaWithoutTouchingIt) {
    { StatsStore s = openStore(); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    StatsStore s;
    const Status opened = s.open(file(), kNoon);
    EXPECT_FALSE(opened);
    EXPECT_NE(errorOf(opened).find("newer"), std::string::npos) << errorOf(opened);
    EXPECT_FALSE(s.isOpen());
    EXPECT_TRUE(fs::exists(file()));
    EXPECT_FALSE(s.movedAside().has_value());
}

TEST_F(StatsStoreTest, ReadOnlyOpenNeedsAnExistingDatabase) {
    StatsStore ro;
    EXPECT_FALSE(ro.open(file(), kNoon, {true}));
    EXPECT_FALSE(fs::exists(file()));
    {
        StatsStore s = openStore();
        (void)s.recordQuizResult(result("quiz-star", 1000, kNoon), today().range, kRules);
    }
    const Status opened = ro.open(file(), kNoon, {true});
    ASSERT_TRUE(opened) << errorOf(opened);
    EXPECT_EQ(ro.countQuizResults(today().range), 1);
    const Status refused = ro.recordEvent({kNoon, "screen", "demo", "home", 1.0});
    EXPECT_FALSE(refused);
    EXPECT_FALSE(errorOf(refused).empty());
}

TEST_F(StatsStoreTest, NotOpenIsAnErrorValue) {
    StatsStore s;
    EXPECT_FALSE(s.topResults(today()).ok());
    const Status event = s.recordEvent({});
    EXPECT_FALSE(event);
    EXPECT_NE(errorOf(event).find("not open"), std::string::npos);
}

// ---- corrupt files -----------------------------------------------------------------------------

TEST_F(StatsStoreTest, GarbageFileIsMovedAsideAndReplaced) {
    fs::create_directories(m_dir);
    const std::string garbage(8192, 'x');
    writeFile(file(), garbage);
    writeFile(file().string() + "-wal", "not a wal either");
    StatsStore s;
    const Status opened = s.open(file(), kNoon);
    ASSERT_TRUE(opened) << errorOf(opened);
    ASSERT_TRUE(s.movedAside().has_value());
    EXPECT_EQ(s.movedAside()->filename().string(), "lantai.sqlite.corrupt-20240609T040000Z");
    EXPECT_EQ(readAll(*s.movedAside()), garbage);
    // (SQLite itself drops a -wal that is not a valid log when the bad file is closed.)
    EXPECT_NE(readAll(file().string() + "-wal"), "not a wal either");
    EXPECT_EQ(s.schemaVersion(), StatsStore::kSchemaVersion);
    EXPECT_EQ(s.journalMode(), "wal");
    EXPECT_TRUE(s.recordQuizResult(result("quiz-star", 1000, kNoon), today().range, kRules));

    // A second recovery in the same second does not overwrite the first.
    s.close();
    writeFile(file(), garbage);
    fs::remove(file().string() + "-wal");
    StatsStore again;
    const Status reopened = again.open(file(), kNoon);
    ASSERT_TRUE(reopened) << errorOf(reopened);
    EXPECT_EQ(again.movedAside()->filename().string(), "lantai.sqlite.corrupt-20240609T040000Z-2");
}

TEST_F(StatsStoreTest, DamagedPagesAreMovedAside) {
    {
        StatsStore s = openStore();
        for (int i = 0; i < 400; ++i)
            (void)s.recordEvent(
                {kNoon + i, "item_view", "demo", "item-" + std::to_string(i), i * 1.5});
    }
    // Keep the header page, scribble over the rest.
    std::string bytes = readAll(file());
    ASSERT_GT(bytes.size(), 8192u);
    for (std::size_t i = 4096; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(i * 7 + 3);
    writeFile(file(), bytes);
    StatsStore s;
    const Status opened = s.open(file(), kNoon);
    ASSERT_TRUE(opened) << errorOf(opened);
    EXPECT_TRUE(s.movedAside().has_value());
    EXPECT_EQ(s.countEvents("item_view", {0, kDay * 2}), 0);
}
