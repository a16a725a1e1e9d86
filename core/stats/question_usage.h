// core/stats: when each quiz question was last drawn on this kiosk, and how often (for the
// draw's least-recently-used preference)
#pragma once

#include "core/stats/sqlite.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lantai::core {

struct QuestionUsageRecord {
    std::int64_t lastUsed = 0; // unix seconds of the last session that drew it
    int timesUsed = 0;
};
using QuestionUsageRecords = std::unordered_map<std::string, QuestionUsageRecord>; // by id

Result<QuestionUsageRecords> questionUsage(SqliteConnection& db);
// One session drew these questions at `now`.
Status recordQuestionUsage(SqliteConnection& db, const std::vector<std::string>& questionIds,
                           std::int64_t now);

} // namespace lantai::core
