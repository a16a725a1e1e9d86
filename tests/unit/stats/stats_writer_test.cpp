// tests: the kiosk's stats writer — the bounded memory queue, records kept while the disk is full
// or the database cannot be opened and written when it can (on the next write, on the timer),
// the order kept, unwritable records dropped, the free-space warning
#include "core/base/log.h"
#include "core/stats/stats_writer.h"
#include "tests/unit/stats/fault_vfs.h"
#include "tests/unit/stats/stats_test_support.h"

#include <chrono>
#include <sqlite3.h>

using namespace lantai::stats_test;
using namespace std::chrono_literals;

namespace {

using TimePoint = StatsWriter::TimePoint;
const TimePoint t0 = TimePoint{} + 1000s;

class StatsWriterTest : public LoggingStatsTest {
  protected:
    StatsWriterOptions options() const {
        StatsWriterOptions o;
        o.file = file();
        o.diskReserveBytes = 0;
        return o;
    }

    // The solo results in the database, oldest id first: "nickname@timestamp".
    std::vector<std::string> storedResults() {
        StatsStore s;
        EXPECT_TRUE(s.open(file(), kNoon, {true}));
        LeaderboardQuery all = today();
        all.limit = 1000;
        std::vector<LeaderboardEntry> rows = s.topResults(all).valueOr({});
        std::sort(rows.begin(), rows.end(),
                  [](const auto& a, const auto& b) { return a.resultId < b.resultId; });
        std::vector<std::string> out;
        for (const auto& r : rows)
            out.push_back(r.nickname + "@" + std::to_string(r.timestamp - kNoon));
        return out;
    }
};

Result<RecordOutcome> play(StatsWriter& w, const char* nickname, int second, int score = 1000) {
    return w.recordQuizResult(result(nickname, score, kNoon + second), today().range, kNoLimits);
}

} // namespace

TEST(PendingWrites, BoundedByCountOldestDroppedFirst) {
    PendingWrites q({3, std::size_t{1} << 20});
    std::vector<std::uint64_t> sequences;
    std::vector<PendingWrite> dropped;
    for (int i = 0; i < 5; ++i) {
        auto pushed = q.push(StatsEvent{i, "screen", "demo", "home", std::nullopt});
        sequences.push_back(pushed.sequence);
        for (auto& d : pushed.dropped)
            dropped.push_back(std::move(d));
    }
    EXPECT_EQ(sequences, (std::vector<std::uint64_t>{1, 2, 3, 4, 5}));
    EXPECT_EQ(q.size(), 3u);
    ASSERT_EQ(dropped.size(), 2u);
    EXPECT_EQ(std::get<StatsEvent>(dropped[0]).timestamp, 0);
    EXPECT_EQ(std::get<StatsEvent>(dropped[1]).timestamp, 1);
    EXPECT_EQ(q.frontSequence(), 3u);
    EXPECT_EQ(std::get<StatsEvent>(q.front()).timestamp, 2);
    EXPECT_STREQ(pendingWriteKind(q.front()), "event");
    q.pop();
    EXPECT_EQ(q.frontSequence(), 4u);
}

TEST(PendingWrites, BoundedByBytes) {
    const PendingWrite big =
        PendingQuestionUsage{std::vector<std::string>(100, std::string(40, 'q')), 0};
    const std::size_t each = pendingWriteBytes(big);
    EXPECT_GT(each, 100u * 40u); // the strings count
    PendingWrites q({1000, each * 2 + each / 2});
    EXPECT_TRUE(q.push(big).dropped.empty());
    EXPECT_TRUE(q.push(big).dropped.empty());
    EXPECT_EQ(q.bytes(), each * 2);
    EXPECT_EQ(q.push(big).dropped.size(), 1u);
    EXPECT_EQ(q.size(), 2u);
    EXPECT_LE(q.bytes(), q.limits().maxBytes);
    q.pop();
    q.pop();
    EXPECT_TRUE(q.empty());
    EXPECT_EQ(q.bytes(), 0u);
    // Every kind has a name and a size.
    const PendingWrite kinds[] = {PendingQuizResult{result("quiz-star", 1, kNoon), today().range,
                                                    std::make_shared<LeaderboardRules>(kRules)},
                                  redBeatsBlue(), big, StatsEvent{}};
    std::set<std::string> names;
    for (const auto& k : kinds) {
        names.insert(pendingWriteKind(k));
        EXPECT_GT(pendingWriteBytes(k), 0u);
    }
    EXPECT_EQ(names.size(), 4u);
}

TEST_F(StatsWriterTest, WritesThroughWhenTheDatabaseWorks) {
    StatsWriter w;
    ASSERT_TRUE(w.start(options(), t0, kNoon));
    EXPECT_TRUE(w.available());
    const auto first = play(w, "quiz-star", 0, 3000);
    ASSERT_TRUE(first) << errorOf(first);
    EXPECT_EQ(first->rank, 1);
    EXPECT_EQ(play(w, "clever-owl", 1, 4000)->rank, 1);
    EXPECT_TRUE(w.recordTeamSession(redBeatsBlue()));
    EXPECT_TRUE(w.recordQuestionUsage({"q1", "q2"}, kNoon));
    EXPECT_TRUE(w.recordEvent({kNoon, "screen", "demo", "home", std::nullopt}));
    EXPECT_TRUE(w.pending().empty());
    EXPECT_FALSE(w.problem());
    EXPECT_EQ(w.topResults(today())->size(), 2u);
    EXPECT_EQ(w.questionUsage()->size(), 2u);
    EXPECT_NE(log().find("statistics: " + file().string()), std::string::npos) << log();
}

// Issue 11, point 2: a full state disk kept 0 of 9 results and logged "cannot rollback".
TEST_F(StatsWriterTest, AFullDiskKeepsResultsUntilTheNextWriteCanStoreThem) {
    FaultVfs vfs;
    StatsWriter w;
    ASSERT_TRUE(w.start(options(), t0, kNoon));
    vfs.setDiskFull(true);
    for (int i = 0; i < 3; ++i) {
        const auto r = play(w, "quiz-star", i * 600, 1000 + i);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, kStatsDiskFull) << r.error().message;
    }
    EXPECT_FALSE(w.recordTeamSession(redBeatsBlue()));
    EXPECT_EQ(w.pending().size(), 4u);
    ASSERT_TRUE(w.problem());
    EXPECT_EQ(w.problem()->code, kStatsDiskFull);
    EXPECT_TRUE(w.available());         // a full disk does not close the database
    EXPECT_TRUE(w.topResults(today())); // and reading still works
    const std::string full = log();
    EXPECT_NE(
        full.find("[warning] stats: Cannot store the quiz result: the statistics disk is full"),
        std::string::npos)
        << full;
    EXPECT_NE(full.find("database or disk is full"), std::string::npos);
    EXPECT_NE(full.find("kept in memory"), std::string::npos);
    EXPECT_EQ(full.find("no transaction is active"), std::string::npos) << full;

    // Space returns; the next result writes everything, oldest first, and ranks after them.
    vfs.setDiskFull(false);
    const auto next = play(w, "clever-owl", 1900, 500);
    ASSERT_TRUE(next) << errorOf(next);
    EXPECT_EQ(next->rank, 4);
    EXPECT_TRUE(w.pending().empty());
    EXPECT_FALSE(w.problem());
    EXPECT_EQ(storedResults(), (std::vector<std::string>{"quiz-star@0", "quiz-star@600",
                                                         "quiz-star@1200", "clever-owl@1900"}));
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon, {true}));
    EXPECT_EQ(s.teamSessions(0)->size(), 1u);
}

TEST_F(StatsWriterTest, TheTimerWritesWhatWaits) {
    FaultVfs vfs;
    StatsWriterOptions o = options();
    o.retryInterval = 60s;
    StatsWriter w;
    ASSERT_TRUE(w.start(o, t0, kNoon));
    vfs.setDiskFull(true);
    EXPECT_FALSE(play(w, "quiz-star", 0));
    EXPECT_FALSE(w.recordQuestionUsage({"q1"}, kNoon));
    w.update(t0 + 60s, kNoon); // still full: stays queued
    EXPECT_EQ(w.pending().size(), 2u);
    vfs.setDiskFull(false);
    w.update(t0 + 119s, kNoon); // not due yet
    EXPECT_EQ(w.pending().size(), 2u);
    w.update(t0 + 120s, kNoon);
    EXPECT_TRUE(w.pending().empty());
    EXPECT_FALSE(w.problem());
    EXPECT_EQ(storedResults(), (std::vector<std::string>{"quiz-star@0"}));
    EXPECT_NE(log().find("wrote 2 records that waited in memory"), std::string::npos) << log();
}

TEST_F(StatsWriterTest, TheTimerWritesALongQueueInBatches) {
    FaultVfs vfs;
    StatsWriterOptions o = options();
    o.writesPerUpdate = 4;
    StatsWriter w;
    ASSERT_TRUE(w.start(o, t0, kNoon));
    vfs.setDiskFull(true);
    for (int i = 0; i < 10; ++i)
        EXPECT_FALSE(w.recordEvent({kNoon + i, "screen", "demo", "home", std::nullopt}));
    vfs.setDiskFull(false);
    w.update(t0 + 60s, kNoon);
    EXPECT_EQ(w.pending().size(), 6u);
    w.update(t0 + 60s, kNoon); // goes on right away, a batch per loop iteration
    EXPECT_EQ(w.pending().size(), 2u);
    w.update(t0 + 61s, kNoon);
    EXPECT_TRUE(w.pending().empty());
    StatsStore s;
    ASSERT_TRUE(s.open(file(), kNoon, {true}));
    EXPECT_EQ(s.countEvents("screen", today().range), 10);
}

// Issue 11, point 3: a database that cannot be opened turned statistics off for the whole run.
TEST_F(StatsWriterTest, AFolderInTheDatabasesPlaceIsRetriedOnTheTimer) {
    fs::create_directories(file());
    StatsWriter w;
    const Status started = w.start(options(), t0, kNoon);
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().code, kStatsCannotOpen);
    EXPECT_FALSE(w.available());
    const auto r = play(w, "quiz-star", 0);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, kStatsCannotOpen); // the reason, not just "not open"
    EXPECT_FALSE(w.topResults(today()));
    EXPECT_EQ(w.pending().size(), 1u);
    EXPECT_NE(log().find("is a folder, not a database file"), std::string::npos) << log();
    w.update(t0 + 60s, kNoon); // still a folder
    EXPECT_FALSE(w.available());

    fs::remove(file());
    w.update(t0 + 119s, kNoon);
    EXPECT_FALSE(w.available());
    w.update(t0 + 120s, kNoon);
    EXPECT_TRUE(w.available());
    EXPECT_TRUE(w.pending().empty());
    EXPECT_FALSE(w.problem());
    EXPECT_EQ(storedResults(), (std::vector<std::string>{"quiz-star@0"}));
    EXPECT_EQ(play(w, "clever-owl", 5, 2000)->rank, 1);
    EXPECT_NE(log().find("the statistics database is open again"), std::string::npos) << log();
}

TEST_F(StatsWriterTest, AWriteProtectedDatabaseIsRetriedOnTheTimer) {
    { StatsStore created = openStore(); }
    FaultVfs vfs;
    vfs.setReadOnlyFiles(true);
    StatsWriter w;
    const Status started = w.start(options(), t0, kNoon);
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().code, kStatsReadOnly);
    EXPECT_FALSE(play(w, "quiz-star", 0));
    vfs.setReadOnlyFiles(false);
    w.update(t0 + 60s, kNoon);
    EXPECT_TRUE(w.available());
    EXPECT_EQ(storedResults(), (std::vector<std::string>{"quiz-star@0"}));
}

TEST_F(StatsWriterTest, StoppingTriesOnceMoreAndSaysWhatIsLost) {
    FaultVfs vfs;
    {
        StatsWriter w;
        ASSERT_TRUE(w.start(options(), t0, kNoon));
        vfs.setDiskFull(true);
        EXPECT_FALSE(play(w, "quiz-star", 0));
        vfs.setDiskFull(false); // space returned, but no write or timer came before the stop
    }
    EXPECT_EQ(storedResults(), (std::vector<std::string>{"quiz-star@0"}));
    EXPECT_EQ(log().find("lost"), std::string::npos) << log();
    {
        StatsWriter w;
        ASSERT_TRUE(w.start(options(), t0, kNoon));
        vfs.setDiskFull(true);
        EXPECT_FALSE(play(w, "clever-owl", 1));
    }
    EXPECT_NE(log().find("lost 1 record that waited in memory: they could not be written before "
                         "the kiosk stopped (stats.disk_full)"),
              std::string::npos)
        << log();
}

TEST_F(StatsWriterTest, TheQueueBoundDropsTheOldestWithALogLine) {
    fs::create_directories(file());
    StatsWriterOptions o = options();
    o.limits.maxWrites = 3;
    StatsWriter w;
    ASSERT_FALSE(w.start(o, t0, kNoon));
    for (int i = 0; i < 5; ++i)
        EXPECT_FALSE(play(w, "quiz-star", i * 600));
    EXPECT_EQ(w.pending().size(), 3u);
    EXPECT_NE(log().find("dropped the oldest waiting quiz result"), std::string::npos) << log();
    fs::remove(file());
    w.update(t0 + 60s, kNoon);
    EXPECT_EQ(storedResults(),
              (std::vector<std::string>{"quiz-star@1200", "quiz-star@1800", "quiz-star@2400"}));
}

TEST_F(StatsWriterTest, ARecordThatCanNeverBeWrittenIsDroppedNotRetriedForever) {
    { StatsStore created = openStore(); }
    runSql(file(), "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.kind = 'poison' "
                   "BEGIN SELECT RAISE(ABORT, 'poisoned event'); END");
    StatsWriter w;
    ASSERT_TRUE(w.start(options(), t0, kNoon));
    const Status poisoned = w.recordEvent({kNoon, "poison", "demo", "x", std::nullopt});
    ASSERT_FALSE(poisoned);
    EXPECT_EQ(poisoned.error().code, kStatsSqliteError);
    EXPECT_TRUE(w.pending().empty());
    EXPECT_TRUE(w.recordEvent({kNoon, "screen", "demo", "home", std::nullopt}));
    EXPECT_NE(log().find("can never be written"), std::string::npos) << log();
    EXPECT_NE(log().find("poisoned event"), std::string::npos) << log();
}

TEST_F(StatsWriterTest, ALockedDatabaseKeepsTheRecord) {
    StatsWriter w;
    ASSERT_TRUE(w.start(options(), t0, kNoon));
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    const auto r = play(w, "quiz-star", 0); // waits the 2 s busy timeout
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, kStatsBusy) << r.error().message;
    EXPECT_TRUE(w.available());
    ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);
    EXPECT_TRUE(play(w, "clever-owl", 1));
    EXPECT_EQ(storedResults(), (std::vector<std::string>{"quiz-star@0", "clever-owl@1"}));
}

TEST_F(StatsWriterTest, WarnsWhenTheStateDiskHasLessThanTheReserve) {
    StatsWriterOptions o = options();
    o.diskReserveBytes = std::uint64_t{1} << 60; // more than any disk
    StatsWriter low;
    ASSERT_TRUE(low.start(o, t0, kNoon));
    ASSERT_TRUE(low.diskWarning());
    EXPECT_EQ(low.diskWarning()->code, kStatsDiskLow);
    EXPECT_EQ(low.diskWarning()->severity, Severity::Warning);
    EXPECT_NE(low.diskWarning()->message.find("less than the 1099511627776 MB reserve"),
              std::string::npos)
        << low.diskWarning()->message;
    EXPECT_FALSE(low.diskWarning()->messageZh.empty());
    EXPECT_NE(log().find("[warning] stats: Only "), std::string::npos) << log();
    low.update(t0 + 60s, kNoon); // warned once, not every minute
    const std::string text = log();
    EXPECT_EQ(text.find("[warning] stats: Only "), text.rfind("[warning] stats: Only "));

    o.diskReserveBytes = 1;
    StatsWriter plenty;
    ASSERT_TRUE(plenty.start(o, t0, kNoon));
    EXPECT_FALSE(plenty.diskWarning());
}
