// core/stats: the kiosk's stats database as one object — opening the file (WAL, integrity
// check, a corrupt file moved aside)
#include "core/stats/stats_store.h"

#include "core/base/log.h"
#include "core/stats/team_results_csv.h"

#include <algorithm>
#include <sqlite3.h>
#include <system_error>

namespace lantai::core {

std::filesystem::path StatsStore::databasePath(const std::filesystem::path& stateDir) {
    return stateDir / "lantai.sqlite";
}

StatsStore::OpenStatus StatsStore::tryOpen(const std::filesystem::path& file,
                                           const StatsStoreOptions& options) {
    if (!m_db.open(file, options.readOnly)) return OpenStatus::Failed;

    auto failed = [&](const std::string& what) {
        const bool corrupt = m_db.lastErrorIsCorruption();
        m_db.fail(what + " " + file.string());
        m_db.close();
        return corrupt ? OpenStatus::Corrupt : OpenStatus::Failed;
    };
    {
        SqliteStatement check(m_db, "PRAGMA quick_check(1)");
        if (check.step() != SQLITE_ROW) return failed("cannot check the stats database");
        if (check.text(0) != "ok") {
            m_db.setError("the stats database " + file.string() + " is damaged: " + check.text(0));
            m_db.close();
            return OpenStatus::Corrupt;
        }
    }
    if (!options.readOnly) {
        SqliteStatement wal(m_db, "PRAGMA journal_mode=WAL");
        if (wal.step() != SQLITE_ROW) return failed("cannot switch to WAL mode for");
        if (!m_db.exec("PRAGMA synchronous=NORMAL"))
            return failed("cannot set synchronous=NORMAL for");
    }
    if (!m_db.exec("PRAGMA foreign_keys=ON")) return failed("cannot enable foreign keys for");
    if (!migrateSchema(m_db, options.readOnly)) {
        const bool corrupt = m_db.lastErrorIsCorruption();
        m_db.close();
        return corrupt ? OpenStatus::Corrupt : OpenStatus::Failed;
    }
    return OpenStatus::Ok;
}

bool StatsStore::open(const std::filesystem::path& file, std::int64_t now,
                      StatsStoreOptions options) {
    m_db.close();
    m_path = file;
    m_movedAside.reset();
    m_db.setError({});
    std::error_code ec;
    if (!options.readOnly && file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec)
            return m_db.fail("cannot create the state directory " + file.parent_path().string() +
                             ": " + ec.message());
    }
    const OpenStatus status = tryOpen(file, options);
    if (status == OpenStatus::Ok) return true;
    if (status == OpenStatus::Failed || options.readOnly) return false;

    // Corrupt: move the file (and its WAL) aside and start a new database.
    const std::string reason = m_db.error();
    std::string stamp = formatLocalTime(now, 0); // "YYYY-MM-DD HH:MM:SS" UTC
    std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
    std::replace(stamp.begin(), stamp.end(), ' ', 'T');
    std::filesystem::path aside = file.string() + ".corrupt-" + stamp + "Z";
    for (int n = 2; std::filesystem::exists(aside, ec); ++n)
        aside = file.string() + ".corrupt-" + stamp + "Z-" + std::to_string(n);
    std::filesystem::rename(file, aside, ec);
    if (ec) {
        m_db.setError(reason + "; moving it aside failed: " + ec.message());
        return false;
    }
    const std::filesystem::path wal = file.string() + "-wal";
    if (std::filesystem::exists(wal, ec)) std::filesystem::rename(wal, aside.string() + "-wal", ec);
    std::filesystem::remove(file.string() + "-shm", ec);
    std::filesystem::remove(file.string() + "-journal", ec);
    logWarning("stats store: " + reason + "; moved it to " + aside.string() +
               " and started a new database");
    m_movedAside = aside;
    if (tryOpen(file, options) != OpenStatus::Ok) return false;
    return true;
}

std::optional<std::string> StatsStore::journalMode() {
    if (!m_db.requireOpen()) return std::nullopt;
    SqliteStatement s(m_db, "PRAGMA journal_mode");
    if (s.step() != SQLITE_ROW) return m_db.failNull("cannot read the journal mode");
    return s.text(0);
}

std::optional<std::string> exportTeamResultsCsv(StatsStore& store, std::int64_t since,
                                                int utcOffsetSeconds) {
    const auto sessions = store.teamSessions(since);
    if (!sessions) return std::nullopt;
    return teamResultsCsv(*sessions, utcOffsetSeconds);
}

} // namespace lantai::core
