// core/stats: the kiosk's stats database as one object — opening the file (WAL, integrity
// check, a corrupt file moved aside)
#include "core/stats/stats_store.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/stats/team_results_csv.h"

#include <algorithm>
#include <sqlite3.h>
#include <sys/stat.h>
#include <system_error>

namespace lantai::core {

std::filesystem::path StatsStore::databasePath(const std::filesystem::path& stateDir) {
    return stateDir / "lantai.sqlite";
}

namespace {

constexpr StatsAction kOpen{"open the statistics database", "打开统计数据库"};
constexpr StatsAction kCheck{"check the statistics database", "检查统计数据库"};
constexpr StatsAction kJournal{"read the journal mode", "读取日志模式"};

// stats.cannot_open when something other than a regular file (a folder, say) is in the
// database's place; SQLite's own message for that is only "unable to open database file".
Status requireRegularOrMissing(const std::filesystem::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0 || S_ISREG(info.st_mode)) return {};
    const FileKindName kind = fileKindName(info.st_mode);
    return operationalError(
        kStatsCannotOpen, file.string(),
        "Cannot open the statistics database: \"" + file.string() + "\" is " + kind.en +
            ", not a database file. Move it away; the kiosk then creates the database there.",
        "无法打开统计数据库：“" + file.string() + "”是" + kind.zh +
            "，不是数据库文件。请将其移走，展台随后会在此处新建数据库。");
}

} // namespace

Status StatsStore::tryOpen(const std::filesystem::path& file, const StatsStoreOptions& options) {
    if (auto regular = requireRegularOrMissing(file); !regular) return regular;
    if (auto opened = m_db.open(file, options.readOnly, options.immutable); !opened) return opened;
    auto failed = [&](Diagnostic error) {
        m_db.close();
        return error;
    };
    if (options.quickCheck) {
        SqliteStatement check(m_db, "PRAGMA quick_check(1)");
        if (check.step() != SQLITE_ROW) return failed(m_db.failure(kCheck));
        if (check.text(0) != "ok")
            return failed(statsError(kStatsCorrupt, kCheck, file, check.text(0)));
    }
    if (!options.readOnly) {
        SqliteStatement wal(m_db, "PRAGMA journal_mode=WAL");
        if (wal.step() != SQLITE_ROW) return failed(m_db.failure(kOpen));
        if (auto normal = m_db.exec("PRAGMA synchronous=NORMAL", kOpen); !normal)
            return failed(std::move(normal).error());
    }
    if (auto keys = m_db.exec("PRAGMA foreign_keys=ON", kOpen); !keys)
        return failed(std::move(keys).error());
    if (auto migrated = migrateSchema(m_db, options.readOnly); !migrated)
        return failed(std::move(migrated).error());
    return {};
}

Status StatsStore::open(const std::filesystem::path& file, std::int64_t now,
                        StatsStoreOptions options) {
    m_db.close();
    m_path = file;
    m_movedAside.reset();
    std::error_code ec;
    if (!options.readOnly && file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
            const std::string dir = file.parent_path().string();
            return operationalError(kStatsCannotOpen, file.string(),
                                    "Cannot create the state folder \"" + dir +
                                        "\" for the statistics database: " + ec.message() + ".",
                                    "无法为统计数据库创建状态文件夹“" + dir + "”：" + ec.message() +
                                        "。");
        }
    }
    Status opened = tryOpen(file, options);
    if (opened || options.readOnly || !options.recoverCorrupt ||
        opened.error().code != kStatsCorrupt)
        return opened;

    // Corrupt: move the file (and its WAL) aside and start a new database.
    const std::string reason = opened.error().message;
    std::string stamp = formatLocalTime(now, 0); // "YYYY-MM-DD HH:MM:SS" UTC
    std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
    std::replace(stamp.begin(), stamp.end(), ' ', 'T');
    std::filesystem::path aside = file.string() + ".corrupt-" + stamp + "Z";
    for (int n = 2; std::filesystem::exists(aside, ec); ++n)
        aside = file.string() + ".corrupt-" + stamp + "Z-" + std::to_string(n);
    std::filesystem::rename(file, aside, ec);
    if (ec) {
        Diagnostic error = std::move(opened).error();
        error.message += " Moving it aside failed: " + ec.message() + ".";
        error.messageZh += "改名保存失败：" + ec.message() + "。";
        return error;
    }
    const std::filesystem::path wal = file.string() + "-wal";
    if (std::filesystem::exists(wal, ec)) std::filesystem::rename(wal, aside.string() + "-wal", ec);
    std::filesystem::remove(file.string() + "-shm", ec);
    std::filesystem::remove(file.string() + "-journal", ec);
    logWarning("stats store: " + reason + " Moved it to " + aside.string() +
               " and started a new database.");
    m_movedAside = aside;
    return tryOpen(file, options);
}

Result<std::string> StatsStore::journalMode() {
    if (auto open = m_db.requireOpen(kJournal); !open) return std::move(open).error();
    SqliteStatement s(m_db, "PRAGMA journal_mode");
    if (s.step() != SQLITE_ROW) return m_db.failure(kJournal);
    return s.text(0);
}

Result<std::string> exportTeamResultsCsv(StatsStore& store, std::int64_t since,
                                         int utcOffsetSeconds) {
    auto sessions = store.teamSessions(since);
    if (!sessions) return std::move(sessions).error();
    return teamResultsCsv(*sessions, utcOffsetSeconds);
}

} // namespace lantai::core
