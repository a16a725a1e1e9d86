// kiosk/ui: the quiz engine's results as the stats store's plain records, and the store's
// question usage back as the draw's history
#include "kiosk/ui/quiz_stats_records.h"

namespace lantai::kiosk {

core::QuizResultRecord quizResultRecord(const core::QuizSummary& summary,
                                        const core::QuizConfig& config, std::string packId,
                                        std::string bank, std::string nickname,
                                        std::int64_t timestamp) {
    core::QuizResultRecord r;
    r.timestamp = timestamp;
    r.packId = std::move(packId);
    r.bank = std::move(bank);
    r.ageBand = config.filter.exactDifficulty == 0 ? core::ageBandName(config.filter.ageBand) : "";
    r.nickname = std::move(nickname);
    r.score = summary.score;
    r.correct = summary.correctCount;
    r.total = summary.total;
    r.mode = core::scoringModeName(config.scoring.mode);
    r.finished = summary.finished;
    r.tooFast = summary.tooFastCount > 0;
    r.fastestAnswerMs = summary.fastestAnswerMs;
    return r;
}

core::TeamSessionRecord teamSessionRecord(const core::TeamSession& session, std::string packId,
                                          std::string bank, std::int64_t startedAt,
                                          std::int64_t finishedAt) {
    core::TeamSessionRecord r;
    r.startedAt = startedAt;
    r.finishedAt = finishedAt;
    r.packId = std::move(packId);
    r.bank = std::move(bank);
    const core::QuestionFilter& f = session.config().filter;
    r.ageBand = f.exactDifficulty == 0 ? core::ageBandName(f.ageBand) : "";
    r.mode = core::scoringModeName(session.config().scoring.mode);
    r.questionsPerTeam = session.questionsPerTeam();
    r.finished = session.finished();
    for (const core::TeamStanding& s : session.scoreboard()) {
        r.teams.push_back({s.team, s.preset->id, s.preset->name, s.preset->colour, s.score,
                           s.correctCount, s.answered, s.total, s.rank});
    }
    return r;
}

std::vector<std::string> presetNicknameIds() {
    std::vector<std::string> ids;
    for (const auto& n : core::presetNicknames())
        ids.push_back(n.id);
    return ids;
}

core::UsageHistory usageHistory(const core::QuestionUsageRecords& usage) {
    core::UsageHistory history;
    for (const auto& [id, u] : usage)
        history[id] = {u.lastUsed, u.timesUsed};
    return history;
}

} // namespace lantai::kiosk
