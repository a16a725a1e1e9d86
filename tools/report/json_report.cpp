// tools/report: the activity report's figures as JSON for machines
#include "tools/report/json_report.h"

#include "core/report/report_summary.h"

#include <cmath>

namespace lantai::report {

namespace {

using nlohmann::json;

json text(const core::LocalizedText& t) {
    return {{"zh", t.zh}, {"en", t.en}};
}

double rounded(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

json optional(const std::optional<std::int64_t>& n) {
    return n ? json(*n) : json(nullptr);
}

json quiz(const core::QuizFigures& q) {
    json questions = json::array();
    for (const auto& x : q.questions)
        questions.push_back({{"id", x.id},
                             {"title", text(x.title)},
                             {"answers", x.answers},
                             {"correct", x.correct}});
    json bands = json::array();
    for (const auto& b : q.ageBands)
        bands.push_back({{"band", b.band},
                         {"started", b.started},
                         {"finished", b.finished},
                         {"average_score", rounded(b.averageScore())},
                         {"answers", b.answers},
                         {"correct", b.correct}});
    json contests = json::array();
    for (const auto& c : q.contests)
        contests.push_back({{"booth", c.booth},
                            {"started_at", c.startedAt},
                            {"age_band", c.ageBand},
                            {"teams", c.teams},
                            {"questions_per_team", c.questionsPerTeam},
                            {"finished", c.finished},
                            {"winner", text(c.winner)},
                            {"winner_score", c.winnerScore}});
    return {{"sessions", q.sessions}, {"phone_games", q.phoneGames},
            {"finished", q.finished}, {"average_score", rounded(q.averageScore())},
            {"answers", q.answers},   {"correct", q.correct},
            {"questions", questions}, {"age_bands", bands},
            {"contests", contests}};
}

json places(const std::vector<core::PlaceFigures>& list) {
    json out = json::array();
    for (const auto& p : list)
        out.push_back({{"id", p.id}, {"title", text(p.title)}, {"views", p.views}});
    return out;
}

} // namespace

json jsonReport(const core::Report& r) {
    json booths = json::array();
    for (const auto& b : r.booths)
        booths.push_back({{"id", b.id},
                          {"source", b.source.string()},
                          {"read_as", b.readAs},
                          {"sessions", b.sessions},
                          {"events", b.events},
                          {"packs", b.packs}});
    json days = json::array();
    for (const auto& d : r.days)
        days.push_back({{"date", d.date}, {"sessions", d.sessions}});
    json hours = json::array();
    for (int h = 0; h < 24; ++h)
        hours.push_back({{"hour", h}, {"sessions", r.hours[static_cast<std::size_t>(h)]}});
    json items = json::array();
    for (const auto& i : r.items)
        items.push_back({{"id", i.id},
                         {"title", text(i.title)},
                         {"views", i.views},
                         {"dwell_seconds", rounded(i.dwellSeconds)},
                         {"zoomed", i.zoomed},
                         {"qr_shown", i.qrShown}});
    json videos = json::array();
    for (const auto& v : r.videos)
        videos.push_back({{"id", v.id},
                          {"title", text(v.title)},
                          {"plays", v.plays},
                          {"completed", v.completed},
                          {"seconds_watched", rounded(v.secondsWatched)}});
    json languages = json::array();
    for (const auto& l : r.languages)
        languages.push_back({{"language", l.language}, {"sessions", l.sessions}});
    json tallies = json::array();
    for (const auto& t : r.tallies)
        tallies.push_back({{"date", t.tally.date},
                           {"booth", t.booth},
                           {"visitors", optional(t.tally.visitors)},
                           {"leaflets", optional(t.tally.leaflets)},
                           {"note", t.tally.note.value_or("")}});
    json busiest = nullptr;
    if (r.busiestHour >= 0)
        busiest = {
            {"date", r.busiestDay}, {"hour", r.busiestHour}, {"sessions", r.busiestHourSessions}};
    return {{"format", "lantai-report"},
            {"format_version", 1},
            {"range", {{"from", r.range.from}, {"to", r.range.to}}},
            {"first_day", r.firstDay},
            {"last_day", r.lastDay},
            {"booths", booths},
            {"sessions", r.sessions},
            {"sessions_ended", r.endedSessions},
            {"session_seconds_total", rounded(r.sessionSecondsTotal)},
            {"session_seconds_median", rounded(r.sessionSecondsMedian)},
            {"sessions_per_day", days},
            {"sessions_per_hour", hours},
            {"busiest_hour", busiest},
            {"items", items},
            {"exhibitions", places(r.exhibitions)},
            {"chapters", places(r.chapters)},
            {"funnel",
             {{"sessions", r.funnel.sessions},
              {"exhibition", r.funnel.exhibition},
              {"chapter", r.funnel.chapter},
              {"item", r.funnel.item}}},
            {"videos", videos},
            {"quiz", quiz(r.quiz)},
            {"languages", languages},
            {"language_switches", r.languageSwitches},
            {"zooms", r.zooms},
            {"qr_shown", r.qrShown},
            {"tallies", tallies},
            {"tally_totals", {{"visitors", r.tallyVisitors}, {"leaflets", r.tallyLeaflets}}},
            {"summary",
             {{"zh", core::reportSummary(r, core::Language::Zh)},
              {"en", core::reportSummary(r, core::Language::En)}}}};
}

} // namespace lantai::report
