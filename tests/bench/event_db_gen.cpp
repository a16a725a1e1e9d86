// tests/bench: lantai_event_db_gen — booths' statistics databases filled with plausible visits
// (deterministic), for the report benchmark and the CLI tests
//
// Usage: lantai_event_db_gen OUT_DIR [--booths N] [--events TOTAL] [--days D]
//                            [--start YYYY-MM-DD] [--seed S]
// Writes OUT_DIR/booth-1/lantai.sqlite … through core/stats, as the kiosk writes them: visits
// between 9:00 and 17:00 (UTC+8) of D days from --start, each a session with screens, exhibition
// and part views, item views with dwell (zoom and QR code on some), a language switch, a video,
// a quiz; names for every item, video and question. Prints one JSON line per booth: its folder,
// events and sessions.
#include "core/stats/event_kinds.h"
#include "core/stats/stats_store.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace lantai::core;
namespace ek = lantai::core::event_kind;
namespace fs = std::filesystem;

namespace {

constexpr int kItems = 300;
constexpr int kQuestions = 60;
constexpr int kVideos = 6;
constexpr int kUtcOffset = 8 * 3600;

struct Options {
    fs::path out;
    int booths = 5;
    long long events = 200000;
    int days = 3;
    std::string start = "2024-06-08";
    unsigned seed = 14;
};

std::string id(const char* prefix, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%04d", prefix, n);
    return buf;
}

class Booth {
  public:
    Booth(std::string name, std::mt19937& rng) : m_name(std::move(name)), m_rng(rng) {}

    // One visit starting at `start` (unix seconds); its events are appended.
    void visit(std::int64_t start, std::vector<StatsEvent>& out) {
        m_session = start * 1000 + std::uniform_int_distribution<int>(0, 999)(m_rng);
        std::int64_t t = start;
        const bool english = chance(0.15);
        add(out, t, ek::kSessionStart, "", {}, english ? "en" : "zh");
        add(out, t, ek::kScreen, "home");
        if (chance(0.1)) add(out, t += 3, ek::kLanguage, english ? "zh" : "en");
        if (chance(0.8)) {
            add(out, t += 4, ek::kScreen, "exhibition");
            add(out, t, ek::kExhibitionView, id("ex", pick(3)));
            for (int c = 0, chapters = 1 + pick(2); c < chapters; ++c) {
                add(out, t += 5, ek::kScreen, "chapter");
                add(out, t, ek::kChapterView, id("ch", pick(15)));
                for (int i = 0, items = 1 + pick(4); i < items; ++i) {
                    // Popular items are popular: a skewed pick.
                    const int item = static_cast<int>(kItems * std::pow(unit(), 2.0));
                    const double dwell = 5 + 85 * unit();
                    add(out, t += 2, ek::kScreen, "item");
                    if (chance(0.4)) add(out, t + 3, ek::kZoom, id("item", item));
                    if (chance(0.3)) add(out, t + 1, ek::kQrShown, id("item", item));
                    add(out, t, ek::kItemView, id("item", item), dwell);
                    t += static_cast<std::int64_t>(dwell);
                }
            }
        }
        if (chance(0.2)) {
            add(out, t += 3, ek::kScreen, "video");
            const double watched = 3 + 15 * unit();
            add(out, t += static_cast<std::int64_t>(watched), ek::kVideoPlay,
                id("video", pick(kVideos)), watched, chance(0.5) ? ek::kCompleted : "");
        }
        if (chance(0.25)) {
            const char* band = chance(0.5) ? "primary" : chance(0.5) ? "secondary" : "adult";
            add(out, t += 3, ek::kScreen, "quiz");
            add(out, t, ek::kQuizStart, "solo", {}, band);
            int right = 0;
            for (int q = 0; q < 5; ++q) {
                const bool correct = chance(0.7);
                right += correct;
                add(out, t += 6, ek::kQuizAnswer, id("q", pick(kQuestions)), correct ? 1.0 : 0.0,
                    band);
            }
            if (chance(0.85)) add(out, t += 2, ek::kQuizFinish, "solo", right * 1000.0, band);
        }
        add(out, t, ek::kSessionEnd, "", static_cast<double>(t - start));
        ++m_sessions;
    }
    long long sessions() const { return m_sessions; }

  private:
    bool chance(double p) { return unit() < p; }
    double unit() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }
    void add(std::vector<StatsEvent>& out, std::int64_t t, const char* kind, std::string subject,
             std::optional<double> value = {}, std::string detail = "") {
        const EventStamp stamp{m_name, "bench", "0123456789ab", m_session};
        out.push_back(stampedEvent(stamp, t, kind, std::move(subject), value, std::move(detail)));
    }

    std::string m_name;
    std::mt19937& m_rng;
    std::int64_t m_session = 0;
    long long m_sessions = 0;
};

std::vector<SubjectName> names() {
    std::vector<SubjectName> out;
    for (int i = 0; i < kItems; ++i)
        out.push_back({"bench", "item", id("item", i), "示例展品 " + std::to_string(i),
                       "Sample item " + std::to_string(i)});
    for (int i = 0; i < kQuestions; ++i)
        out.push_back({"bench", "question", id("q", i), "示例题目 " + std::to_string(i) + "？",
                       "Sample question " + std::to_string(i) + "?"});
    for (int i = 0; i < kVideos; ++i)
        out.push_back({"bench", "video", id("video", i), "示例视频 " + std::to_string(i),
                       "Sample video " + std::to_string(i)});
    for (int i = 0; i < 3; ++i)
        out.push_back({"bench", "exhibition", id("ex", i), "示例展览 " + std::to_string(i),
                       "Sample exhibition " + std::to_string(i)});
    for (int i = 0; i < 15; ++i)
        out.push_back({"bench", "chapter", id("ch", i), "示例单元 " + std::to_string(i),
                       "Sample part " + std::to_string(i)});
    return out;
}

int usage() {
    std::fprintf(stderr, "usage: lantai_event_db_gen OUT_DIR [--booths N] [--events TOTAL] "
                         "[--days D] [--start YYYY-MM-DD] [--seed S]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (argc < 2) return usage();
    o.out = argv[1];
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const char* value = argv[i + 1];
        if (flag == "--booths")
            o.booths = std::atoi(value);
        else if (flag == "--events")
            o.events = std::atoll(value);
        else if (flag == "--days")
            o.days = std::atoi(value);
        else if (flag == "--start")
            o.start = value;
        else if (flag == "--seed")
            o.seed = static_cast<unsigned>(std::atoi(value));
        else
            return usage();
    }
    const auto first = parseLocalDate(o.start, kUtcOffset);
    if (!first || o.booths < 1 || o.days < 1 || o.events < 1) return usage();
    std::mt19937 rng(o.seed);
    const long long perBooth = o.events / o.booths;
    for (int b = 1; b <= o.booths; ++b) {
        const fs::path dir = o.out / ("booth-" + std::to_string(b));
        fs::create_directories(dir);
        StatsStore store;
        if (auto opened = store.open(StatsStore::databasePath(dir), *first); !opened) {
            std::fprintf(stderr, "%s\n", opened.error().message.c_str());
            return 1;
        }
        if (auto named = store.recordSubjectNames(names()); !named) return 1;
        Booth booth("booth-" + std::to_string(b), rng);
        std::vector<StatsEvent> batch;
        long long written = 0;
        // Visits spread evenly over the opening hours of every day.
        const long long visits = perBooth / 21 + 1;
        const long long perDay = visits / o.days + 1;
        for (long long v = 0; written + static_cast<long long>(batch.size()) < perBooth; ++v) {
            const long long day = std::min<long long>(v / perDay, o.days - 1);
            const std::int64_t open = *first + day * 86400 + 9 * 3600;
            const std::int64_t at = open + (v % perDay) * (8 * 3600) / perDay;
            booth.visit(at, batch);
            if (batch.size() >= 20000) {
                if (auto ok = store.recordEvents(batch); !ok) return 1;
                written += static_cast<long long>(batch.size());
                batch.clear();
            }
        }
        if (auto ok = store.recordEvents(batch); !ok) return 1;
        written += static_cast<long long>(batch.size());
        std::printf("{\"dir\": \"%s\", \"events\": %lld, \"sessions\": %lld}\n", dir.c_str(),
                    written, booth.sessions());
    }
    return 0;
}
