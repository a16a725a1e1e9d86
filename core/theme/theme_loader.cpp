// core/theme: theme files (themes/*.json) into Theme with diagnostics (positions, bilingual
// messages, low-contrast warnings); finding a theme by name
#include "core/base/file_io.h"
#include "core/base/json_document.h"
#include "core/base/json_reader.h"
#include "core/theme/theme.h"

#include <algorithm>
#include <cstdio>

namespace lantai::core {

namespace {

using nlohmann::json;

constexpr std::array<const char*, kFontRoleCount> kFontKeys = {"title", "heading", "body",
                                                               "caption", "button"};

std::string formatRatio(double ratio) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f:1", ratio);
    return buffer;
}

bool isTextForeground(ColorRole role) {
    const auto& pairs = themeColorPairs();
    return std::any_of(pairs.begin(), pairs.end(), [&](const ColorPair& p) {
        return p.foreground == role && p.kind == PairKind::Text;
    });
}

// Reads "#RRGGBB(AA)" member `key` of `object`; reports schema.type / schema.value.
std::optional<Color> readColor(JsonReader& r, const json& object, const std::string& pointer,
                               const char* key, bool required) {
    const auto* value = r.member(object, pointer, key, required);
    if (!value) return std::nullopt;
    const std::string at = JsonReader::child(pointer, key);
    Color c;
    if (!value->is_string() || !parseColor(value->get<std::string>(), c)) {
        const std::string found =
            value->is_string() ? "\"" + value->get<std::string>() + "\"" : jsonTypeName(*value);
        r.report(Severity::Error, "schema.value", at,
                 std::string("Colour \"") + key +
                     "\" must be written \"#RRGGBB\" or \"#RRGGBBAA\" (hex), found " + found + ".",
                 std::string("颜色 \"") + key +
                     "\" 应写成 \"#RRGGBB\" 或 \"#RRGGBBAA\"（十六进制），实际为 " + found + "。");
        return std::nullopt;
    }
    return c;
}

std::filesystem::path readAssetPath(JsonReader& r, Diagnostics& diagnostics, const json& object,
                                    const std::string& pointer, const char* key,
                                    const std::filesystem::path& baseDir) {
    const std::string value = r.string(object, pointer, key, false);
    if (value.empty()) return {};
    std::filesystem::path p = std::filesystem::path(value);
    if (p.is_relative()) p = baseDir / p;
    const auto checked = checkRegularFile(p);
    if (checked) return p;
    const std::string at = JsonReader::child(pointer, key);
    const auto pos = r.document().positionOf(at);
    if (checked.error().code == kFileMissing) {
        diagnostics.add(
            {Severity::Warning, "theme.asset_missing", r.document().file(), at, pos.line,
             pos.column,
             "The file \"" + value + "\" named by \"" + key +
                 "\" does not exist (paths are relative to the theme file); it is not shown.",
             "\"" + std::string(key) + "\" 指定的文件 \"" + value +
                 "\" 不存在（路径相对于主题文件所在目录），将不显示。"});
        return {};
    }
    // A FIFO, a device, a folder, a link loop: named as what it is (file.not_regular, ...).
    const Diagnostic& why = checked.error();
    diagnostics.add(
        {Severity::Warning, why.code, r.document().file(), at, pos.line, pos.column,
         "The file named by \"" + std::string(key) + "\" cannot be used: " + why.message +
             " It is not shown.",
         "\"" + std::string(key) + "\" 指定的文件无法使用：" + why.messageZh + "将不显示。"});
    return {};
}

// A role added after the file was written (colorRoleRequired) keeps the built-in value.
void reportMissingColor(JsonReader& r, Diagnostics& diagnostics, ColorRole role) {
    const std::string name = colorRoleName(role);
    const std::string value = formatColor(defaultTheme().color(role));
    const auto pos = r.document().positionOf("/colors");
    diagnostics.add({Severity::Warning, "theme.color_missing", r.document().file(), "/colors",
                     pos.line, pos.column,
                     "Colour \"" + name + "\" is not set; the built-in red-archive value " + value +
                         " is used. Themes written before this colour existed lack it: add it "
                         "(themes/README.md lists every colour).",
                     "未设置颜色 \"" + name + "\"，将使用内置“红色档案”主题的值 " + value +
                         "。该颜色是后来新增的，旧主题文件中没有：请补上（themes/README.md "
                         "列出了全部颜色）。"});
}

void readColors(JsonReader& r, Diagnostics& diagnostics, const json& root, Theme& theme) {
    const auto* colors = r.member(root, "", "colors", true);
    if (!colors || !r.expectObject(*colors, "/colors")) return;
    for (const auto& [key, value] : colors->items()) {
        if (!parseColorRole(key)) {
            std::string known;
            for (std::size_t i = 0; i < kColorRoleCount; ++i)
                known += (known.empty() ? "" : ", ") +
                         std::string(colorRoleName(static_cast<ColorRole>(i)));
            r.report(Severity::Warning, "schema.unknown_field", JsonReader::child("/colors", key),
                     "Unknown colour \"" + key +
                         "\" is ignored (a typo?). Known colours: " + known + ".",
                     "未知颜色 \"" + key + "\" 将被忽略（是否拼写错误？）。可用颜色：" + known +
                         "。");
        }
    }
    for (std::size_t i = 0; i < kColorRoleCount; ++i) {
        const auto role = static_cast<ColorRole>(i);
        const char* name = colorRoleName(role);
        if (!colorRoleRequired(role) && !colors->contains(name)) {
            reportMissingColor(r, diagnostics, role);
            continue;
        }
        const auto c = readColor(r, *colors, "/colors", name, true);
        if (!c) continue;
        theme.colors[i] = *c;
        if (!c->opaque() && isTextForeground(role))
            r.report(Severity::Error, "schema.value", JsonReader::child("/colors", name),
                     std::string("Text colour \"") + name +
                         "\" must be opaque (#RRGGBB): translucent text cannot be checked for "
                         "contrast.",
                     std::string("文字颜色 \"") + name +
                         "\" 必须不透明（#RRGGBB）：半透明文字无法检查对比度。");
    }
}

void readFontSizes(JsonReader& r, const json& root, Theme& theme) {
    const auto* sizes = r.member(root, "", "font_sizes", true);
    if (!sizes || !r.expectObject(*sizes, "/font_sizes")) return;
    r.checkKnownFields(*sizes, "/font_sizes", {"title", "heading", "body", "caption", "button"});
    for (std::size_t i = 0; i < kFontRoleCount; ++i) {
        if (!r.member(*sizes, "/font_sizes", kFontKeys[i], true)) continue;
        // 1.5 units = 16 px on a 1080-line screen: the smallest size readable at a booth.
        if (const auto v = r.number(*sizes, "/font_sizes", kFontKeys[i], 1.5, 20.0))
            theme.fontSizes[i] = static_cast<float>(*v);
    }
}

void readLayout(JsonReader& r, const json& root, Theme& theme) {
    const auto* layout = r.member(root, "", "layout", false);
    if (!layout || !r.expectObject(*layout, "/layout")) return;
    r.checkKnownFields(
        *layout, "/layout",
        {"rounding", "spacing", "padding", "border_width", "focus_ring_width", "min_touch_target"});
    const auto read = [&](const char* key, double min, double max, float& out) {
        if (const auto v = r.number(*layout, "/layout", key, min, max))
            out = static_cast<float>(*v);
    };
    ThemeLayout& l = theme.layout;
    read("rounding", 0.0, 10.0, l.rounding);
    read("spacing", 0.0, 20.0, l.spacing);
    read("padding", 0.0, 20.0, l.padding);
    read("border_width", 0.0, 5.0, l.borderWidth);
    read("focus_ring_width", 0.1, 5.0, l.focusRingWidth);
    // 4 units = 43 px on a 1080-line screen, about WCAG 2.5.5's 44 CSS px.
    read("min_touch_target", 4.0, 40.0, l.minTouchTarget);
}

void readBackground(JsonReader& r, Diagnostics& diagnostics, const json& root, Theme& theme,
                    const std::filesystem::path& baseDir) {
    const auto* bg = r.member(root, "", "background", false);
    if (!bg || !r.expectObject(*bg, "/background")) return;
    r.checkKnownFields(*bg, "/background", {"image", "image_fit", "pattern", "pattern_color"});
    theme.background.image = readAssetPath(r, diagnostics, *bg, "/background", "image", baseDir);
    theme.background.imageFit =
        r.enumeration(*bg, "/background", "image_fit", {"cover", "tile"}, "cover") == "tile"
            ? ImageFit::Tile
            : ImageFit::Cover;
    theme.background.pattern =
        r.enumeration(*bg, "/background", "pattern", {"none", "fret"}, "none") == "fret"
            ? BackgroundPattern::Fret
            : BackgroundPattern::None;
    if (const auto c = readColor(r, *bg, "/background", "pattern_color", false)) {
        theme.background.patternColor = *c;
    } else {
        Color border = theme.color(ColorRole::Border);
        border.a = 0x40;
        theme.background.patternColor = border;
    }
}

} // namespace

// ---- loading --------------------------------------------------------------------------------

ThemeLoadResult loadThemeFromText(std::string_view text, const std::string& fileLabel,
                                  const std::filesystem::path& baseDir) {
    ThemeLoadResult result;
    Diagnostics& diagnostics = result.diagnostics;
    Theme& theme = result.theme;
    theme = defaultTheme();
    theme.name.clear();
    theme.background = {};

    const JsonDocument doc = JsonDocument::parse(text, fileLabel, diagnostics);
    if (doc.valid()) {
        JsonReader r(doc, diagnostics);
        const json& root = doc.root();
        if (r.expectObject(root, "")) {
            r.checkKnownFields(root, "",
                               {"$schema", "format_version", "name", "display_name",
                                "contrast_target", "colors", "font_sizes", "layout", "background",
                                "logo"});
            const auto version = r.integer(root, "", "format_version", 1, 1000000, true);
            if (version && *version > kThemeFormatVersion) {
                const auto pos = doc.positionOf("/format_version");
                diagnostics.add({Severity::Error, "format.version_unsupported", fileLabel,
                                 "/format_version", pos.line, pos.column,
                                 "This theme has format_version " + std::to_string(*version) +
                                     "; this Lantai reads themes up to version " +
                                     std::to_string(kThemeFormatVersion) + ". Update Lantai.",
                                 "该主题的 format_version 为 " + std::to_string(*version) +
                                     "，本版兰台只能读取版本 " +
                                     std::to_string(kThemeFormatVersion) +
                                     " 及以下的主题，请升级兰台。"});
            }
            theme.formatVersion = static_cast<int>(version.value_or(kThemeFormatVersion));
            theme.name = r.id(root, "", "name");
            theme.displayName = r.text(root, "", "display_name", true);
            theme.contrastTarget =
                r.enumeration(root, "", "contrast_target", {"AA", "AAA"}, "AA") == "AAA"
                    ? ContrastTarget::AAA
                    : ContrastTarget::AA;
            readColors(r, diagnostics, root, theme);
            readFontSizes(r, root, theme);
            readLayout(r, root, theme);
            readBackground(r, diagnostics, root, theme, baseDir);
            theme.logo = readAssetPath(r, diagnostics, root, "", "logo", baseDir);

            const std::string stem = std::filesystem::path(fileLabel).stem().string();
            if (!theme.name.empty() && std::filesystem::path(fileLabel).extension() == ".json" &&
                stem != theme.name) {
                r.report(Severity::Warning, "schema.value", "/name",
                         "The theme is named \"" + theme.name + "\" but its file is \"" + stem +
                             ".json\"; the kiosk finds themes by file name, so rename one of them.",
                         "主题名称为 \"" + theme.name + "\"，文件名却是 \"" + stem +
                             ".json\"；展台按文件名查找主题，请统一两者。");
            }
        }
    }

    if (diagnostics.hasErrors()) {
        theme = defaultTheme();
        return result;
    }
    for (const auto& c : measureThemeContrast(theme)) {
        if (c.passes()) continue;
        const std::string fg = colorRoleName(c.pair.foreground);
        const std::string bg = colorRoleName(c.pair.background);
        const std::string at = "/colors/" + fg;
        const auto pos = doc.positionOf(at);
        diagnostics.add(
            {Severity::Warning, "theme.low_contrast", fileLabel, at, pos.line, pos.column,
             "\"" + fg + "\" on \"" + bg + "\" (" + c.pair.purpose + ") has a contrast of " +
                 formatRatio(c.ratio) + "; at least " + formatRatio(c.required) +
                 " is needed. Darken or lighten one of the two colours.",
             "\"" + fg + "\" 与 \"" + bg + "\"（" + c.pair.purpose + "）的对比度为 " +
                 formatRatio(c.ratio) + "，至少需要 " + formatRatio(c.required) +
                 "。请加深或调浅其中一种颜色。"});
    }
    theme.file = fileLabel;
    return result;
}

ThemeLoadResult loadTheme(const std::filesystem::path& file) {
    auto text = readFile(file, 1u << 20);
    if (!text) {
        ThemeLoadResult result;
        result.theme = defaultTheme();
        const Diagnostic& why = text.error();
        if (why.code == kFileMissing)
            result.diagnostics.add({Severity::Error, "theme.not_found", file.string(), "", 0, 0,
                                    "Cannot read the theme \"" + file.string() +
                                        "\": the file does not exist. The built-in red-archive "
                                        "theme is used.",
                                    "无法读取主题文件 \"" + file.string() +
                                        "\"（文件不存在），将使用内置的“红色档案”主题。"});
        else // a FIFO, a device, a folder, a link loop, too large: file.not_regular, ...
            result.diagnostics.add(
                {Severity::Error, why.code, file.string(), "", 0, 0,
                 "Cannot read the theme: " + why.message +
                     " The built-in red-archive theme is used.",
                 "无法读取主题文件：" + why.messageZh + "将使用内置的“红色档案”主题。"});
        return result;
    }
    auto result = loadThemeFromText(*text, file.string(), file.parent_path());
    if (result.ok()) result.theme.file = file;
    return result;
}

namespace {

// Something is at `path` (a FIFO or a link loop too: loadTheme says what is wrong with it).
bool existsAtAll(const std::filesystem::path& path) {
    const auto checked = checkRegularFile(path);
    return checked || checked.error().code != kFileMissing;
}

} // namespace

std::optional<std::filesystem::path>
findTheme(std::string_view nameOrPath, const std::vector<std::filesystem::path>& searchDirs) {
    const std::string value(nameOrPath);
    const bool isPath = value.find('/') != std::string::npos ||
                        (value.size() > 5 && value.compare(value.size() - 5, 5, ".json") == 0);
    if (isPath) {
        if (existsAtAll(value)) return std::filesystem::path(value);
        return std::nullopt;
    }
    if (!isValidId(value)) return std::nullopt;
    for (const auto& dir : searchDirs) {
        const auto candidate = dir / (value + ".json");
        if (existsAtAll(candidate)) return candidate;
    }
    return std::nullopt;
}

ThemeLoadResult loadNamedTheme(std::string_view nameOrPath,
                               const std::vector<std::filesystem::path>& searchDirs) {
    if (const auto found = findTheme(nameOrPath, searchDirs)) return loadTheme(*found);
    ThemeLoadResult result;
    result.theme = defaultTheme();
    std::string dirs;
    for (const auto& d : searchDirs)
        dirs += (dirs.empty() ? "" : ", ") + d.string();
    if (dirs.empty()) dirs = "(none)";
    const std::string name(nameOrPath);
    result.diagnostics.add({Severity::Error, "theme.not_found", name, "", 0, 0,
                            "No theme \"" + name + "\" was found (looked for " + name +
                                ".json in: " + dirs + "). The built-in red-archive theme is used.",
                            "找不到主题 \"" + name + "\"（在以下目录中查找 " + name + ".json：" +
                                dirs + "），将使用内置的“红色档案”主题。"});
    return result;
}

} // namespace lantai::core
