// core/config: command-line overrides KEY=VALUE (lantai-kiosk --set), checked like the file's keys
#include "core/config/kiosk_config.h"
#include "core/config/settings_reader.h"

#include <algorithm>

namespace lantai::core {

namespace {

constexpr const char* kCommandLineLabel = "(command line)";

// A TOML basic string holding `value` as it is.
std::string quoted(const std::string& value) {
    return formatSettingValue(SettingValue(value));
}

} // namespace

KioskConfigLayer parseKioskConfigAssignments(const std::vector<std::string>& assignments,
                                             Diagnostics& diagnostics, Severity unknownKey) {
    KioskConfigLayer layer;
    std::error_code ec;
    const auto cwd = std::filesystem::current_path(ec);
    SettingReader reader(kCommandLineLabel, cwd, diagnostics, /*positions=*/false);
    for (const auto& assignment : assignments) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) {
            diagnostics.add(
                {Severity::Error, "toml.syntax", kCommandLineLabel, "", 0, 0,
                 "The setting \"" + assignment +
                     "\" must look like section.key=value, e.g. session.idle_timeout_s=60.",
                 "设置 \"" + assignment +
                     "\" 的格式应为 section.key=value，例如 session.idle_timeout_s=60。"});
            continue;
        }
        const std::string key = assignment.substr(0, eq);
        const std::string value = assignment.substr(eq + 1);
        const SettingSpec* spec = findSetting(key);
        if (!spec) {
            std::string pointer = "/" + key;
            std::replace(pointer.begin(), pointer.end(), '.', '/');
            reader.reportUnknown(unknownKey, {}, pointer, key);
            continue;
        }
        // The value is TOML (60, true, "a b"); anything else is taken as a string, so paths and
        // names need no quotes.
        Diagnostics quiet;
        auto table = parseConfigToml("value = " + value, kCommandLineLabel, quiet);
        if (!table)
            table = parseConfigToml("value = " + quoted(value), kCommandLineLabel, diagnostics,
                                    "The setting \"" + assignment + "\"");
        if (const toml::node* node = table ? table->get("value") : nullptr)
            reader.read(*spec, *node, layer);
    }
    return layer;
}

} // namespace lantai::core
