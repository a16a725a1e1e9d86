// kiosk/app: resolving the kiosk's configuration layers (at start and on SIGHUP); the settings
// that wait for a restart
#include "kiosk/app/kiosk_configuration.h"

#include "core/config/settings_table.h"
#include "core/pack/loader.h"
#include "kiosk/app/kiosk_options.h"

#include <array>

namespace lantai::kiosk {

namespace {

// What the running window, texture cache, statistics store and log were made with.
constexpr std::array<std::string_view, 11> kStartupOnly = {"state_dir",
                                                           "display.windowed",
                                                           "display.rotation",
                                                           "display.window_width",
                                                           "display.window_height",
                                                           "display.texture_budget_mb",
                                                           "log.file",
                                                           "log.max_size_mb",
                                                           "log.keep_files",
                                                           "stats.retention_days",
                                                           "stats.max_size_mb"};

} // namespace

ResolvedKioskConfig resolveKioskConfiguration(const std::filesystem::path& configFile,
                                              const core::KioskConfigLayer& commandLine,
                                              const char* argv0) {
    ResolvedKioskConfig resolved;
    if (!configFile.empty()) {
        auto loaded = core::loadKioskConfig(configFile);
        resolved.diagnostics = std::move(loaded.diagnostics);
        resolved.fileLayer = std::move(loaded.layer);
    }
    // The pack's kiosk defaults form the lowest layer: find the pack, read them, resolve again.
    core::KioskConfig preliminary = core::resolveKioskConfig({}, resolved.fileLayer, commandLine);
    if (preliminary.packPath.empty()) preliminary.packPath = defaultPackPath(argv0);
    core::KioskConfigLayer packLayer;
    if (const auto pack = core::loadPack(preliminary.packPath); pack.parsed)
        packLayer = core::packKioskLayer(pack.pack);
    resolved.config = core::resolveKioskConfig(packLayer, resolved.fileLayer, commandLine);
    if (resolved.config.packPath.empty()) resolved.config.packPath = preliminary.packPath;
    return resolved;
}

std::vector<std::string> keepStartupOnlySettings(const core::KioskConfig& running,
                                                 core::KioskConfig& next) {
    std::vector<std::string> changed;
    for (const std::string_view key : kStartupOnly) {
        const core::SettingSpec* spec = core::findSetting(key);
        if (!spec) continue;
        const core::SettingValue was = spec->field.get(running);
        const core::SettingValue asked = spec->field.get(next);
        if (was == asked) continue;
        changed.push_back(std::string(key) + " (" + core::formatSettingValue(was) + " -> " +
                          core::formatSettingValue(asked) + ")");
        spec->field.assign(next, was);
    }
    return changed;
}

} // namespace lantai::kiosk
