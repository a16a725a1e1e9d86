// core/i18n: does wrapped text fit its box? — which lines a box shows, and whether text is cut
// off (truncated with "…", lines below the box, a line wider than the box)
#pragma once

#include "core/i18n/text_wrap.h"

#include <cstddef>
#include <vector>

namespace lantai::core {

// How `lines` (from wrapText) sit in a box `boxWidth` wide whose top is `boxTop` and bottom
// `boxBottom`, one line every `lineHeight` starting at the top, each `fontSize` tall. A line is
// shown when its glyphs end above the bottom (1 px of slack for rounding); the lines after the
// first one that is not shown are not shown either. Text is cut off when it can never be read
// whole on this screen: truncated by maxLines (`ellipsized`), a line not shown, or a line wider
// than the box. A box that scrolls passes a bottom beyond its content (nothing is cut).
struct TextFit {
    std::size_t lines = 0;      // lines the text wraps into (after maxLines)
    std::size_t linesShown = 0; // the first linesShown of them are drawn
    bool truncated = false;     // maxLines cut it and the last line ends with "…"
    bool tooWide = false;       // a line is wider than the box (it spills out sideways)
    double height = 0;          // lines * lineHeight, shown or not (callers scroll by it)

    bool clipped() const { return linesShown < lines; }
    bool cutOff() const { return truncated || clipped() || tooWide; }
};

TextFit fitTextLines(const std::vector<TextLine>& lines, bool ellipsized, double boxWidth,
                     double boxTop, double boxBottom, double fontSize, double lineHeight);

// "truncated", "clipped" or "too_wide" (the first that applies), "" when the text fits.
const char* textCutName(const TextFit& fit);

} // namespace lantai::core
