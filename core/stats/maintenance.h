// core/stats: keeping the stats database bounded — records past the retention deleted, and the
// oldest events deleted while the pages in use pass the size bound
#pragma once

#include "core/stats/sqlite.h"

#include <cstdint>

namespace lantai::core {

// Deletes interaction events, quiz results and class contests (with their teams) dated before
// `before` (unix seconds). Looks at the `limit` oldest records of each kind only (records are
// stored in time order), each kind in its own short transaction so the kiosk's other writes
// interleave; returns how many were deleted — call again while it is more than 0.
Result<std::int64_t> deleteRecordsBefore(SqliteConnection& db, std::int64_t before, int limit);

// The bytes the database's pages in use hold: (page_count − freelist_count) × page_size. Pages
// freed by deletions are reused by later writes, so the file stops growing at about this bound.
Result<std::uint64_t> databaseUsedBytes(SqliteConnection& db);

// Deletes the `count` oldest interaction events; returns how many.
Result<std::int64_t> deleteOldestEvents(SqliteConnection& db, int count);

} // namespace lantai::core
