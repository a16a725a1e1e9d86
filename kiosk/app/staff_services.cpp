// kiosk/app: staff mode's host side — health figures, export to a USB stick (statistics copy,
// today's report, the class results CSVs), manual tallies, restart, power off and the audit log
#include "kiosk/app/staff_services.h"

#include "core/base/disk_space.h"
#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/fleet/sync_status.h"
#include "core/phones/class_results_files.h"
#include "core/report/report_builder.h"
#include "core/staff/audit_log.h"
#include "core/staff/run_counter.h"
#include "core/stats/calendar.h"
#include "core/stats/sqlite.h"
#include "core/stats/stats_backup.h"
#include "core/stats/stats_store.h"
#include "core/stats/tallies.h"
#include "core/trust/pack_trust.h"

#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace lantai::kiosk {

namespace fs = std::filesystem;

namespace {

StaffOutcome failed(std::string detail) {
    StaffOutcome o;
    o.headlineKey = "staff.failed";
    o.detail = std::move(detail);
    o.audit["error"] = o.detail;
    return o;
}

// "2026-06-09" for the booth's local day of `unix`.
std::string localDay(std::int64_t unix) {
    return core::formatLocalTime(unix, core::localUtcOffsetSeconds(unix)).substr(0, 10);
}

// Runs `argv` without a shell and waits; the exit status, or -1 when it could not start. With
// `output`, the tool's stdout and stderr go to that file.
int runTool(const std::vector<std::string>& argv, const fs::path& output = {}) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!output.empty()) {
        posix_spawn_file_actions_addopen(&actions, 1, output.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
    }
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

fs::path findReportTool(const std::string& argv0) {
    if (const char* env = std::getenv("LANTAI_CLI"); env && *env) return env;
    std::error_code ec;
    const fs::path self = fs::canonical("/proc/self/exe", ec);
    for (const fs::path& dir : {ec ? fs::path(argv0).parent_path() : self.parent_path()})
        if (fs::path beside = dir / "lantai"; ::access(beside.c_str(), X_OK) == 0) return beside;
    return "lantai";
}

StaffServices::StaffServices(StaffServicesOptions options)
    : m_options(std::move(options)), m_started(std::chrono::steady_clock::now()) {
    const fs::path counter = core::runCounterPath(m_options.stateDir);
    if (auto counts = core::countKioskStart(counter)) {
        m_restarts = counts->restarts();
        m_crashes = counts->crashes;
        if (counts->crashes > 0)
            core::logInfo("runs: " + std::to_string(counts->starts) + " starts, " +
                          std::to_string(counts->crashes) + " without a clean stop");
    } else {
        core::logWarning(core::formatDiagnostic(counts.error(), false));
    }
}

std::int64_t StaffServices::unixNow() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

void StaffServices::audit(const core::AuditRecord& record) {
    const fs::path file = core::auditLogPath(m_options.stateDir);
    if (core::Status written = core::appendAuditRecord(file, record); !written)
        core::logError(core::formatDiagnostic(written.error(), false));
    core::logInfo("staff: " + record.action + " " + record.result + " " + record.details.dump());
}

void StaffServices::fillHealth(StaffHealth& health) {
    if (auto space = core::diskSpace(m_options.stateDir))
        health.diskFreeBytes = space->availableBytes;
    health.uptimeSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    health.restarts = m_restarts;
    health.crashes = m_crashes;
    const std::string today = localDay(unixNow());
    auto report =
        core::readReport({m_options.stateDir}, {today, today}, core::localUtcOffsetSeconds);
    if (report)
        health.sessionsToday = report->sessions;
    else
        core::logWarning("staff: today's sessions: " +
                         core::formatDiagnostic(report.error(), false));
    if (const auto sync = core::summarizeSyncStatus(core::readSyncStatus(m_options.stateDir),
                                                    core::localUtcOffsetSeconds)) {
        health.lastSync = sync->localTime;
        health.lastSyncOutcomeKey = sync->outcomeKey;
        health.lastSyncDetail = sync->detail;
    }
}

// <stick>/lantai-<booth>-<YYYYMMDD-HHMMSS>/: lantai.sqlite (a consistent copy), then the report
// of today written from that copy by `lantai report` as HTML and XLSX, then the class results
// CSVs of "class on phones" in class-results/.
StaffOutcome StaffServices::exportToUsb(const fs::path& stick) {
    const std::int64_t now = unixNow();
    const std::string stamp = core::formatLocalTime(now, core::localUtcOffsetSeconds(now));
    std::string compact; // "20260609-143000"
    for (char c : stamp)
        if (c != '-' && c != ':') compact += c == ' ' ? '-' : c;
    const fs::path folder = stick / ("lantai-" + m_options.boothId + "-" + compact);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return failed("cannot create " + folder.string() + ": " + ec.message());
    const fs::path copy = core::StatsStore::databasePath(folder);
    if (core::Status copied =
            core::backupStatsDatabase(core::StatsStore::databasePath(m_options.stateDir), copy);
        !copied)
        return failed(core::formatDiagnostic(copied.error(), false));
    const std::string today = localDay(now);
    std::vector<std::string> written = {copy.filename().string()};
    for (const char* ext : {".html", ".xlsx"}) {
        const fs::path out = folder / ("report-" + today + ext);
        const int status =
            runTool({m_options.reportTool.string(), "report", "--state-dir", folder.string(),
                     "--from", today, "--to", today, "--out", out.string()});
        if (status != 0)
            return failed("`" + m_options.reportTool.string() + " report` exit " +
                          std::to_string(status) + " writing " + out.string() +
                          " (the statistics copy is in " + folder.string() + ")");
        written.push_back(out.filename().string());
    }
    // The class-on-phones results the teacher exported, for the school (class-results/*.csv).
    const fs::path classResults = folder / core::kClassResultsFolder;
    auto copied =
        core::copyClassResults(m_options.stateDir / core::kClassResultsFolder, classResults);
    if (!copied)
        return failed(core::formatDiagnostic(copied.error(), false) +
                      " (the statistics copy is in " + folder.string() + ")");
    for (const std::string& name : *copied)
        written.push_back(std::string(core::kClassResultsFolder) + "/" + name);
    ::sync(); // the stick may be pulled as soon as staff read "exported"
    StaffOutcome o;
    o.ok = true;
    o.headlineKey = "staff.exported";
    o.detail = folder.string();
    o.audit["folder"] = folder.string();
    o.audit["files"] = written;
    return o;
}

StaffOutcome StaffServices::recordTally(std::int64_t visitors, std::int64_t leaflets) {
    core::SqliteConnection db;
    const fs::path file = core::StatsStore::databasePath(m_options.stateDir);
    if (core::Status opened = db.open(file, false); !opened)
        return failed(core::formatDiagnostic(opened.error(), false));
    const std::int64_t now = unixNow();
    core::ManualTally tally;
    tally.date = localDay(now);
    tally.recordedAt = now;
    tally.visitors = visitors;
    tally.leaflets = leaflets;
    // Staff add what they counted since the last entry: the day's tally grows.
    if (auto before = core::tallies(db, tally.date, tally.date); before && !before->empty()) {
        tally.visitors = before->front().visitors.value_or(0) + visitors;
        tally.leaflets = before->front().leaflets.value_or(0) + leaflets;
    }
    auto stored = core::recordTally(db, tally);
    if (!stored) return failed(core::formatDiagnostic(stored.error(), false));
    StaffOutcome o;
    o.ok = true;
    o.headlineKey = "staff.tally_saved";
    o.detail = tally.date + ": " + std::to_string(stored->stored.visitors.value_or(0)) + " / " +
               std::to_string(stored->stored.leaflets.value_or(0));
    o.audit["day_visitors"] = stored->stored.visitors.value_or(0);
    o.audit["day_leaflets"] = stored->stored.leaflets.value_or(0);
    return o;
}

// `lantai pack install PACK --state-dir STATE [--public-key FILE]...` with the key files of
// `[trust] public_keys`; its messages (English) are captured beside the state folder's files.
StaffOutcome StaffServices::installPack(const fs::path& pack, const std::string& publicKeys) {
    auto keys = core::parseTrustedKeys(publicKeys);
    if (!keys) return failed(core::formatDiagnostic(keys.error(), false));
    std::vector<std::string> argv = {
        m_options.reportTool.string(), "pack",   "install", pack.string(), "--state-dir",
        m_options.stateDir.string(),   "--lang", "en"};
    for (const std::string& file : keys->files)
        argv.insert(argv.end(), {"--public-key", file});
    const fs::path output =
        m_options.stateDir / ("staff-install-" + std::to_string(::getpid()) + ".txt");
    const int status = runTool(argv, output);
    auto read = core::readFile(output, 64 * 1024);
    std::string said = read ? std::move(*read) : std::string();
    std::error_code ec;
    fs::remove(output, ec);
    while (!said.empty() && (said.back() == '\n' || said.back() == ' '))
        said.pop_back();
    StaffOutcome o;
    o.ok = status == 0;
    o.headlineKey = o.ok ? "staff.pack_switched" : "staff.pack_refused";
    o.detail = said.empty() ? "`lantai pack install` exit " + std::to_string(status) : said;
    o.audit["installed_from"] = pack.string();
    o.audit["exit"] = status;
    if (!o.ok) o.audit["error"] = o.detail;
    return o;
}

void StaffServices::restart() {
    core::logInfo("staff: restart requested; exit code " + std::to_string(kStaffRestartExitCode));
    m_options.quit(kStaffRestartExitCode);
}

StaffOutcome StaffServices::powerOff() {
    std::string error;
    if (!m_options.power || !m_options.power->powerOff(error))
        return failed(error.empty() ? "no power control" : error);
    StaffOutcome o;
    o.ok = true;
    o.headlineKey = "staff.done";
    return o;
}

} // namespace lantai::kiosk
