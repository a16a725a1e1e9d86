// tests: the stats store's errors — codes from SQLite and the OS, the real error of a failed
// COMMIT on a full disk, a folder or a write-protected file in the database's place
#include "core/stats/sqlite.h"
#include "tests/unit/stats/fault_vfs.h"
#include "tests/unit/stats/stats_test_support.h"

#include <cerrno>
#include <set>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace lantai::stats_test;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(StatsErrors, CodesFromSqliteAndTheOs) {
    struct Case {
        int sqlite;
        int os;
        const char* code;
    };
    const Case cases[] = {
        {SQLITE_FULL, 0, kStatsDiskFull},
        {SQLITE_IOERR_WRITE, ENOSPC, kStatsDiskFull}, // ENOSPC whatever SQLite called it
        {SQLITE_IOERR_SHMSIZE, ENOSPC, kStatsDiskFull},
        {SQLITE_IOERR_WRITE, EIO, kStatsIoError},
        {SQLITE_IOERR_FSYNC, 0, kStatsIoError},
        {SQLITE_IOERR_WRITE, EROFS, kStatsReadOnly},
        {SQLITE_READONLY, 0, kStatsReadOnly},
        {SQLITE_READONLY_DBMOVED, 0, kStatsReadOnly},
        {SQLITE_CANTOPEN, ENOENT, kStatsCannotOpen},
        {SQLITE_CANTOPEN_ISDIR, EISDIR, kStatsCannotOpen},
        {SQLITE_PERM, EACCES, kStatsCannotOpen},
        {SQLITE_BUSY, 0, kStatsBusy},
        {SQLITE_BUSY_SNAPSHOT, 0, kStatsBusy},
        {SQLITE_LOCKED, 0, kStatsBusy},
        {SQLITE_CORRUPT, 0, kStatsCorrupt},
        {SQLITE_NOTADB, 0, kStatsCorrupt},
        {SQLITE_CONSTRAINT_TRIGGER, 0, kStatsSqliteError},
        {SQLITE_MISUSE, 0, kStatsSqliteError},
    };
    for (const Case& c : cases)
        EXPECT_STREQ(statsErrorCode(c.sqlite, c.os), c.code) << c.sqlite << " / errno " << c.os;
}

TEST(StatsErrors, SentencesNameTheFileTheActionAndSqlitesMessage) {
    const Diagnostic d = statsError(kStatsDiskFull, {"store the quiz result", "保存答题成绩"},
                                    "/var/lib/lantai/lantai.sqlite", "database or disk is full");
    EXPECT_EQ(d.code, "stats.disk_full");
    EXPECT_EQ(d.file, "/var/lib/lantai/lantai.sqlite");
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_TRUE(d.message.rfind("Cannot store the quiz result: the statistics disk is full.", 0) ==
                0)
        << d.message;
    EXPECT_TRUE(contains(d.message, "\"/var/lib/lantai/lantai.sqlite\"")) << d.message;
    EXPECT_TRUE(contains(d.message, "(SQLite: database or disk is full)")) << d.message;
    EXPECT_TRUE(d.messageZh.rfind("无法保存答题成绩：统计数据所在磁盘已满。", 0) == 0)
        << d.messageZh;
    EXPECT_TRUE(contains(d.messageZh, "“/var/lib/lantai/lantai.sqlite”")) << d.messageZh;
    // Every code has its own sentence in both languages.
    std::set<std::string> seen;
    for (const char* code : {kStatsDiskFull, kStatsReadOnly, kStatsCannotOpen, kStatsBusy,
                             kStatsCorrupt, kStatsIoError, kStatsNotOpen, kStatsSqliteError}) {
        const Diagnostic e = statsError(code, {"read", "读取"}, "db", "");
        EXPECT_EQ(e.code, code);
        EXPECT_TRUE(seen.insert(e.message).second) << e.message;
        EXPECT_TRUE(seen.insert(e.messageZh).second) << e.messageZh;
        EXPECT_FALSE(contains(e.message, "SQLite:")) << "no SQLite message given: " << e.message;
    }
    EXPECT_FALSE(isTransientStatsError(statsError(kStatsSqliteError, {"a", "a"}, "db", "")));
    EXPECT_TRUE(isTransientStatsError(statsError(kStatsDiskFull, {"a", "a"}, "db", "")));
}

// A statement that needs a page past max_page_count fails like a full disk.
TEST_F(StatsStoreTest, AStatementOnAFullDatabaseIsDiskFull) {
    { StatsStore created = openStore(); }
    SqliteConnection db;
    ASSERT_TRUE(db.open(file(), false));
    ASSERT_TRUE(migrateSchema(db, false));
    {
        SqliteStatement pages(db, "PRAGMA page_count");
        ASSERT_EQ(pages.step(), SQLITE_ROW);
        const std::string limit = "PRAGMA max_page_count = " + std::to_string(pages.int64(0));
        ASSERT_TRUE(db.exec(limit.c_str(), {"limit the size", "限制大小"}));
    }
    std::optional<Diagnostic> failure;
    for (int i = 0; i < 5000 && !failure; ++i) {
        auto r = recordQuizResult(db, result("quiz-star", i, kNoon + i), today().range, kNoLimits);
        if (!r) failure = r.error();
    }
    ASSERT_TRUE(failure) << "5000 results fit in the database's pages";
    EXPECT_EQ(failure->code, kStatsDiskFull) << failure->message;
    EXPECT_TRUE(contains(failure->message, "database or disk is full")) << failure->message;
    EXPECT_EQ(failure->file, file().string());
    // The failed transaction left nothing open: the next read works.
    EXPECT_TRUE(countQuizResults(db, today().range));
}

// The finding of issue 11: on a full disk COMMIT fails, SQLite rolls back by itself, and the
// ROLLBACK the store issued afterwards replaced "database or disk is full" with "cannot rollback
// - no transaction is active".
TEST_F(StatsStoreTest, ACommitOnAFullDiskReportsTheFullDisk) {
    FaultVfs vfs;
    StatsStore s = openStore();
    ASSERT_TRUE(s.isOpen());
    vfs.setDiskFull(true);
    const auto quiz = s.recordQuizResult(result("quiz-star", 3000, kNoon), today().range, kRules);
    ASSERT_FALSE(quiz);
    EXPECT_GT(vfs.failedWrites(), 0);
    EXPECT_EQ(quiz.error().code, kStatsDiskFull) << quiz.error().message;
    EXPECT_TRUE(contains(quiz.error().message, "disk is full")) << quiz.error().message;
    EXPECT_FALSE(contains(quiz.error().message, "no transaction is active"));
    EXPECT_TRUE(contains(quiz.error().messageZh, "磁盘已满")) << quiz.error().messageZh;

    const auto team = s.recordTeamSession(redBeatsBlue());
    ASSERT_FALSE(team);
    EXPECT_EQ(team.error().code, kStatsDiskFull) << team.error().message;
    const Status usage = s.recordQuestionUsage({"q1"}, kNoon);
    ASSERT_FALSE(usage);
    EXPECT_EQ(usage.error().code, kStatsDiskFull) << usage.error().message;
    const Status event = s.recordEvent({kNoon, "screen", "demo", "home", std::nullopt});
    ASSERT_FALSE(event);
    EXPECT_EQ(event.error().code, kStatsDiskFull) << event.error().message;

    // Reads still work, nothing half-written is there, and writes work once space returns.
    EXPECT_EQ(s.countQuizResults(today().range), 0);
    vfs.setDiskFull(false);
    EXPECT_TRUE(s.recordQuizResult(result("quiz-star", 3000, kNoon), today().range, kRules));
    EXPECT_EQ(s.countQuizResults(today().range), 1);
}

TEST_F(StatsStoreTest, AFolderInTheDatabasesPlaceCannotBeOpened) {
    fs::create_directories(file());
    StatsStore s;
    const Status opened = s.open(file(), kNoon);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, kStatsCannotOpen);
    EXPECT_TRUE(contains(opened.error().message, "is a folder, not a database file"))
        << opened.error().message;
    EXPECT_TRUE(contains(opened.error().messageZh, "是文件夹")) << opened.error().messageZh;
    EXPECT_FALSE(s.isOpen());
    EXPECT_TRUE(fs::is_directory(file())); // left alone, never "moved aside"
    EXPECT_EQ(s.topResults(today()).error().code, kStatsNotOpen);
}

TEST_F(StatsStoreTest, AStateFolderThatCannotBeCreatedCannotBeOpened) {
    fs::create_directories(m_dir);
    writeFile(m_dir / "not-a-folder", "x");
    StatsStore s;
    const Status opened = s.open(m_dir / "not-a-folder" / "state" / "lantai.sqlite", kNoon);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, kStatsCannotOpen) << opened.error().message;
    EXPECT_TRUE(contains(opened.error().message, "state folder")) << opened.error().message;
}

TEST_F(StatsStoreTest, AWriteProtectedDatabaseIsReadOnly) {
    { StatsStore created = openStore(); }
    {
        FaultVfs vfs; // the unix VFS's fallback for a write-protected file, also under root
        vfs.setReadOnlyFiles(true);
        StatsStore s;
        const Status opened = s.open(file(), kNoon);
        ASSERT_FALSE(opened);
        EXPECT_EQ(opened.error().code, kStatsReadOnly) << opened.error().message;
        EXPECT_TRUE(contains(opened.error().message, "is read-only")) << opened.error().message;
        EXPECT_FALSE(s.movedAside().has_value());
    }
    if (::geteuid() != 0) { // the same with a real chmod (root writes anyway)
        fs::permissions(file(),
                        fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                        fs::perm_options::remove);
        StatsStore s;
        const Status opened = s.open(file(), kNoon);
        EXPECT_EQ(opened ? "" : opened.error().code, kStatsReadOnly);
    }
    // A store opened read-only on purpose refuses writes with the same code.
    StatsStore ro;
    ASSERT_TRUE(ro.open(file(), kNoon, {true}));
    const Status refused = ro.recordEvent({kNoon, "screen", "demo", "home", 1.0});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, kStatsReadOnly) << refused.error().message;
}

TEST_F(StatsStoreTest, SchemaErrorsHaveTheirCodes) {
    { StatsStore s = openStore(); }
    runSql(file(), "UPDATE schema_version SET version = 0");
    StatsStore ro;
    const Status older = ro.open(file(), kNoon, {true});
    ASSERT_FALSE(older);
    EXPECT_EQ(older.error().code, kStatsSchemaOlder) << older.error().message;
    runSql(file(), "UPDATE schema_version SET version = 7");
    StatsStore s;
    const Status newer = s.open(file(), kNoon);
    ASSERT_FALSE(newer);
    EXPECT_EQ(newer.error().code, kStatsSchemaNewer);
    EXPECT_TRUE(contains(newer.error().messageZh, "版本为 7")) << newer.error().messageZh;
}
