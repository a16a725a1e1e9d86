// core/report: the report from one or many booths — merged, named, sorted; days, hours, medians
#include "core/report/report_builder.h"

#include <algorithm>
#include <future>
#include <map>
#include <thread>
#include <utility>

namespace lantai::core {

namespace {

constexpr std::int64_t kDaySeconds = 86400;

std::string dateOf(std::int64_t unix, int (*utcOffset)(std::int64_t)) {
    return formatLocalTime(unix, utcOffset(unix)).substr(0, 10);
}

int hourOf(std::int64_t unix, int (*utcOffset)(std::int64_t)) {
    return std::stoi(formatLocalTime(unix, utcOffset(unix)).substr(11, 2));
}

// Every date from `first` to `last`, inclusive (calendar arithmetic at UTC: no zone involved).
std::vector<std::string> datesBetween(const std::string& first, const std::string& last) {
    std::vector<std::string> dates;
    const auto begin = parseLocalDate(first, 0);
    const auto end = parseLocalDate(last, 0);
    if (!begin || !end) return dates;
    for (std::int64_t t = *begin; t <= *end; t += kDaySeconds)
        dates.push_back(formatLocalTime(t, 0).substr(0, 10));
    return dates;
}

template <class T>
void addInto(std::map<std::string, T>& to, const std::map<std::string, T>& from,
             void (*add)(T&, const T&)) {
    for (const auto& [id, figures] : from) {
        auto [it, inserted] = to.try_emplace(id, figures);
        if (!inserted) add(it->second, figures);
    }
}

void addItem(ItemFigures& a, const ItemFigures& b) {
    a.views += b.views;
    a.dwellSeconds += b.dwellSeconds;
    a.zoomed += b.zoomed;
    a.qrShown += b.qrShown;
}
void addPlace(PlaceFigures& a, const PlaceFigures& b) {
    a.views += b.views;
}
void addVideo(VideoFigures& a, const VideoFigures& b) {
    a.plays += b.plays;
    a.completed += b.completed;
    a.secondsWatched += b.secondsWatched;
}
void addQuestion(QuestionFigures& a, const QuestionFigures& b) {
    a.answers += b.answers;
    a.correct += b.correct;
}
void addBand(AgeBandFigures& a, const AgeBandFigures& b) {
    a.started += b.started;
    a.finished += b.finished;
    a.scoreSum += b.scoreSum;
    a.answers += b.answers;
    a.correct += b.correct;
}

template <class T> std::vector<T> values(std::map<std::string, T>&& map) {
    std::vector<T> out;
    out.reserve(map.size());
    for (auto& [id, v] : map)
        out.push_back(std::move(v));
    return out;
}

// Titles by kind and id, from every booth's names (the first non-empty one wins).
class Names {
  public:
    void add(const std::vector<SubjectName>& names) {
        for (const SubjectName& n : names) {
            LocalizedText& t = m_titles[{n.kind, n.subjectId}];
            if (t.zh.empty()) t.zh = n.zh;
            if (t.en.empty()) t.en = n.en;
        }
    }
    LocalizedText of(const char* kind, const std::string& id) const {
        const auto it = m_titles.find({kind, id});
        return it == m_titles.end() ? LocalizedText{} : it->second;
    }

  private:
    std::map<std::pair<std::string, std::string>, LocalizedText> m_titles;
};

int bandOrder(const std::string& band) {
    if (band == "primary") return 0;
    if (band == "secondary") return 1;
    if (band == "adult") return 2;
    return 3;
}

void sessionsByTime(Report& r, const std::map<std::int64_t, std::int64_t>& quarters,
                    int (*utcOffset)(std::int64_t)) {
    std::map<std::string, std::int64_t> perDay;
    std::map<std::pair<std::string, int>, std::int64_t> perHour;
    for (const auto& [quarter, n] : quarters) {
        const std::int64_t t = quarter * 900;
        const std::string day = dateOf(t, utcOffset);
        const int hour = hourOf(t, utcOffset);
        perDay[day] += n;
        perHour[{day, hour}] += n;
        r.hours[static_cast<std::size_t>(hour)] += n;
    }
    for (const auto& [slot, n] : perHour) {
        if (n > r.busiestHourSessions) { // the earliest of equals
            r.busiestHourSessions = n;
            r.busiestDay = slot.first;
            r.busiestHour = slot.second;
        }
    }
    r.firstDay = !r.range.from.empty() ? r.range.from
                 : perDay.empty()      ? std::string()
                                       : perDay.begin()->first;
    r.lastDay = !r.range.to.empty() ? r.range.to
                : perDay.empty()    ? std::string()
                                    : perDay.rbegin()->first;
    if (r.firstDay.empty() || r.lastDay.empty()) return;
    for (const std::string& date : datesBetween(r.firstDay, r.lastDay)) {
        const auto it = perDay.find(date);
        r.days.push_back({date, it == perDay.end() ? 0 : it->second});
    }
}

} // namespace

Report buildReport(std::vector<BoothFigures> booths, const ReportRange& range,
                   int (*utcOffset)(std::int64_t)) {
    Report r;
    r.range = range;
    Names names;
    std::map<std::int64_t, std::int64_t> quarters;
    std::vector<double> lengths;
    std::map<std::string, ItemFigures> items;
    std::map<std::string, PlaceFigures> exhibitions, chapters;
    std::map<std::string, VideoFigures> videos;
    std::map<std::string, QuestionFigures> questions;
    std::map<std::string, AgeBandFigures> bands;
    std::map<std::string, std::int64_t> languages;
    for (BoothFigures& b : booths) {
        names.add(b.names);
        for (const auto& [quarter, n] : b.sessionStarts)
            quarters[quarter] += n;
        lengths.insert(lengths.end(), b.sessionSeconds.begin(), b.sessionSeconds.end());
        addInto(items, b.items, addItem);
        addInto(exhibitions, b.exhibitions, addPlace);
        addInto(chapters, b.chapters, addPlace);
        addInto(videos, b.videos, addVideo);
        addInto(questions, b.questions, addQuestion);
        addInto(bands, b.ageBands, addBand);
        for (const auto& [language, n] : b.languages)
            languages[language] += n;
        r.sessions += b.summary.sessions;
        r.funnel.sessions += b.funnel.sessions;
        r.funnel.exhibition += b.funnel.exhibition;
        r.funnel.chapter += b.funnel.chapter;
        r.funnel.item += b.funnel.item;
        r.quiz.sessions += b.quiz.sessions;
        r.quiz.phoneGames += b.quiz.phoneGames;
        r.quiz.finished += b.quiz.finished;
        r.quiz.scoreSum += b.quiz.scoreSum;
        r.quiz.answers += b.quiz.answers;
        r.quiz.correct += b.quiz.correct;
        r.languageSwitches += b.languageSwitches;
        r.zooms += b.zooms;
        r.qrShown += b.qrShown;
        for (ContestFigures& c : b.contests)
            r.quiz.contests.push_back(std::move(c));
        for (ManualTally& t : b.tallies) {
            r.tallyVisitors += t.visitors.value_or(0);
            r.tallyLeaflets += t.leaflets.value_or(0);
            r.tallies.push_back({b.summary.id, std::move(t)});
        }
        r.booths.push_back(std::move(b.summary));
    }

    sessionsByTime(r, quarters, utcOffset);
    r.endedSessions = static_cast<std::int64_t>(lengths.size());
    for (const double s : lengths)
        r.sessionSecondsTotal += s;
    if (!lengths.empty()) {
        const std::size_t mid = lengths.size() / 2;
        std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(mid),
                         lengths.end());
        double median = lengths[mid];
        if (lengths.size() % 2 == 0) // the mean of the two middle values
            median =
                (median + *std::max_element(lengths.begin(),
                                            lengths.begin() + static_cast<std::ptrdiff_t>(mid))) /
                2.0;
        r.sessionSecondsMedian = median;
    }

    r.items = values(std::move(items));
    for (ItemFigures& i : r.items)
        i.title = names.of("item", i.id);
    std::sort(r.items.begin(), r.items.end(), [](const ItemFigures& a, const ItemFigures& b) {
        return std::tie(b.views, b.dwellSeconds, a.id) < std::tie(a.views, a.dwellSeconds, b.id);
    });
    const auto byViews = [](const PlaceFigures& a, const PlaceFigures& b) {
        return std::tie(b.views, a.id) < std::tie(a.views, b.id);
    };
    r.exhibitions = values(std::move(exhibitions));
    for (PlaceFigures& p : r.exhibitions)
        p.title = names.of("exhibition", p.id);
    std::sort(r.exhibitions.begin(), r.exhibitions.end(), byViews);
    r.chapters = values(std::move(chapters));
    for (PlaceFigures& p : r.chapters)
        p.title = names.of("chapter", p.id);
    std::sort(r.chapters.begin(), r.chapters.end(), byViews);
    r.videos = values(std::move(videos));
    for (VideoFigures& v : r.videos)
        v.title = names.of("video", v.id);
    std::sort(r.videos.begin(), r.videos.end(), [](const VideoFigures& a, const VideoFigures& b) {
        return std::tie(b.plays, b.completed, a.id) < std::tie(a.plays, a.completed, b.id);
    });
    r.quiz.questions = values(std::move(questions));
    for (QuestionFigures& q : r.quiz.questions)
        q.title = names.of("question", q.id);
    // Hardest first: the lowest share of right answers (compared exactly), then the most answered.
    std::sort(r.quiz.questions.begin(), r.quiz.questions.end(),
              [](const QuestionFigures& a, const QuestionFigures& b) {
                  const auto left = a.correct * std::max<std::int64_t>(b.answers, 1);
                  const auto right = b.correct * std::max<std::int64_t>(a.answers, 1);
                  return std::tie(left, b.answers, a.id) < std::tie(right, a.answers, b.id);
              });
    r.quiz.ageBands = values(std::move(bands));
    std::sort(r.quiz.ageBands.begin(), r.quiz.ageBands.end(),
              [](const AgeBandFigures& a, const AgeBandFigures& b) {
                  return std::pair(bandOrder(a.band), a.band) <
                         std::pair(bandOrder(b.band), b.band);
              });
    std::sort(r.quiz.contests.begin(), r.quiz.contests.end(),
              [](const ContestFigures& a, const ContestFigures& b) {
                  return std::tie(a.startedAt, a.booth) < std::tie(b.startedAt, b.booth);
              });
    for (const char* language : {"zh", "en"})
        if (const auto it = languages.find(language); it != languages.end()) {
            r.languages.push_back({it->first, it->second});
            languages.erase(it);
        }
    for (const auto& [language, n] : languages)
        r.languages.push_back({language, n});
    std::stable_sort(r.tallies.begin(), r.tallies.end(), [](const TallyRow& a, const TallyRow& b) {
        return std::tie(a.tally.date, a.booth) < std::tie(b.tally.date, b.booth);
    });
    return r;
}

Result<Report> readReport(const std::vector<std::filesystem::path>& stateDirs,
                          const ReportRange& range, int (*utcOffset)(std::int64_t)) {
    std::string bad;
    const auto times = reportTimeRange(range, utcOffset, bad);
    if (!times)
        return operationalError("report.bad_date", "",
                                "\"" + bad + "\" is not a date: write it as YYYY-MM-DD.",
                                "“" + bad + "”不是日期：请写成 YYYY-MM-DD。");
    // Booths are read side by side (a connection each), as many at a time as there are cores.
    const auto read = [&](const std::filesystem::path& dir) -> Result<BoothFigures> {
        BoothDatabase db;
        if (Status opened = db.open(dir); !opened) return std::move(opened).error();
        return readBooth(db, dir, *times, range);
    };
    const std::size_t parallel = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::future<Result<BoothFigures>>> pending;
    std::vector<BoothFigures> booths;
    for (std::size_t next = 0; next < stateDirs.size() || !pending.empty();) {
        while (next < stateDirs.size() && pending.size() < parallel)
            pending.push_back(std::async(std::launch::async, read, stateDirs[next++]));
        auto figures = pending.front().get();
        pending.erase(pending.begin());
        if (!figures) return std::move(figures).error(); // the others finish, then go
        booths.push_back(std::move(figures).value());
    }
    return buildReport(std::move(booths), range, utcOffset);
}

} // namespace lantai::core
