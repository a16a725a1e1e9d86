// core/stats: class contests — one team session and its teams' results in rank order
#pragma once

#include "core/base/localized_text.h"
#include "core/stats/sqlite.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lantai::core {

struct TeamResultRow {
    int teamIndex = 0;
    std::string presetId;
    LocalizedText name; // stored as shown, so exports survive preset changes
    std::uint32_t colour = 0;
    int score = 0;
    int correct = 0;
    int answered = 0;
    int total = 0;
    int rank = 0;
};

// A class contest, as the caller maps it from its team session.
struct TeamSessionRecord {
    std::int64_t id = 0; // set by the store
    std::int64_t startedAt = 0;
    std::int64_t finishedAt = 0; // when the session ended (or was reset unfinished)
    std::string packId;
    std::string bank;
    std::string ageBand; // "primary" | "secondary" | "adult", "" when not chosen
    std::string mode;    // scoring mode: "accuracy" | "speed"
    int questionsPerTeam = 0;
    bool finished = false;
    std::vector<TeamResultRow> teams; // in rank order
};

// Stores the session and its teams in one transaction; returns the session's id.
Result<std::int64_t> recordTeamSession(SqliteConnection& db, const TeamSessionRecord& record);
// Sessions started at or after `since`, oldest first, teams in rank order.
Result<std::vector<TeamSessionRecord>> teamSessions(SqliteConnection& db, std::int64_t since);

} // namespace lantai::core
