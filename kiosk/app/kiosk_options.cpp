// kiosk/app: lantai-kiosk command-line parsing (CLI11)
#include "kiosk/app/kiosk_options.h"

#include "core/base/file_io.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::kiosk {

namespace fs = std::filesystem;

ParsedKioskArgs parseKioskArgs(int argc, char** argv) {
    ParsedKioskArgs out;
    auto& layer = out.commandLine;
    CLI::App app{"lantai-kiosk " LANTAI_VERSION
                 " — touchscreen exhibition kiosk for archives\n兰台：档案展览触摸屏"};
    app.set_version_flag("--version", "lantai-kiosk " LANTAI_VERSION);
    std::string pack, theme, windowed, lang, orientation, logFile, stateDir, lastGood;
    int idle = 0, budget = 0, rotation = -1;
    bool dev = false, fullscreen = false, noVideo = false;
    app.add_option("--pack", pack, "content pack folder (default: the installed demo pack)");
    app.add_option("--config", out.run.configFile,
                   "kiosk configuration file (TOML), see deploy/kiosk.example.toml");
    app.add_option("--theme", theme,
                   "theme name (red-archive, high-contrast) or a theme .json file");
    app.add_option("--windowed", windowed,
                   "run in a window of WxH pixels, e.g. 1920x1080 (development)");
    app.add_flag("--fullscreen", fullscreen, "fullscreen even if the configuration says windowed");
    app.add_flag("--dev", dev, "development mode: Esc quits");
    app.add_option("--lang", lang, "default language: zh or en")
        ->check(CLI::IsMember({"zh", "en"}));
    app.add_option("--orientation", orientation, "auto, landscape or portrait")
        ->check(CLI::IsMember({"auto", "landscape", "portrait"}));
    app.add_option("--rotation", rotation,
                   "turn the picture (and touch input) clockwise: 0, 90, 180 or 270 degrees; "
                   "90 or 270 for a portrait screen on a landscape output")
        ->check(CLI::IsMember({0, 90, 180, 270}));
    app.add_option("--idle-timeout", idle, "seconds without a touch before \"Still there?\"")
        ->check(CLI::Range(5, 3600));
    app.add_option("--texture-budget", budget, "GPU memory for images, MB (default 256)")
        ->check(CLI::Range(16, 8192));
    app.add_option("--log-file", logFile, "log file (rotated)");
    app.add_option("--state-dir", stateDir, "state directory (logs, statistics, last good pack)");
    app.add_option("--last-good-pack", lastGood, "pack to show when --pack does not validate");
    app.add_flag("--use-last-good", out.run.useLastGood,
                 "show the last good pack (pack.last_good) instead of pack.path; the service's "
                 "first fallback after repeated failures");
    app.add_flag("--out-of-service", out.run.outOfService,
                 "show only the \"暂停服务 / Out of service\" screen, load no pack; the "
                 "service's last fallback");
    app.add_option("--script", out.run.script,
                   "replay timed input from FILE (see kiosk/SCRIPTS.md)");
    app.add_option("--state-out", out.run.stateOut,
                   "write the kiosk state as JSON to FILE after every step");
    app.add_option("--state-log", out.run.stateLog,
                   "append the state as one JSON line per script step to FILE");
    app.add_option("--screenshot-dir", out.run.screenshotDir,
                   "where `screenshot NAME` writes NAME.png");
    app.add_flag("--exit-after-script", out.run.exitAfterScript, "quit when the script has run");
    app.add_flag("--no-video", noVideo, "play no videos (the attract loop shows items instead)");
    app.add_flag("--print-startup-time", out.run.printStartupTime,
                 "print launch-to-first-interactive-frame time");
    std::vector<std::string> assignments;
    app.add_option("--set", assignments,
                   "set a key of the configuration file, e.g. --set session.idle_timeout_s=60 "
                   "(repeatable; wins over the flags above; --print-config lists every key)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    app.add_flag("--print-config", out.run.printConfig,
                 "print the configuration the kiosk would start with, as TOML, and exit");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        out.exitCode = app.exit(e) == 0 ? 0 : 2;
        return out;
    }
    if (out.run.useLastGood && out.run.outOfService) {
        std::fprintf(stderr, "lantai-kiosk: --use-last-good and --out-of-service exclude each "
                             "other (one shows a pack, the other none)\n");
        out.exitCode = 2;
        return out;
    }
    if (!pack.empty()) layer.packPath = fs::absolute(pack);
    if (!theme.empty()) layer.theme = theme;
    if (!windowed.empty()) {
        int w = 0, h = 0;
        if (std::sscanf(windowed.c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 200 ||
            w > 16384 || h > 16384) {
            std::fprintf(
                stderr,
                "lantai-kiosk: --windowed expects WIDTHxHEIGHT, e.g. 1920x1080 (got \"%s\")\n",
                windowed.c_str());
            out.exitCode = 2;
            return out;
        }
        layer.windowed = true;
        layer.windowWidth = w;
        layer.windowHeight = h;
    }
    if (fullscreen) layer.windowed = false;
    if (dev) layer.devMode = true;
    if (noVideo) layer.videoEnabled = false;
    if (!lang.empty())
        layer.defaultLanguage = lang == "en" ? core::Language::En : core::Language::Zh;
    if (!orientation.empty()) {
        core::Orientation o{};
        if (core::parseOrientation(orientation, o)) layer.orientation = o;
    }
    if (rotation >= 0) layer.rotation = rotation;
    if (idle > 0) layer.idleTimeoutS = idle;
    if (budget > 0) layer.textureBudgetMb = budget;
    if (!logFile.empty()) layer.logFile = fs::absolute(logFile);
    if (!stateDir.empty()) layer.stateDir = fs::absolute(stateDir);
    if (!lastGood.empty()) layer.lastGoodPackPath = fs::absolute(lastGood);

    core::Diagnostics diagnostics;
    const auto set =
        core::parseKioskConfigAssignments(assignments, diagnostics, core::Severity::Error);
    for (const auto& d : diagnostics.items())
        std::fprintf(stderr, "%s\n", core::formatDiagnostic(d, false).c_str());
    if (diagnostics.hasErrors()) {
        std::fprintf(stderr, "lantai-kiosk: --set has errors; fix them and start again\n");
        out.exitCode = 2;
        return out;
    }
    layer = core::mergeLayers(layer, set);
    return out;
}

bool checkRunFiles(const KioskRunOptions& run) {
    bool ok = true;
    const auto check = [&](const char* option, const fs::path& file, bool mayBeMissing) {
        if (file.empty()) return;
        const auto checked = core::checkRegularFile(file);
        if (checked || (mayBeMissing && checked.error().code == core::kFileMissing)) return;
        std::fprintf(stderr, "lantai-kiosk: %s: %s\n", option, checked.error().message.c_str());
        ok = false;
    };
    check("--script", run.script, false);
    check("--state-out", run.stateOut, true);
    check("--state-log", run.stateLog, true);
    return ok;
}

fs::path defaultPackPath(const char* argv0) {
    std::error_code ec;
    const fs::path installed = fs::path(LANTAI_INSTALLED_DATA_DIR) / "packs" / "demo";
    // Relocatable install: <prefix>/bin/lantai-kiosk -> <prefix>/share/lantai/packs/demo.
    const fs::path exe = fs::canonical("/proc/self/exe", ec);
    const fs::path base = ec ? fs::absolute(argv0).parent_path() : exe.parent_path();
    for (const fs::path& candidate : {base.parent_path() / "share" / "lantai" / "packs" / "demo",
                                      installed, base.parent_path() / "packs" / "demo"})
        if (fs::exists(candidate / "pack.json", ec)) return candidate;
    return installed;
}

std::vector<fs::path> themeSearchDirs() {
    std::error_code ec;
    const fs::path exe = fs::canonical("/proc/self/exe", ec);
    std::vector<fs::path> dirs;
    if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "lantai" / "themes");
    dirs.push_back(fs::path(LANTAI_INSTALLED_DATA_DIR) / "themes");
    dirs.push_back(LANTAI_SOURCE_THEMES_DIR);
    return dirs;
}

std::vector<fs::path> phonePageSearchDirs() {
    std::error_code ec;
    const fs::path exe = fs::canonical("/proc/self/exe", ec);
    std::vector<fs::path> dirs;
    if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "lantai" / "phones");
    dirs.push_back(fs::path(LANTAI_INSTALLED_DATA_DIR) / "phones");
    dirs.push_back(LANTAI_SOURCE_PHONE_PAGE_DIR);
    return dirs;
}

fs::path usableStateDir(const fs::path& configured) {
    std::error_code ec;
    auto writable = [&](const fs::path& dir) {
        fs::create_directories(dir, ec);
        return !ec && ::access(dir.c_str(), W_OK) == 0;
    };
    if (!configured.empty() && writable(configured)) return configured;
    if (const char* xdg = std::getenv("XDG_STATE_HOME");
        xdg && *xdg && writable(fs::path(xdg) / "lantai"))
        return fs::path(xdg) / "lantai";
    if (const char* home = std::getenv("HOME");
        home && *home && writable(fs::path(home) / ".local/state/lantai"))
        return fs::path(home) / ".local/state/lantai";
    return fs::temp_directory_path() / "lantai";
}

} // namespace lantai::kiosk
