// core/theme: colour parsing and formatting, source-over compositing, WCAG 2.x luminance and
// contrast
#include "core/theme/color.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace lantai::core {

namespace {

constexpr Color kBlack{0, 0, 0, 255};
constexpr Color kWhite{255, 255, 255, 255};

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

} // namespace

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

double worstContrastOverAnyBackdrop(Color foreground, Color background) {
    foreground.a = 255;
    return worstContrastInRange(foreground, compositeOver(background, kBlack),
                                compositeOver(background, kWhite));
}

} // namespace lantai::core
