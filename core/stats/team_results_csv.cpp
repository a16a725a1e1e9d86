// core/stats: class contests as a CSV spreadsheet for Excel (pure formatting, no database)
#include "core/stats/team_results_csv.h"

#include "core/stats/calendar.h"

#include <cstdio>

namespace lantai::core {

namespace {

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string colourHex(std::uint32_t colour) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06X", colour & 0xFFFFFFu);
    return buf;
}

} // namespace

std::string teamResultsCsv(const std::vector<TeamSessionRecord>& sessions, int utcOffsetSeconds) {
    std::string out = "\xEF\xBB\xBF"; // UTF-8 byte-order mark for Excel
    out += "session,started,ended,completed,pack,bank,age_band,mode,questions_per_team,rank,"
           "team,team_zh,team_en,colour,score,correct,answered,total\r\n";
    for (const auto& s : sessions) {
        for (const auto& t : s.teams) {
            const std::vector<std::string> fields = {
                std::to_string(s.id),
                formatLocalTime(s.startedAt, utcOffsetSeconds),
                formatLocalTime(s.finishedAt, utcOffsetSeconds),
                s.finished ? "yes" : "no",
                s.packId,
                s.bank,
                s.ageBand,
                s.mode,
                std::to_string(s.questionsPerTeam),
                std::to_string(t.rank),
                t.presetId,
                t.name.zh,
                t.name.en,
                colourHex(t.colour),
                std::to_string(t.score),
                std::to_string(t.correct),
                std::to_string(t.answered),
                std::to_string(t.total),
            };
            for (std::size_t i = 0; i < fields.size(); ++i) {
                if (i) out += ',';
                out += csvField(fields[i]);
            }
            out += "\r\n";
        }
    }
    return out;
}

} // namespace lantai::core
