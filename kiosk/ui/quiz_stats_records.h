// kiosk/ui: the quiz engine's results as the stats store's plain records, and the store's
// question usage back as the draw's history
#pragma once

#include "core/quiz/engine.h"
#include "core/stats/stats_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lantai::kiosk {

// A finished (or abandoned) solo quiz. The age band is the filter's, "" when the quiz asked
// for an exact difficulty.
core::QuizResultRecord quizResultRecord(const core::QuizSummary& summary,
                                        const core::QuizConfig& config, std::string packId,
                                        std::string bank, std::string nickname,
                                        std::int64_t timestamp);

// A class contest, teams in rank order.
core::TeamSessionRecord teamSessionRecord(const core::TeamSession& session, std::string packId,
                                          std::string bank, std::int64_t startedAt,
                                          std::int64_t finishedAt);

// The ids of the preset nicknames: the only ones the store ranks (LeaderboardRules::nicknames).
std::vector<std::string> presetNicknameIds();

core::UsageHistory usageHistory(const core::QuestionUsageRecords& usage);

} // namespace lantai::kiosk
