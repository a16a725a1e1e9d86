// core/config: layers and precedence (walking the settings table), pack defaults, cross-field
// checks
#include "core/config/kiosk_config.h"

#include "core/config/settings_table.h"
#include "core/pack/model.h"

namespace lantai::core {

bool portraitLayout(double width, double height, Orientation orientation) {
    if (orientation == Orientation::Portrait) return true;
    if (orientation == Orientation::Landscape) return false;
    return height > width;
}

const char* orientationName(Orientation orientation) {
    switch (orientation) {
    case Orientation::Landscape:
        return "landscape";
    case Orientation::Portrait:
        return "portrait";
    default:
        return "auto";
    }
}

bool parseOrientation(std::string_view text, Orientation& out) {
    if (text == "auto")
        out = Orientation::Auto;
    else if (text == "landscape")
        out = Orientation::Landscape;
    else if (text == "portrait")
        out = Orientation::Portrait;
    else
        return false;
    return true;
}

void applyOverrides(KioskConfig& config, const KioskConfigLayer& layer) {
    for (const auto& spec : kioskSettings())
        spec.field.apply(config, layer);
}

KioskConfigLayer mergeLayers(const KioskConfigLayer& lower, const KioskConfigLayer& upper) {
    KioskConfigLayer merged = lower;
    for (const auto& spec : kioskSettings())
        spec.field.merge(merged, upper);
    return merged;
}

KioskConfig resolveKioskConfig(const KioskConfigLayer& pack, const KioskConfigLayer& file,
                               const KioskConfigLayer& commandLine) {
    KioskConfig config;
    applyOverrides(config, pack);
    applyOverrides(config, file);
    applyOverrides(config, commandLine);
    // Paths no layer set default to a place under state_dir (pack.last_good, log.file).
    for (const auto& spec : kioskSettings())
        if (!spec.underStateDir.empty() && std::get<std::string>(spec.field.get(config)).empty())
            spec.field.assign(config, (config.stateDir / spec.underStateDir).string());
    return config;
}

KioskConfigLayer packKioskLayer(const Pack& pack) {
    KioskConfigLayer layer;
    layer.idleTimeoutS = pack.kiosk.idleTimeoutS;
    layer.stillThereS = pack.kiosk.stillThereS;
    layer.attractSlideS = pack.kiosk.attractSlideS;
    Orientation o{};
    if (parseOrientation(pack.kiosk.orientation, o)) layer.orientation = o;
    if (!pack.theme.empty()) layer.theme = pack.theme;
    layer.defaultLanguage = pack.defaultLanguage;
    return layer;
}

Diagnostics checkKioskConfig(const KioskConfig& config) {
    Diagnostics d;
    const auto add = [&](const char* pointer, std::string message, std::string messageZh) {
        d.add({Severity::Error, "config.invalid", "", pointer, 0, 0, std::move(message),
               std::move(messageZh)});
    };
    if (config.packPath.empty())
        add("/pack/path", "No pack is configured: set [pack] path in the kiosk configuration.",
            "未配置展览内容包：请在展台配置文件中设置 [pack] path。");
    if (config.stillThereS >= config.idleTimeoutS)
        add("/session/still_there_s",
            "session.still_there_s (" + std::to_string(config.stillThereS) +
                ") must be shorter than session.idle_timeout_s (" +
                std::to_string(config.idleTimeoutS) + ").",
            "session.still_there_s（" + std::to_string(config.stillThereS) +
                "）必须小于 session.idle_timeout_s（" + std::to_string(config.idleTimeoutS) +
                "）。");
    if (config.classIdleTimeoutS < config.idleTimeoutS)
        add("/quiz/class_idle_timeout_s",
            "quiz.class_idle_timeout_s (" + std::to_string(config.classIdleTimeoutS) +
                ") must not be shorter than session.idle_timeout_s (" +
                std::to_string(config.idleTimeoutS) + ").",
            "quiz.class_idle_timeout_s（" + std::to_string(config.classIdleTimeoutS) +
                "）不能小于 session.idle_timeout_s（" + std::to_string(config.idleTimeoutS) +
                "）。");
    const auto folder = [](const std::filesystem::path& p) {
        auto n = p.lexically_normal();
        return n.has_filename() ? n : n.parent_path();
    };
    if (!config.packPath.empty() && folder(config.packPath) == folder(config.lastGoodPackPath))
        add("/pack/last_good", "pack.last_good must be a different folder from pack.path.",
            "pack.last_good 必须与 pack.path 不是同一个目录。");
    return d;
}

} // namespace lantai::core
