// core/stats: the kiosk's writes to the stats database — the memory queue, retries on writes and
// on a timer, reopening, the free-space warning
#include "core/stats/stats_writer.h"

#include "core/base/disk_space.h"
#include "core/base/log.h"

#include <limits>
#include <type_traits>
#include <utility>

namespace lantai::core {

namespace {

std::string megabytes(std::uint64_t bytes) {
    return std::to_string(bytes >> 20) + " MB";
}

std::string records(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " record" : " records");
}

std::string waiting(std::size_t n) {
    return records(n) + (n == 1 ? " waits" : " wait");
}

} // namespace

StatsWriter::~StatsWriter() {
    if (m_pending.empty()) return;
    std::optional<Diagnostic> why = m_problem;
    if (m_store.isOpen()) {
        Drained drained = drain(std::numeric_limits<std::size_t>::max(), 0);
        if (drained.stopped) why = std::move(drained.stopped);
    }
    if (m_pending.empty()) return;
    logWarning("stats: lost " + records(m_pending.size()) +
               " that waited in memory: they could not be written before the kiosk stopped" +
               (why ? " (" + why->code + ")" : std::string()));
}

Status StatsWriter::start(StatsWriterOptions options, TimePoint now, std::int64_t unixNow) {
    m_options = std::move(options);
    if (m_pending.empty()) m_pending = PendingWrites(m_options.limits);
    m_nextAttempt = now + m_options.retryInterval;
    Status opened = reopen(unixNow);
    checkDisk();
    return opened;
}

void StatsWriter::update(TimePoint now, std::int64_t unixNow) {
    const bool due = now >= m_nextAttempt;
    if (!due && !m_reopenSoon && !m_drainSoon) return;
    if (due) m_nextAttempt = now + m_options.retryInterval;
    if (!m_store.isOpen() && (due || m_reopenSoon)) {
        m_reopenSoon = false;
        (void)reopen(unixNow); // logged
    }
    if (due) checkDisk();
    m_drainSoon = false;
    if (!m_store.isOpen() || m_pending.empty()) return;
    const Drained drained = drain(m_options.writesPerUpdate, 0);
    if (drained.stopped) {
        noteProblem(*drained.stopped, " " + waiting(m_pending.size()) +
                                          " in memory; trying again in " +
                                          std::to_string(m_options.retryInterval.count()) + " s.");
        return;
    }
    m_drainSoon = !m_pending.empty();
    if (drained.written > 0)
        logInfo("stats: wrote " + records(drained.written) + " that waited in memory (" +
                std::to_string(m_pending.size()) + " still waiting)");
    if (m_pending.empty()) m_problem.reset();
}

Result<RecordOutcome> StatsWriter::recordQuizResult(const QuizResultRecord& record, TimeRange today,
                                                    const LeaderboardRules& rules) {
    if (!m_rules || !(*m_rules == rules)) m_rules = std::make_shared<const LeaderboardRules>(rules);
    return write(PendingQuizResult{record, today, m_rules});
}

Status StatsWriter::recordTeamSession(TeamSessionRecord record) {
    auto written = write(std::move(record));
    if (!written) return std::move(written).error();
    return {};
}

Status StatsWriter::recordQuestionUsage(std::vector<std::string> questionIds,
                                        std::int64_t timestamp) {
    auto written = write(PendingQuestionUsage{std::move(questionIds), timestamp});
    if (!written) return std::move(written).error();
    return {};
}

Status StatsWriter::recordEvent(StatsEvent event) {
    auto written = write(std::move(event));
    if (!written) return std::move(written).error();
    return {};
}

Result<std::vector<LeaderboardEntry>> StatsWriter::topResults(const LeaderboardQuery& query) {
    if (!m_store.isOpen()) return unavailable();
    return m_store.topResults(query);
}

Result<QuestionUsageRecords> StatsWriter::questionUsage() {
    if (!m_store.isOpen()) return unavailable();
    return m_store.questionUsage();
}

Result<RecordOutcome> StatsWriter::write(PendingWrite record) {
    const std::string kind = pendingWriteKind(record);
    auto pushed = m_pending.push(std::move(record));
    for (const PendingWrite& lost : pushed.dropped) {
        logWarning("stats: more than " + std::to_string(m_pending.limits().maxWrites) +
                   " records or " + megabytes(m_pending.limits().maxBytes) +
                   " wait in memory; dropped the oldest waiting " + pendingWriteKind(lost));
    }
    const auto keptInMemory = [&](Diagnostic error) {
        const bool repeated = m_problem && m_problem->message == error.message;
        if (repeated)
            logInfo("stats: the " + kind + " is kept in memory (" + error.code + "); " +
                    waiting(m_pending.size()) + " to be written");
        else
            noteProblem(error, " The " + kind + " is kept in memory (" + waiting(m_pending.size()) +
                                   ") and written when the database can take it.");
        return error;
    };
    if (!m_store.isOpen()) return keptInMemory(unavailable());
    Drained drained = drain(std::numeric_limits<std::size_t>::max(), pushed.sequence);
    if (drained.written > 1 && m_problem)
        logInfo("stats: wrote " + records(drained.written) +
                ", including those that waited in memory");
    if (drained.wanted) {
        if (!drained.stopped) m_problem.reset();
        return *drained.wanted;
    }
    if (drained.wantedError) return *drained.wantedError; // dropped as unwritable (logged)
    if (!drained.stopped) return unavailable();           // dropped by the queue's bound (logged)
    return keptInMemory(*drained.stopped);
}

StatsWriter::Drained StatsWriter::drain(std::size_t limit, std::uint64_t wanted) {
    Drained drained;
    while (!m_pending.empty() && drained.written < limit) {
        const std::uint64_t sequence = m_pending.frontSequence();
        Result<RecordOutcome> written = std::visit(
            [this](const auto& r) -> Result<RecordOutcome> {
                using T = std::decay_t<decltype(r)>;
                if constexpr (std::is_same_v<T, PendingQuizResult>) {
                    return m_store.recordQuizResult(r.record, r.today, *r.rules);
                } else if constexpr (std::is_same_v<T, TeamSessionRecord>) {
                    auto id = m_store.recordTeamSession(r);
                    if (!id) return std::move(id).error();
                    return RecordOutcome{*id};
                } else if constexpr (std::is_same_v<T, PendingQuestionUsage>) {
                    if (auto s = m_store.recordQuestionUsage(r.questionIds, r.timestamp); !s)
                        return std::move(s).error();
                    return RecordOutcome{};
                } else {
                    if (auto s = m_store.recordEvent(r); !s) return std::move(s).error();
                    return RecordOutcome{};
                }
            },
            m_pending.front());
        if (written) {
            if (sequence == wanted) drained.wanted = *written;
            m_pending.pop();
            ++drained.written;
            continue;
        }
        Diagnostic error = std::move(written).error();
        if (!isTransientStatsError(error)) {
            logError(std::string("stats: dropped a ") + pendingWriteKind(m_pending.front()) +
                     " that can never be written: " + error.message);
            if (sequence == wanted) drained.wantedError = std::move(error);
            m_pending.pop();
            continue;
        }
        // A full disk or a lock passes; anything else (read-only, damaged, an I/O error) may
        // need a fresh connection: StatsStore::open moves a damaged file aside.
        if (error.code != kStatsDiskFull && error.code != kStatsBusy) {
            m_store.close();
            m_reopenSoon = true;
        }
        drained.stopped = std::move(error);
        break;
    }
    return drained;
}

Status StatsWriter::reopen(std::int64_t unixNow) {
    Status opened = m_store.open(m_options.file, unixNow);
    if (!opened) {
        noteProblem(opened.error(), " Statistics are kept in memory; opening the database again "
                                    "every " +
                                        std::to_string(m_options.retryInterval.count()) + " s.");
        return opened;
    }
    logInfo((m_problem ? "stats: the statistics database is open again: " : "statistics: ") +
            m_options.file.string());
    m_problem.reset();
    return {};
}

void StatsWriter::checkDisk() {
    const std::uint64_t reserve = m_options.diskReserveBytes;
    if (reserve == 0) return;
    const std::filesystem::path dir =
        m_options.file.has_parent_path() ? m_options.file.parent_path() : ".";
    const auto space = diskSpace(dir);
    if (!space) {
        logDebug("stats: " + space.error().message);
        return;
    }
    const std::uint64_t free = space->availableBytes;
    if (free >= reserve) {
        if (m_diskWarning)
            logInfo("stats: " + megabytes(free) + " free again on the disk of " + dir.string());
        m_diskWarning.reset();
        return;
    }
    if (m_diskWarning) return; // warned already
    Diagnostic warning = operationalError(
        kStatsDiskLow, dir.string(),
        "Only " + megabytes(free) + " is free on the disk of the state folder \"" + dir.string() +
            "\", less than the " + megabytes(reserve) +
            " reserve (state_disk_reserve_mb). Free space there: on a full disk, quiz results "
            "can no longer be saved.",
        "状态文件夹“" + dir.string() + "”所在磁盘仅剩 " + megabytes(free) + "，低于预留的 " +
            megabytes(reserve) +
            "（state_disk_reserve_mb）。请清理该磁盘：磁盘写满后将无法保存答题成绩。");
    warning.severity = Severity::Warning;
    logWarning("stats: " + warning.message);
    m_diskWarning = std::move(warning);
}

void StatsWriter::noteProblem(const Diagnostic& problem, const std::string& consequence) {
    const bool repeated = m_problem && m_problem->message == problem.message;
    (repeated ? logDebug : logWarning)("stats: " + problem.message + consequence);
    m_problem = problem;
}

Diagnostic StatsWriter::unavailable() const {
    if (m_problem) return *m_problem;
    return statsError(kStatsNotOpen, {"write statistics", "写入统计数据"}, m_options.file, "");
}

} // namespace lantai::core
