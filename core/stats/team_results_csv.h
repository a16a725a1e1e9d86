// core/stats: class contests as a CSV spreadsheet for Excel (pure formatting, no database)
#pragma once

#include "core/stats/team_results.h"

#include <string>
#include <vector>

namespace lantai::core {

// UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF line ends, RFC 4180
// quoting, one header line, one row per team; times local in `utcOffsetSeconds`.
std::string teamResultsCsv(const std::vector<TeamSessionRecord>& sessions, int utcOffsetSeconds);

} // namespace lantai::core
