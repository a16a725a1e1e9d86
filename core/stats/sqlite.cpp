// core/stats: SQLite plumbing — one connection with its last error, prepared statements and
// transactions (no schema, no records)
#include "core/stats/sqlite.h"

#include <sqlite3.h>

namespace lantai::core {

// ---- SqliteConnection --------------------------------------------------------------------------

SqliteConnection::~SqliteConnection() {
    close();
}

SqliteConnection::SqliteConnection(SqliteConnection&& other) noexcept
    : m_db(other.m_db), m_error(std::move(other.m_error)) {
    other.m_db = nullptr;
}

SqliteConnection& SqliteConnection::operator=(SqliteConnection&& other) noexcept {
    if (this != &other) {
        close();
        m_db = other.m_db;
        other.m_db = nullptr;
        m_error = std::move(other.m_error);
    }
    return *this;
}

bool SqliteConnection::open(const std::filesystem::path& file, bool readOnly) {
    close();
    const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(file.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        fail("cannot open the stats database " + file.string());
        close();
        return false;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 2000);
    return true;
}

void SqliteConnection::close() {
    if (m_db) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool SqliteConnection::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) == SQLITE_OK) return true;
    m_error = err ? err : "unknown SQLite error";
    sqlite3_free(err);
    return false;
}

std::int64_t SqliteConnection::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

bool SqliteConnection::lastErrorIsCorruption() const {
    const int primary = sqlite3_errcode(m_db) & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

bool SqliteConnection::fail(std::string message) {
    if (m_db) {
        message += ": ";
        message += sqlite3_errmsg(m_db);
    }
    m_error = std::move(message);
    return false;
}

std::nullopt_t SqliteConnection::failNull(std::string message) {
    fail(std::move(message));
    return std::nullopt;
}

bool SqliteConnection::requireOpen() {
    return m_db || fail("the stats database is not open");
}

// ---- SqliteStatement ---------------------------------------------------------------------------

SqliteStatement::SqliteStatement(SqliteConnection& db, const char* sql) {
    m_rc = sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr);
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_stmt);
}

SqliteStatement& SqliteStatement::check(int rc) {
    if (m_rc == SQLITE_OK && rc != SQLITE_OK) m_rc = rc;
    return *this;
}

SqliteStatement& SqliteStatement::bind(int i, std::int64_t v) {
    return check(sqlite3_bind_int64(m_stmt, i, v));
}

SqliteStatement& SqliteStatement::bind(int i, int v) {
    return check(sqlite3_bind_int(m_stmt, i, v));
}

SqliteStatement& SqliteStatement::bind(int i, double v) {
    return check(sqlite3_bind_double(m_stmt, i, v));
}

SqliteStatement& SqliteStatement::bind(int i, std::string_view v) {
    return check(
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
}

SqliteStatement& SqliteStatement::bindNull(int i) {
    return check(sqlite3_bind_null(m_stmt, i));
}

int SqliteStatement::step() {
    return m_rc == SQLITE_OK ? sqlite3_step(m_stmt) : m_rc;
}

bool SqliteStatement::run() {
    return step() == SQLITE_DONE;
}

std::int64_t SqliteStatement::int64(int col) const {
    return sqlite3_column_int64(m_stmt, col);
}

int SqliteStatement::integer(int col) const {
    return sqlite3_column_int(m_stmt, col);
}

double SqliteStatement::real(int col) const {
    return sqlite3_column_double(m_stmt, col);
}

bool SqliteStatement::isNull(int col) const {
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

std::string SqliteStatement::text(int col) const {
    const auto* p = sqlite3_column_text(m_stmt, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)))
             : std::string();
}

// ---- SqliteTransaction -------------------------------------------------------------------------

SqliteTransaction::SqliteTransaction(SqliteConnection& db) : m_db(db) {
    m_open = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
}

SqliteTransaction::~SqliteTransaction() {
    if (m_open) sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

bool SqliteTransaction::commit() {
    if (!m_open) return false;
    m_open = false;
    if (sqlite3_exec(m_db.handle(), "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK) return true;
    // Known fault (issue 11): when COMMIT fails SQLite may already have rolled back, and this
    // ROLLBACK then fails too, so the caller's fail() reports "cannot rollback - no transaction
    // is active" instead of COMMIT's error. The fix belongs here, and only here.
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    return false;
}

} // namespace lantai::core
