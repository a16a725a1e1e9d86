// tools/report: the report as titled tables — the one layout of the HTML, XLSX and CSV outputs
#include "tools/report/report_tables.h"

#include "core/base/utf8.h"
#include "core/report/report_text.h"
#include "core/stats/calendar.h"

#include <algorithm>
#include <cmath>

namespace lantai::report {

using core::Language;
using core::reportText;

namespace {

constexpr std::size_t kChartRows = 15; // bars drawn for the long tables (all rows are listed)

ReportCell text(std::string s) {
    return {std::move(s), std::nullopt};
}

ReportCell count(std::int64_t n) {
    return {std::to_string(n), static_cast<double>(n)};
}

ReportCell seconds(double s) {
    return {core::reportNumber(s), std::round(s * 10.0) / 10.0};
}

ReportCell share(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return text("—");
    const double percent = std::round(1000.0 * double(part) / double(whole)) / 10.0;
    return {core::reportPercent(part, whole), percent};
}

std::string titleOr(const core::LocalizedText& title, const std::string& id, Language language) {
    const std::string& t = title.get(language);
    return t.empty() ? id : t;
}

// A table whose title and columns are report texts.
ReportTable table(const char* key, Language language, std::initializer_list<const char*> columns,
                  std::initializer_list<bool> numeric) {
    ReportTable t;
    t.key = key;
    t.title = reportText(std::string("report.table.") + key, language);
    // The tab's name: the title without its parenthesis (a full-width one is 3 bytes, not a set).
    t.sheet = t.title.substr(0, std::min(t.title.find("（"), t.title.find(" (")));
    for (const char* c : columns)
        t.columns.push_back(reportText(std::string("report.col.") + c, language));
    t.numeric = numeric;
    return t;
}

ReportTable days(const core::Report& r, Language l) {
    ReportTable t = table("days", l, {"day", "sessions"}, {false, true});
    for (const core::DayFigures& d : r.days)
        t.rows.push_back({text(d.date), count(d.sessions)});
    t.chart = ReportChart{false, 1, t.rows.size()};
    return t;
}

ReportTable hours(const core::Report& r, Language l) {
    ReportTable t = table("hours", l, {"hour", "sessions"}, {false, true});
    // The hours with sessions, and every hour between the first and the last of them.
    int first = 24, last = -1;
    for (int h = 0; h < 24; ++h)
        if (r.hours[static_cast<std::size_t>(h)] > 0) {
            first = std::min(first, h);
            last = h;
        }
    for (int h = first; h <= last; ++h) {
        char label[48];
        std::snprintf(label, sizeof label, "%02d:00–%02d:00", h, h + 1);
        t.rows.push_back({text(label), count(r.hours[static_cast<std::size_t>(h)])});
    }
    t.chart = ReportChart{false, 1, t.rows.size()};
    return t;
}

ReportTable items(const core::Report& r, Language l, bool byDwell) {
    ReportTable t = table(byDwell ? "dwell" : "items", l,
                          {"item", "id", "views", "dwell", "average_dwell", "zoomed", "qr"},
                          {false, false, true, true, true, true, true});
    std::vector<const core::ItemFigures*> order;
    for (const auto& i : r.items)
        order.push_back(&i);
    if (byDwell)
        std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
            return a->dwellSeconds > b->dwellSeconds;
        });
    for (const core::ItemFigures* i : order)
        t.rows.push_back({text(titleOr(i->title, i->id, l)), text(i->id), count(i->views),
                          seconds(i->dwellSeconds),
                          seconds(i->views > 0 ? i->dwellSeconds / double(i->views) : 0.0),
                          count(i->zoomed), count(i->qrShown)});
    t.chart = ReportChart{true, byDwell ? 3 : 2, std::min(kChartRows, t.rows.size())};
    return t;
}

ReportTable places(const std::vector<core::PlaceFigures>& list, const char* key, const char* column,
                   Language l) {
    ReportTable t = table(key, l, {column, "id", "views"}, {false, false, true});
    for (const core::PlaceFigures& p : list)
        t.rows.push_back({text(titleOr(p.title, p.id, l)), text(p.id), count(p.views)});
    t.chart = ReportChart{true, 2, std::min(kChartRows, t.rows.size())};
    return t;
}

ReportTable funnel(const core::Report& r, Language l) {
    ReportTable t = table("funnel", l, {"step", "sessions", "share"}, {false, true, true});
    const std::int64_t all = r.funnel.sessions;
    const std::pair<const char*, std::int64_t> steps[] = {
        {"report.funnel.sessions", all},
        {"report.funnel.exhibition", r.funnel.exhibition},
        {"report.funnel.chapter", r.funnel.chapter},
        {"report.funnel.item", r.funnel.item},
    };
    for (const auto& [key, n] : steps)
        t.rows.push_back({text(reportText(key, l)), count(n), share(n, all)});
    t.chart = ReportChart{true, 1, t.rows.size()};
    return t;
}

ReportTable videos(const core::Report& r, Language l) {
    ReportTable t = table("videos", l, {"video", "id", "plays", "completed", "seconds_watched"},
                          {false, false, true, true, true});
    for (const core::VideoFigures& v : r.videos)
        t.rows.push_back({text(titleOr(v.title, v.id, l)), text(v.id), count(v.plays),
                          count(v.completed), seconds(v.secondsWatched)});
    t.chart = ReportChart{true, 2, std::min(kChartRows, t.rows.size())};
    return t;
}

ReportTable questions(const core::Report& r, Language l) {
    ReportTable t = table("questions", l, {"question", "id", "answers", "correct", "accuracy"},
                          {false, false, true, true, true});
    for (const core::QuestionFigures& q : r.quiz.questions)
        t.rows.push_back({text(titleOr(q.title, q.id, l)), text(q.id), count(q.answers),
                          count(q.correct), share(q.correct, q.answers)});
    t.chart = ReportChart{true, 4, std::min(kChartRows, t.rows.size())};
    return t;
}

ReportTable bands(const core::Report& r, Language l) {
    ReportTable t =
        table("bands", l, {"band", "started", "finished", "average_score", "answers", "accuracy"},
              {false, true, true, true, true, true});
    for (const core::AgeBandFigures& b : r.quiz.ageBands)
        t.rows.push_back({text(core::reportAgeBand(b.band, l)),
                          count(b.started),
                          count(b.finished),
                          {core::reportNumber(b.averageScore()), b.averageScore()},
                          count(b.answers),
                          share(b.correct, b.answers)});
    return t;
}

ReportTable contests(const core::Report& r, Language l, int (*utcOffset)(std::int64_t)) {
    ReportTable t =
        table("contests", l, {"time", "booth", "band", "teams", "per_team", "winner", "score"},
              {false, false, false, true, true, false, true});
    for (const core::ContestFigures& c : r.quiz.contests)
        t.rows.push_back(
            {text(core::formatLocalTime(c.startedAt, utcOffset(c.startedAt)).substr(0, 16)),
             text(c.booth), text(core::reportAgeBand(c.ageBand, l)), count(c.teams),
             count(c.questionsPerTeam), text(c.winner.get(l)), count(c.winnerScore)});
    return t;
}

ReportTable languages(const core::Report& r, Language l) {
    ReportTable t = table("languages", l, {"language", "sessions", "share"}, {false, true, true});
    for (const core::LanguageFigures& lang : r.languages)
        t.rows.push_back({text(core::reportLanguageName(lang.language, l)), count(lang.sessions),
                          share(lang.sessions, r.sessions)});
    return t;
}

ReportTable tallies(const core::Report& r, Language l) {
    ReportTable t = table("tallies", l, {"day", "booth", "visitors", "leaflets", "note"},
                          {false, false, true, true, false});
    t.manual = true;
    const auto optional = [](const std::optional<std::int64_t>& n) {
        return n ? count(*n) : text("");
    };
    for (const core::TallyRow& row : r.tallies)
        t.rows.push_back({text(row.tally.date), text(row.booth), optional(row.tally.visitors),
                          optional(row.tally.leaflets), text(row.tally.note.value_or(""))});
    if (!r.tallies.empty())
        t.rows.push_back({text(reportText("report.total", l)), text(""), count(r.tallyVisitors),
                          count(r.tallyLeaflets), text("")});
    return t;
}

ReportTable booths(const core::Report& r, Language l) {
    ReportTable t = table("booths", l, {"booth", "source", "sessions", "events", "packs"},
                          {false, false, true, true, false});
    for (const core::BoothSummary& b : r.booths) {
        std::string source = b.source.string();
        if (!b.readAs.empty()) source += " (" + reportText("report.read_as." + b.readAs, l) + ")";
        std::string packs;
        for (const std::string& p : b.packs)
            packs += (packs.empty() ? "" : ", ") + p;
        t.rows.push_back(
            {text(b.id), text(source), count(b.sessions), count(b.events), text(packs)});
    }
    return t;
}

} // namespace

std::string cutText(const std::string& text, std::size_t maxChars, const std::string& mark) {
    if (core::codePointCount(text) <= maxChars) return text;
    const std::size_t keep = maxChars - core::codePointCount(mark);
    std::size_t pos = 0;
    for (std::size_t i = 0; i < keep && pos < text.size(); ++i)
        core::nextCodePoint(text, pos);
    return text.substr(0, pos) + mark;
}

ReportTable overviewTable(const core::Report& r, Language l) {
    ReportTable t = table("overview", l, {"figure", "value"}, {false, true});
    std::int64_t views = 0, plays = 0, completed = 0;
    for (const auto& i : r.items)
        views += i.views;
    for (const auto& v : r.videos) {
        plays += v.plays;
        completed += v.completed;
    }
    const double average =
        r.endedSessions > 0 ? r.sessionSecondsTotal / double(r.endedSessions) : 0.0;
    const auto row = [&](const char* key, ReportCell value) {
        t.rows.push_back({text(reportText(key, l)), std::move(value)});
    };
    row("report.period", text(r.firstDay.empty() ? reportText("report.none", l)
                                                 : core::reportPeriod(r.firstDay, r.lastDay, l)));
    row("report.sessions", count(r.sessions));
    row("report.session_total",
        {core::reportDuration(r.sessionSecondsTotal, l), std::round(r.sessionSecondsTotal)});
    row("report.session_average", {core::reportDuration(average, l), std::round(average)});
    row("report.session_median",
        {core::reportDuration(r.sessionSecondsMedian, l), std::round(r.sessionSecondsMedian)});
    row("report.item_views", count(views));
    row("report.zooms", count(r.zooms));
    row("report.qr_shown", count(r.qrShown));
    row("report.video_plays", count(plays));
    row("report.video_completed", count(completed));
    row("report.quiz_sessions", count(r.quiz.sessions));
    row("report.quiz_finished", count(r.quiz.finished));
    row("report.quiz_average", {core::reportNumber(r.quiz.averageScore()), r.quiz.averageScore()});
    row("report.quiz_accuracy", share(r.quiz.correct, r.quiz.answers));
    row("report.contests", count(static_cast<std::int64_t>(r.quiz.contests.size())));
    row("report.language_switches", count(r.languageSwitches));
    return t;
}

std::vector<ReportTable> reportTables(const core::Report& r, Language l) {
    return {days(r, l),
            hours(r, l),
            items(r, l, false),
            items(r, l, true),
            places(r.exhibitions, "exhibitions", "exhibition", l),
            places(r.chapters, "chapters", "chapter", l),
            funnel(r, l),
            videos(r, l),
            questions(r, l),
            bands(r, l),
            contests(r, l, core::localUtcOffsetSeconds),
            languages(r, l),
            tallies(r, l),
            booths(r, l)};
}

} // namespace lantai::report
