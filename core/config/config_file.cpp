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
    auto text = readFile(file, 1u << 20);
    if (!text) {
        KioskConfigLoadResult result;
        const Diagnostic& why = text.error();
        if (why.code == kFileMissing)
            result.diagnostics.add(
                {Severity::Error, "config.not_found", file.string(), "", 0, 0,
                 "Cannot read the kiosk configuration \"" + file.string() +
                     "\": the file does not exist.",
                 "无法读取展台配置文件 \"" + file.string() + "\"（文件不存在）。"});
        else // a FIFO, a device, a folder, a link loop, too large: file.not_regular, ...
            result.diagnostics.add({Severity::Error, why.code, file.string(), "", 0, 0,
                                    "Cannot read the kiosk configuration: " + why.message,
                                    "无法读取展台配置文件：" + why.messageZh});
        result.config = resolveKioskConfig({}, {}, {});
        return result;
    }
    std::error_code ec;
    const auto base = std::filesystem::absolute(file, ec).parent_path();
    return loadKioskConfigFromText(*text, file.string(), base);
}

} // namespace lantai::core
