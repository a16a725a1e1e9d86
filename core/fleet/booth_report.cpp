// core/fleet: the booth's heartbeat and statistics snapshot — prepared in an outbox, PUT, and
// deleted from the outbox only once the origin has them
#include "core/fleet/booth_report.h"

#include "core/base/disk_space.h"
#include "core/base/file_io.h"
#include "core/fleet/channel_record.h"
#include "core/fleet/kiosk_alive.h"
#include "core/fleet/object_store.h"
#include "core/fleet/sync_status.h"
#include "core/staff/run_counter.h"
#include "core/stats/calendar.h"
#include "core/stats/stats_backup.h"
#include "core/stats/stats_store.h"
#include "core/trust/pack_install.h"
#include "core/trust/pack_manifest.h"

#include <algorithm>
#include <fstream>
#include <sys/stat.h>
#include <vector>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

std::string localDay(std::int64_t unix) {
    return formatLocalTime(unix, localUtcOffsetSeconds(unix)).substr(0, 10);
}

nlohmann::json currentPack(const fs::path& stateDir) {
    const fs::path file = currentPackLink(stateDir) / kManifestFile;
    auto text = readFile(file);
    if (!text) return nullptr;
    auto manifest = parsePackManifest(*text, file.string());
    if (!manifest) return nullptr;
    return {{"id", manifest->packId}, {"version", manifest->version}};
}

nlohmann::json uptimeSeconds() {
    std::ifstream in("/proc/uptime");
    double seconds = 0;
    if (!(in >> seconds)) return nullptr;
    return static_cast<std::int64_t>(seconds);
}

// --kiosk-state given: that file's modification time; else <state_dir>/kiosk-alive.json.
nlohmann::json lastFrame(const BoothReportSettings& settings, std::int64_t now) {
    if (!settings.kioskStateFile.empty()) {
        struct stat info {};
        if (::stat(settings.kioskStateFile.c_str(), &info) != 0) return nullptr;
        const std::int64_t unix = info.st_mtim.tv_sec;
        return {{"time", utcTimestamp(unix)}, {"age_s", now - unix}};
    }
    const auto alive = readKioskAlive(kioskAlivePath(settings.stateDir));
    if (!alive) return nullptr;
    return {{"time", utcTimestamp(alive->lastFrame)},
            {"age_s", now - alive->lastFrame},
            {"pid", alive->pid},
            {"pack_id", alive->packId},
            {"pack_version", alive->packVersion}};
}

} // namespace

nlohmann::json heartbeatJson(const BoothReportSettings& settings, std::int64_t now) {
    nlohmann::ordered_json beat;
    beat["format"] = 1;
    beat["booth_id"] = settings.boothId;
    beat["time"] = utcTimestamp(now);
    beat["day"] = localDay(now);
    beat["pack"] = currentPack(settings.stateDir);
    beat["sync"] = readSyncStatus(settings.stateDir);
    beat["uptime_s"] = uptimeSeconds();
    const RunState runs = readKioskRuns(runCounterPath(settings.stateDir));
    beat["kiosk"] = {{"starts", runs.counts.starts},
                     {"restarts", runs.counts.restarts()},
                     {"crashes", runs.counts.crashes},
                     {"running", runs.running}};
    beat["last_frame"] = lastFrame(settings, now);
    if (auto disk = diskSpace(settings.stateDir); disk)
        beat["disk"] = {{"free_bytes", disk->availableBytes}, {"total_bytes", disk->totalBytes}};
    else
        beat["disk"] = nullptr;
    return beat;
}

fs::path outboxFolder(const fs::path& stateDir) {
    return stateDir / "sync" / "outbox";
}

Status prepareBoothReport(const BoothReportSettings& settings, std::int64_t now) {
    const fs::path day = outboxFolder(settings.stateDir) / localDay(now);
    std::error_code ec;
    fs::create_directories(day, ec);
    if (ec)
        return operationalError(kFleetWriteFailed, day.string(),
                                "Cannot create \"" + day.string() + "\": " + ec.message(),
                                "无法创建“" + day.string() + "”：" + ec.message());
    const fs::path database = StatsStore::databasePath(settings.stateDir);
    if (fs::exists(database, ec)) {
        const fs::path snapshot = StatsStore::databasePath(day);
        fs::remove(snapshot, ec);
        if (Status copied = backupStatsDatabase(database, snapshot); !copied) return copied;
    }
    return writeFileAtomic(day / "heartbeat.json", heartbeatJson(settings, now).dump(2) + "\n");
}

Result<ReportSending> sendBoothReports(HttpClient& http, const BoothReportSettings& settings) {
    ReportSending sending;
    std::vector<fs::path> days;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(outboxFolder(settings.stateDir), ec))
        if (entry.is_directory(ec)) days.push_back(entry.path());
    std::sort(days.begin(), days.end());
    sending.daysPending = days.size();
    for (const fs::path& day : days) {
        for (const char* name : {"lantai.sqlite", "heartbeat.json"}) {
            const fs::path file = day / name;
            if (!fs::exists(file, ec)) continue;
            const std::string address = joinUrl(
                settings.reportUrl, settings.boothId + "/" + day.filename().string() + "/" + name);
            auto reply = http.put(address, file);
            if (!reply) return reply.error();
            const std::string url = redactUrl(address);
            if (reply->status < 200 || reply->status > 299)
                return operationalError(
                    kFleetHttpError, url,
                    "PUT " + url + " answered HTTP " + std::to_string(reply->status),
                    "PUT " + url + " 返回 HTTP " + std::to_string(reply->status));
            fs::remove(file, ec); // a copy: the origin has it now
            ++sending.filesSent;
        }
        fs::remove(day, ec);
        --sending.daysPending;
    }
    return sending;
}

} // namespace lantai::core
