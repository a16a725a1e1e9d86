// core/staff: the staff audit log — one JSON line per staff action (time, action, details, result)
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lantai::core {

// One staff action as it is recorded. `result` is "ok", "refused" (e.g. a wrong PIN, a pack that
// does not validate) or "failed" (with the reason in details.error).
struct AuditRecord {
    std::int64_t unixTime = 0;
    std::string action; // "unlock", "export", "switch_pack", …
    nlohmann::json details = nlohmann::json::object();
    std::string result = "ok";
};

// The file in the state folder: <state_dir>/staff-audit.jsonl.
std::filesystem::path auditLogPath(const std::filesystem::path& stateDir);

// Appends one line {"time": "YYYY-MM-DD HH:MM:SS" (the booth's local time), "unix": …, "action",
// "details", "result"} and flushes it to the disk (fdatasync) before returning: the log survives a
// power cut right after the action. Never rewrites earlier lines.
Status appendAuditRecord(const std::filesystem::path& file, const AuditRecord& record);

// Every record of the file, oldest first; lines that are not JSON objects are skipped (a line
// cut by a power loss).
Result<std::vector<AuditRecord>> readAuditLog(const std::filesystem::path& file);

} // namespace lantai::core
