// core/stats: the stats database's schema and its versioned migrations
#pragma once

#include "core/stats/sqlite.h"

namespace lantai::core {

// The schema version this Lantai writes. The table schema_version holds a database's version;
// migration N brings a database from version N − 1 to N (core/stats/schema.cpp).
constexpr int kStatsSchemaVersion = 2;

// The database's schema version (0 for an empty database, which has no tables yet).
Result<int> schemaVersion(SqliteConnection& db);

// Brings the database to kStatsSchemaVersion, one migration per transaction. Refuses a newer
// database (left untouched, stats.schema_newer) and, when `readOnly`, an older one
// (stats.schema_older).
Status migrateSchema(SqliteConnection& db, bool readOnly);

} // namespace lantai::core
