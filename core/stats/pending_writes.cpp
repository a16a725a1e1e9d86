// core/stats: records waiting for the stats database — a bounded, ordered queue of plain values
#include "core/stats/pending_writes.h"

namespace lantai::core {

namespace {

std::size_t textBytes(const std::string& s) {
    return s.capacity() > 15 ? s.capacity() + 1 : 0; // beyond the small-string buffer
}

struct Kind {
    const char* operator()(const PendingQuizResult&) const { return "quiz result"; }
    const char* operator()(const TeamSessionRecord&) const { return "class contest"; }
    const char* operator()(const PendingQuestionUsage&) const { return "question usage"; }
    const char* operator()(const StatsEvent&) const { return "event"; }
};

struct Bytes {
    std::size_t operator()(const PendingQuizResult& r) const {
        const QuizResultRecord& q = r.record;
        return textBytes(q.packId) + textBytes(q.bank) + textBytes(q.ageBand) +
               textBytes(q.nickname) + textBytes(q.mode);
    }
    std::size_t operator()(const TeamSessionRecord& r) const {
        std::size_t n = textBytes(r.packId) + textBytes(r.bank) + textBytes(r.ageBand) +
                        textBytes(r.mode) + r.teams.capacity() * sizeof(TeamResultRow);
        for (const auto& t : r.teams)
            n += textBytes(t.presetId) + textBytes(t.name.zh) + textBytes(t.name.en);
        return n;
    }
    std::size_t operator()(const PendingQuestionUsage& r) const {
        std::size_t n = r.questionIds.capacity() * sizeof(std::string);
        for (const auto& id : r.questionIds)
            n += textBytes(id);
        return n;
    }
    std::size_t operator()(const StatsEvent& e) const {
        return textBytes(e.kind) + textBytes(e.packId) + textBytes(e.subjectId);
    }
};

} // namespace

const char* pendingWriteKind(const PendingWrite& write) {
    return std::visit(Kind{}, write);
}

std::size_t pendingWriteBytes(const PendingWrite& write) {
    // The queue entry itself, plus what its strings and vectors hold on the heap.
    return sizeof(PendingWrite) + 3 * sizeof(void*) + std::visit(Bytes{}, write);
}

PendingWrites::Pushed PendingWrites::push(PendingWrite write) {
    Pushed pushed;
    const std::size_t bytes = pendingWriteBytes(write);
    pushed.sequence = m_nextSequence++;
    m_entries.push_back({pushed.sequence, bytes, std::move(write)});
    m_bytes += bytes;
    while (!m_entries.empty() &&
           (m_entries.size() > m_limits.maxWrites || m_bytes > m_limits.maxBytes)) {
        pushed.dropped.push_back(std::move(m_entries.front().write));
        pop();
    }
    return pushed;
}

void PendingWrites::pop() {
    m_bytes -= m_entries.front().bytes;
    m_entries.pop_front();
}

PendingWrite PendingWrites::takeFront() {
    PendingWrite write = std::move(m_entries.front().write);
    pop();
    return write;
}

void PendingWrites::swap(PendingWrites& other) noexcept {
    std::swap(m_limits, other.m_limits);
    m_entries.swap(other.m_entries);
    std::swap(m_bytes, other.m_bytes);
    std::swap(m_nextSequence, other.m_nextSequence);
}

} // namespace lantai::core
