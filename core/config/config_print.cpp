// core/config: a configuration written as a TOML file, key by key from the settings table
#include "core/config/kiosk_config.h"
#include "core/config/settings_table.h"

namespace lantai::core {

std::string formatKioskConfigToml(const KioskConfig& config) {
    std::string out =
        "# Lantai kiosk configuration (see deploy/kiosk.example.toml).\n"
        "# Precedence (later wins): built-in defaults < the pack's \"kiosk\" settings in "
        "pack.json\n#                          < the configuration file < the command line\n";
    std::string_view section;
    for (const auto& spec : kioskSettings()) {
        if (spec.section() != section) {
            section = spec.section();
            out += "\n[" + std::string(section) + "]\n";
        } else {
            out += "\n";
        }
        out += "# " + std::string(spec.doc) + "\n";
        const SettingValue value = spec.field.get(config);
        // An empty path is "not configured"; `path = ""` would not read back.
        const bool unset = spec.type == SettingType::Path && std::get<std::string>(value).empty();
        out += (unset ? "# " : "") + std::string(spec.name()) + " = " + formatSettingValue(value);
        std::string note = settingRangeText(spec);
        if (spec.type == SettingType::Enum) note = "one of " + note;
        if (!spec.underStateDir.empty())
            note = "default: <state_dir>/" + std::string(spec.underStateDir);
        if (unset) note = "not configured";
        out += (note.empty() ? "" : "  # " + note) + "\n";
    }
    return out;
}

} // namespace lantai::core
