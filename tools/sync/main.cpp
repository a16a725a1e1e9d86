// tools/sync: `lantai-sync` — polls a channel, installs what it names, reports back; the kiosk
// itself never touches the network (systemd's lantai-sync.timer runs this with --once)
#include "core/base/log.h"
#include "core/fleet/booth_report.h"
#include "core/fleet/channel_sync.h"
#include "core/fleet/sync_status.h"
#include "core/trust/signed_pack.h"
#include "tools/sync/curl_http_client.h"
#include "tools/sync/pack_installer.h"
#include "tools/sync/sync_options.h"

#include <cerrno>
#include <chrono>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace {

using namespace lantai;

constexpr int kExitOffline = 3; // the origin could not be reached: nothing changed

std::int64_t unixNow() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

// One sync and the report after it; the exit code of a --once run.
int syncOnce(core::HttpClient& http, const sync::SyncOptions& o,
             const core::ChannelSyncSettings& settings, const core::PackInstaller& install) {
    int exitCode = 0;
    auto outcome = core::syncChannel(http, settings, install);
    if (outcome) {
        core::logInfo(std::string("sync: ") + core::syncResultName(outcome->result) + ": pack " +
                      outcome->packId + " version " + std::to_string(outcome->version) + ", " +
                      std::to_string(outcome->objectsFetched) + " object(s) fetched, " +
                      std::to_string(outcome->bytesFetched) + " bytes, " +
                      std::to_string(outcome->requests) + " request(s)");
        (void)core::writeSyncStatus(o.stateDir, unixNow(), core::syncResultName(outcome->result),
                                    outcome->packId, outcome->version, std::nullopt);
    } else {
        const bool offline = outcome.error().code == core::kFleetUnreachable;
        // Offline is normal for a booth: the installed pack keeps running, nothing rolls back.
        core::logMessage(offline ? core::LogLevel::Warning : core::LogLevel::Error,
                         std::string(offline ? "sync: offline, the current pack stays: "
                                             : "sync: refused, nothing installed: ") +
                             core::formatDiagnostic(outcome.error(), false));
        (void)core::writeSyncStatus(o.stateDir, unixNow(), "failed", "", 0, outcome.error());
        exitCode = offline ? kExitOffline : 1;
    }
    if (o.reportUrl.empty()) return exitCode;
    const core::BoothReportSettings report{o.reportUrl, o.boothId, o.stateDir, o.kioskState};
    if (core::Status prepared = core::prepareBoothReport(report, unixNow()); !prepared)
        core::logError("report: " + core::formatDiagnostic(prepared.error(), false));
    auto sent = core::sendBoothReports(http, report);
    if (sent)
        core::logInfo("report: sent " + std::to_string(sent->filesSent) + " file(s)");
    else
        core::logWarning("report: kept for the next run: " +
                         core::formatDiagnostic(sent.error(), false));
    return exitCode;
}

// One lantai-sync per state folder (the timer's and one started by hand): an flock on
// <state_dir>/sync/lock, held until the process ends. False when another one holds it.
bool lockStateDir(const std::filesystem::path& stateDir) {
    std::error_code ec;
    std::filesystem::create_directories(core::syncFolder(stateDir), ec);
    const std::filesystem::path lock = core::syncFolder(stateDir) / "lock";
    const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    return fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0; // fd stays open: the lock with it
}

} // namespace

int main(int argc, char** argv) {
    sync::SyncOptions o;
    int exitCode = 0;
    if (!sync::parseSyncOptions(argc, argv, o, exitCode)) return exitCode;
    core::setLogToStderr(true);
    auto keys = core::readPublicKeys(o.publicKeys);
    if (!keys) {
        core::logError(core::formatDiagnostic(keys.error(), false));
        return 2;
    }
    if (!lockStateDir(o.stateDir)) {
        core::logWarning("sync: another lantai-sync is running for " + o.stateDir.string());
        return 0;
    }
    sync::CurlHttpClient http({o.maxRateBytes});
    const core::ChannelSyncSettings settings{o.origin, o.channel, o.stateDir, *keys};
    const core::PackInstaller install =
        sync::cliPackInstaller(sync::findLantaiCli(argv[0]), o.stateDir, o.publicKeys);
    std::mt19937 random(std::random_device{}());
    for (;;) {
        exitCode = syncOnce(http, o, settings, install);
        if (o.once) return exitCode;
        // Jitter: booths started together (a power cut ends in a hall) do not poll together.
        const int wait =
            o.intervalSeconds + std::uniform_int_distribution<int>(0, o.jitterSeconds)(random);
        std::this_thread::sleep_for(std::chrono::seconds(wait));
    }
}
