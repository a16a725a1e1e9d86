// tests: the kiosk's font atlas — core's cmap reader agrees with FreeType on every font the kiosk
// uses; rare characters, emoji and Latin letters Noto lacks come from the fallbacks (aliased
// beyond U+FFFF, sized and placed like the text around them); the atlas holds only what is used
#include "core/base/utf8.h"
#include "core/theme/theme.h"
#include "kiosk/ui/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cmath>
#include <gtest/gtest.h>

namespace lantai::kiosk {
namespace {

using core::FontRole;

const core::KioskFontSet& installedFonts() {
    static const core::KioskFontSet set = core::KioskFontSet::locate();
    return set;
}

void requireFonts() {
    ASSERT_TRUE(installedFonts().complete())
        << "the kiosk's fonts are not installed (deploy/install-deps.sh)";
}

// ---- core's coverage and FreeType agree ------------------------------------------------------

class FreeTypeFace {
  public:
    FreeTypeFace(const std::filesystem::path& file, int face) {
        if (FT_Init_FreeType(&m_library) == 0 &&
            FT_New_Face(m_library, file.c_str(), face, &m_face) == 0)
            FT_Select_Charmap(m_face, FT_ENCODING_UNICODE);
    }
    ~FreeTypeFace() {
        if (m_face) FT_Done_Face(m_face);
        if (m_library) FT_Done_FreeType(m_library);
    }
    FT_Face face() const { return m_face; }

  private:
    FT_Library m_library = nullptr;
    FT_Face m_face = nullptr;
};

TEST(KioskFontCoverage, IsExactlyWhereFreeTypeFindsAGlyph) {
    requireFonts();
    for (const auto& font : installedFonts().fonts()) {
        std::vector<std::filesystem::path> files{font.regular};
        if (!font.bold.empty()) files.push_back(font.bold); // bold roles draw from it
        for (const auto& file : files) {
            FreeTypeFace ft(file, font.spec->faceIndex);
            ASSERT_NE(ft.face(), nullptr) << file;
            EXPECT_EQ(ft.face()->units_per_EM, font.face.unitsPerEm) << file;
            EXPECT_EQ(ft.face()->ascender, font.face.ascender) << file;
            EXPECT_EQ(ft.face()->descender, font.face.descender) << file;
            std::size_t differences = 0;
            for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
                const bool freetype = FT_Get_Char_Index(ft.face(), cp) != 0;
                if (freetype != font.face.coverage.contains(cp) && ++differences <= 5)
                    ADD_FAILURE() << file << ": U+" << std::hex << static_cast<unsigned>(cp)
                                  << (freetype ? " has a glyph in FreeType only"
                                               : " has a glyph in core only");
            }
            EXPECT_EQ(differences, 0u) << file;
        }
    }
}

// ---- the atlas ----------------------------------------------------------------------------

RoleCharacters everyRole(const std::string& text) {
    RoleCharacters characters;
    for (auto& role : characters)
        role = text;
    return characters;
}

std::unique_ptr<BuiltFonts> build(const std::string& text) {
    auto built = buildFonts(10.8f, core::defaultTheme(), everyRole(text), installedFonts());
    EXPECT_TRUE(built->error.empty()) << built->error;
    return built;
}

ImFont* font(const BuiltFonts& built, FontRole role) {
    return built.fonts[static_cast<std::size_t>(role)];
}

// The alpha coverage of a glyph's rectangle in the atlas texture.
int inkOf(const BuiltFonts& built, const ImFontGlyph& glyph) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    built.atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    int ink = 0;
    const int x0 = static_cast<int>(std::lround(glyph.U0 * static_cast<float>(width)));
    const int x1 = static_cast<int>(std::lround(glyph.U1 * static_cast<float>(width)));
    const int y0 = static_cast<int>(std::lround(glyph.V0 * static_cast<float>(height)));
    const int y1 = static_cast<int>(std::lround(glyph.V1 * static_cast<float>(height)));
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            ink += pixels[y * width + x];
    return ink;
}

TEST(KioskFontAtlas, RareCharactersAndEmojiHaveGlyphsLikeTheTextAroundThem) {
    requireFonts();
    const std::string text = "中\U00020000\U00021484\U00030000\U0001F600ř";
    const auto built = build(text);
    for (unsigned cp : {0x20000u, 0x21484u, 0x30000u, 0x1F600u})
        ASSERT_TRUE(built->aliases.count(cp)) << std::hex << cp;
    for (std::size_t r = 0; r < core::kFontRoleCount; ++r) {
        ImFont* f = built->fonts[r];
        const ImFontGlyph* zhong = f->FindGlyphNoFallback(u'中');
        ASSERT_NE(zhong, nullptr);
        // ř: Symbola merged in with its own glyph ranges.
        EXPECT_NE(f->FindGlyphNoFallback(u'ř'), nullptr);
        for (unsigned cp : {0x20000u, 0x21484u, 0x30000u}) {
            const ImFontGlyph* g = f->FindGlyphNoFallback(built->aliases.at(cp));
            ASSERT_NE(g, nullptr) << std::hex << cp;
            EXPECT_GT(inkOf(*built, *g), 0) << "no pixels for U+" << std::hex << cp;
            // The same em as Noto's ideographs: advance and box within a couple of pixels, on
            // the same baseline (the 1-pixel padding included).
            const float px = built->sizes[r];
            EXPECT_NEAR(g->AdvanceX, zhong->AdvanceX, std::max(2.0f, px * 0.08f)) << cp;
            EXPECT_NEAR(g->Y1, zhong->Y1 + 1, std::max(3.0f, px * 0.12f)) << std::hex << cp;
            EXPECT_NEAR(g->Y1 - g->Y0, zhong->Y1 - zhong->Y0 + 2, px * 0.25f) << std::hex << cp;
        }
        const ImFontGlyph* emoji = f->FindGlyphNoFallback(built->aliases.at(0x1F600));
        ASSERT_NE(emoji, nullptr);
        EXPECT_GT(inkOf(*built, *emoji), 0);
    }
}

TEST(KioskFontAtlas, HoldsOnlyTheCharactersInUse) {
    requireFonts();
    const std::string base = "档案馆 Archive";
    const auto plain = build(base);
    // Five more characters, each from another font: five more glyphs per role, no more.
    const auto more = build(base + "中\U00020000\U00021484\U0001F600ř");
    for (std::size_t r = 0; r < core::kFontRoleCount; ++r)
        EXPECT_EQ(more->fonts[r]->Glyphs.Size, plain->fonts[r]->Glyphs.Size + 5) << r;
    // Characters no font may draw take no room.
    const auto privateUse = build(base + "\uE000\U000F0000");
    for (std::size_t r = 0; r < core::kFontRoleCount; ++r)
        EXPECT_EQ(privateUse->fonts[r]->Glyphs.Size, plain->fonts[r]->Glyphs.Size) << r;
    EXPECT_TRUE(privateUse->aliases.empty());
    // The fallbacks used are named for the log.
    ASSERT_FALSE(more->notes.empty());
    std::string notes;
    for (const auto& n : more->notes)
        notes += n + "\n";
    for (const char* name : {"Symbola", "HanaMinA", "HanaMinB"})
        EXPECT_NE(notes.find(name), std::string::npos) << notes;
}

std::vector<unsigned> codes(const std::set<char32_t>& set) {
    return {set.begin(), set.end()};
}

TEST(KioskFontAtlas, TextIsRewrittenToWhatTheAtlasDraws) {
    requireFonts();
    const auto built = build("信\U00020000\U0001F600");
    ImFont* body = font(*built, FontRole::Body);
    std::string scratch;
    std::set<char32_t> missing;
    // Nothing to change: the text itself comes back.
    const std::string plain = "信 Archive\n";
    EXPECT_EQ(drawableText(built.get(), body, plain, scratch, missing).data(), plain.data());
    EXPECT_TRUE(missing.empty());
    // Beyond U+FFFF: the aliases; a variation selector and a joiner: dropped.
    const auto utf8 = [](char32_t c) {
        std::string out;
        core::appendUtf8(out, c);
        return out;
    };
    const std::string alias = utf8(built->aliases.at(0x20000));
    const std::string emoji = utf8(built->aliases.at(0x1F600));
    EXPECT_EQ(drawableText(built.get(), body, "信\U00020000 \U0001F600\uFE0F\u200D\U0001F600",
                           scratch, missing),
              "信" + alias + " " + emoji + emoji);
    EXPECT_TRUE(missing.empty());
    // Private use and characters no font has: U+FFFD (ImGui's '?'), and reported.
    EXPECT_EQ(drawableText(built.get(), body, "a\uE000b\U000F0000", scratch, missing),
              "a\uFFFDb\uFFFD");
    EXPECT_EQ(codes(missing), (std::vector<unsigned>{0xE000, 0xF0000}));
    // A character the atlas was not built with: reported too.
    missing.clear();
    EXPECT_EQ(drawableText(built.get(), body, "档", scratch, missing), "档");
    EXPECT_EQ(codes(missing), std::vector<unsigned>{0x6863}); // 档
    EXPECT_EQ(glyphFor(built.get(), U'\uFE0F'), 0);
    EXPECT_EQ(glyphFor(built.get(), U'\n'), static_cast<ImWchar>('\n'));
    EXPECT_EQ(glyphFor(built.get(), 0x20001), 0xFFFD); // not in this atlas
}

TEST(KioskFontAtlas, WithoutNotoSansCjkTheAtlasIsNotBuilt) {
    const auto none = core::KioskFontSet::locate({"/nonexistent-lantai-fonts"});
    const auto built = buildFonts(10.8f, core::defaultTheme(), everyRole("中"), none);
    EXPECT_NE(built->error.find("fonts-noto-cjk"), std::string::npos) << built->error;
}

} // namespace
} // namespace lantai::kiosk
