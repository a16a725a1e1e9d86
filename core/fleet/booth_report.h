// core/fleet: what a booth reports back after each sync — a heartbeat JSON and a consistent
// snapshot of its statistics database, PUT under a stable name per booth and day, resent until
// the origin has them
#pragma once

#include "core/base/result.h"
#include "core/fleet/http_client.h"

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace lantai::core {

struct BoothReportSettings {
    std::string reportUrl; // e.g. https://booth:PASSWORD@updates.example.org/reports/
    std::string boothId;
    std::filesystem::path stateDir;
    // The kiosk's --state-out file (its modification time is the last frame); "": the kiosk's
    // <state_dir>/kiosk-alive.json (core/fleet/kiosk_alive.h).
    std::filesystem::path kioskStateFile;
};

// {"format": 1, "booth_id", "time" (UTC), "day" (local), "pack": {"id", "version"} of
//  <state_dir>/packs/current/manifest.json or null, "sync": <state_dir>/sync/status.json or null,
//  "uptime_s" (the PC's), "kiosk": {"starts", "restarts", "crashes", "running"}
//  (kiosk-runs.json), "last_frame": {"time", "age_s", and from kiosk-alive.json "pid",
//  "pack_id", "pack_version"} (kiosk-alive.json, or the --kiosk-state file's modification time)
//  or null, "disk": {"free_bytes", "total_bytes"} of the state folder}
nlohmann::json heartbeatJson(const BoothReportSettings& settings, std::int64_t now);

// <state_dir>/sync/outbox/<day>/: what waits to be sent. Its presence is the pending marker.
std::filesystem::path outboxFolder(const std::filesystem::path& stateDir);

// Writes today's heartbeat.json and lantai.sqlite (SQLite's backup API: one consistent moment,
// the kiosk may keep writing) into the outbox, replacing today's earlier ones. The live
// database is only read.
Status prepareBoothReport(const BoothReportSettings& settings, std::int64_t now);

struct ReportSending {
    std::size_t filesSent = 0;
    std::size_t daysPending = 0; // left in the outbox (a failed PUT: resent next time)
};
// PUTs every outbox file, oldest day first, each to <report_url>/<booth>/<day>/<file> (the
// snapshot before the heartbeat), and deletes each copy once the origin answered 2xx. Stops at
// the first failure, which it returns; what was not sent stays for the next run.
Result<ReportSending> sendBoothReports(HttpClient& http, const BoothReportSettings& settings);

} // namespace lantai::core
