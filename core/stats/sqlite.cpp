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
    : m_db(other.m_db), m_file(std::move(other.m_file)) {
    other.m_db = nullptr;
}

SqliteConnection& SqliteConnection::operator=(SqliteConnection&& other) noexcept {
    if (this != &other) {
        close();
        m_db = other.m_db;
        other.m_db = nullptr;
        m_file = std::move(other.m_file);
    }
    return *this;
}

namespace {

// "file:/path?immutable=1" with the characters a URI path may not hold escaped.
std::string immutableUri(const std::filesystem::path& file) {
    std::string uri = "file:";
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char c : file.string()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '%' || c == '?' || c == '#' || u < 0x21) {
            uri += '%';
            uri += kHex[u >> 4];
            uri += kHex[u & 15];
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

} // namespace

Status SqliteConnection::open(const std::filesystem::path& file, bool readOnly, bool immutable) {
    close();
    m_file = file;
    constexpr StatsAction action{"open the statistics database", "打开统计数据库"};
    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    std::string name = file.string();
    if (readOnly && immutable) {
        flags |= SQLITE_OPEN_URI;
        name = immutableUri(file);
    }
    if (sqlite3_open_v2(name.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        // sqlite3_open_v2 reports most failures as SQLITE_CANTOPEN; the OS error says more.
        Diagnostic error = failure(action);
        close();
        return error;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 2000);
    if (!readOnly && sqlite3_db_readonly(m_db, "main") == 1) {
        // SQLite opens a write-protected file read-only instead of failing.
        close();
        return statsError(kStatsReadOnly, action, file, "");
    }
    return {};
}

void SqliteConnection::close() {
    if (m_db) sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Status SqliteConnection::exec(const char* sql, StatsAction action) {
    if (auto open = requireOpen(action); !open) return open;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK) return {};
    return failure(action);
}

std::int64_t SqliteConnection::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

Diagnostic SqliteConnection::failure(StatsAction action) const {
    if (!m_db) return statsError(kStatsNotOpen, action, m_file, "");
    const int code = sqlite3_extended_errcode(m_db);
    return statsError(statsErrorCode(code, sqlite3_system_errno(m_db)), action, m_file,
                      sqlite3_errmsg(m_db));
}

Status SqliteConnection::requireOpen(StatsAction action) const {
    if (m_db) return {};
    return statsError(kStatsNotOpen, action, m_file, "");
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

void SqliteStatement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
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
    if (!db.isOpen()) {
        m_beginCode = kStatsNotOpen;
        return;
    }
    m_open = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!m_open) {
        m_beginCode = statsErrorCode(sqlite3_extended_errcode(db.handle()),
                                     sqlite3_system_errno(db.handle()));
        m_beginMessage = sqlite3_errmsg(db.handle());
    }
}

SqliteTransaction::~SqliteTransaction() {
    if (m_open) rollbackIfOpen();
}

Status SqliteTransaction::begun(StatsAction action) const {
    if (m_open) return {};
    return statsError(m_beginCode, action, m_db.file(), m_beginMessage);
}

void SqliteTransaction::rollbackIfOpen() {
    // After SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM (and a failed COMMIT) SQLite may have rolled
    // back already; a ROLLBACK then only fails with "cannot rollback - no transaction is active".
    if (!sqlite3_get_autocommit(m_db.handle()))
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status SqliteTransaction::commit(StatsAction action) {
    if (!m_open) return begun(action);
    m_open = false;
    if (sqlite3_exec(m_db.handle(), "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK) return {};
    Diagnostic error = m_db.failure(action); // COMMIT's own error, before anything else runs
    rollbackIfOpen();
    return error;
}

} // namespace lantai::core
