// core/fleet: the last sync's status file (written atomically, read leniently)
#include "core/fleet/sync_status.h"

#include "core/base/file_io.h"
#include "core/fleet/channel_record.h"
#include "core/fleet/http_client.h"
#include "core/fleet/kiosk_alive.h"
#include "core/stats/calendar.h"

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

std::optional<SyncSummary> summarizeSyncStatus(const nlohmann::json& status,
                                               const std::function<int(std::int64_t)>& utcOffset) {
    if (!status.is_object() || !status.contains("time") || !status["time"].is_string() ||
        !status.contains("result") || !status["result"].is_string())
        return std::nullopt;
    const auto time = parseUtcTimestamp(status["time"].get<std::string>());
    if (!time) return std::nullopt;
    SyncSummary summary;
    summary.localTime = formatLocalTime(*time, utcOffset(*time)).substr(0, 16);
    const std::string result = status["result"].get<std::string>();
    const std::string packId = status.value("pack_id", std::string());
    const std::int64_t version = status.contains("version") && status["version"].is_number_integer()
                                     ? status["version"].get<std::int64_t>()
                                     : 0;
    const std::string errorCode = status.value("error_code", std::string());
    if (result == "installed") {
        summary.outcomeKey = "staff.sync_installed";
        summary.detail = packId + " v" + std::to_string(version);
    } else if (result == "up_to_date" || result == "unchanged") {
        summary.outcomeKey = "staff.sync_up_to_date";
        if (!packId.empty()) summary.detail = packId + " v" + std::to_string(version);
    } else if (result == "failed" && errorCode == kFleetUnreachable) {
        summary.outcomeKey = "staff.sync_unreachable";
    } else {
        summary.outcomeKey = "staff.sync_failed";
        summary.detail = errorCode.empty() ? result : errorCode;
    }
    return summary;
}

} // namespace lantai::core
