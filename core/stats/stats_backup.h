// core/stats: a consistent copy of the statistics database (SQLite's online backup API)
#pragma once

#include "core/base/result.h"

#include <filesystem>

namespace lantai::core {

// Copies the database `from` into a new file `to` through sqlite3_backup: a snapshot of one
// moment even while the kiosk writes (a raw file copy could catch half a transaction or miss
// what waits in the -wal file). `to` is written beside as `to`.partial and renamed when
// complete, so a pulled USB stick never leaves a file that looks whole. Errors name the file
// (stats.* codes of stats_errors.h).
Status backupStatsDatabase(const std::filesystem::path& from, const std::filesystem::path& to);

} // namespace lantai::core
