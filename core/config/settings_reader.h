// core/config: checks TOML values against the settings table and fills a layer (internal to
// core/config)
#pragma once

#include "core/base/diagnostic.h"
#include "core/config/settings_table.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace lantai::core {

// Reads TOML values into a KioskConfigLayer, one setting at a time, and reports every problem
// (schema.type, schema.value, schema.unknown_field) with the key's JSON pointer; a value with a
// problem leaves the layer's field unset. Diagnostics carry the value's line:column unless
// `positions` is false (the command line has none worth showing).
class SettingReader {
  public:
    SettingReader(std::string file, std::filesystem::path baseDir, Diagnostics& diagnostics,
                  bool positions = true)
        : m_file(std::move(file)), m_baseDir(std::move(baseDir)), m_diagnostics(diagnostics),
          m_positions(positions) {}

    // Every setting of a parsed file, and a warning for each key the table lacks.
    KioskConfigLayer readFile(const toml::table& root);
    // One value for one setting.
    void read(const SettingSpec& spec, const toml::node& node, KioskConfigLayer& layer);
    // A key the table lacks (`name` dotted, `pointer` into the TOML tree), with its neighbours.
    void reportUnknown(Severity severity, const toml::source_position& where,
                       const std::string& pointer, const std::string& name);

  private:
    std::optional<SettingValue> check(const SettingSpec& spec, const toml::node& node);
    void report(Severity severity, const char* code, const toml::node* node,
                const std::string& pointer, std::string message, std::string messageZh);
    void reportType(const toml::node& node, const std::string& pointer, const std::string& key,
                    const std::string& wanted, const std::string& wantedZh);

    std::string m_file;
    std::filesystem::path m_baseDir;
    Diagnostics& m_diagnostics;
    bool m_positions;
};

// Parses TOML text; on a syntax error adds toml.syntax with the parser's line:column. `context`
// names what was parsed in the message ("The setting \"...\""); empty: the configuration file.
std::optional<toml::table> parseConfigToml(std::string_view text, const std::string& fileLabel,
                                           Diagnostics& diagnostics,
                                           const std::string& context = {});

} // namespace lantai::core
