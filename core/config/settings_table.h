// core/config: the settings table — every kiosk setting once: key, type, range, default, doc line
#pragma once

#include "core/config/kiosk_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lantai::core {

// The table follows mpv's m_option tables (options/options.c): one entry per setting, and the
// readers, checks and writers walk the table instead of naming settings one by one. From it:
// - KioskConfig's defaults (KioskConfig()), applyOverrides, mergeLayers and the derived
//   defaults under state_dir (resolveKioskConfig);
// - the TOML reader: type, range and allowed-value checks with their bilingual messages, and
//   the warning for a key the table lacks (settings_reader.cpp);
// - `lantai-kiosk --set KEY=VALUE` (config_overrides.cpp) with the same checks;
// - `lantai-kiosk --print-config` (formatKioskConfigToml, config_print.cpp).
// tests/unit/config/settings_table_test.cpp checks deploy/kiosk.example.toml against it: every
// key with its default and its doc line, and no key the table lacks.
//
// Adding a setting: a field in KioskSettingFields (kiosk_config.h), one entry in
// settings_table.cpp, and the key with its default and doc line in deploy/kiosk.example.toml.

enum class SettingType {
    Bool,
    Int,    // a whole number in [min, max] (or 0, when zeroMeans says what 0 does; only every
            // step-th one when step is set)
    String, // any string, unless a rule says otherwise
    Path,   // a non-empty string; relative paths are resolved against the file's folder
    Enum,   // a string, one of `names`
};

// A value as TOML holds it: paths and enumerations are strings.
using SettingValue = std::variant<bool, std::int64_t, std::string>;

// A schema.value problem found by a setting's extra rule, in English and Chinese.
struct SettingProblem {
    std::string message;
    std::string messageZh;
};
using SettingRule = std::optional<SettingProblem> (*)(const std::string& value);

// Where a setting lives in KioskConfig and KioskConfigLayer, and how its C++ type converts to
// and from a SettingValue (made by LANTAI_SETTING_FIELD in settings_table.cpp). The values
// handed to `assign` and `set` have passed the entry's checks.
struct SettingField {
    SettingValue (*get)(const KioskConfig&);
    void (*assign)(KioskConfig&, const SettingValue&);
    void (*set)(KioskConfigLayer&, const SettingValue&);
    bool (*isSet)(const KioskConfigLayer&);
    void (*apply)(KioskConfig&, const KioskConfigLayer&); // the layer's value, when it has one
    void (*merge)(KioskConfigLayer&, const KioskConfigLayer&);
};

struct SettingSpec {
    std::string_view key; // "session.idle_timeout_s"; keys at the top level have no section
    SettingType type = SettingType::String;
    SettingValue defaultValue;
    std::string_view doc; // one line, English; deploy/kiosk.example.toml carries it verbatim
    SettingField field{};

    std::int64_t min = 0; // Int: the allowed range, inclusive
    std::int64_t max = 0;
    std::string_view zeroMeans;   // Int: when set, 0 is allowed too and means this ("no timer")
    std::string_view zeroMeansZh; //      ... in Chinese ("不计时")
    std::int64_t step = 0; // Int: when set, only min, min + step, ... max ("0, 90, 180, 270")
    std::vector<std::string_view> names; // Enum: the allowed values
    SettingRule rule = nullptr;          // String, Path, Enum: an extra check of the value
    std::string_view underStateDir;      // Path: when unset, <state_dir>/this ("last-good-pack")
    std::string_view example; // the example file's value when the default is "not configured"

    std::string_view section() const; // "session"; "" at the top level
    std::string_view name() const;    // "idle_timeout_s"
    std::string pointer() const;      // "/session/idle_timeout_s"
};

// Every kiosk setting, in the order of deploy/kiosk.example.toml (sections stay together).
const std::vector<SettingSpec>& kioskSettings();
// The entry of a dotted key, or nullptr.
const SettingSpec* findSetting(std::string_view key);

// The value as TOML writes it: true, 90, "red-archive" (a basic string, escaped).
std::string formatSettingValue(const SettingValue& value);
// The allowed values in words for messages and comments: "10 – 3600", "0, or 5 – 120",
// "0, 90, 180, 270" (a step), "\"zh\", \"en\""; empty for booleans and free strings.
std::string settingRangeText(const SettingSpec& spec);

} // namespace lantai::core
