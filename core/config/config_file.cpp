// core/config: reading a kiosk TOML file (toml++) through the settings table
#include "core/base/file_io.h"
#include "core/config/kiosk_config.h"
#include "core/config/settings_reader.h"

namespace lantai::core {

KioskConfigLoadResult loadKioskConfigFromText(std::string_view text, const std::string& fileLabel,
                                              const std::filesystem::path& baseDir) {
    KioskConfigLoadResult result;
    if (const auto table = parseConfigToml(text, fileLabel, result.diagnostics)) {
        SettingReader reader(fileLabel, baseDir, result.diagnostics);
        result.layer = reader.readFile(*table);
    }
    result.config = resolveKioskConfig({}, result.layer, {});
    return result;
}

KioskConfigLoadResult loadKioskConfig(const std::filesystem::path& file) {
    std::string text;
    std::string error;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec) || !readFile(file, text, error, 1u << 20)) {
        KioskConfigLoadResult result;
        const std::string reason = error.empty() ? "the file does not exist" : error;
        result.diagnostics.add(
            {Severity::Error, "config.not_found", file.string(), "", 0, 0,
             "Cannot read the kiosk configuration \"" + file.string() + "\": " + reason + ".",
             "无法读取展台配置文件 \"" + file.string() + "\"（" + reason + "）。"});
        result.config = resolveKioskConfig({}, {}, {});
        return result;
    }
    const auto base = std::filesystem::absolute(file, ec).parent_path();
    return loadKioskConfigFromText(text, file.string(), base);
}

} // namespace lantai::core
