// core/i18n: which wrapped lines a box shows, and whether text is cut off
#include "core/i18n/text_fit.h"

namespace lantai::core {

namespace {
constexpr double kSlackPx = 1.0; // rounding: a line may end one pixel below the box
} // namespace

TextFit fitTextLines(const std::vector<TextLine>& lines, bool ellipsized, double boxWidth,
                     double boxTop, double boxBottom, double fontSize, double lineHeight) {
    TextFit fit;
    fit.lines = lines.size();
    fit.truncated = ellipsized;
    fit.height = static_cast<double>(lines.size()) * lineHeight;
    double y = boxTop;
    for (const TextLine& line : lines) {
        if (y + fontSize > boxBottom + kSlackPx) break;
        ++fit.linesShown;
        if (line.width > boxWidth + kSlackPx) fit.tooWide = true;
        y += lineHeight;
    }
    return fit;
}

const char* textCutName(const TextFit& fit) {
    if (fit.truncated) return "truncated";
    if (fit.clipped()) return "clipped";
    if (fit.tooWide) return "too_wide";
    return "";
}

} // namespace lantai::core
