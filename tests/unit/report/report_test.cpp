// tests: the activity report's figures from two booths — each aggregation against the known
// visits of report_fixture.h, date ranges, the summary paragraph, errors, and the texts' glossary
#include "core/i18n/glossary.h"
#include "core/report/report_builder.h"
#include "core/report/report_summary.h"
#include "core/report/report_text.h"
#include "tests/unit/report/report_fixture.h"

#include <sqlite3.h>

using namespace lantai::report_test;

namespace {

Report readBoth(const std::vector<fs::path>& dirs, ReportRange range = {}) {
    auto report = readReport(dirs, range, china);
    EXPECT_TRUE(report) << (report ? "" : report.error().message);
    return report ? std::move(report).value() : Report{};
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_F(ReportFixture, SessionsTheirLengthAndWhenTheyHappened) {
    const Report r = readBoth({boothA, boothB});
    EXPECT_EQ(r.sessions, 5); // the class contest is a visit too
    EXPECT_EQ(r.endedSessions, 4);
    EXPECT_DOUBLE_EQ(r.sessionSecondsTotal, 300.0);
    EXPECT_DOUBLE_EQ(r.sessionSecondsMedian, 75.0); // 30 60 | 90 120
    EXPECT_EQ(r.firstDay, "2024-06-09");
    EXPECT_EQ(r.lastDay, "2024-06-10");
    ASSERT_EQ(r.days.size(), 2u);
    EXPECT_EQ(r.days[0].sessions, 3);
    EXPECT_EQ(r.days[1].sessions, 2);
    EXPECT_EQ(r.hours[10], 3);
    EXPECT_EQ(r.hours[11], 1);
    EXPECT_EQ(r.hours[14], 1);
    EXPECT_EQ(r.busiestDay, "2024-06-09");
    EXPECT_EQ(r.busiestHour, 10);
    EXPECT_EQ(r.busiestHourSessions, 2);
    ASSERT_EQ(r.booths.size(), 2u);
    EXPECT_EQ(r.booths[0].id, "hall-east");
    EXPECT_EQ(r.booths[0].sessions, 3);
    EXPECT_EQ(r.booths[0].readAs, "");
    EXPECT_EQ(r.booths[1].id, "hall-west");
    EXPECT_EQ(r.booths[1].packs, std::vector<std::string>{"demo@0123456789ab"});
}

TEST_F(ReportFixture, ItemsPlacesAndHowFarVisitorsWent) {
    const Report r = readBoth({boothA, boothB});
    ASSERT_EQ(r.items.size(), 2u);
    EXPECT_EQ(r.items[0].id, "letter");
    EXPECT_EQ(r.items[0].title.zh, "书信");
    EXPECT_EQ(r.items[0].views, 3);
    EXPECT_DOUBLE_EQ(r.items[0].dwellSeconds, 90.0);
    EXPECT_EQ(r.items[0].zoomed, 1);
    EXPECT_EQ(r.items[1].id, "diary");
    EXPECT_EQ(r.items[1].qrShown, 1);
    EXPECT_EQ(r.zooms, 1);
    EXPECT_EQ(r.qrShown, 1);
    ASSERT_EQ(r.exhibitions.size(), 1u);
    EXPECT_EQ(r.exhibitions[0].views, 2);
    EXPECT_EQ(r.chapters[0].title.zh, "<b>奠基</b>");
    EXPECT_EQ(r.funnel.sessions, 5);
    EXPECT_EQ(r.funnel.exhibition, 2);
    EXPECT_EQ(r.funnel.chapter, 1);
    EXPECT_EQ(r.funnel.item, 3);
    ASSERT_EQ(r.videos.size(), 1u);
    EXPECT_EQ(r.videos[0].plays, 2);
    EXPECT_EQ(r.videos[0].completed, 1);
    EXPECT_DOUBLE_EQ(r.videos[0].secondsWatched, 20.0);
    EXPECT_EQ(r.videos[0].title.en, "Tour");
}

TEST_F(ReportFixture, TheQuizHardestQuestionsFirstAndByAgeGroup) {
    const Report r = readBoth({boothA, boothB});
    EXPECT_EQ(r.quiz.sessions, 3);
    EXPECT_EQ(r.quiz.finished, 2);
    EXPECT_DOUBLE_EQ(r.quiz.averageScore(), 1000.0);
    EXPECT_EQ(r.quiz.answers, 6);
    EXPECT_EQ(r.quiz.correct, 3);
    ASSERT_EQ(r.quiz.questions.size(), 3u);
    EXPECT_EQ(r.quiz.questions[0].id, "q2"); // 0 of 2
    EXPECT_EQ(r.quiz.questions[1].id, "q1"); // 2 of 3 (the class's answer included)
    EXPECT_EQ(r.quiz.questions[1].answers, 3);
    EXPECT_EQ(r.quiz.questions[1].correct, 2);
    EXPECT_EQ(r.quiz.questions[2].id, "q3"); // 1 of 1
    EXPECT_EQ(r.quiz.questions[0].title.zh, "能用胶带修补档案吗？");
    ASSERT_EQ(r.quiz.ageBands.size(), 2u);
    EXPECT_EQ(r.quiz.ageBands[0].band, "primary");
    EXPECT_EQ(r.quiz.ageBands[0].started, 1);
    EXPECT_DOUBLE_EQ(r.quiz.ageBands[0].averageScore(), 2000.0);
    EXPECT_EQ(r.quiz.ageBands[0].correct, 2);
    EXPECT_EQ(r.quiz.ageBands[1].band, "adult");
    EXPECT_EQ(r.quiz.ageBands[1].started, 2);
    EXPECT_EQ(r.quiz.ageBands[1].finished, 1);
    EXPECT_EQ(r.quiz.ageBands[1].answers, 3);
    ASSERT_EQ(r.quiz.contests.size(), 1u);
    EXPECT_EQ(r.quiz.contests[0].booth, "hall-west");
    EXPECT_EQ(r.quiz.contests[0].teams, 2);
    EXPECT_EQ(r.quiz.contests[0].winner.zh, "红队");
    EXPECT_EQ(r.quiz.contests[0].winnerScore, 1000);
}

TEST_F(ReportFixture, LanguagesAndTheStaffsTallies) {
    const Report r = readBoth({boothA, boothB});
    ASSERT_EQ(r.languages.size(), 2u);
    EXPECT_EQ(r.languages[0].language, "zh");
    EXPECT_EQ(r.languages[0].sessions, 4);
    EXPECT_EQ(r.languages[1].language, "en");
    EXPECT_EQ(r.languages[1].sessions, 2); // switched, and started in English
    EXPECT_EQ(r.languageSwitches, 1);
    ASSERT_EQ(r.tallies.size(), 2u);
    EXPECT_EQ(r.tallies[0].booth, "hall-east");
    EXPECT_EQ(r.tallies[0].tally.leaflets, 4000);
    EXPECT_EQ(r.tallies[1].booth, "hall-west");
    EXPECT_FALSE(r.tallies[1].tally.leaflets.has_value());
    EXPECT_EQ(r.tallyVisitors, 800);
    EXPECT_EQ(r.tallyLeaflets, 4000);
}

TEST_F(ReportFixture, ADateRangeCountsOnlyItsDays) {
    const Report day2 = readBoth({boothA, boothB}, {"2024-06-10", "2024-06-10"});
    EXPECT_EQ(day2.sessions, 2);
    EXPECT_EQ(day2.items.size(), 1u);
    EXPECT_EQ(day2.tallies.size(), 1u);
    EXPECT_EQ(day2.quiz.contests.size(), 1u);
    ASSERT_EQ(day2.days.size(), 1u);
    const Report day1 = readBoth({boothA, boothB}, {"", "2024-06-09"});
    EXPECT_EQ(day1.sessions, 3);
    EXPECT_EQ(day1.quiz.contests.size(), 0u);
    EXPECT_EQ(day1.firstDay, "2024-06-09");
    // A range wider than the data lists every day of it.
    const Report week = readBoth({boothA}, {"2024-06-08", "2024-06-12"});
    EXPECT_EQ(week.days.size(), 5u);
    EXPECT_EQ(week.days[1].sessions, 3);
}

TEST_F(ReportFixture, TheSummaryParagraphInBothLanguages) {
    const Report r = readBoth({boothA, boothB});
    const std::string zh = reportSummary(r, Language::Zh);
    for (const char* part :
         {"活动期间（2024年6月9日至2024年6月10日），展台共接待互动 5 人次，平均每次 1分15秒，"
          "中位数 1分15秒。",
          "互动最多的时段是2024年6月9日 10时至11时（2 人次）。",
          "观众共浏览展品 4 次，最受关注的是“书信”（3 次）。", "视频播放 2 次，其中完整观看 1 次。",
          "知识问答共 3 人次参与，平均得分 1000 分，答题正确率 50.0%。", "举行班级竞赛 1 场。",
          "另据工作人员人工统计，现场参观约 800 人，发放宣传资料 4000 份。"})
        EXPECT_TRUE(contains(zh, part)) << part << "\nin: " << zh;
    const std::string en = reportSummary(r, Language::En);
    for (const char* part :
         {"During the event (9 June 2024 to 10 June 2024) the booth had 5 interaction sessions",
          "The busiest hour was 9 June 2024, 10:00–11:00 (2 sessions).", "“Letter” most often (3)",
          "1 class contest was held.",
          "By the staff's own count, about 800 people visited and 4000 leaflets were handed out."})
        EXPECT_TRUE(contains(en, part)) << part << "\nin: " << en;
    const Report empty = readBoth({boothA}, {"2030-01-01", "2030-01-02"});
    EXPECT_EQ(reportSummary(empty, Language::Zh), "统计期间展台未记录到互动。");
}

TEST_F(ReportFixture, FaultsAreErrorsNamingWhatToDo) {
    auto missing = readReport({boothA, m_dir / "no-such-booth"}, {}, china);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, kStatsCannotOpen);
    EXPECT_TRUE(contains(missing.error().messageZh, "state_dir")) << missing.error().messageZh;
    auto badDate = readReport({boothA}, {"2024-6-9", ""}, china);
    ASSERT_FALSE(badDate);
    EXPECT_EQ(badDate.error().code, "report.bad_date");
    // The database file itself may be given instead of its folder.
    const Report byFile = readBoth({StatsStore::databasePath(boothA)});
    EXPECT_EQ(byFile.sessions, 3);
    EXPECT_EQ(byFile.booths[0].id, "hall-east");
}

TEST_F(ReportFixture, ACopyWithoutItsWalOpensImmutable) {
    // The fixture's store closed its file, so SQLite checkpointed and removed the -wal: the file
    // alone is complete. Opened immutable under a name SQLite's URIs must escape.
    const fs::path copy = m_dir / "usb stick" / "booth%1?#" / "lantai.sqlite";
    fs::create_directories(copy.parent_path());
    fs::copy_file(StatsStore::databasePath(boothA), copy);
    SqliteConnection db;
    ASSERT_TRUE(db.open(copy, true, true));
    SqliteStatement q(db, "SELECT count(*) FROM events WHERE kind = 'session_start'");
    ASSERT_EQ(q.step(), SQLITE_ROW);
    EXPECT_EQ(q.int64(0), 3);
    EXPECT_FALSE(fs::exists(copy.string() + "-shm")) << "an immutable file needs no -shm";
}

TEST(ReportText, KeepsToTheGlossary) {
    const auto conflicts = glossaryConflicts(allReportTextEntries());
    for (const auto& c : conflicts)
        ADD_FAILURE() << c.message;
    for (const auto& e : allReportTextEntries()) {
        EXPECT_TRUE(std::string(e.key).starts_with("report.")) << e.key;
        EXPECT_FALSE(std::string(e.zh).empty()) << e.key;
        EXPECT_FALSE(std::string(e.en).empty()) << e.key;
    }
    EXPECT_EQ(reportDuration(75, Language::Zh), "1分15秒");
    EXPECT_EQ(reportDuration(9.6, Language::En), "10 s");
    EXPECT_EQ(reportPercent(1, 3), "33.3%");
    EXPECT_EQ(reportPercent(0, 0), "—");
    EXPECT_EQ(reportNumber(1000), "1000");
    EXPECT_EQ(reportNumber(2.25), "2.3");
    EXPECT_EQ(reportAgeBand("primary", Language::Zh), "小学");
    EXPECT_EQ(reportPeriod("2024-06-09", "2024-06-09", Language::En), "9 June 2024");
}
