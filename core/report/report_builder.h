// core/report: the report from one or many booths — their figures merged, named, sorted, with
// the days, hours, medians and the busiest hour (pure: no database, no clock)
#pragma once

#include "core/report/booth_reader.h"
#include "core/report/report_model.h"

#include <cstdint>
#include <vector>

namespace lantai::core {

// Merges the booths' figures into the report over `range`. `utcOffset` gives the local time
// zone's offset at a moment (localUtcOffsetSeconds; tests pass a fixed zone): sessions are
// counted on the local day and hour they started.
Report buildReport(std::vector<BoothFigures> booths, const ReportRange& range,
                   int (*utcOffset)(std::int64_t));

// Reads every state folder (or database file) and builds the report: the first booth that
// cannot be read, or a malformed date, is the error (file named, zh/en).
Result<Report> readReport(const std::vector<std::filesystem::path>& stateDirs,
                          const ReportRange& range, int (*utcOffset)(std::int64_t));

} // namespace lantai::core
