// tools/sync: lantai-sync's command line (CLI11) and the kiosk configuration it may read
#include "tools/sync/sync_options.h"

#include "core/config/kiosk_config.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace lantai::sync {

namespace {

// "500k", "2M", "100000" (bytes per second).
bool parseRate(const std::string& text, std::int64_t& out) {
    if (text.empty()) return false;
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (...) {
        return false;
    }
    const std::string unit = text.substr(used);
    const double scale = unit.empty()                 ? 1
                         : unit == "k" || unit == "K" ? 1024
                         : unit == "m" || unit == "M" ? 1024 * 1024
                                                      : -1;
    if (scale < 0 || value < 0) return false;
    out = static_cast<std::int64_t>(value * scale);
    return true;
}

std::string hostName() {
    char name[256] = {0};
    return ::gethostname(name, sizeof name - 1) == 0 ? name : "booth";
}

} // namespace

bool parseSyncOptions(int argc, char** argv, SyncOptions& o, int& exitCode) {
    CLI::App app{"lantai-sync " LANTAI_VERSION
                 " — fetch this booth's signed pack from a channel and report back\n"
                 "兰台展台同步：从频道下载已签名的内容包并回报心跳与统计"};
    app.set_version_flag("--version", "lantai-sync " LANTAI_VERSION);
    std::string config, maxRate;
    app.add_option("--config", config,
                   "a kiosk configuration (kiosk.toml): [sync], [trust] and stats.booth_id");
    app.add_option("--origin", o.origin, "the channel site's address (https://…)");
    app.add_option("--channel", o.channel, "the channel to follow (default: stable)");
    app.add_option("--state-dir", o.stateDir, "the kiosk's state folder (default /var/lib/lantai)");
    app.add_option("--public-key", o.publicKeys, "a trusted minisign public key (repeatable)");
    app.add_option("--report-url", o.reportUrl, "where to PUT heartbeats and statistics");
    app.add_option("--booth-id", o.boothId,
                   "this booth's name (default: stats.booth_id, else the host name)");
    app.add_option("--kiosk-state", o.kioskState,
                   "the kiosk's state file (lantai-kiosk --state-out): its time is the last frame "
                   "(default: <state-dir>/kiosk-alive.json, written by the kiosk)");
    app.add_option("--max-rate", maxRate, "download limit in bytes per second (500k, 2M)");
    app.add_flag("--once", o.once, "sync once and exit (the systemd timer's way)");
    app.add_option("--interval", o.intervalSeconds, "seconds between polls without --once")
        ->check(CLI::Range(10, 86400));
    app.add_option("--jitter", o.jitterSeconds, "up to this many random seconds added to each wait")
        ->check(CLI::Range(0, 86400));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        exitCode = app.exit(e) == 0 ? 0 : 2;
        return false;
    }
    if (!maxRate.empty() && !parseRate(maxRate, o.maxRateBytes)) {
        std::fprintf(stderr, "lantai-sync: --max-rate \"%s\" is not a rate (e.g. 500k, 2M)\n",
                     maxRate.c_str());
        exitCode = 2;
        return false;
    }
    if (!config.empty()) {
        const core::KioskConfigLoadResult loaded = core::loadKioskConfig(config);
        if (!loaded.ok()) {
            for (const auto& d : loaded.diagnostics.items())
                std::fprintf(stderr, "lantai-sync: %s\n", core::formatDiagnostic(d, false).c_str());
            exitCode = 2;
            return false;
        }
        const core::KioskConfig& c = loaded.config;
        if (o.publicKeys.empty()) {
            std::string keys = c.trustPublicKeys;
            for (std::size_t start = 0; start <= keys.size();) {
                const std::size_t colon = std::min(keys.find(':', start), keys.size());
                if (colon > start) o.publicKeys.push_back(keys.substr(start, colon - start));
                start = colon + 1;
            }
        }
        if (o.origin.empty()) o.origin = c.syncOrigin;
        if (o.channel.empty()) o.channel = c.syncChannel;
        if (o.stateDir.empty()) o.stateDir = c.stateDir;
        if (o.reportUrl.empty()) o.reportUrl = c.syncReportUrl;
        if (o.boothId.empty()) o.boothId = c.boothId;
        if (maxRate.empty()) o.maxRateBytes = std::int64_t{c.syncMaxRateKbps} * 1024;
    }
    if (o.channel.empty()) o.channel = "stable";
    if (o.stateDir.empty()) o.stateDir = "/var/lib/lantai";
    if (o.boothId.empty()) o.boothId = hostName();
    const char* missing = o.origin.empty()       ? "--origin (or [sync] origin)"
                          : o.publicKeys.empty() ? "--public-key (or [trust] public_keys)"
                                                 : nullptr;
    if (missing) {
        std::fprintf(stderr, "lantai-sync: %s is required\n", missing);
        exitCode = 2;
        return false;
    }
    return true;
}

} // namespace lantai::sync
