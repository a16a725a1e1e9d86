// core/report: the summary paragraph of the activity report
#include "core/report/report_summary.h"

#include "core/report/report_text.h"

#include <string_view>

namespace lantai::core {

namespace {

std::string spaceAfter(Language language) {
    return language == Language::En ? " " : "";
}

} // namespace

std::string reportSummary(const Report& r, Language language) {
    const std::string sp = spaceAfter(language);
    std::string out;
    const auto add = [&](const std::string& s) { out += (out.empty() ? "" : sp) + s; };
    if (r.sessions == 0) {
        add(reportText("report.summary.none", language));
    } else {
        const double average =
            r.endedSessions > 0 ? r.sessionSecondsTotal / double(r.endedSessions) : 0.0;
        const std::string period = reportPeriod(r.firstDay, r.lastDay, language);
        const std::string avg = reportDuration(average, language);
        const std::string median = reportDuration(r.sessionSecondsMedian, language);
        add(reportCount("report.summary.sessions", r.sessions, language,
                        {{"period", period}, {"average", avg}, {"median", median}}));
        if (r.busiestHour >= 0) {
            const std::string hour = std::to_string(r.busiestHour);
            const std::string next = std::to_string(r.busiestHour + 1);
            if (r.firstDay == r.lastDay) // one day: the hour alone
                add(reportCount("report.summary.busiest_hour", r.busiestHourSessions, language,
                                {{"hour", hour}, {"next", next}}));
            else
                add(reportCount(
                    "report.summary.busiest", r.busiestHourSessions, language,
                    {{"day", reportDate(r.busiestDay, language)}, {"hour", hour}, {"next", next}}));
        }
    }
    std::int64_t views = 0;
    for (const ItemFigures& i : r.items)
        views += i.views;
    if (views > 0) {
        const ItemFigures& top = r.items.front();
        const std::string title =
            top.title.get(language).empty() ? top.id : top.title.get(language);
        const std::string topViews = std::to_string(top.views);
        add(reportCount("report.summary.items", views, language,
                        {{"title", title}, {"views", topViews}}));
    }
    std::int64_t plays = 0, completed = 0;
    for (const VideoFigures& v : r.videos) {
        plays += v.plays;
        completed += v.completed;
    }
    if (plays > 0) {
        const std::string done = std::to_string(completed);
        add(reportCount("report.summary.videos", plays, language, {{"completed", done}}));
    }
    if (r.quiz.sessions > 0) {
        const std::string score = reportNumber(r.quiz.averageScore());
        const std::string accuracy = reportPercent(r.quiz.correct, r.quiz.answers);
        add(reportCount("report.summary.quiz", r.quiz.sessions, language,
                        {{"score", score}, {"accuracy", accuracy}}));
    }
    if (!r.quiz.contests.empty())
        add(reportCount("report.summary.contests", static_cast<long long>(r.quiz.contests.size()),
                        language));
    std::string counts;
    const auto count = [&](bool has, const char* key, std::int64_t n) {
        if (!has) return;
        if (!counts.empty()) counts += reportText("report.summary.and", language);
        counts += reportCount(key, n, language);
    };
    bool visitors = false, leaflets = false;
    for (const TallyRow& t : r.tallies) {
        visitors = visitors || t.tally.visitors.has_value();
        leaflets = leaflets || t.tally.leaflets.has_value();
    }
    count(visitors, "report.summary.tally_visitors", r.tallyVisitors);
    count(leaflets, "report.summary.tally_leaflets", r.tallyLeaflets);
    if (!counts.empty()) add(reportFormat("report.summary.tally", language, {{"counts", counts}}));
    return out;
}

} // namespace lantai::core
