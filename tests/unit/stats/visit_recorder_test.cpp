// tests: a visit as interaction events — sessions ending at the last touch, screens, item views
// with their dwell, zoom and QR once per view, videos watched and completed, languages, the quiz
#include "core/stats/event_kinds.h"
#include "core/stats/visit_recorder.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace lantai::core;

namespace {

constexpr double kUnixAtZero = 1717905600.0; // 2024-06-09 12:00:00 in UTC+8, at host second 0

EventClock at(double now) {
    return {now, kUnixAtZero + now};
}

VisitSnapshot on(const char* screen, double lastActivity) {
    VisitSnapshot s;
    s.active = true;
    s.lastActivity = lastActivity;
    s.screen = screen;
    s.language = "zh";
    return s;
}

VisitSnapshot idle(double lastActivity) {
    VisitSnapshot s;
    s.lastActivity = lastActivity;
    return s;
}

// "kind:subject" of each event, for comparing sequences.
std::vector<std::string> kinds(const std::vector<StatsEvent>& events) {
    std::vector<std::string> out;
    for (const auto& e : events)
        out.push_back(e.kind + (e.subjectId.empty() ? "" : ":" + e.subjectId));
    return out;
}

const StatsEvent& find(const std::vector<StatsEvent>& events, const std::string& kind,
                       const std::string& subject = "") {
    for (const auto& e : events)
        if (e.kind == kind && (subject.empty() || e.subjectId == subject)) return e;
    ADD_FAILURE() << "no " << kind << " " << subject;
    static const StatsEvent none;
    return none;
}

class VisitRecorderTest : public ::testing::Test {
  protected:
    void SetUp() override { r.setContext({"hall-east", "demo", "0123456789ab"}); }
    VisitRecorder r;
};

TEST_F(VisitRecorderTest, ABrowsingVisitFromFirstTouchToTheIdleReset) {
    r.observe(idle(0), at(5));
    EXPECT_TRUE(r.takeEvents().empty()) << "the attract loop is no visit";
    r.observe(on("home", 10), at(10));
    auto s = on("exhibition", 12);
    s.exhibition = "red";
    r.observe(s, at(12));
    s = on("chapter", 14);
    s.chapter = "ch1";
    r.observe(s, at(14));
    s = on("item", 20);
    s.item = "letter";
    r.observe(s, at(20));
    s.zoomed = true;
    s.lastActivity = 25;
    r.observe(s, at(25));
    r.observe(s, at(26)); // still zoomed: counted once
    s = on("item", 40);
    s.item = "diary";
    s.qrShown = true;
    r.observe(s, at(40));
    r.observe(s, at(41));
    // The visitor walks away at 52; the idle timeout and "still there?" reset the kiosk at 153.
    s.lastActivity = 52;
    r.observe(s, at(120));
    r.observe(idle(52), at(153));
    EXPECT_FALSE(r.visitActive());

    const auto events = r.takeEvents();
    EXPECT_EQ(kinds(events),
              (std::vector<std::string>{"session_start", "screen:home", "screen:exhibition",
                                        "exhibition_view:red", "screen:chapter", "chapter_view:ch1",
                                        "screen:item", "zoom:letter", "item_view:letter",
                                        "qr_shown:diary", "item_view:diary", "session_end"}));
    const StatsEvent& start = find(events, event_kind::kSessionStart);
    EXPECT_EQ(start.detail, "zh");
    EXPECT_EQ(start.timestamp, static_cast<std::int64_t>(kUnixAtZero) + 10);
    EXPECT_EQ(start.session, static_cast<std::int64_t>((kUnixAtZero + 10) * 1000));
    for (const auto& e : events) {
        EXPECT_EQ(e.session, start.session) << e.kind;
        EXPECT_EQ(e.boothId, "hall-east");
        EXPECT_EQ(e.packId, "demo");
        EXPECT_EQ(e.packVersion, "0123456789ab");
    }
    const StatsEvent& letter = find(events, event_kind::kItemView, "letter");
    EXPECT_DOUBLE_EQ(*letter.value, 20.0);                                    // 20 → 40
    EXPECT_EQ(letter.timestamp, static_cast<std::int64_t>(kUnixAtZero) + 20); // when it opened
    const StatsEvent& diary = find(events, event_kind::kItemView, "diary");
    EXPECT_DOUBLE_EQ(*diary.value, 12.0) << "ends at the last touch, not at the reset";
    const StatsEvent& end = find(events, event_kind::kSessionEnd);
    EXPECT_DOUBLE_EQ(*end.value, 42.0); // 10 → 52
    EXPECT_EQ(end.timestamp, static_cast<std::int64_t>(kUnixAtZero) + 52);
}

TEST_F(VisitRecorderTest, LanguageSwitchesButNotTheResetBack) {
    r.observe(on("home", 1), at(1));
    auto s = on("home", 3);
    s.language = "en";
    r.observe(s, at(3));
    s.language = "zh";
    s.lastActivity = 5;
    r.observe(s, at(5));
    r.observe(idle(5), at(110));
    r.observe(on("home", 200), at(200)); // a new visit, in the default language again
    const auto events = r.takeEvents();
    EXPECT_EQ(kinds(events), (std::vector<std::string>{"session_start", "screen:home",
                                                       "language:en", "language:zh", "session_end",
                                                       "session_start", "screen:home"}));
    EXPECT_NE(events[0].session, events[5].session);
}

TEST_F(VisitRecorderTest, VideosCountWhatWasWatchedAndWhetherItEnded) {
    r.observe(on("videos", 1), at(1));
    auto s = on("video", 2);
    s.video = "intro";
    s.videoDuration = 15;
    for (int t = 0; t <= 6; ++t) { // plays 6 s
        s.videoPosition = t;
        r.observe(s, at(2 + t));
    }
    s.videoPosition = 14.5; // the visitor skips ahead: 8.5 s of film in 1 s
    r.observe(s, at(9));
    s.videoEnded = true;
    r.observe(s, at(9.6));
    r.observe(on("videos", 10), at(10));
    s = on("video", 11);
    s.video = "outro";
    s.videoDuration = 20;
    s.videoPosition = 0;
    r.observe(s, at(11));
    s.videoPosition = 3;
    r.observe(s, at(14));
    r.observe(on("videos", 15), at(15)); // left early
    s.video = "broken";
    s.videoPosition = 0;
    r.observe(s, at(16));
    r.observe(on("videos", 18), at(18)); // never played: no play counted
    const auto events = r.takeEvents();
    const StatsEvent& intro = find(events, event_kind::kVideoPlay, "intro");
    EXPECT_DOUBLE_EQ(*intro.value, 6.0 + 2.0 + 0.0); // the skip counts as the 1 s that passed + 1
    EXPECT_EQ(intro.detail, event_kind::kCompleted);
    const StatsEvent& outro = find(events, event_kind::kVideoPlay, "outro");
    EXPECT_DOUBLE_EQ(*outro.value, 3.0);
    EXPECT_EQ(outro.detail, "");
    for (const auto& e : events)
        EXPECT_NE(e.subjectId, "broken");
}

TEST_F(VisitRecorderTest, AnItemViewGoesOnWhileItsVideoPlays) {
    r.observe(on("home", 1), at(1));
    auto s = on("item", 2);
    s.item = "letter";
    r.observe(s, at(2));
    s.screen = "video"; // "watch the video" from the item
    s.video = "clip";
    s.videoPosition = 0;
    r.observe(s, at(5));
    s.videoPosition = 4;
    r.observe(s, at(9));
    s.screen = "item";
    s.video.clear();
    r.observe(s, at(10));
    auto chapter = on("chapter", 30);
    chapter.chapter = "ch1";
    r.observe(chapter, at(30));
    const auto events = r.takeEvents();
    int views = 0;
    for (const auto& e : events)
        views += e.kind == event_kind::kItemView;
    EXPECT_EQ(views, 1);
    EXPECT_DOUBLE_EQ(*find(events, event_kind::kItemView, "letter").value, 28.0);
    EXPECT_DOUBLE_EQ(*find(events, event_kind::kVideoPlay, "clip").value, 4.0);
}

TEST_F(VisitRecorderTest, QuizEventsBelongToTheVisit) {
    r.observe(on("quiz", 1), at(1));
    r.quizStarted("solo", "primary", at(2));
    r.quizAnswered("q-reference-code", true, "primary", at(4));
    r.quizAnswered("q-no-tape", false, "primary", at(6));
    r.quizFinished(1000, "primary", at(7));
    r.quizStarted("team", "adult", at(8));
    r.contestFinished(3, "red", at(20));
    const auto events = r.takeEvents();
    EXPECT_EQ(kinds(events),
              (std::vector<std::string>{"session_start", "screen:quiz", "quiz_start:solo",
                                        "quiz_answer:q-reference-code", "quiz_answer:q-no-tape",
                                        "quiz_finish:solo", "quiz_start:team", "contest:team"}));
    EXPECT_DOUBLE_EQ(*events[3].value, 1.0);
    EXPECT_DOUBLE_EQ(*events[4].value, 0.0);
    EXPECT_EQ(events[4].detail, "primary");
    EXPECT_DOUBLE_EQ(*events[5].value, 1000.0);
    EXPECT_DOUBLE_EQ(*events[7].value, 3.0);
    EXPECT_EQ(events[7].detail, "red");
    for (const auto& e : events)
        EXPECT_EQ(e.session, events[0].session);
}

TEST_F(VisitRecorderTest, TheKioskStoppingEndsTheVisitAtTheLastTouch) {
    r.observe(on("home", 1), at(1));
    auto s = on("item", 4);
    s.item = "letter";
    r.observe(s, at(4));
    s.lastActivity = 9;
    r.observe(s, at(30));
    r.endVisit(at(31));
    r.endVisit(at(32)); // nothing more
    const auto events = r.takeEvents();
    EXPECT_DOUBLE_EQ(*find(events, event_kind::kItemView, "letter").value, 5.0);
    EXPECT_DOUBLE_EQ(*find(events, event_kind::kSessionEnd).value, 8.0);
    EXPECT_EQ(events.back().kind, event_kind::kSessionEnd);
    EXPECT_FALSE(r.visitActive());
}

} // namespace
