// core/stats: SQLite plumbing — one connection with its last error, prepared statements and
// transactions (no schema, no records)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lantai::core {

// One SQLite connection and the last error of the calls made through it. Errors are values:
// the stats functions return false / nullopt and leave an English message in error() (with
// SQLite's own message appended); nothing throws.
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
    // busy timeout. On failure error() says why and the connection is closed.
    bool open(const std::filesystem::path& file, bool readOnly);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }

    bool exec(const char* sql); // on failure error() is SQLite's message alone
    std::int64_t lastInsertId() const;
    // The last result code says the file is not a database or is damaged.
    bool lastErrorIsCorruption() const;

    const std::string& error() const { return m_error; }
    void setError(std::string message) { m_error = std::move(message); }
    // Sets error() to `message` with SQLite's message appended (when open); returns false.
    bool fail(std::string message);
    std::nullopt_t failNull(std::string message);
    // False, with error() "the stats database is not open", when the connection is closed.
    bool requireOpen();

  private:
    sqlite3* m_db = nullptr;
    std::string m_error;
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
// alone.
class SqliteTransaction {
  public:
    explicit SqliteTransaction(SqliteConnection& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

    bool ok() const { return m_open; } // BEGIN succeeded
    bool commit();

  private:
    SqliteConnection& m_db;
    bool m_open = false;
};

} // namespace lantai::core
