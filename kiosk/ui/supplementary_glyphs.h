// kiosk/ui: characters beyond U+FFFF (CJK Extensions B–H, emoji) in Dear ImGui's 16-bit atlas —
// each is drawn under a private-use alias whose glyph FreeType renders as ImGui's builder would
#pragma once

#include <cstddef>
#include <imgui.h>
#include <memory>
#include <vector>

namespace lantai::kiosk {

// A font file in memory (the kiosk memory-maps them) and the face to use.
struct FontBytes {
    const void* data = nullptr;
    std::size_t size = 0;
    int faceIndex = 0;
};

// Debian's Dear ImGui 1.86 is built with a 16-bit ImWchar: its text functions turn every code
// point above U+FFFF into U+FFFD, and glyph ranges cannot name them. So the atlas gives each such
// character the kiosk needs a private-use code point (U+E000…, never drawn otherwise: the kiosk
// does not draw private-use characters) as a custom glyph, and Fonts::drawable() rewrites text to
// those aliases before ImGui sees it.
//
// The glyphs are rendered the way imgui_freetype.cpp (1.86) renders the others, so they match the
// text around them: the face sized by FT_Request_Size(REAL_DIM) at the truncated pixel height,
// FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT, FT_GlyphSlot_Embolden for synthetic bold, rendered
// FT_RENDER_MODE_NORMAL, placed at the bitmap's left/top against the primary font's rounded-up
// ascender, advancing by the rounded-up advance.
//
// Threading: one instance per atlas build, on the thread that builds it (its own FT_Library).
class SupplementaryGlyphs {
  public:
    SupplementaryGlyphs();
    ~SupplementaryGlyphs();
    SupplementaryGlyphs(const SupplementaryGlyphs&) = delete;
    SupplementaryGlyphs& operator=(const SupplementaryGlyphs&) = delete;

    // The ascender Dear ImGui's FreeType builder gives `font` at `pixelHeight` (its glyph tops
    // are placed against this), or -1 when FreeType cannot open the face.
    int ascenderPixels(const FontBytes& font, float pixelHeight);

    // Renders `cp` from `font` and registers it in `atlas` as glyph `alias` of `target` (call
    // before atlas->Build()). False when the face or the glyph cannot be loaded.
    bool add(ImFontAtlas& atlas, ImFont* target, ImWchar alias, const FontBytes& font,
             float pixelHeight, bool embolden, int ascender, char32_t cp);

    // Copies the rendered glyphs into the built atlas' alpha texture (after atlas->Build()).
    void copyInto(ImFontAtlas& atlas) const;

    int count() const { return static_cast<int>(m_pending.size()); }

  private:
    struct Impl;
    struct Pending {
        int rect = 0;
        int width = 0;
        int height = 0;
        std::vector<unsigned char> alpha; // width x height, without the 1-pixel padding
    };
    std::unique_ptr<Impl> m_impl;
    std::vector<Pending> m_pending;
};

} // namespace lantai::kiosk
