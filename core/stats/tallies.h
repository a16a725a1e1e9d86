// core/stats: what staff counted by hand on a day (visitors, leaflets handed out, a note), kept
// beside the kiosk's own counts and reported apart from them
#pragma once

#include "core/stats/sqlite.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// One day's manual tally. A field that is not set is not counted (not zero).
struct ManualTally {
    std::string date; // "YYYY-MM-DD", the booth's local day
    std::optional<std::int64_t> visitors;
    std::optional<std::int64_t> leaflets;
    std::optional<std::string> note;
    std::int64_t recordedAt = 0; // unix seconds
};

struct TallyOutcome {
    bool replaced = false; // the day had a tally: the fields given replaced its values
    ManualTally stored;    // the day's tally as it is now
};

// Records `tally` for its date. Fields not set keep what an earlier tally of that day said, so
// two staff members can record the visitors and the leaflets separately.
Result<TallyOutcome> recordTally(SqliteConnection& db, const ManualTally& tally);
// The tallies of the days [from, to] ("YYYY-MM-DD"; empty: unbounded), oldest first.
Result<std::vector<ManualTally>> tallies(SqliteConnection& db, std::string_view from,
                                         std::string_view to);

} // namespace lantai::core
