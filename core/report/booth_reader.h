// core/report: one booth's figures read from its statistics database — the aggregate queries
// (SQL does the counting; the report merges booths)
#pragma once

#include "core/report/booth_database.h"
#include "core/report/report_model.h"
#include "core/stats/calendar.h"
#include "core/stats/subject_names.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lantai::core {

// One booth's counts in a form that adds up across booths (buildReport merges them).
struct BoothFigures {
    BoothSummary summary;
    std::map<std::int64_t, std::int64_t> sessionStarts; // quarter hour (unix / 900) -> sessions
    std::vector<double> sessionSeconds;                 // of each ended session
    std::map<std::string, ItemFigures> items;
    std::map<std::string, PlaceFigures> exhibitions;
    std::map<std::string, PlaceFigures> chapters;
    std::map<std::string, VideoFigures> videos;
    std::map<std::string, QuestionFigures> questions;
    std::map<std::string, AgeBandFigures> ageBands;
    Funnel funnel;
    QuizFigures quiz; // the counters; questions, bands and contests are in the fields here
    std::map<std::string, std::int64_t> languages;
    std::int64_t languageSwitches = 0;
    std::int64_t zooms = 0;
    std::int64_t qrShown = 0;
    std::vector<ContestFigures> contests;
    std::vector<ManualTally> tallies;
    std::vector<SubjectName> names;
};

// The unix time range of the local days of `range` (an empty end is open), at the UTC offset
// `utcOffset` gives for a moment; nullopt with the bad date in `bad` when one is malformed.
std::optional<TimeRange> reportTimeRange(const ReportRange& range, int (*utcOffset)(std::int64_t),
                                         std::string& bad);

// Reads one booth's figures over `times` (the tallies over the days of `range`).
Result<BoothFigures> readBooth(BoothDatabase& db, const std::filesystem::path& source,
                               TimeRange times, const ReportRange& range);

// Every aggregate query readBooth runs, with ?1 and ?2 the range's begin and end (benchmarks
// run the same SQL through the sqlite3 program as the peer).
struct ReportQuery {
    const char* name;
    const char* sql;
};
const std::vector<ReportQuery>& reportQueries();

} // namespace lantai::core
