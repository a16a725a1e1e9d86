// tools/sync: hands an assembled pack to `lantai pack install` (verify, staging, content checks,
// atomic switch of `current`) — the same command and checks as a USB update
#pragma once

#include "core/fleet/channel_sync.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lantai::sync {

// `lantai` beside this program (an installed or a build tree), else the one on PATH; the
// LANTAI_CLI environment variable overrides both (as for the kiosk's staff export).
std::filesystem::path findLantaiCli(const char* argv0);

// Runs `<cli> pack install PACK --state-dir DIR --public-key KEY…` without a shell (the keys:
// the signature and the version rule are checked again by the install); its exit status
// decides, and its error output is the error's message (fleet.install_failed).
core::PackInstaller cliPackInstaller(std::filesystem::path cli, std::filesystem::path stateDir,
                                     std::vector<std::string> publicKeyFiles);

} // namespace lantai::sync
