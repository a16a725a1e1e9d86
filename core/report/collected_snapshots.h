// core/report: the statistics snapshots booths send to the origin (lantai-sync) — the newest one
// of each booth, for `lantai report --collected`
#pragma once

#include "core/base/result.h"

#include <filesystem>
#include <vector>

namespace lantai::core {

inline constexpr const char* kReportNoSnapshots = "report.no_snapshots";

// `reportsDir`/<booth>/<YYYY-MM-DD>/lantai.sqlite, as lantai-sync PUTs them: for each booth
// folder, the newest day that holds a database (each snapshot holds the booth's whole history,
// so only the newest counts). Sorted by booth. report.no_snapshots when there is none.
Result<std::vector<std::filesystem::path>>
latestBoothSnapshots(const std::filesystem::path& reportsDir);

} // namespace lantai::core
