// kiosk/ui: the font atlas — Noto Sans CJK SC at the theme's sizes with core's fallback fonts
// merged in, only the characters the pack and UI use
#pragma once

#include "core/i18n/kiosk_fonts.h"
#include "core/theme/theme.h"
#include "kiosk/ui/font_characters.h"

#include <array>
#include <deque>
#include <imgui.h>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lantai::kiosk {

// A font atlas built off the main thread: one ImGui font per theme font role, each with only
// the characters drawn in that role (never the whole CJK range: 64 MB / ~400 ms), rasterised by
// FreeType from the memory-mapped font files. Titles, headings and buttons use bold.
//
// Each character comes from the first font of core's kiosk font list (core/i18n/kiosk_fonts)
// that has it — the same decision `lantai validate` makes — so the fallback fonts (Symbola,
// HanaMinA/B, BabelStone Han) are merged into each role's font with glyph ranges holding just the
// characters they draw, sized so their em matches Noto's. Characters beyond U+FFFF are drawn
// under private-use aliases (see supplementary_glyphs.h); Fonts::drawable() rewrites text to them.
// The large-text mode's sizes ("大字 / Aa"): every role 1.4x, rasterised at that size.
inline constexpr float kLargeTextScale = 1.4f;

struct BuiltFonts {
    std::unique_ptr<ImFontAtlas> atlas;
    std::array<ImFont*, core::kFontRoleCount> fonts{};
    std::array<float, core::kFontRoleCount> sizes{};
    std::array<ImFont*, core::kFontRoleCount> largeFonts{}; // the same roles at kLargeTextScale
    std::array<float, core::kFontRoleCount> largeSizes{};
    std::deque<ImVector<ImWchar>> ranges; // must outlive the atlas' fonts (stable addresses)
    std::unordered_map<char32_t, ImWchar> aliases; // beyond U+FFFF -> its private-use alias
    float unitPx = 0;
    double buildMs = 0;
    int glyphs = 0;
    std::vector<std::string> warnings; // for the log: fonts not installed, too many aliases
    std::vector<std::string> notes;    // for the log: glyphs drawn from each fallback font
    std::string error;                 // empty on success
};

// CPU only; any thread (no ImGui context needed). The first form finds the fonts itself.
std::unique_ptr<BuiltFonts> buildFonts(float unitPx, const core::Theme& theme,
                                       const RoleCharacters& characters);
std::unique_ptr<BuiltFonts> buildFonts(float unitPx, const core::Theme& theme,
                                       const RoleCharacters& characters,
                                       const core::KioskFontSet& fontSet);

// What ImGui must be given for `cp` with `built`: its alias beyond U+FFFF, 0 for an invisible
// character (variation selectors, joiners: nothing is drawn), U+FFFD for what cannot be drawn
// (private use, beyond U+FFFF without an alias: ImGui draws its fallback '?'), control
// characters (line breaks) unchanged.
ImWchar glyphFor(const BuiltFonts* built, char32_t cp);

// `text` as ImGui must get it to draw with `built` (aliases in, invisible characters out): in
// `scratch` when it had to change, else `text` itself. Adds to `missing` the characters `font`
// has no glyph for (ImGui draws '?' for them).
std::string_view drawableText(const BuiltFonts* built, ImFont* font, std::string_view text,
                              std::string& scratch, std::set<char32_t>& missing);

// The fonts in use. Threading: main thread, with the ImGui context and GL context current.
class Fonts {
  public:
    ~Fonts();
    // Makes `built` the ImGui atlas and uploads it as an 8-bit alpha texture (a quarter of the
    // RGBA texture the OpenGL3 backend would make). The first call also creates the backend's
    // device objects (shaders) without letting it upload its own copy of the atlas.
    bool install(std::unique_ptr<BuiltFonts> built, std::string& error);
    // Gives ImGui back its own atlas and frees the texture (before ImGui::DestroyContext).
    void release();
    bool built() const { return m_built != nullptr; }
    float unitPx() const { return m_built ? m_built->unitPx : 0; }
    // Large text ("大字 / Aa"): font() and size() give the kLargeTextScale set.
    void setLarge(bool large) { m_large = large; }
    bool large() const { return m_large; }
    ImFont* font(core::FontRole role) const {
        return (m_large ? m_built->largeFonts : m_built->fonts)[static_cast<std::size_t>(role)];
    }
    float size(core::FontRole role) const {
        return (m_large ? m_built->largeSizes : m_built->sizes)[static_cast<std::size_t>(role)];
    }
    double buildMilliseconds() const { return m_built ? m_built->buildMs : 0; }
    std::size_t atlasBytes() const { return m_textureBytes; }
    int glyphCount() const { return m_built ? m_built->glyphs : 0; }
    // The installed atlas' warnings (a fallback font not installed, too many aliases) that no
    // earlier call returned: the atlas is rebuilt on a resize and a SIGHUP reload, and a font
    // missing at start is logged once per run, not at every rebuild.
    std::vector<std::string> takeNewWarnings();
    const std::vector<std::string>& notes() const { return m_built->notes; }

    // glyphFor() and drawableText() above with the installed atlas; drawable() records the
    // characters `font` has no glyph for in missingGlyphs().
    ImWchar glyphFor(char32_t cp) const { return kiosk::glyphFor(m_built.get(), cp); }
    std::string_view drawable(ImFont* font, std::string_view text, std::string& scratch) {
        return drawableText(m_built.get(), font, text, scratch, m_missing);
    }
    // As above, and the characters of `text` without a glyph in `missingHere` too.
    std::string_view drawable(ImFont* font, std::string_view text, std::string& scratch,
                              std::set<char32_t>& missingHere) {
        const std::string_view shown =
            drawableText(m_built.get(), font, text, scratch, missingHere);
        m_missing.insert(missingHere.begin(), missingHere.end());
        return shown;
    }
    // Characters drawn since the atlas was installed that it has no glyph for (shown as '?').
    const std::set<char32_t>& missingGlyphs() const { return m_missing; }

  private:
    std::unique_ptr<BuiltFonts> m_built;
    bool m_large = false;
    ImFontAtlas* m_original = nullptr; // the context's own atlas, restored by release()
    unsigned m_texture = 0;
    std::size_t m_textureBytes = 0;
    bool m_deviceObjectsCreated = false;
    std::set<char32_t> m_missing;
    std::set<std::string> m_warned; // warnings takeNewWarnings() returned
};

} // namespace lantai::kiosk
