// core/report: the activity report's figures — sessions, items, videos, the quiz, languages and
// the staff's tallies over one or many booths (what every output format shows)
#pragma once

#include "core/base/localized_text.h"
#include "core/stats/tallies.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace lantai::core {

// The days a report covers, local dates "YYYY-MM-DD", inclusive; empty: from the first (or to
// the last) day the databases hold.
struct ReportRange {
    std::string from;
    std::string to;
};

// One booth's database as the report read it.
struct BoothSummary {
    std::string id;               // stats.booth_id from its events (the folder's name if none)
    std::filesystem::path source; // the state folder (or database file) given
    std::string readAs;           // "" (read in place), "immutable" or "copy" (a USB stick)
    std::int64_t events = 0;      // events in the range
    std::int64_t sessions = 0;
    std::vector<std::string> packs; // "id@version"
};

struct ItemFigures {
    std::string id;
    LocalizedText title; // empty when the database does not name it
    std::int64_t views = 0;
    double dwellSeconds = 0;
    std::int64_t zoomed = 0;  // views with zoom used
    std::int64_t qrShown = 0; // views that showed the QR code
};

struct PlaceFigures { // an exhibition or a part (chapter)
    std::string id;
    LocalizedText title;
    std::int64_t views = 0;
};

struct VideoFigures {
    std::string id;
    LocalizedText title;
    std::int64_t plays = 0;
    std::int64_t completed = 0; // watched to the end
    double secondsWatched = 0;
};

struct QuestionFigures {
    std::string id;
    LocalizedText title; // the prompt
    std::int64_t answers = 0;
    std::int64_t correct = 0;
    double accuracy() const { return answers > 0 ? double(correct) / double(answers) : 0.0; }
};

struct AgeBandFigures {
    std::string band; // "primary", "secondary", "adult"
    std::int64_t started = 0;
    std::int64_t finished = 0;
    double scoreSum = 0; // of the finished
    std::int64_t answers = 0;
    std::int64_t correct = 0;
    double averageScore() const { return finished > 0 ? scoreSum / double(finished) : 0.0; }
};

struct ContestFigures {
    std::string booth;
    std::int64_t startedAt = 0; // unix seconds
    std::string ageBand;
    int teams = 0;
    int questionsPerTeam = 0;
    bool finished = false;
    LocalizedText winner; // the first-placed team's name
    int winnerScore = 0;
};

struct QuizFigures {
    std::int64_t sessions = 0;   // solo quizzes started
    std::int64_t phoneGames = 0; // class games on the pupils' phones started (core/phones)
    std::int64_t finished = 0;
    double scoreSum = 0;
    std::int64_t answers = 0; // every answer, class contests included
    std::int64_t correct = 0;
    std::vector<QuestionFigures> questions; // hardest first (lowest accuracy, then most answers)
    std::vector<AgeBandFigures> ageBands;   // primary, secondary, adult (those that occur)
    std::vector<ContestFigures> contests;   // oldest first
    double averageScore() const { return finished > 0 ? scoreSum / double(finished) : 0.0; }
};

struct Funnel {
    std::int64_t sessions = 0;
    std::int64_t exhibition = 0; // sessions that opened an exhibition
    std::int64_t chapter = 0;    // … a part
    std::int64_t item = 0;       // … an item
};

struct DayFigures {
    std::string date; // "YYYY-MM-DD"
    std::int64_t sessions = 0;
};

struct LanguageFigures {
    std::string language;      // "zh", "en"
    std::int64_t sessions = 0; // sessions that used it (one session may count for both)
};

struct TallyRow {
    std::string booth;
    ManualTally tally;
};

struct Report {
    ReportRange range;    // asked for
    std::string firstDay; // the days the figures cover ("" when there are none)
    std::string lastDay;
    std::vector<BoothSummary> booths;

    std::int64_t sessions = 0; // 互动人次: interaction sessions started
    std::int64_t endedSessions = 0;
    double sessionSecondsTotal = 0;
    double sessionSecondsMedian = 0;
    std::vector<DayFigures> days;         // every day from firstDay to lastDay
    std::array<std::int64_t, 24> hours{}; // sessions by local hour of day, all days together
    std::string busiestDay;               // the busiest single hour: its day …
    int busiestHour = -1;                 // … and hour (-1: none)
    std::int64_t busiestHourSessions = 0;

    std::vector<ItemFigures> items; // most viewed first
    std::vector<PlaceFigures> exhibitions;
    std::vector<PlaceFigures> chapters;
    Funnel funnel;
    std::vector<VideoFigures> videos; // most played first
    QuizFigures quiz;
    std::vector<LanguageFigures> languages;
    std::int64_t languageSwitches = 0;
    std::int64_t zooms = 0;
    std::int64_t qrShown = 0;

    std::vector<TallyRow> tallies; // by date, then booth
    std::int64_t tallyVisitors = 0;
    std::int64_t tallyLeaflets = 0;
};

} // namespace lantai::core
