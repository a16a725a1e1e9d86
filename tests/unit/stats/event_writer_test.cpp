// tests: interaction events off the frame thread — batches, a locked or full database (events
// wait, nothing blocks), the memory bound, unwritable events, retention, the size bound, names,
// and a kill -9 that loses at most the last batch and never damages the file
#include "core/base/log.h"
#include "core/stats/event_writer.h"
#include "tests/unit/stats/fault_vfs.h"
#include "tests/unit/stats/stats_test_support.h"

#include <chrono>
#include <csignal>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace lantai::stats_test;
using namespace std::chrono_literals;

namespace {

class EventWriterTest : public LoggingStatsTest {
  protected:
    void SetUp() override {
        LoggingStatsTest::SetUp();
        { StatsStore created = openStore(); } // the kiosk's StatsWriter opens the file first
    }

    EventWriterOptions options() const {
        EventWriterOptions o;
        o.file = file();
        o.batchDelay = 20ms;
        o.retryInterval = 50ms;
        return o;
    }

    std::int64_t stored(const char* kind = "screen") {
        StatsStore s;
        EXPECT_TRUE(s.open(file(), kNoon, {true}));
        return s.countEvents(kind, {0, kNoon * 2}).valueOr(-1);
    }
};

StatsEvent screen(std::int64_t t, std::string subject = "home") {
    StatsEvent e;
    e.timestamp = t;
    e.kind = "screen";
    e.packId = "demo";
    e.subjectId = std::move(subject);
    e.boothId = "hall-east";
    e.packVersion = "0123456789ab";
    e.session = t * 1000;
    return e;
}

TEST_F(EventWriterTest, WritesEverythingRecordedInBatches) {
    EventWriter w;
    w.start(options());
    for (int i = 0; i < 5000; ++i)
        w.record(screen(kNoon + i % 60));
    w.flush();
    const EventWriterStatus status = w.status();
    EXPECT_EQ(status.written, 5000u);
    EXPECT_EQ(status.pending, 0u);
    EXPECT_EQ(status.problem, "");
    EXPECT_EQ(stored(), 5000);
    // Every field arrives.
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon, {true}));
    SqliteStatement q(s.connection(), "SELECT booth_id, pack_version, session, detail FROM events "
                                      "ORDER BY id LIMIT 1");
    ASSERT_EQ(q.step(), SQLITE_ROW);
    EXPECT_EQ(q.text(0), "hall-east");
    EXPECT_EQ(q.text(1), "0123456789ab");
    EXPECT_EQ(q.int64(2), kNoon * 1000);
    EXPECT_EQ(q.text(3), "");
}

TEST_F(EventWriterTest, StoppingWritesWhatWaits) {
    {
        EventWriterOptions o = options();
        o.batchDelay = 10s; // nothing would be written before the destructor
        EventWriter w;
        w.start(o);
        for (int i = 0; i < 10; ++i)
            w.record(screen(kNoon + i));
    }
    EXPECT_EQ(stored(), 10);
}

TEST_F(EventWriterTest, RecordingNeverWaitsForALockedDatabase) {
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    EventWriter w;
    w.start(options());
    w.record(screen(kNoon)); // the writer thread now waits on the lock (2 s busy timeout)
    std::this_thread::sleep_for(100ms);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 1; i < 1000; ++i)
        w.record(screen(kNoon + i));
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took, 500ms) << "record() waited for the database";
    w.flush();
    EXPECT_EQ(w.status().problem, kStatsBusy);
    EXPECT_EQ(w.status().pending, 1000u);
    ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);
    w.flush();
    EXPECT_EQ(w.status().pending, 0u);
    EXPECT_EQ(w.status().problem, "");
    EXPECT_EQ(stored(), 1000);
}

TEST_F(EventWriterTest, AFullDiskKeepsEventsInMemoryUntilSpaceReturns) {
    FaultVfs vfs;
    EventWriter w;
    w.start(options());
    w.record(screen(kNoon)); // opens the connection while there is space
    w.flush();
    vfs.setDiskFull(true);
    for (int i = 1; i <= 300; ++i)
        w.record(screen(kNoon + i));
    w.flush();
    EXPECT_EQ(w.status().problem, kStatsDiskFull);
    EXPECT_EQ(w.status().pending, 300u);
    EXPECT_GT(vfs.failedWrites(), 0);
    EXPECT_NE(log().find("events wait in memory"), std::string::npos) << log();
    vfs.setDiskFull(false);
    w.flush();
    EXPECT_EQ(w.status().pending, 0u);
    EXPECT_EQ(stored(), 301);
    EXPECT_NE(log().find("interaction events are written again"), std::string::npos) << log();
}

TEST_F(EventWriterTest, TheMemoryBoundDropsTheOldest) {
    FaultVfs vfs;
    EventWriterOptions o = options();
    o.limits.maxWrites = 5;
    EventWriter w;
    w.start(o);
    vfs.setDiskFull(true);
    for (int i = 0; i < 8; ++i)
        w.record(screen(kNoon + i, "s" + std::to_string(i)));
    w.flush();
    EXPECT_EQ(w.status().pending, 5u);
    EXPECT_EQ(w.status().dropped, 3u);
    vfs.setDiskFull(false);
    w.flush();
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon, {true}));
    SqliteStatement q(s.connection(), "SELECT group_concat(subject_id) FROM events");
    ASSERT_EQ(q.step(), SQLITE_ROW);
    EXPECT_EQ(q.text(0), "s3,s4,s5,s6,s7");
    EXPECT_NE(log().find("dropped the oldest"), std::string::npos) << log();
}

TEST_F(EventWriterTest, AnEventThatCanNeverBeWrittenIsDroppedAlone) {
    runSql(file(), "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.kind = 'poison' "
                   "BEGIN SELECT RAISE(ABORT, 'poisoned event'); END");
    EventWriter w;
    w.start(options());
    w.record(screen(kNoon));
    StatsEvent bad = screen(kNoon + 1);
    bad.kind = "poison";
    w.record(bad);
    w.record(screen(kNoon + 2));
    w.flush();
    EXPECT_EQ(stored(), 2);
    EXPECT_EQ(w.status().dropped, 1u);
    EXPECT_EQ(w.status().problem, "");
    EXPECT_NE(log().find("poisoned event"), std::string::npos) << log();
}

TEST_F(EventWriterTest, RetentionDeletesWhatIsOlderThanItsDays) {
    {
        StatsStore s = openStore();
        ASSERT_TRUE(s.recordEvent(screen(kNoon - 500 * 86400, "ancient")));
        ASSERT_TRUE(s.recordQuizResult(result("quiz-star", 1000, kNoon - 500 * 86400),
                                       localDayRange(kNoon - 500 * 86400, kChina), kRules));
        TeamSessionRecord old = redBeatsBlue();
        old.startedAt = kNoon - 450 * 86400;
        ASSERT_TRUE(s.recordTeamSession(old));
        ASSERT_TRUE(s.recordEvent(screen(kNoon - 10 * 86400, "recent")));
        ASSERT_TRUE(s.recordTeamSession(redBeatsBlue()));
    }
    EventWriter w;
    w.start(options()); // 400 days
    w.record(screen(kNoon, "today"));
    w.flush();
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon, {true}));
    SqliteStatement events(s.connection(), "SELECT group_concat(subject_id) FROM events");
    ASSERT_EQ(events.step(), SQLITE_ROW);
    EXPECT_EQ(events.text(0), "recent,today");
    EXPECT_EQ(s.countQuizResults({0, kNoon * 2}), 0);
    SqliteStatement teams(s.connection(), "SELECT count(*) FROM team_results");
    ASSERT_EQ(teams.step(), SQLITE_ROW);
    EXPECT_EQ(teams.int64(0), 2) << "the old contest's teams went with it";
    EXPECT_EQ(s.teamSessions(0)->size(), 1u);
    EXPECT_NE(log().find("older than 400 days"), std::string::npos) << log();
}

TEST_F(EventWriterTest, TheSizeBoundDeletesTheOldestEvents) {
    EventWriterOptions o = options();
    o.maxBytes = 256 << 10;
    EventWriter w;
    w.start(o);
    const std::string padding(200, 'x');
    for (int i = 0; i < 6000; ++i)
        w.record(screen(kNoon + i, padding + std::to_string(i)));
    w.flush();
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon, {true}));
    EXPECT_LE(*s.usedBytes(), o.maxBytes);
    SqliteStatement q(s.connection(),
                      "SELECT min(timestamp), max(timestamp), count(*) FROM events");
    ASSERT_EQ(q.step(), SQLITE_ROW);
    EXPECT_GT(q.int64(0), kNoon) << "the oldest went";
    EXPECT_EQ(q.int64(1), kNoon + 5999) << "the newest stayed";
    EXPECT_GT(q.int64(2), 100);
    EXPECT_NE(log().find("reached its bound"), std::string::npos) << log();
}

TEST_F(EventWriterTest, NamesAreWrittenAndUpdated) {
    EventWriter w;
    w.start(options());
    w.describe(
        {{"demo", "item", "letter", "书信", "Letter"}, {"demo", "video", "intro", "导览", ""}});
    w.flush();
    w.describe({{"demo", "item", "letter", "书信（修订）", "Letter"}});
    w.flush();
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon, {true}));
    auto names = subjectNames(s.connection());
    ASSERT_TRUE(names);
    ASSERT_EQ(names->size(), 2u);
    for (const auto& n : *names)
        if (n.subjectId == "letter") {
            EXPECT_EQ(n.zh, "书信（修订）");
        }
}

// A kiosk killed with SIGKILL: every event recorded at least a batch delay (plus the commit)
// before the kill is in the database, and the database passes an integrity check.
TEST_F(EventWriterTest, KillNineLosesAtMostTheLastBatchAndNeverTheFile) {
    int progress[2];
    ASSERT_EQ(::pipe(progress), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(progress[0]);
        EventWriterOptions o = options();
        o.batchDelay = 500ms; // the kiosk's
        EventWriter w;
        w.start(o);
        for (std::int64_t i = 0;; ++i) {
            w.record(screen(kNoon + i, "e" + std::to_string(i)));
            if (i % 50 == 0) {
                const std::int64_t recorded = i + 1;
                if (::write(progress[1], &recorded, sizeof recorded) < 0) ::_exit(1);
            }
            std::this_thread::sleep_for(200us);
        }
    }
    ::close(progress[1]);
    // Read progress for 2.5 s, remembering what had been recorded 1 s before the kill.
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::int64_t>> reports;
    while (std::chrono::steady_clock::now() - start < 2500ms) {
        std::int64_t recorded = 0;
        if (::read(progress[0], &recorded, sizeof recorded) != sizeof recorded) break;
        reports.emplace_back(std::chrono::steady_clock::now(), recorded);
    }
    ::kill(child, SIGKILL);
    const auto killed = std::chrono::steady_clock::now();
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(progress[0]);
    ASSERT_TRUE(WIFSIGNALED(status));
    std::int64_t safe = 0;
    for (const auto& [when, recorded] : reports)
        if (killed - when >= 1s) safe = recorded;
    ASSERT_GT(safe, 1000);

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
    sqlite3_stmt* check = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(check), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(check, 0)), "ok");
    sqlite3_finalize(check);
    sqlite3_close(db);
    const std::int64_t kept = stored();
    EXPECT_GE(kept, safe) << "lost events recorded more than a second before the kill";
    std::printf("recorded >= %lld a second before the kill, %lld stored\n",
                static_cast<long long>(safe), static_cast<long long>(kept));
}

} // namespace
