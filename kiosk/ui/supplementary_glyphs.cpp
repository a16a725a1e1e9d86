// kiosk/ui: FreeType rendering of glyphs beyond U+FFFF into custom rectangles of the ImGui atlas
#include "kiosk/ui/supplementary_glyphs.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYNTHESIS_H

#include <cstring>
#include <map>
#include <utility>

namespace lantai::kiosk {

namespace {

// imgui_freetype.cpp: #define FT_CEIL(X) (((X + 63) & -64) / 64)
long ceilPixels(FT_Pos value) {
    return ((value + 63) & -64) / 64;
}

constexpr int kPadding = 1; // transparent border, as the builder's TexGlyphPadding

} // namespace

struct SupplementaryGlyphs::Impl {
    FT_Library library = nullptr;
    std::map<std::pair<const void*, int>, FT_Face> faces;

    Impl() {
        if (FT_Init_FreeType(&library) != 0) library = nullptr;
    }
    ~Impl() {
        for (auto& [key, face] : faces)
            FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }

    // The face sized as imgui_freetype's SetPixelHeight((uint32_t)cfg.SizePixels) sizes it.
    FT_Face sized(const FontBytes& font, float pixelHeight) {
        if (!library || !font.data) return nullptr;
        const auto key = std::make_pair(font.data, font.faceIndex);
        auto it = faces.find(key);
        if (it == faces.end()) {
            FT_Face face = nullptr;
            if (FT_New_Memory_Face(library, static_cast<const FT_Byte*>(font.data),
                                   static_cast<FT_Long>(font.size), font.faceIndex, &face) != 0)
                return nullptr;
            if (FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) {
                FT_Done_Face(face);
                return nullptr;
            }
            it = faces.emplace(key, face).first;
        }
        FT_Size_RequestRec request{};
        request.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
        request.height = static_cast<FT_Long>(static_cast<std::uint32_t>(pixelHeight) * 64);
        if (FT_Request_Size(it->second, &request) != 0) return nullptr;
        return it->second;
    }
};

SupplementaryGlyphs::SupplementaryGlyphs() : m_impl(std::make_unique<Impl>()) {}

SupplementaryGlyphs::~SupplementaryGlyphs() = default;

int SupplementaryGlyphs::ascenderPixels(const FontBytes& font, float pixelHeight) {
    FT_Face face = m_impl->sized(font, pixelHeight);
    return face ? static_cast<int>(ceilPixels(face->size->metrics.ascender)) : -1;
}

bool SupplementaryGlyphs::add(ImFontAtlas& atlas, ImFont* target, ImWchar alias,
                              const FontBytes& font, float pixelHeight, bool embolden, int ascender,
                              char32_t cp) {
    FT_Face face = m_impl->sized(font, pixelHeight);
    if (!face) return false;
    const FT_UInt index = FT_Get_Char_Index(face, cp);
    if (index == 0 || FT_Load_Glyph(face, index, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) != 0)
        return false;
    FT_GlyphSlot slot = face->glyph;
    if (embolden) FT_GlyphSlot_Embolden(slot);
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0 ||
        slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY)
        return false;
    const FT_Bitmap& bitmap = slot->bitmap;
    Pending glyph;
    glyph.width = static_cast<int>(bitmap.width);
    glyph.height = static_cast<int>(bitmap.rows);
    glyph.alpha.resize(static_cast<std::size_t>(glyph.width) * glyph.height);
    for (int y = 0; y < glyph.height; ++y)
        std::memcpy(glyph.alpha.data() + static_cast<std::size_t>(y) * glyph.width,
                    bitmap.buffer + static_cast<std::ptrdiff_t>(y) * bitmap.pitch,
                    static_cast<std::size_t>(glyph.width));
    // The quad covers the padded rectangle, so the glyph's own pixels land where the builder
    // would put them: left at bitmap_left, top at ascender - bitmap_top.
    const ImVec2 offset(static_cast<float>(slot->bitmap_left - kPadding),
                        static_cast<float>(ascender - slot->bitmap_top - kPadding));
    glyph.rect = atlas.AddCustomRectFontGlyph(
        target, alias, glyph.width + 2 * kPadding, glyph.height + 2 * kPadding,
        static_cast<float>(ceilPixels(slot->advance.x)), offset);
    m_pending.push_back(std::move(glyph));
    return true;
}

void SupplementaryGlyphs::copyInto(ImFontAtlas& atlas) const {
    if (!atlas.TexPixelsAlpha8) return;
    for (const Pending& glyph : m_pending) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(glyph.rect);
        if (rect->X == 0xFFFF) continue; // not packed
        for (int y = 0; y < glyph.height; ++y)
            std::memcpy(atlas.TexPixelsAlpha8 +
                            static_cast<std::size_t>(rect->Y + kPadding + y) * atlas.TexWidth +
                            rect->X + kPadding,
                        glyph.alpha.data() + static_cast<std::size_t>(y) * glyph.width,
                        static_cast<std::size_t>(glyph.width));
    }
}

} // namespace lantai::kiosk
