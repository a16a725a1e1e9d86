// core/fleet: <state_dir>/sync/status.json — the last sync's time, result and error, for the
// heartbeat (and the staff screen's "last sync")
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace lantai::core {

std::filesystem::path syncStatusPath(const std::filesystem::path& stateDir);

// {"time": UTC, "result": "unchanged" | "up_to_date" | "installed" | "failed", "pack_id",
//  "version", "error_code", "error", "last_success": UTC}; last_success is carried over from the
// previous file when this sync failed.
Status writeSyncStatus(const std::filesystem::path& stateDir, std::int64_t now,
                       const std::string& result, const std::string& packId, std::int64_t version,
                       const std::optional<Diagnostic>& error);
// The file's JSON, or null when there is none or it does not parse.
nlohmann::json readSyncStatus(const std::filesystem::path& stateDir);

} // namespace lantai::core
