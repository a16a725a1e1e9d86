// tools/sync: lantai-sync's options — the command line over the kiosk configuration's [sync],
// [trust] and stats.booth_id
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace lantai::sync {

struct SyncOptions {
    std::string origin;
    std::string channel;
    std::filesystem::path stateDir;
    std::vector<std::string> publicKeys;
    std::string reportUrl;
    std::string boothId;
    std::filesystem::path kioskState;
    std::int64_t maxRateBytes = 0; // per second, 0: unlimited
    bool once = false;
    int intervalSeconds = 900;
    int jitterSeconds = 300;
};

// Parses argv; on a usage error or --help prints and returns the exit code in `exitCode` (and
// false). Fills what the command line leaves open from --config FILE (a kiosk.toml).
bool parseSyncOptions(int argc, char** argv, SyncOptions& out, int& exitCode);

} // namespace lantai::sync
