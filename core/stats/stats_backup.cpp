// core/stats: a consistent copy of the statistics database (SQLite's online backup API)
#include "core/stats/stats_backup.h"

#include "core/stats/sqlite.h"

#include <sqlite3.h>
#include <system_error>

namespace lantai::core {

namespace {

constexpr StatsAction kCopy{"copy the statistics database", "复制统计数据库"};

} // namespace

Status backupStatsDatabase(const std::filesystem::path& from, const std::filesystem::path& to) {
    SqliteConnection source;
    if (Status opened = source.open(from, /*readOnly=*/true); !opened) return opened;
    std::filesystem::path partial = to;
    partial += ".partial";
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    SqliteConnection target;
    if (Status opened = target.open(partial, /*readOnly=*/false); !opened) return opened;
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
    if (!backup) return target.failure(kCopy);
    int rc = SQLITE_OK;
    // All pages in one step: the copy is one snapshot; a busy source is retried by the 2 s
    // busy timeout of the connections.
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        Diagnostic error = statsError(statsErrorCode(rc, sqlite3_system_errno(target.handle())),
                                      kCopy, to, sqlite3_errstr(rc));
        target.close();
        std::filesystem::remove(partial, ignored);
        return error;
    }
    // A file that opens on its own: no -wal beside it on the stick.
    (void)target.exec("PRAGMA journal_mode=DELETE", kCopy);
    target.close();
    std::error_code renamed;
    std::filesystem::rename(partial, to, renamed);
    if (renamed) return statsError(kStatsIoError, kCopy, to, renamed.message());
    return {};
}

} // namespace lantai::core
