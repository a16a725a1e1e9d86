// core/fleet: <state_dir>/sync/status.json — the last sync's time, result and error, for the
// heartbeat (and the staff screen's "last sync")
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
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

// The last sync as the staff screen shows it: "2026-12-06 03:10" (local), a ui string key for
// its outcome ("staff.sync_installed", "staff.sync_up_to_date", "staff.sync_unreachable",
// "staff.sync_failed") and a detail ("valid-minimal v3", the error code; may be empty).
struct SyncSummary {
    std::string localTime;
    std::string outcomeKey;
    std::string detail;
};
// nullopt when `status` (readSyncStatus's) is null or has no valid "time" or "result".
std::optional<SyncSummary> summarizeSyncStatus(const nlohmann::json& status,
                                               const std::function<int(std::int64_t)>& utcOffset);

} // namespace lantai::core
