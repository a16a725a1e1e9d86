// core/stats: interaction events written off the kiosk's frame thread — the main thread only
// appends to a queue; a writer thread commits batches, retries, and keeps the database bounded
#pragma once

#include "core/stats/pending_writes.h"
#include "core/stats/stats_store.h"
#include "core/stats/subject_names.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lantai::core {

struct EventWriterOptions {
    std::filesystem::path
        file; // <state_dir>/lantai.sqlite, opened by the kiosk's StatsWriter first
    // Events gather this long before a commit: a kill -9 loses at most this and the commit.
    std::chrono::milliseconds batchDelay{500};
    // After a failed write or open, the next try (a full disk, a lock, a file that cannot be
    // opened); events wait in memory meanwhile.
    std::chrono::milliseconds retryInterval{10000};
    int retentionDays = 400; // events, quiz results and contests older than this go; 0: kept
    std::uint64_t maxBytes = std::uint64_t{512} << 20;  // the oldest events go past this; 0: none
    PendingLimits limits{50000, std::size_t{16} << 20}; // memory, while the database cannot take
};

// What the writer has done, for the state report and tests.
struct EventWriterStatus {
    std::size_t pending = 0;   // recorded, not written yet
    std::uint64_t written = 0; // committed since start()
    std::uint64_t dropped = 0; // lost: past the memory bound, or never writable (logged)
    std::string problem;       // the code of why writing fails now (stats.disk_full, …), or ""
};

// The kiosk's interaction events (core/stats/event_kinds.h). record() only appends the event to
// a bounded queue (PendingWrites) under a mutex that the writer thread holds just long enough to
// swap that queue for an empty one; it never waits for SQLite. The writer thread, started by
// start(), gathers events for batchDelay, then commits them oldest first in one transaction
// through its own connection to the database (WAL: the kiosk's StatsWriter and `lantai report`
// use it meanwhile). A kill -9 therefore loses at most the last batchDelay of events and never
// damages the file.
//
// What the database cannot take now (stats.disk_full, stats.busy, stats.cannot_open, …) stays
// queued in the thread's own PendingWrites and is tried again every retryInterval; past the
// queue's bound the oldest events are dropped, with a log line. An event that can never be
// written (a constraint) is dropped alone, with an error line. Failures are logged when they
// start or change, and once when writing works again. The writer never moves a damaged file
// aside (the kiosk's StatsWriter does): it closes its connection and opens it again later.
//
// Bounded growth: after the writes, records dated more than retentionDays before the newest
// event written are deleted (hourly, in event time), and while the pages in use pass maxBytes
// the oldest events are deleted; freed pages are reused, so the file stops growing there.
//
// Threading/ownership: record(), describe(), flush(), status() and stop() may be called from any
// one thread (the kiosk's main thread); the store, the second queue and SQLite live on the writer
// thread. The thread reads the steady clock for its batching and retries only; events carry
// their own times.
class EventWriter {
  public:
    EventWriter() = default;
    // stop(): a last try to write what waits, then the thread ends.
    ~EventWriter();
    EventWriter(const EventWriter&) = delete;
    EventWriter& operator=(const EventWriter&) = delete;

    // Starts the writer thread, which opens the database.
    void start(EventWriterOptions options);
    bool started() const { return m_thread.joinable(); }

    // Appends `event` for the writer thread. Never blocks on the database.
    void record(StatsEvent event);
    // The names of what events name (a pack's items, videos, questions, …), written once with
    // the next batch; replaces names given earlier and not written yet.
    void describe(std::vector<SubjectName> names);

    // Waits until the writer has tried to write everything recorded before the call (written,
    // or still queued after a failure: see status()). For tests and benchmarks.
    void flush();
    // Writes what waits (one last try) and ends the thread; record() after it does nothing.
    void stop();

    EventWriterStatus status() const;

  private:
    void run();
    void take(PendingWrites& taken);
    void writeWaiting();
    bool open();
    bool writeBatch();
    bool writeOneByOne(std::size_t count);
    bool writeNames();
    void failed(const Diagnostic& error);
    void recovered();
    void keepBounded();

    using Clock = std::chrono::steady_clock;

    // Shared with the recording thread, under m_mutex.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;    // something to write, a flush, or stop
    std::condition_variable m_flushed; // a flush request was served
    PendingWrites m_incoming;
    std::optional<std::vector<SubjectName>> m_names;
    bool m_stop = false;
    std::uint64_t m_flushAsked = 0;
    std::uint64_t m_flushDone = 0;
    EventWriterStatus m_status;
    std::uint64_t m_droppedIncoming = 0;

    // The writer thread's own.
    EventWriterOptions m_options;
    StatsStore m_store;
    PendingWrites m_waiting;
    std::optional<std::vector<SubjectName>> m_waitingNames;
    std::optional<Diagnostic> m_problem;
    Clock::time_point m_nextAttempt{};
    std::int64_t m_newest = 0;        // the newest event time written
    std::int64_t m_nextRetention = 0; // event time of the next retention pass
    std::uint64_t m_written = 0;
    std::uint64_t m_dropped = 0;
    std::thread m_thread;
};

} // namespace lantai::core
