// core/theme: theme files (themes/*.json) into Theme, colour parsing and WCAG 2.x contrast maths
#include "core/theme/theme.h"

#include "core/base/file_io.h"
#include "core/base/json_document.h"
#include "core/base/json_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lantai::core {

namespace {

using nlohmann::json;

constexpr std::array<const char*, kColorRoleCount> kColorRoleNames = {
    "background",
    "title_on_background",
    "text_on_background",
    "text_on_background_muted",
    "surface",
    "surface_alt",
    "text",
    "text_muted",
    "border",
    "accent",
    "accent_pressed",
    "text_on_accent",
    "secondary",
    "secondary_pressed",
    "text_on_secondary",
    "badge",
    "text_on_badge",
    "danger",
    "text_on_danger",
    "success",
    "text_on_success",
    "focus",
    "focus_on_surface",
    "timer_bar",
    "timer_track",
    "overlay",
    "text_on_overlay",
};

constexpr std::array<const char*, kFontRoleCount> kFontRoleNames = {"title", "heading", "body",
                                                                    "caption", "button"};

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

double linearChannel(std::uint8_t value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double ratioOfLuminances(double a, double b) {
    const double hi = std::max(a, b);
    const double lo = std::min(a, b);
    return (hi + 0.05) / (lo + 0.05);
}

constexpr Color kBlack{0, 0, 0, 255};
constexpr Color kWhite{255, 255, 255, 255};

// Lowest contrast of `foreground` on a background whose opaque colour lies anywhere between
// `low` (the background over black) and `high` (over white).
double worstContrastInRange(Color foreground, Color low, Color high) {
    if (low == high) return contrastRatio(foreground, low);
    if (!foreground.opaque())
        return std::min(contrastRatio(foreground, low), contrastRatio(foreground, high));
    const double lf = relativeLuminance(foreground);
    const double l0 = relativeLuminance(low);
    const double l1 = relativeLuminance(high);
    if (lf >= std::min(l0, l1) && lf <= std::max(l0, l1)) return 1.0;
    return std::min(ratioOfLuminances(lf, l0), ratioOfLuminances(lf, l1));
}

struct ColorRange {
    Color low;  // backdrop as dark as it can be
    Color high; // backdrop as light as it can be
};

ColorRange resolveRange(const Theme& theme, ColorRole role, int depth = 0) {
    const Color c = theme.color(role);
    const Backdrop backdrop = backdropOf(role);
    if (backdrop.kind == BackdropKind::ScreenBlack || depth > 8) {
        const Color solid = compositeOver(c, kBlack);
        return {solid, solid};
    }
    if (backdrop.kind == BackdropKind::AnyImage)
        return {compositeOver(c, kBlack), compositeOver(c, kWhite)};
    const ColorRange below = resolveRange(theme, backdrop.role, depth + 1);
    return {compositeOver(c, below.low), compositeOver(c, below.high)};
}

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

Theme makeDefaultTheme() {
    Theme t;
    t.name = "red-archive";
    t.displayName = {"红色档案", "Red archive"};
    t.contrastTarget = ContrastTarget::AA;
    const auto set = [&](ColorRole role, const char* hex) {
        Color c;
        parseColor(hex, c);
        t.setColor(role, c);
    };
    set(ColorRole::Background, "#8E1A14");
    set(ColorRole::TitleOnBackground, "#F6D77A");
    set(ColorRole::TextOnBackground, "#FFF3D6");
    set(ColorRole::TextOnBackgroundMuted, "#EBCB94");
    set(ColorRole::Surface, "#F5ECD7");
    set(ColorRole::SurfaceAlt, "#EADBBE");
    set(ColorRole::Text, "#2B1B12");
    set(ColorRole::TextMuted, "#5C4632");
    set(ColorRole::Border, "#C9A24A");
    set(ColorRole::Accent, "#D9A521");
    set(ColorRole::AccentPressed, "#C2912A");
    set(ColorRole::TextOnAccent, "#4A0A06");
    set(ColorRole::Secondary, "#5E0B0B");
    set(ColorRole::SecondaryPressed, "#7A1010");
    set(ColorRole::TextOnSecondary, "#F8E6B8");
    set(ColorRole::Badge, "#A61B1B");
    set(ColorRole::TextOnBadge, "#FFF5E1");
    set(ColorRole::Danger, "#9B111E");
    set(ColorRole::TextOnDanger, "#FFFFFF");
    set(ColorRole::Success, "#2E6B30");
    set(ColorRole::TextOnSuccess, "#FFFFFF");
    set(ColorRole::Focus, "#FFD75E");
    set(ColorRole::FocusOnSurface, "#8E1A14");
    set(ColorRole::TimerBar, "#8E1A14");
    set(ColorRole::TimerTrack, "#D8C7A3");
    set(ColorRole::Overlay, "#1A0505CC");
    set(ColorRole::TextOnOverlay, "#FFF3D6");
    t.fontSizes = {6.0f, 4.2f, 2.8f, 2.3f, 3.0f};
    t.layout = ThemeLayout{0.8f, 1.6f, 2.4f, 0.15f, 0.4f, 8.0f};
    t.background.pattern = BackgroundPattern::Fret;
    parseColor("#F6D77A33", t.background.patternColor);
    return t;
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
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) {
        const std::string at = JsonReader::child(pointer, key);
        const auto pos = r.document().positionOf(at);
        diagnostics.add(
            {Severity::Warning, "theme.asset_missing", r.document().file(), at, pos.line,
             pos.column,
             "The file \"" + value + "\" named by \"" + key +
                 "\" does not exist (paths are relative to the theme file); it is not shown.",
             "\"" + std::string(key) + "\" 指定的文件 \"" + value +
                 "\" 不存在（路径相对于主题文件所在目录），将不显示。"});
        return {};
    }
    return p;
}

void readColors(JsonReader& r, const json& root, Theme& theme) {
    const auto* colors = r.member(root, "", "colors", true);
    if (!colors || !r.expectObject(*colors, "/colors")) return;
    for (const auto& [key, value] : colors->items()) {
        if (!parseColorRole(key)) {
            std::string known;
            for (const char* n : kColorRoleNames)
                known += (known.empty() ? "" : ", ") + std::string(n);
            r.report(Severity::Warning, "schema.unknown_field", JsonReader::child("/colors", key),
                     "Unknown colour \"" + key +
                         "\" is ignored (a typo?). Known colours: " + known + ".",
                     "未知颜色 \"" + key + "\" 将被忽略（是否拼写错误？）。可用颜色：" + known +
                         "。");
        }
    }
    for (std::size_t i = 0; i < kColorRoleCount; ++i) {
        const auto role = static_cast<ColorRole>(i);
        const auto c = readColor(r, *colors, "/colors", kColorRoleNames[i], true);
        if (!c) continue;
        theme.colors[i] = *c;
        if (!c->opaque() && isTextForeground(role))
            r.report(
                Severity::Error, "schema.value", JsonReader::child("/colors", kColorRoleNames[i]),
                std::string("Text colour \"") + kColorRoleNames[i] +
                    "\" must be opaque (#RRGGBB): translucent text cannot be checked for contrast.",
                std::string("文字颜色 \"") + kColorRoleNames[i] +
                    "\" 必须不透明（#RRGGBB）：半透明文字无法检查对比度。");
    }
}

void readFontSizes(JsonReader& r, const json& root, Theme& theme) {
    const auto* sizes = r.member(root, "", "font_sizes", true);
    if (!sizes || !r.expectObject(*sizes, "/font_sizes")) return;
    r.checkKnownFields(*sizes, "/font_sizes", {"title", "heading", "body", "caption", "button"});
    for (std::size_t i = 0; i < kFontRoleCount; ++i) {
        if (!r.member(*sizes, "/font_sizes", kFontRoleNames[i], true)) continue;
        // 1.5 units = 16 px on a 1080-line screen: the smallest size readable at a booth.
        if (const auto v = r.number(*sizes, "/font_sizes", kFontRoleNames[i], 1.5, 20.0))
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

// ---- colours --------------------------------------------------------------------------------

bool parseColor(std::string_view text, Color& out) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return false;
    std::array<std::uint8_t, 4> bytes{0, 0, 0, 255};
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        const int hi = hexDigit(text[i + 1]);
        const int lo = i + 2 < text.size() ? hexDigit(text[i + 2]) : -1;
        if (hi < 0 || lo < 0) return false;
        bytes[i / 2] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    out = {bytes[0], bytes[1], bytes[2], bytes[3]};
    return true;
}

std::string formatColor(Color color) {
    char buffer[16];
    if (color.opaque())
        std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", color.r, color.g, color.b);
    else
        std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X%02X", color.r, color.g, color.b,
                      color.a);
    return buffer;
}

Color compositeOver(Color top, Color bottom) {
    const double ta = top.a / 255.0;
    const double ba = bottom.a / 255.0;
    const double outA = ta + ba * (1.0 - ta);
    if (outA <= 0.0) return {0, 0, 0, 0};
    const auto channel = [&](std::uint8_t t, std::uint8_t b) {
        const double v = (t * ta + b * ba * (1.0 - ta)) / outA;
        return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
    };
    return {channel(top.r, bottom.r), channel(top.g, bottom.g), channel(top.b, bottom.b),
            static_cast<std::uint8_t>(std::clamp(std::lround(outA * 255.0), 0L, 255L))};
}

double relativeLuminance(Color color) {
    return 0.2126 * linearChannel(color.r) + 0.7152 * linearChannel(color.g) +
           0.0722 * linearChannel(color.b);
}

double contrastRatio(Color foreground, Color background) {
    background.a = 255;
    const Color fg = compositeOver(foreground, background);
    return ratioOfLuminances(relativeLuminance(fg), relativeLuminance(background));
}

double worstContrastOverAnyBackdrop(Color foreground, Color background) {
    foreground.a = 255;
    return worstContrastInRange(foreground, compositeOver(background, kBlack),
                                compositeOver(background, kWhite));
}

// ---- roles and pairs ------------------------------------------------------------------------

const char* colorRoleName(ColorRole role) {
    const auto i = static_cast<std::size_t>(role);
    return i < kColorRoleCount ? kColorRoleNames[i] : "?";
}

std::optional<ColorRole> parseColorRole(std::string_view name) {
    for (std::size_t i = 0; i < kColorRoleCount; ++i)
        if (name == kColorRoleNames[i]) return static_cast<ColorRole>(i);
    return std::nullopt;
}

const char* fontRoleName(FontRole role) {
    const auto i = static_cast<std::size_t>(role);
    return i < kFontRoleCount ? kFontRoleNames[i] : "?";
}

Backdrop backdropOf(ColorRole role) {
    switch (role) {
    case ColorRole::Background:
        return {BackdropKind::ScreenBlack, ColorRole::Background};
    case ColorRole::Badge:
    case ColorRole::Overlay:
        return {BackdropKind::AnyImage, ColorRole::Background};
    case ColorRole::Danger:
    case ColorRole::Success:
    case ColorRole::TimerTrack:
        return {BackdropKind::Role, ColorRole::Surface};
    default:
        return {BackdropKind::Role, ColorRole::Background};
    }
}

const std::vector<ColorPair>& themeColorPairs() {
    using R = ColorRole;
    static const std::vector<ColorPair> pairs = {
        {R::TitleOnBackground, R::Background, PairKind::Text,
         "titles and headings on the screen background"},
        {R::TextOnBackground, R::Background, PairKind::Text,
         "body text and the attract prompt on the background"},
        {R::TextOnBackgroundMuted, R::Background, PairKind::Text,
         "subtitles, counts and the organiser line"},
        {R::Text, R::Surface, PairKind::Text, "text on cards, panels and dialogs"},
        {R::TextMuted, R::Surface, PairKind::Text, "dates, reference numbers and labels on cards"},
        {R::Text, R::SurfaceAlt, PairKind::Text, "text on the caption panel and quiz options"},
        {R::TextMuted, R::SurfaceAlt, PairKind::Text, "labels on the caption panel"},
        {R::TextOnAccent, R::Accent, PairKind::Text, "primary button label"},
        {R::TextOnAccent, R::AccentPressed, PairKind::Text, "primary button label while pressed"},
        {R::TextOnSecondary, R::Secondary, PairKind::Text, "secondary button label"},
        {R::TextOnSecondary, R::SecondaryPressed, PairKind::Text,
         "secondary button label while pressed"},
        {R::TextOnBadge, R::Badge, PairKind::Text, "badge label (on cards and over thumbnails)"},
        {R::TextOnDanger, R::Danger, PairKind::Text, "wrong answer and out-of-service banner"},
        {R::TextOnSuccess, R::Success, PairKind::Text, "correct answer"},
        {R::TextOnOverlay, R::Overlay, PairKind::Text,
         "captions and the countdown over images and video"},
        {R::Focus, R::Background, PairKind::Graphic, "focus ring on the screen background"},
        {R::FocusOnSurface, R::Surface, PairKind::Graphic, "focus ring on cards and dialogs"},
        {R::TimerBar, R::TimerTrack, PairKind::Graphic, "idle countdown bar on its track"},
    };
    return pairs;
}

double requiredContrast(ContrastTarget target, PairKind kind) {
    if (kind == PairKind::Graphic) return 3.0;
    return target == ContrastTarget::AAA ? 7.0 : 4.5;
}

float referenceUnitPx(int widthPx, int heightPx) {
    return static_cast<float>(std::max(0, std::min(widthPx, heightPx))) / 100.0f;
}

const Theme& defaultTheme() {
    static const Theme theme = makeDefaultTheme();
    return theme;
}

Color resolvedColor(const Theme& theme, ColorRole role) {
    return resolveRange(theme, role).low;
}

std::vector<PairContrast> measureThemeContrast(const Theme& theme) {
    std::vector<PairContrast> out;
    for (const auto& pair : themeColorPairs()) {
        const ColorRange range = resolveRange(theme, pair.background);
        out.push_back({pair,
                       worstContrastInRange(theme.color(pair.foreground), range.low, range.high),
                       requiredContrast(theme.contrastTarget, pair.kind)});
    }
    return out;
}

PairContrast weakestTextPair(const Theme& theme) {
    PairContrast weakest;
    weakest.ratio = 22.0;
    for (const auto& c : measureThemeContrast(theme))
        if (c.pair.kind == PairKind::Text && c.ratio < weakest.ratio) weakest = c;
    return weakest;
}

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
            readColors(r, root, theme);
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
    std::string text;
    std::string error;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec) || !readFile(file, text, error, 1u << 20)) {
        ThemeLoadResult result;
        result.theme = defaultTheme();
        const std::string reason = error.empty() ? "the file does not exist" : error;
        result.diagnostics.add({Severity::Error, "theme.not_found", file.string(), "", 0, 0,
                                "Cannot read the theme \"" + file.string() + "\": " + reason +
                                    ". The built-in red-archive theme is used.",
                                "无法读取主题文件 \"" + file.string() + "\"（" + reason +
                                    "），将使用内置的“红色档案”主题。"});
        return result;
    }
    auto result = loadThemeFromText(text, file.string(), file.parent_path());
    if (result.ok()) result.theme.file = file;
    return result;
}

std::optional<std::filesystem::path>
findTheme(std::string_view nameOrPath, const std::vector<std::filesystem::path>& searchDirs) {
    std::error_code ec;
    const std::string value(nameOrPath);
    const bool isPath = value.find('/') != std::string::npos ||
                        (value.size() > 5 && value.compare(value.size() - 5, 5, ".json") == 0);
    if (isPath) {
        if (std::filesystem::is_regular_file(value, ec)) return std::filesystem::path(value);
        return std::nullopt;
    }
    if (!isValidId(value)) return std::nullopt;
    for (const auto& dir : searchDirs) {
        const auto candidate = dir / (value + ".json");
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
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
