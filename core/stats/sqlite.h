// core/stats: SQLite plumbing — one connection, prepared statements and transactions, errors as
// Diagnostics (no schema, no records)
#pragma once

#include "core/base/result.h"
#include "core/stats/stats_errors.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lantai::core {

// One SQLite connection to the stats database file. Errors are values: every call that can fail
// returns a Status or Result whose Diagnostic has a stable code (core/stats/stats_errors.h),
// names the file and appends SQLite's own message; nothing throws.
//
// Threading/ownership: owns the connection; use it from one thread at a time (the kiosk's
// store lives on the main thread).
class SqliteConnection {
  public:
    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(SqliteConnection&& other) noexcept;
    SqliteConnection& operator=(SqliteConnection&& other) noexcept;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Opens `file` read-only, or read-write creating it, with extended result codes and a 2 s
    // busy timeout. A read-write open that SQLite could only make read-only (a write-protected
    // file) fails with stats.read_only. `immutable` (read-only only): a file nothing will change
    // while it is open, read without locks or a -shm file (a copy on a write-protected USB stick;
    // anything in a -wal beside it is not seen). On failure the connection is closed.
    Status open(const std::filesystem::path& file, bool readOnly, bool immutable = false);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    const std::filesystem::path& file() const { return m_file; }

    Status exec(const char* sql, StatsAction action);
    std::int64_t lastInsertId() const;

    // The Diagnostic for the call on this connection that just failed: its code from SQLite's
    // last result code and the OS error behind it, SQLite's message appended. Call it before
    // anything else runs on the connection (a ROLLBACK would replace the error).
    Diagnostic failure(StatsAction action) const;
    // stats.not_open when the connection is closed.
    Status requireOpen(StatsAction action) const;

  private:
    sqlite3* m_db = nullptr;
    std::filesystem::path m_file;
};

// A prepared statement, finalised on scope exit. The first failing prepare or bind is kept:
// step() then returns its code.
class SqliteStatement {
  public:
    SqliteStatement(SqliteConnection& db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int i, std::int64_t v);
    SqliteStatement& bind(int i, int v);
    SqliteStatement& bind(int i, double v);
    SqliteStatement& bind(int i, std::string_view v);
    SqliteStatement& bindNull(int i);
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    bool run(); // step() == SQLITE_DONE
    // Ready to run again with new bindings (a batch of inserts prepared once).
    void reset();

    std::int64_t int64(int col) const;
    int integer(int col) const;
    double real(int col) const;
    bool isNull(int col) const;
    std::string text(int col) const;

  private:
    SqliteStatement& check(int rc);
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = 0; // SQLITE_OK
};

// BEGIN IMMEDIATE … COMMIT; rolls back on scope exit unless commit() succeeded. Every write of
// the store goes through this class, so what happens when COMMIT fails is decided in commit()
// alone: it reports COMMIT's own error (a full disk, say). SQLite rolls back by itself after
// some failures (SQLITE_FULL, SQLITE_IOERR, …); a ROLLBACK is issued only while a transaction is
// still open (sqlite3_get_autocommit), so "no transaction is active" never hides the real error.
class SqliteTransaction {
  public:
    explicit SqliteTransaction(SqliteConnection& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

    // BEGIN's outcome: ok, or why the transaction could not start (as a failure to do `action`).
    Status begun(StatsAction action) const;
    Status commit(StatsAction action);

  private:
    void rollbackIfOpen();

    SqliteConnection& m_db;
    bool m_open = false;
    const char* m_beginCode = kStatsNotOpen; // why BEGIN failed, and SQLite's message
    std::string m_beginMessage;
};

} // namespace lantai::core
