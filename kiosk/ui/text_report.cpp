// kiosk/ui: the frame's cut-off text and missing glyphs, each text once
#include "kiosk/ui/text_report.h"

#include "core/base/utf8.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace lantai::kiosk {

std::string textExcerpt(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    std::size_t end = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        core::nextCodePoint(text, pos);
        if (pos > maxBytes) break;
        end = pos;
    }
    return std::string(text.substr(0, end)) + "…";
}

std::string codePointName(char32_t cp) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    return code;
}

void TextReport::addCut(std::string_view where, std::string_view text, const core::TextFit& fit,
                        core::Language language) {
    const std::string excerpt = textExcerpt(text);
    const std::string how = core::textCutName(fit);
    const bool known = std::any_of(cut.begin(), cut.end(), [&](const CutText& c) {
        return c.where == where && c.text == excerpt && c.how == how && c.language == language;
    });
    if (known) return;
    cut.push_back({std::string(where), excerpt, how, language, static_cast<int>(fit.lines),
                   static_cast<int>(fit.linesShown), false, std::hash<std::string_view>{}(text)});
}

void TextReport::addWhole(std::string_view text) {
    wholeTexts.insert(std::hash<std::string_view>{}(text));
}

void TextReport::finishFrame() {
    for (CutText& c : cut)
        c.shownWholeElsewhere = wholeTexts.count(c.textHash) > 0;
}

void TextReport::addMissing(std::string_view text, const std::set<char32_t>& characters,
                            core::Language language) {
    if (characters.empty()) return;
    const std::string excerpt = textExcerpt(text);
    const bool known =
        std::any_of(missingGlyphs.begin(), missingGlyphs.end(),
                    [&](const GlyphGap& g) { return g.text == excerpt && g.language == language; });
    if (known) return;
    missingGlyphs.push_back({excerpt, {characters.begin(), characters.end()}, language});
}

} // namespace lantai::kiosk
