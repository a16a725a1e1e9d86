// core/fleet: the last sync's status file (written atomically, read leniently)
#include "core/fleet/sync_status.h"

#include "core/base/file_io.h"
#include "core/fleet/channel_record.h"

namespace lantai::core {

namespace fs = std::filesystem;

fs::path syncStatusPath(const fs::path& stateDir) {
    return stateDir / "sync" / "status.json";
}

Status writeSyncStatus(const fs::path& stateDir, std::int64_t now, const std::string& result,
                       const std::string& packId, std::int64_t version,
                       const std::optional<Diagnostic>& error) {
    const nlohmann::json before = readSyncStatus(stateDir);
    nlohmann::ordered_json status;
    status["time"] = utcTimestamp(now);
    status["result"] = result;
    status["pack_id"] = packId;
    status["version"] = version;
    status["error_code"] = error ? error->code : "";
    status["error"] = error ? error->message : "";
    if (!error)
        status["last_success"] = utcTimestamp(now);
    else if (before.is_object() && before.contains("last_success"))
        status["last_success"] = before["last_success"];
    else
        status["last_success"] = nullptr;
    std::error_code ec;
    fs::create_directories(syncStatusPath(stateDir).parent_path(), ec);
    return writeFileAtomic(syncStatusPath(stateDir), status.dump(2) + "\n");
}

nlohmann::json readSyncStatus(const fs::path& stateDir) {
    auto text = readFile(syncStatusPath(stateDir), 64 * 1024);
    if (!text) return nullptr;
    auto json = nlohmann::json::parse(*text, nullptr, false);
    return json.is_object() ? json : nlohmann::json(nullptr);
}

} // namespace lantai::core
