// core/stats: records waiting for the stats database — a bounded, ordered queue of plain values
#pragma once

#include "core/stats/events.h"
#include "core/stats/quiz_results.h"
#include "core/stats/team_results.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace lantai::core {

// A solo result with the day and the rules it is ranked under when it is finally written (the
// rules of one kiosk configuration are shared by all its waiting results).
struct PendingQuizResult {
    QuizResultRecord record;
    TimeRange today;
    std::shared_ptr<const LeaderboardRules> rules;
};

// The questions one session drew, at `timestamp`.
struct PendingQuestionUsage {
    std::vector<std::string> questionIds;
    std::int64_t timestamp = 0;
};

// One write for the stats database, as plain data (no connection, no pointers into the caller).
using PendingWrite =
    std::variant<PendingQuizResult, TeamSessionRecord, PendingQuestionUsage, StatsEvent>;

// "quiz result", "class contest", "question usage", "event" — for log lines.
const char* pendingWriteKind(const PendingWrite& write);
// Roughly the memory a waiting write holds (the object and its strings), for the byte bound.
std::size_t pendingWriteBytes(const PendingWrite& write);

struct PendingLimits {
    std::size_t maxWrites = 1000;
    std::size_t maxBytes = std::size_t{4} << 20;
};

// Writes in the order they were made, each numbered (sequence) when pushed. Bounded: pushing
// past maxWrites or maxBytes drops the oldest and hands them back, so the caller can log what
// was lost.
//
// Threading/ownership: a plain value, not thread-safe. StatsWriter owns one on the main thread.
// EventWriter (interaction events) owns two: one behind a mutex that the main thread pushes to,
// which its writer thread swaps for an empty one, and the writer thread's own, from whose front
// it commits batches.
class PendingWrites {
  public:
    explicit PendingWrites(PendingLimits limits = {}) : m_limits(limits) {}

    struct Pushed {
        std::uint64_t sequence = 0;        // the new write's number
        std::vector<PendingWrite> dropped; // the oldest writes that no longer fit, oldest first
    };
    // Appends `write` as the newest.
    Pushed push(PendingWrite write);

    bool empty() const { return m_entries.empty(); }
    std::size_t size() const { return m_entries.size(); }
    std::size_t bytes() const { return m_bytes; }
    const PendingLimits& limits() const { return m_limits; }

    const PendingWrite& front() const { return m_entries.front().write; }
    std::uint64_t frontSequence() const { return m_entries.front().sequence; }
    void pop();
    // Removes the oldest write and hands it over.
    PendingWrite takeFront();
    // Exchanges the contents (and limits) with `other`, allocating nothing: a thread takes a
    // whole queue under a lock held only for this.
    void swap(PendingWrites& other) noexcept;

  private:
    struct Entry {
        std::uint64_t sequence = 0;
        std::size_t bytes = 0;
        PendingWrite write;
    };
    PendingLimits m_limits;
    std::deque<Entry> m_entries;
    std::size_t m_bytes = 0;
    std::uint64_t m_nextSequence = 1;
};

} // namespace lantai::core
