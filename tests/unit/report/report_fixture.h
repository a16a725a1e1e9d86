// tests: two booths' statistics databases with a known day of visits each (the figures every
// report test checks against), written through the stats store as the kiosk writes them
#pragma once

#include "core/stats/event_kinds.h"
#include "core/stats/stats_store.h"
#include "tests/unit/stats/stats_test_support.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::report_test {

using namespace lantai::core;
namespace fs = std::filesystem;
namespace ek = lantai::core::event_kind;

inline int china(std::int64_t) {
    return 8 * 3600;
}

// 2024-06-09 00:00 and 2024-06-10 00:00 in UTC+8.
inline constexpr std::int64_t kDay1 = 1717862400;
inline constexpr std::int64_t kDay2 = kDay1 + 86400;
inline constexpr std::int64_t kHour = 3600;

// Events of one visit starting at `start`, all stamped with its booth and session.
class Visit {
  public:
    Visit(std::string booth, std::int64_t start, std::string language) : m_booth(std::move(booth)) {
        m_session = start * 1000;
        add(start, ek::kSessionStart, "", std::nullopt, std::move(language));
    }
    Visit& add(std::int64_t t, const char* kind, std::string subject = "",
               std::optional<double> value = {}, std::string detail = "") {
        const EventStamp stamp{m_booth, "demo", "0123456789ab", m_session};
        m_events.push_back(
            stampedEvent(stamp, t, kind, std::move(subject), value, std::move(detail)));
        return *this;
    }
    const std::vector<StatsEvent>& events() const { return m_events; }

  private:
    std::string m_booth;
    std::int64_t m_session = 0;
    std::vector<StatsEvent> m_events;
};

class ReportFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() /
                ("lantai-report-" + std::to_string(::getpid()) + "-" + info->name());
        fs::remove_all(m_dir);
        boothA = m_dir / "hall-east";
        boothB = m_dir / "hall-west";
        writeBoothA();
        writeBoothB();
    }
    void TearDown() override { fs::remove_all(m_dir); }

    static void store(const fs::path& dir, const std::vector<Visit>& visits,
                      const std::function<void(StatsStore&)>& more) {
        StatsStore s;
        ASSERT_TRUE(s.open(StatsStore::databasePath(dir), kDay1));
        for (const Visit& v : visits)
            ASSERT_TRUE(s.recordEvents(v.events()));
        more(s);
    }

    // Day 1 at hall-east: three visits (10:05, 10:40, 14:10).
    void writeBoothA() {
        const std::int64_t s1 = kDay1 + 10 * kHour + 5 * 60;
        const std::int64_t s2 = kDay1 + 10 * kHour + 40 * 60;
        const std::int64_t s3 = kDay1 + 14 * kHour + 10 * 60;
        Visit v1("hall-east", s1, "zh");
        v1.add(s1, ek::kScreen, "home")
            .add(s1 + 2, ek::kExhibitionView, "red")
            .add(s1 + 4, ek::kChapterView, "ch1")
            .add(s1 + 6, ek::kItemView, "letter", 30.0)
            .add(s1 + 10, ek::kZoom, "letter")
            .add(s1 + 36, ek::kItemView, "diary", 10.0)
            .add(s1 + 40, ek::kQrShown, "diary")
            .add(s1 + 60, ek::kSessionEnd, "", 60.0);
        Visit v2("hall-east", s2, "zh");
        v2.add(s2 + 1, ek::kLanguage, "en")
            .add(s2 + 2, ek::kQuizStart, "solo", {}, "primary")
            .add(s2 + 5, ek::kQuizAnswer, "q1", 1.0, "primary")
            .add(s2 + 9, ek::kQuizAnswer, "q2", 0.0, "primary")
            .add(s2 + 12, ek::kItemView, "letter", 20.0) // "see the archive" from the quiz
            .add(s2 + 40, ek::kQuizAnswer, "q3", 1.0, "primary")
            .add(s2 + 44, ek::kQuizFinish, "solo", 2000.0, "primary")
            .add(s2 + 120, ek::kSessionEnd, "", 120.0);
        Visit v3("hall-east", s3, "en");
        v3.add(s3 + 1, ek::kVideoPlay, "clip", 15.0, ek::kCompleted)
            .add(s3 + 20, ek::kVideoPlay, "clip", 5.0)
            .add(s3 + 30, ek::kSessionEnd, "", 30.0);
        store(boothA, {v1, v2, v3}, [](StatsStore& s) {
            const std::vector<SubjectName> names = {
                {"demo", "item", "letter", "书信", "Letter"},
                {"demo", "item", "diary", "日记, 第一册", "=Diary"},
                {"demo", "video", "clip", "导览片", "Tour"},
                {"demo", "question", "q1", "档号是什么？", "What is a reference code?"},
                {"demo", "question", "q2", "能用胶带修补档案吗？", "Mend with tape?"},
                {"demo", "question", "q3", "戴手套吗？", "Gloves?"},
                {"demo", "exhibition", "red", "红色档案", "Red archives"},
                {"demo", "chapter", "ch1", "<b>奠基</b>", "Foundations"}};
            ASSERT_TRUE(s.recordSubjectNames(names));
            ManualTally t;
            t.date = "2024-06-09";
            t.visitors = 500;
            t.leaflets = 4000;
            t.note = "晴";
            ASSERT_TRUE(s.recordTally(t));
        });
    }

    // Day 2 at hall-west: one visit (10:20) with an abandoned quiz, then a class contest.
    void writeBoothB() {
        const std::int64_t s4 = kDay2 + 10 * kHour + 20 * 60;
        Visit v4("hall-west", s4, "zh");
        v4.add(s4 + 1, ek::kExhibitionView, "red")
            .add(s4 + 5, ek::kItemView, "letter", 40.0)
            .add(s4 + 50, ek::kQuizStart, "solo", {}, "adult")
            .add(s4 + 52, ek::kQuizAnswer, "q1", 0.0, "adult")
            .add(s4 + 55, ek::kQuizAnswer, "q2", 0.0, "adult")
            .add(s4 + 56, ek::kQuizFinish, "solo", 0.0, "adult")
            .add(s4 + 60, ek::kQuizStart, "solo", {}, "adult")
            .add(s4 + 90, ek::kSessionEnd, "", 90.0);
        const std::int64_t c = kDay2 + 11 * kHour;
        Visit contest("hall-west", c, "zh");
        contest.add(c + 1, ek::kQuizStart, "team", {}, "adult")
            .add(c + 30, ek::kQuizAnswer, "q1", 1.0, "adult")
            .add(c + 60, ek::kContest, "team", 2.0, "red");
        // The contest is a visit of its own: its session_start counts, it ends unrecorded.
        store(boothB, {v4, contest}, [c](StatsStore& s) {
            TeamSessionRecord r = stats_test::redBeatsBlue(); // red 1000, blue 0
            r.startedAt = c;
            r.finishedAt = c + 60;
            ASSERT_TRUE(s.recordTeamSession(r));
            ManualTally t;
            t.date = "2024-06-10";
            t.visitors = 300;
            ASSERT_TRUE(s.recordTally(t));
        });
    }

    fs::path m_dir;
    fs::path boothA;
    fs::path boothB;
};

} // namespace lantai::report_test
