// core/i18n: CJK-aware line breaking
#include "core/i18n/text_wrap.h"

#include "core/base/utf8.h"

#include <string>

namespace lantai::core {

namespace {

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF) || // Ext B–H
           (c >= 0x3000 && c <= 0x303F);
}

bool noBreakBefore(char32_t c) {
    static const std::u32string set = U"，。、；：？！）」』》〉】〕”’·…—,.;:?!)]}%";
    return set.find(c) != std::u32string::npos;
}

bool noBreakAfter(char32_t c) {
    static const std::u32string set = U"（「『《〈【〔“‘([{";
    return set.find(c) != std::u32string::npos;
}

struct Glyph {
    char32_t cp;
    std::size_t begin;
    std::size_t end;
    double width;
};

} // namespace

std::vector<TextLine> wrapText(std::string_view text, double maxWidth,
                               const AdvanceFunction& advance, int maxLines,
                               std::string* ellipsizedLastLine) {
    std::vector<Glyph> glyphs;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t begin = pos;
        const char32_t cp = nextCodePoint(text, pos);
        glyphs.push_back({cp, begin, pos, cp == U'\n' ? 0.0 : advance(cp)});
    }
    std::vector<TextLine> lines;
    std::size_t start = 0; // glyph index of the line start
    while (start < glyphs.size()) {
        double width = 0;
        std::size_t lastBreak = start; // break allowed before glyph index lastBreak (> start)
        std::size_t i = start;
        bool hardBreak = false;
        for (; i < glyphs.size(); ++i) {
            const Glyph& g = glyphs[i];
            if (g.cp == U'\n') {
                hardBreak = true;
                break;
            }
            if (i > start) {
                const char32_t prev = glyphs[i - 1].cp;
                const bool opportunity =
                    (prev == U' ' || prev == U'-' || isCjk(prev) || isCjk(g.cp)) &&
                    !noBreakBefore(g.cp) && !noBreakAfter(prev);
                if (opportunity) lastBreak = i;
            }
            if (width + g.width > maxWidth && i > start && g.cp != U' ') break;
            width += g.width;
        }
        std::size_t end = i;
        if (!hardBreak && i < glyphs.size() && lastBreak > start) end = lastBreak;
        if (end == start) end = start + 1; // always make progress
        // Trim trailing spaces from the line's extent.
        std::size_t visibleEnd = end;
        while (visibleEnd > start && glyphs[visibleEnd - 1].cp == U' ')
            --visibleEnd;
        TextLine line;
        line.begin = glyphs[start].begin;
        line.end = visibleEnd > start ? glyphs[visibleEnd - 1].end : glyphs[start].begin;
        for (std::size_t k = start; k < visibleEnd; ++k)
            line.width += glyphs[k].width;
        lines.push_back(line);
        start = end;
        if (hardBreak && start < glyphs.size() && glyphs[start].cp == U'\n')
            ++start;
        else
            while (start < glyphs.size() && glyphs[start].cp == U' ')
                ++start;
    }
    if (maxLines > 0 && static_cast<int>(lines.size()) > maxLines) {
        lines.resize(static_cast<std::size_t>(maxLines));
        TextLine& last = lines.back();
        const double ellipsis = advance(U'…');
        // Drop characters until the ellipsis fits.
        std::string_view lastText = text.substr(last.begin, last.end - last.begin);
        std::vector<std::pair<std::size_t, double>> cps;
        for (std::size_t pos = 0; pos < lastText.size();) {
            const char32_t cp = nextCodePoint(lastText, pos);
            cps.emplace_back(pos, advance(cp));
        }
        double width = last.width;
        std::size_t keep = cps.size();
        while (keep > 0 && width + ellipsis > maxWidth)
            width -= cps[--keep].second;
        last.end = last.begin + (keep > 0 ? cps[keep - 1].first : 0);
        last.width = width + ellipsis;
        if (ellipsizedLastLine)
            *ellipsizedLastLine = std::string(text.substr(last.begin, last.end - last.begin)) + "…";
    }
    return lines;
}

} // namespace lantai::core
