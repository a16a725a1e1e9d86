// core/theme: sRGB colours as written in theme files, compositing and WCAG 2.x contrast maths
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lantai::core {

// An sRGB colour with straight (not premultiplied) alpha, as written in theme files
// ("#RRGGBB" or "#RRGGBBAA").
struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;

    bool opaque() const { return a == 255; }
    bool operator==(const Color&) const = default;
};

// Parses "#RRGGBB" or "#RRGGBBAA" (hex digits in either case). False on anything else.
bool parseColor(std::string_view text, Color& out);
// "#RRGGBB" when opaque, "#RRGGBBAA" otherwise (upper-case hex).
std::string formatColor(Color color);
// `top` drawn over `bottom` with source-over blending in sRGB space (what the GPU does with
// ImGui's default blend state). The result is opaque when `bottom` is.
Color compositeOver(Color top, Color bottom);

// WCAG 2.x relative luminance (0 = black, 1 = white) of the colour's RGB; alpha is ignored.
double relativeLuminance(Color color);
// WCAG 2.x contrast ratio (1 … 21) of `foreground` drawn on `background`. A translucent
// foreground is first composited over the background. The background is taken as opaque
// (its alpha is ignored): composite a translucent background over what lies beneath it
// first (compositeOver), or use worstContrastOverAnyBackdrop when that is unknown.
double contrastRatio(Color foreground, Color background);
// Lowest contrast of `foreground` on an opaque background that lies anywhere between `low`
// (the background over the darkest possible backdrop) and `high` (over the lightest). Exact for
// an opaque foreground: if its luminance lies inside the interval, the answer is 1. A
// translucent foreground is measured at both ends.
double worstContrastInRange(Color foreground, Color low, Color high);
// Lowest contrast of an opaque `foreground` on a translucent `background` laid over ANY
// backdrop (a photo, a video frame): worstContrastInRange between the background over black
// and over white. The foreground's alpha is ignored.
double worstContrastOverAnyBackdrop(Color foreground, Color background);

} // namespace lantai::core
