// tests/bench: lantai_event_bench — what recording an interaction event costs the kiosk's main
// thread: EventWriter::record() (a queue; the writer thread commits) against writing the event
// there and then (StatsStore::recordEvent, one autocommit insert), side by side in one run
//
// Usage: lantai_event_bench WORK_DIR [--events N] [--interval-us U]
// Records N events (default 50,000), one every U µs (default 100: a busy visit is a few events a
// second, so this is hundreds of times a real kiosk's rate) and times every call; then the same
// for N / 10 synchronous inserts. Prints p50, p99, p99.9 and max of both, the ratio of the p99s,
// and whether record()'s p99 meets the target (≤ 20 µs); exit code 1 when it does not.
#include "core/stats/event_writer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

using namespace lantai::core;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

constexpr double kTargetP99Us = 20.0;

StatsEvent event(long long i) {
    StatsEvent e;
    e.timestamp = 1717905600 + i / 10;
    e.kind = i % 5 == 0 ? "item_view" : "screen";
    e.packId = "demo-archives-day";
    e.subjectId = "sample-1-0" + std::to_string(i % 9) + "-letter";
    e.value = i % 5 == 0 ? std::optional<double>(12.5) : std::nullopt;
    e.boothId = "hall-east";
    e.packVersion = "df0ca65c8d28";
    e.session = 1717905600000 + i / 20;
    return e;
}

struct Percentiles {
    double p50, p99, p999, max;
};

Percentiles percentiles(std::vector<double> us) {
    std::sort(us.begin(), us.end());
    const auto at = [&](double q) {
        return us[std::min(us.size() - 1, static_cast<std::size_t>(q * double(us.size())))];
    };
    return {at(0.5), at(0.99), at(0.999), us.back()};
}

void print(const char* what, const Percentiles& p, std::size_t n) {
    std::printf("%-44s n=%-7zu p50 %8.2f µs  p99 %8.2f µs  p99.9 %8.2f µs  max %9.2f µs\n", what, n,
                p.p50, p.p99, p.p999, p.max);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: lantai_event_bench WORK_DIR [--events N] [--interval-us U]\n");
        return 2;
    }
    const fs::path work = argv[1];
    long long n = 50000;
    long long intervalUs = 100;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--events") n = std::atoll(argv[i + 1]);
        if (std::string(argv[i]) == "--interval-us") intervalUs = std::atoll(argv[i + 1]);
    }
    fs::remove_all(work);
    fs::create_directories(work);
    const fs::path file = StatsStore::databasePath(work);
    {
        StatsStore created; // as the kiosk's StatsWriter does before the event writer starts
        if (!created.open(file, 0)) return 2;
    }

    // record(): the queue, the writer thread committing every half second meanwhile.
    std::vector<double> queued;
    queued.reserve(static_cast<std::size_t>(n));
    EventWriter writer;
    EventWriterOptions options;
    options.file = file;
    writer.start(options);
    auto next = Clock::now();
    for (long long i = 0; i < n; ++i) {
        StatsEvent e = event(i); // built before the clock starts, as the runtime builds it
        const auto start = Clock::now();
        writer.record(std::move(e));
        queued.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        next += std::chrono::microseconds(intervalUs);
        std::this_thread::sleep_until(next);
    }
    const auto flushStart = Clock::now();
    writer.flush();
    const double flushMs =
        std::chrono::duration<double, std::milli>(Clock::now() - flushStart).count();
    const EventWriterStatus status = writer.status();
    writer.stop();

    // The peer: the same events written on the calling thread, one autocommit insert each.
    std::vector<double> direct;
    StatsStore store;
    if (!store.open(file, 0)) return 2;
    for (long long i = 0; i < n / 10; ++i) {
        StatsEvent e = event(i);
        const auto start = Clock::now();
        if (!store.recordEvent(e)) return 2;
        direct.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }

    const Percentiles q = percentiles(queued);
    const Percentiles d = percentiles(direct);
    std::printf("recording an interaction event on the main thread (one every %lld µs)\n",
                intervalUs);
    print("EventWriter::record (queue, writer thread)", q, queued.size());
    print("StatsStore::recordEvent (insert + commit)", d, direct.size());
    std::printf("ratio p99 record / direct insert: %.3f\n", q.p99 / d.p99);
    std::printf("writer thread: %llu written, %zu pending, %llu dropped, last flush %.1f ms\n",
                static_cast<unsigned long long>(status.written), status.pending,
                static_cast<unsigned long long>(status.dropped), flushMs);
    const bool pass = q.p99 <= kTargetP99Us && status.written == static_cast<std::uint64_t>(n);
    std::printf("%s: p99 %.2f µs (target ≤ %.0f µs), every event written: %s\n",
                pass ? "PASS" : "FAIL", q.p99, kTargetP99Us,
                status.written == static_cast<std::uint64_t>(n) ? "yes" : "no");
    return pass ? 0 : 1;
}
