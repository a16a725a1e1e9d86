// kiosk/app: command-line options of lantai-kiosk and how they combine with the TOML config and the
// pack
#pragma once

#include "core/base/diagnostic.h"
#include "core/config/kiosk_config.h"

#include <filesystem>
#include <optional>
#include <string>

namespace lantai::kiosk {

// Test and development flags that are not part of the booth configuration.
struct KioskRunOptions {
    std::filesystem::path configFile;
    std::filesystem::path script;
    std::filesystem::path stateOut;
    std::filesystem::path stateLog; // one JSON line per completed script step
    std::filesystem::path screenshotDir;
    bool exitAfterScript = false;
    bool printStartupTime = false;
    bool printConfig = false;           // print the resolved configuration as TOML and exit
    bool textureBudgetExplicit = false; // set by --texture-budget or the config file
    // The service's fallbacks (deploy/systemd): show pack.last_good instead of pack.path, or
    // show only the "暂停服务 / Out of service" screen, loading no pack.
    bool useLastGood = false;
    bool outOfService = false;
};

struct ParsedKioskArgs {
    core::KioskConfigLayer commandLine; // what the flags and --set set (highest precedence)
    KioskRunOptions run;
    int exitCode = -1; // >= 0: exit now (help, version or a usage error already printed)
};

// The named flags (--pack, --theme, --idle-timeout, ...) keep their own spellings and ranges;
// `--set KEY=VALUE` reaches every key of the settings table with the checks and messages of the
// TOML file and wins over the named flags. A --set problem (an unknown key included) is printed
// and gives exitCode 2.
ParsedKioskArgs parseKioskArgs(int argc, char** argv);

// The files the run options name, before the window opens: --script must be a regular file;
// --state-out and --state-log, where they already exist, too (a FIFO there would block the kiosk,
// a device would be replaced). Prints each problem, naming the option and what the path really
// is, and returns false.
bool checkRunFiles(const KioskRunOptions& run);

// The installed demo pack (or the one in the build tree next to the binary).
std::filesystem::path defaultPackPath(const char* argv0);
// Folders searched for themes: installed share/lantai/themes, then the source tree's themes/.
std::vector<std::filesystem::path> themeSearchDirs();
// Where the phone game's page may be: beside the executable (share/lantai/phones), the
// installed data folder, the source tree.
std::vector<std::filesystem::path> phonePageSearchDirs();
// A writable state directory: the configured one, else $XDG_STATE_HOME/lantai or
// ~/.local/state/lantai.
std::filesystem::path usableStateDir(const std::filesystem::path& configured);

} // namespace lantai::kiosk
