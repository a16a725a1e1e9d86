// kiosk/ui: what a frame's text could not show — text cut off by its box (truncated, lines below
// it, too wide) and characters the font atlas has no glyph for — recorded by the text widgets
// while drawing, for the state report and the editor's "check every screen"
#pragma once

#include "core/base/localized_text.h"
#include "core/i18n/text_fit.h"

#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lantai::kiosk {

// Text a visitor can never read whole on this screen. A panel that scrolls draws its text in a
// box as tall as the content, so scrolled-away text is not cut off.
struct CutText {
    std::string where; // the widget ("top-bar:title", "card:item:x:title"), else its font role
    std::string text;  // the text as given (the first ~120 bytes, whole characters)
    std::string how;   // core::textCutName: truncated, clipped, too_wide
    core::Language language = core::Language::Zh;
    int lines = 0;      // lines it wraps into
    int linesShown = 0; // lines drawn
    // The same text is drawn whole elsewhere in the frame (a title truncated in the top bar but
    // whole in the caption panel): cut here, yet readable on this screen.
    bool shownWholeElsewhere = false;
    std::size_t textHash = 0; // of the whole text
};

// Drawn text with characters the atlas cannot draw (ImGui shows "?" for them).
struct GlyphGap {
    std::string text; // the text (excerpt, as above)
    std::vector<char32_t> characters;
    core::Language language = core::Language::Zh;
};

// One frame's findings, each text once. Threading: the drawing thread.
struct TextReport {
    std::vector<CutText> cut;
    std::vector<GlyphGap> missingGlyphs;
    std::unordered_set<std::size_t> wholeTexts; // hashes of the texts drawn whole

    void addCut(std::string_view where, std::string_view text, const core::TextFit& fit,
                core::Language language);
    // Text drawn whole (nothing cut off).
    void addWhole(std::string_view text);
    // At the end of the frame: marks the cut text drawn whole elsewhere.
    void finishFrame();
    void addMissing(std::string_view text, const std::set<char32_t>& characters,
                    core::Language language);
};

// The first `maxBytes` of `text` at a character boundary, with "…" when shortened.
std::string textExcerpt(std::string_view text, std::size_t maxBytes = 120);
// "U+20000"
std::string codePointName(char32_t cp);

} // namespace lantai::kiosk
