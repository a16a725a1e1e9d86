// core/theme: a theme's colours resolved down their backdrops, the contrast of every pair the
// kiosk draws, font role names and the reference unit
#include "core/theme/theme.h"

#include <algorithm>

namespace lantai::core {

namespace {

constexpr std::array<const char*, kFontRoleCount> kFontRoleNames = {"title", "heading", "body",
                                                                    "caption", "button"};

constexpr Color kBlack{0, 0, 0, 255};
constexpr Color kWhite{255, 255, 255, 255};

struct ColorRange {
    Color low;  // backdrop as dark as it can be
    Color high; // backdrop as light as it can be
};

ColorRange over(Color c, const ColorRange& below) {
    return {compositeOver(c, below.low), compositeOver(c, below.high)};
}

ColorRange resolveRange(const Theme& theme, ColorRole role, int depth = 0) {
    const Color c = theme.color(role);
    const Backdrop backdrop = backdropOf(role);
    if (backdrop.kind == BackdropKind::ScreenBlack || depth > 8) {
        const Color solid = compositeOver(c, kBlack);
        return {solid, solid};
    }
    if (backdrop.kind == BackdropKind::AnyImage)
        return {compositeOver(c, kBlack), compositeOver(c, kWhite)};
    return over(c, resolveRange(theme, backdrop.role, depth + 1));
}

} // namespace

const char* fontRoleName(FontRole role) {
    const auto i = static_cast<std::size_t>(role);
    return i < kFontRoleCount ? kFontRoleNames[i] : "?";
}

float referenceUnitPx(int widthPx, int heightPx) {
    return static_cast<float>(std::max(0, std::min(widthPx, heightPx))) / 100.0f;
}

Color resolvedColor(const Theme& theme, ColorRole role) {
    return resolveRange(theme, role).low;
}

std::vector<PairContrast> measureThemeContrast(const Theme& theme) {
    std::vector<PairContrast> out;
    for (const auto& pair : themeColorPairs()) {
        const ColorRange range =
            pair.over ? over(theme.color(pair.background), resolveRange(theme, *pair.over))
                      : resolveRange(theme, pair.background);
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

} // namespace lantai::core
