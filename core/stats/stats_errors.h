// core/stats: the stats store's errors — stable codes and the zh/en sentences staff act on,
// from SQLite's result codes and the OS error behind them
#pragma once

#include "core/base/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace lantai::core {

// Stable codes of the stats errors. Each Diagnostic names the database file (its `file` field)
// and says in English and Chinese what failed, why, and what staff can do; SQLite's own message
// is appended in brackets.
inline constexpr const char* kStatsDiskFull = "stats.disk_full";     // SQLITE_FULL, ENOSPC
inline constexpr const char* kStatsReadOnly = "stats.read_only";     // SQLITE_READONLY, EROFS
inline constexpr const char* kStatsCannotOpen = "stats.cannot_open"; // a folder in its place, …
inline constexpr const char* kStatsBusy = "stats.busy";              // locked past the timeout
inline constexpr const char* kStatsCorrupt = "stats.corrupt";        // not a database, damaged
inline constexpr const char* kStatsIoError = "stats.io_error";       // SQLITE_IOERR (not ENOSPC)
inline constexpr const char* kStatsNotOpen = "stats.not_open";
inline constexpr const char* kStatsSchemaNewer = "stats.schema_newer"; // written by a newer Lantai
inline constexpr const char* kStatsSchemaOlder = "stats.schema_older"; // read-only, needs upgrade
inline constexpr const char* kStatsSqliteError = "stats.sqlite_error"; // anything else
// A warning, not a failure: the state disk has less free space than the configured reserve.
inline constexpr const char* kStatsDiskLow = "stats.disk_low";

// What a failed call was doing, as the sentence's start: "Cannot store the quiz result" /
// "无法保存答题成绩".
struct StatsAction {
    std::string_view en; // "store the quiz result"
    std::string_view zh; // "保存答题成绩"
};

// The code for an SQLite result code (extended or primary) and the OS errno SQLite saw
// (sqlite3_system_errno; 0 when none): ENOSPC is a full disk whatever SQLite called it, EROFS /
// EACCES / EPERM on a write a read-only database.
const char* statsErrorCode(int sqliteCode, int systemErrno);

// The Diagnostic for a failure with `code` (one of the codes above) while doing `action` on the
// database `file`; `sqliteMessage` (may be empty) is appended.
Diagnostic statsError(const char* code, StatsAction action, const std::filesystem::path& file,
                      std::string_view sqliteMessage);

// Whether writing again later may succeed (a full or read-only disk, a lock, a database that
// cannot be opened or is damaged and will be replaced): the kiosk keeps such a record queued.
// False for errors that would fail the same way every time (a constraint, a misuse).
bool isTransientStatsError(const Diagnostic& error);

} // namespace lantai::core
