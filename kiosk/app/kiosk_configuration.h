// kiosk/app: the configuration lantai-kiosk runs with — resolved at start and again on SIGHUP
// (defaults < the pack's kiosk defaults < the --config file < the command line), and the settings
// only a restart changes
#pragma once

#include "core/base/diagnostic.h"
#include "core/config/kiosk_config.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lantai::kiosk {

struct ResolvedKioskConfig {
    core::KioskConfig config;
    core::KioskConfigLayer fileLayer; // what the --config file sets
    core::Diagnostics diagnostics;    // the --config file's
    bool ok() const { return !diagnostics.hasErrors(); }
};

// Reads `configFile` (none when empty) and the pack's kiosk defaults, and applies `commandLine`
// over them; with no pack configured anywhere, the installed demo pack (defaultPackPath(argv0)).
// Reads files: call where blocking is fine.
ResolvedKioskConfig resolveKioskConfiguration(const std::filesystem::path& configFile,
                                              const core::KioskConfigLayer& commandLine,
                                              const char* argv0);

// The settings a running kiosk keeps until it restarts: its window (display.windowed,
// window_width, window_height), the texture budget, the state folder and the log file. Sets them
// in `next` to their `running` values and returns, for each that differed, "key (running ->
// asked)".
std::vector<std::string> keepStartupOnlySettings(const core::KioskConfig& running,
                                                 core::KioskConfig& next);

} // namespace lantai::kiosk
