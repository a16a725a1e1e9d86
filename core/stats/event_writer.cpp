// core/stats: interaction events written off the kiosk's frame thread — the queue, the writer
// thread's batches and retries, retention and the size bound
#include "core/stats/event_writer.h"

#include "core/base/log.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace lantai::core {

namespace {

constexpr std::size_t kBatch = 2000;           // events per transaction
constexpr int kDeleteChunk = 2000;             // rows per retention transaction
constexpr int kTrimChunk = 500;                // oldest events per trimming transaction
constexpr std::int64_t kRetentionEvery = 3600; // event seconds between retention passes
constexpr int kMaxChunksPerPass = 500;         // bounds one pass (the rest waits for the next)

std::string events(std::uint64_t n) {
    return std::to_string(n) + (n == 1 ? " event" : " events");
}

} // namespace

EventWriter::~EventWriter() {
    stop();
}

void EventWriter::start(EventWriterOptions options) {
    if (m_thread.joinable()) return;
    m_options = std::move(options);
    m_incoming = PendingWrites(m_options.limits);
    m_waiting = PendingWrites(m_options.limits);
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void EventWriter::record(StatsEvent event) {
    std::unique_lock lock(m_mutex);
    if (m_stop || !m_thread.joinable()) return;
    const bool wasEmpty = m_incoming.empty();
    PendingWrites::Pushed pushed = m_incoming.push(std::move(event));
    m_droppedIncoming += pushed.dropped.size();
    lock.unlock();
    if (wasEmpty) m_wake.notify_one();
}

void EventWriter::describe(std::vector<SubjectName> names) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stop || !m_thread.joinable()) return;
        m_names = std::move(names);
    }
    m_wake.notify_one();
}

void EventWriter::flush() {
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable() || m_stop) return;
    const std::uint64_t asked = ++m_flushAsked;
    m_wake.notify_one();
    m_flushed.wait(lock, [&] { return m_flushDone >= asked || m_stop; });
}

void EventWriter::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_thread.joinable()) return;
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

EventWriterStatus EventWriter::status() const {
    std::lock_guard lock(m_mutex);
    EventWriterStatus s = m_status;
    s.pending += m_incoming.size();
    s.dropped += m_droppedIncoming;
    return s;
}

void EventWriter::run() {
    PendingWrites taken(m_options.limits);
    std::vector<SubjectName> names;
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto asked = [&] {
            return m_stop || m_flushAsked != m_flushDone || !m_incoming.empty() || m_names;
        };
        if (m_waiting.empty() && !m_waitingNames)
            m_wake.wait(lock, asked);
        else
            m_wake.wait_until(lock, m_nextAttempt, asked);
        // Let a batch gather, unless a flush or stop is asked for.
        const auto hurried = [&] { return m_stop || m_flushAsked != m_flushDone; };
        if (!hurried() && !m_incoming.empty()) m_wake.wait_for(lock, m_options.batchDelay, hurried);
        const bool stopping = m_stop;
        const bool forced = hurried();
        const std::uint64_t serving = m_flushAsked;
        const std::uint64_t droppedWhileAsleep = std::exchange(m_droppedIncoming, 0);
        m_incoming.swap(taken); // `taken` is empty here: nothing is allocated under the lock
        const bool newNames = m_names.has_value();
        if (newNames) {
            names = std::move(*m_names);
            m_names.reset();
        }
        lock.unlock();

        if (droppedWhileAsleep > 0) {
            m_dropped += droppedWhileAsleep;
            logWarning("stats: more than " + std::to_string(m_options.limits.maxWrites) +
                       " interaction events were recorded while waiting to be written; dropped "
                       "the oldest " +
                       events(droppedWhileAsleep));
        }
        take(taken);
        if (newNames) m_waitingNames = std::move(names);
        if (forced || Clock::now() >= m_nextAttempt) writeWaiting();

        lock.lock();
        m_status.pending = m_waiting.size();
        m_status.written = m_written;
        m_status.dropped = m_dropped;
        m_status.problem = m_problem ? m_problem->code : std::string();
        m_flushDone = serving;
        m_flushed.notify_all();
        if (stopping) break;
    }
    lock.unlock();
    if (!m_waiting.empty())
        logWarning("stats: lost " + events(m_waiting.size()) +
                   " that waited in memory: they could not be written before the kiosk stopped" +
                   (m_problem ? " (" + m_problem->code + ")" : std::string()));
    m_store.close();
}

// Moves what the recording thread queued behind what waits already (the bound drops the oldest).
void EventWriter::take(PendingWrites& taken) {
    std::size_t dropped = 0;
    while (!taken.empty())
        dropped += m_waiting.push(taken.takeFront()).dropped.size();
    if (dropped > 0) {
        m_dropped += dropped;
        logWarning("stats: more than " + std::to_string(m_waiting.limits().maxWrites) +
                   " interaction events wait in memory; dropped the oldest " + events(dropped));
    }
}

void EventWriter::writeWaiting() {
    if (m_waiting.empty() && !m_waitingNames) return;
    if (!m_store.isOpen() && !open()) return;
    if (m_waitingNames && !writeNames()) return;
    while (!m_waiting.empty())
        if (!writeBatch()) return;
    recovered();
    keepBounded();
}

bool EventWriter::open() {
    StatsStoreOptions options;
    options.recoverCorrupt = false; // the kiosk's StatsWriter moves a damaged file aside
    options.quickCheck = false;     // and checked it when it opened it
    if (Status opened = m_store.open(m_options.file, 0, options); !opened) {
        failed(opened.error());
        return false;
    }
    return true;
}

bool EventWriter::writeNames() {
    if (Status written = m_store.recordSubjectNames(*m_waitingNames); !written) {
        if (isTransientStatsError(written.error())) {
            failed(written.error());
            return false;
        }
        logError("stats: dropped the names of the pack's items and questions, which can never be "
                 "written: " +
                 written.error().message);
    }
    m_waitingNames.reset();
    return true;
}

// The oldest batch in one transaction; false when writing must wait (a transient failure).
bool EventWriter::writeBatch() {
    const std::size_t count = std::min(kBatch, m_waiting.size());
    std::vector<StatsEvent> batch;
    batch.reserve(count);
    while (batch.size() < count) // the queue holds only events here
        batch.push_back(std::get<StatsEvent>(m_waiting.takeFront()));
    const Status written = m_store.recordEvents(batch);
    if (written) {
        m_written += batch.size();
        for (const StatsEvent& e : batch)
            m_newest = std::max(m_newest, e.timestamp);
        return true;
    }
    // Not written: the batch goes back in front, in order.
    PendingWrites restored(m_waiting.limits());
    for (StatsEvent& e : batch)
        restored.push(std::move(e));
    while (!m_waiting.empty())
        restored.push(m_waiting.takeFront());
    m_waiting.swap(restored);
    if (!isTransientStatsError(written.error())) return writeOneByOne(count);
    failed(written.error());
    return false;
}

// A batch that failed for good: each event alone, dropping only those that can never be written.
bool EventWriter::writeOneByOne(std::size_t count) {
    for (std::size_t i = 0; i < count && !m_waiting.empty(); ++i) {
        const auto& event = std::get<StatsEvent>(m_waiting.front());
        const Status written = m_store.recordEvent(event);
        if (!written && isTransientStatsError(written.error())) {
            failed(written.error());
            return false;
        }
        if (written) {
            ++m_written;
            m_newest = std::max(m_newest, event.timestamp);
        } else {
            ++m_dropped;
            logError("stats: dropped a " + event.kind +
                     " event that can never be written: " + written.error().message);
        }
        m_waiting.pop();
    }
    return true;
}

void EventWriter::failed(const Diagnostic& error) {
    const bool repeated = m_problem && m_problem->message == error.message;
    (repeated ? logDebug : logWarning)(
        "stats: " + error.message + " " + events(m_waiting.size()) +
        " wait in memory; trying again in " +
        std::to_string(
            std::chrono::duration_cast<std::chrono::seconds>(m_options.retryInterval).count()) +
        " s.");
    m_problem = error;
    // A full disk or a lock passes; anything else may need a fresh connection.
    if (error.code != kStatsDiskFull && error.code != kStatsBusy) m_store.close();
    m_nextAttempt = Clock::now() + m_options.retryInterval;
}

void EventWriter::recovered() {
    if (!m_problem) return;
    logInfo("stats: interaction events are written again (" + std::to_string(m_written) +
            " written so far)");
    m_problem.reset();
}

// Retention (hourly, in event time) and the size bound. Failures here are logged and tried again
// with the next batch; the events themselves are safe.
void EventWriter::keepBounded() {
    if (m_options.retentionDays > 0 && m_newest >= m_nextRetention) {
        const std::int64_t cutoff =
            m_newest - static_cast<std::int64_t>(m_options.retentionDays) * 86400;
        std::int64_t total = 0;
        for (int i = 0; i < kMaxChunksPerPass; ++i) {
            auto deleted = m_store.deleteRecordsBefore(cutoff, kDeleteChunk);
            if (!deleted) {
                logWarning("stats: " + deleted.error().message);
                return;
            }
            total += *deleted;
            if (*deleted == 0) break;
        }
        m_nextRetention = m_newest + kRetentionEvery;
        if (total > 0)
            logInfo("stats: deleted " + std::to_string(total) + " records older than " +
                    std::to_string(m_options.retentionDays) + " days (stats.retention_days)");
    }
    if (m_options.maxBytes == 0) return;
    // Past the bound, down to 90 % of it: the next trimming waits for a tenth of the bound.
    std::uint64_t limit = m_options.maxBytes;
    std::int64_t trimmed = 0;
    for (int i = 0; i < kMaxChunksPerPass; ++i) {
        auto used = m_store.usedBytes();
        if (!used) {
            logWarning("stats: " + used.error().message);
            return;
        }
        if (*used <= limit) break;
        limit = m_options.maxBytes / 10 * 9;
        auto deleted = m_store.deleteOldestEvents(kTrimChunk);
        if (!deleted) {
            logWarning("stats: " + deleted.error().message);
            return;
        }
        trimmed += *deleted;
        if (*deleted == 0) break;
    }
    if (trimmed > 0)
        logWarning("stats: the statistics database reached its bound of " +
                   std::to_string(m_options.maxBytes >> 20) +
                   " MB (stats.max_size_mb); deleted the oldest " +
                   events(static_cast<std::uint64_t>(trimmed)));
}

} // namespace lantai::core
