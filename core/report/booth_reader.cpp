// core/report: one booth's figures read from its statistics database — the aggregate queries
#include "core/report/booth_reader.h"

#include "core/stats/event_kinds.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>
#include <sqlite3.h>

namespace lantai::core {

namespace {

namespace ek = event_kind;

constexpr StatsAction kRead{"read the visitor statistics", "读取访客统计"};

// The queries, in the order readBooth runs them. The range is ?1 (begin) and ?2 (end); every
// query on events reads the (kind, timestamp) index for its kinds.
enum Query {
    Kinds,
    SessionStarts,
    SessionLengths,
    Booths,
    Items,
    PerItem,
    Funnel,
    Videos,
    Quiz,
    Answers,
    Languages,
    QueryCount
};

const std::vector<ReportQuery> kQueries = {
    {"kinds", "SELECT kind, count(*) FROM events WHERE timestamp >= ?1 AND timestamp < ?2 "
              "GROUP BY kind"},
    {"session_starts", "SELECT timestamp / 900, count(*) FROM events WHERE kind = "
                       "'session_start' AND timestamp >= ?1 AND timestamp < ?2 GROUP BY 1"},
    {"session_lengths", "SELECT value FROM events WHERE kind = 'session_end' AND timestamp >= ?1 "
                        "AND timestamp < ?2 AND value IS NOT NULL"},
    {"booths", "SELECT booth_id, pack_id, pack_version, count(*) FROM events WHERE kind = "
               "'session_start' AND timestamp >= ?1 AND timestamp < ?2 GROUP BY 1, 2, 3"},
    {"items", "SELECT subject_id, count(*), total(value) FROM events WHERE kind = 'item_view' "
              "AND timestamp >= ?1 AND timestamp < ?2 GROUP BY subject_id"},
    {"per_item", "SELECT kind, subject_id, count(*) FROM events WHERE kind IN ('zoom', "
                 "'qr_shown', 'exhibition_view', 'chapter_view') AND timestamp >= ?1 AND "
                 "timestamp < ?2 GROUP BY kind, subject_id"},
    {"funnel", "SELECT kind, count(DISTINCT session) FROM events WHERE kind IN "
               "('exhibition_view', 'chapter_view', 'item_view') AND timestamp >= ?1 AND "
               "timestamp < ?2 GROUP BY kind"},
    {"videos", "SELECT subject_id, count(*), total(detail = 'completed'), total(value) FROM "
               "events WHERE kind = 'video_play' AND timestamp >= ?1 AND timestamp < ?2 GROUP BY "
               "subject_id"},
    {"quiz", "SELECT kind, detail, count(*), total(value), subject_id FROM events WHERE kind IN "
             "('quiz_start', 'quiz_finish') AND subject_id IN ('solo', 'phones') AND timestamp >= "
             "?1 AND timestamp < ?2 GROUP BY kind, detail, subject_id"},
    {"answers", "SELECT subject_id, detail, count(*), total(value) FROM events WHERE kind = "
                "'quiz_answer' AND timestamp >= ?1 AND timestamp < ?2 GROUP BY subject_id, "
                "detail"},
    {"languages", "SELECT language, count(*) FROM (SELECT DISTINCT session, CASE kind WHEN "
                  "'session_start' THEN detail ELSE subject_id END AS language FROM events WHERE "
                  "kind IN ('session_start', 'language') AND timestamp >= ?1 AND timestamp < ?2) "
                  "GROUP BY language"},
};

// Runs query `q` over `times`, calling `row` for each result row.
Status each(SqliteConnection& db, Query q, TimeRange times,
            const std::function<void(const SqliteStatement&)>& row) {
    SqliteStatement s(db, kQueries[static_cast<std::size_t>(q)].sql);
    s.bind(1, times.begin).bind(2, times.end);
    int rc = 0;
    while ((rc = s.step()) == SQLITE_ROW)
        row(s);
    if (rc != SQLITE_DONE) return db.failure(kRead);
    return {};
}

void readCounts(const SqliteStatement& s, BoothFigures& f) {
    const std::string kind = s.text(0);
    const std::int64_t n = s.int64(1);
    f.summary.events += n;
    if (kind == ek::kLanguage) f.languageSwitches = n;
    if (kind == ek::kZoom) f.zooms = n;
    if (kind == ek::kQrShown) f.qrShown = n;
}

void readPerItem(const SqliteStatement& s, BoothFigures& f) {
    const std::string kind = s.text(0);
    const std::string id = s.text(1);
    const std::int64_t n = s.int64(2);
    if (kind == ek::kZoom || kind == ek::kQrShown) {
        ItemFigures& item = f.items[id];
        item.id = id;
        (kind == ek::kZoom ? item.zoomed : item.qrShown) += n;
        return;
    }
    auto& places = kind == ek::kExhibitionView ? f.exhibitions : f.chapters;
    PlaceFigures& place = places[id];
    place.id = id;
    place.views += n;
}

void readQuiz(const SqliteStatement& s, BoothFigures& f) {
    const std::string kind = s.text(0);
    const std::string band = s.text(1);
    const std::int64_t n = s.int64(2);
    if (s.text(4) == "phones") { // a class game on the pupils' phones (its answers count below)
        if (kind == ek::kQuizStart) f.quiz.phoneGames += n;
        return;
    }
    AgeBandFigures& b = f.ageBands[band];
    b.band = band;
    if (kind == ek::kQuizStart) {
        b.started += n;
        f.quiz.sessions += n;
    } else {
        b.finished += n;
        b.scoreSum += s.real(3);
        f.quiz.finished += n;
        f.quiz.scoreSum += s.real(3);
    }
}

void readAnswers(const SqliteStatement& s, BoothFigures& f) {
    const std::string id = s.text(0);
    const std::string band = s.text(1);
    const std::int64_t n = s.int64(2);
    const auto right = static_cast<std::int64_t>(s.real(3));
    QuestionFigures& q = f.questions[id];
    q.id = id;
    q.answers += n;
    q.correct += right;
    AgeBandFigures& b = f.ageBands[band];
    b.band = band;
    b.answers += n;
    b.correct += right;
    f.quiz.answers += n;
    f.quiz.correct += right;
}

Status readEvents(SqliteConnection& db, TimeRange t, BoothFigures& f) {
    std::set<std::string> booths;
    std::set<std::string> packs;
    const std::vector<std::pair<Query, std::function<void(const SqliteStatement&)>>> steps = {
        {Kinds, [&](const SqliteStatement& s) { readCounts(s, f); }},
        {SessionStarts,
         [&](const SqliteStatement& s) {
             f.sessionStarts[s.int64(0)] += s.int64(1);
             f.summary.sessions += s.int64(1);
             f.funnel.sessions += s.int64(1);
         }},
        {SessionLengths, [&](const SqliteStatement& s) { f.sessionSeconds.push_back(s.real(0)); }},
        {Booths,
         [&](const SqliteStatement& s) {
             if (!s.text(0).empty()) booths.insert(s.text(0));
             packs.insert(s.text(1) + (s.text(2).empty() ? "" : "@" + s.text(2)));
         }},
        {Items,
         [&](const SqliteStatement& s) {
             ItemFigures& item = f.items[s.text(0)];
             item.id = s.text(0);
             item.views += s.int64(1);
             item.dwellSeconds += s.real(2);
         }},
        {PerItem, [&](const SqliteStatement& s) { readPerItem(s, f); }},
        {Funnel,
         [&](const SqliteStatement& s) {
             const std::string kind = s.text(0);
             std::int64_t& stage = kind == ek::kExhibitionView ? f.funnel.exhibition
                                   : kind == ek::kChapterView  ? f.funnel.chapter
                                                               : f.funnel.item;
             stage += s.int64(1);
         }},
        {Videos,
         [&](const SqliteStatement& s) {
             VideoFigures& v = f.videos[s.text(0)];
             v.id = s.text(0);
             v.plays += s.int64(1);
             v.completed += static_cast<std::int64_t>(s.real(2));
             v.secondsWatched += s.real(3);
         }},
        {Quiz, [&](const SqliteStatement& s) { readQuiz(s, f); }},
        {Answers, [&](const SqliteStatement& s) { readAnswers(s, f); }},
        {Languages,
         [&](const SqliteStatement& s) {
             if (!s.text(0).empty()) f.languages[s.text(0)] += s.int64(1);
         }},
    };
    for (const auto& [query, row] : steps)
        if (auto read = each(db, query, t, row); !read) return read;
    f.summary.packs.assign(packs.begin(), packs.end());
    std::string ids;
    for (const auto& b : booths)
        ids += (ids.empty() ? "" : ", ") + b;
    if (!ids.empty()) f.summary.id = ids;
    return {};
}

} // namespace

const std::vector<ReportQuery>& reportQueries() {
    return kQueries;
}

std::optional<TimeRange> reportTimeRange(const ReportRange& range, int (*utcOffset)(std::int64_t),
                                         std::string& bad) {
    TimeRange t{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
    // A local midnight: the date at the offset in force around it.
    const auto midnight = [&](const std::string& date) -> std::optional<std::int64_t> {
        const auto utc = parseLocalDate(date, 0);
        if (!utc) return std::nullopt;
        return parseLocalDate(date, utcOffset(*utc));
    };
    if (!range.from.empty()) {
        const auto begin = midnight(range.from);
        if (!begin) {
            bad = range.from;
            return std::nullopt;
        }
        t.begin = *begin;
    }
    if (!range.to.empty()) {
        const auto last = midnight(range.to);
        if (!last) {
            bad = range.to;
            return std::nullopt;
        }
        t.end = localDayRange(*last, utcOffset(*last)).end;
    }
    return t;
}

Result<BoothFigures> readBooth(BoothDatabase& db, const std::filesystem::path& source,
                               TimeRange times, const ReportRange& range) {
    BoothFigures f;
    f.summary.source = source;
    f.summary.readAs = db.readAs();
    f.summary.id = source.filename().string();
    if (f.summary.id == "lantai.sqlite") f.summary.id = source.parent_path().filename().string();
    SqliteConnection& connection = db.store().connection();
    if (auto read = readEvents(connection, times, f); !read) return std::move(read).error();

    auto contests = teamSessions(connection, times.begin);
    if (!contests) return std::move(contests).error();
    for (const TeamSessionRecord& r : *contests) {
        if (r.startedAt >= times.end) continue;
        ContestFigures c;
        c.booth = f.summary.id;
        c.startedAt = r.startedAt;
        c.ageBand = r.ageBand;
        c.teams = static_cast<int>(r.teams.size());
        c.questionsPerTeam = r.questionsPerTeam;
        c.finished = r.finished;
        if (!r.teams.empty()) {
            c.winner = r.teams.front().name;
            c.winnerScore = r.teams.front().score;
        }
        f.contests.push_back(std::move(c));
    }
    auto counted = tallies(connection, range.from, range.to);
    if (!counted) return std::move(counted).error();
    f.tallies = std::move(counted).value();
    auto names = subjectNames(connection);
    if (!names) return std::move(names).error();
    f.names = std::move(names).value();
    return f;
}

} // namespace lantai::core
