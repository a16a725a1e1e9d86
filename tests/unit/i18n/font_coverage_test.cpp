// tests: the sfnt cmap reader on fonts built byte by byte (formats 4, 12, 13, collections, damage)
// and the kiosk's installed fonts: which one draws a Latin letter, a hanzi, Extension B and G
// characters, an emoji, a private-use character
#include "core/i18n/font_coverage.h"
#include "core/i18n/kiosk_fonts.h"
#include "tests/unit/support/temp_dir.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

// ---- building fonts ----------------------------------------------------------------------

void u16(std::string& s, unsigned v) {
    s += static_cast<char>((v >> 8) & 0xFF);
    s += static_cast<char>(v & 0xFF);
}
void u32(std::string& s, std::uint32_t v) {
    u16(s, v >> 16);
    u16(s, v & 0xFFFF);
}

struct Segment4 {
    unsigned start, end, delta, rangeOffset;
};

// A format 4 subtable; `glyphIds` is the glyphIdArray the segments' idRangeOffsets point into.
std::string format4(const std::vector<Segment4>& segments, const std::vector<unsigned>& glyphIds) {
    std::string body;
    const auto n = static_cast<unsigned>(segments.size());
    u16(body, 4);
    u16(body, 0); // length, patched below
    u16(body, 0); // language
    u16(body, n * 2);
    u16(body, 0);
    u16(body, 0);
    u16(body, 0);
    for (const auto& s : segments)
        u16(body, s.end);
    u16(body, 0); // reservedPad
    for (const auto& s : segments)
        u16(body, s.start);
    for (const auto& s : segments)
        u16(body, s.delta);
    for (const auto& s : segments)
        u16(body, s.rangeOffset);
    for (unsigned g : glyphIds)
        u16(body, g);
    body[2] = static_cast<char>(body.size() >> 8);
    body[3] = static_cast<char>(body.size() & 0xFF);
    return body;
}

struct Group {
    std::uint32_t first, last, glyph;
};

std::string format12(const std::vector<Group>& groups, unsigned format = 12) {
    std::string body;
    u16(body, format);
    u16(body, 0);
    u32(body, static_cast<std::uint32_t>(16 + groups.size() * 12));
    u32(body, 0);
    u32(body, static_cast<std::uint32_t>(groups.size()));
    for (const auto& g : groups) {
        u32(body, g.first);
        u32(body, g.last);
        u32(body, g.glyph);
    }
    return body;
}

struct Subtable {
    unsigned platform, encoding;
    std::string body;
};

std::string cmapTable(const std::vector<Subtable>& subtables) {
    std::string out;
    u16(out, 0);
    u16(out, static_cast<unsigned>(subtables.size()));
    std::uint32_t offset = 4 + 8 * static_cast<std::uint32_t>(subtables.size());
    for (const auto& s : subtables) {
        u16(out, s.platform);
        u16(out, s.encoding);
        u32(out, offset);
        offset += static_cast<std::uint32_t>(s.body.size());
    }
    for (const auto& s : subtables)
        out += s.body;
    return out;
}

// One face: the table directory (at `base` within its file) and head, hhea, maxp, cmap.
std::string face(const std::string& cmap, unsigned glyphs, std::uint32_t base = 0) {
    std::string head(54, '\0'), hhea(36, '\0'), maxp;
    head[18] = 0x04; // unitsPerEm 1024
    hhea[4] = 0x03;  // ascender 0x0320 = 800
    hhea[5] = 0x20;
    hhea[6] = static_cast<char>(0xFF); // descender -200 = 0xFF38
    hhea[7] = 0x38;
    u32(maxp, 0x00005000);
    u16(maxp, glyphs);
    const std::vector<std::pair<std::string, std::string>> tables = {
        {"cmap", cmap}, {"head", head}, {"hhea", hhea}, {"maxp", maxp}};
    std::string out;
    u32(out, 0x00010000);
    u16(out, static_cast<unsigned>(tables.size()));
    u16(out, 0);
    u16(out, 0);
    u16(out, 0);
    std::uint32_t offset = base + 12 + 16 * static_cast<std::uint32_t>(tables.size());
    std::string data;
    for (const auto& [tag, bytes] : tables) {
        out += tag;
        u32(out, 0);
        u32(out, offset + static_cast<std::uint32_t>(data.size()));
        u32(out, static_cast<std::uint32_t>(bytes.size()));
        data += bytes;
        while (data.size() % 4)
            data += '\0';
    }
    return out + data;
}

class FontFiles : public testing::Test {
  protected:
    fs::path write(const std::string& name, const std::string& bytes) {
        const fs::path path = m_dir.path() / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    test::TempDir m_dir{"lantai-fonts"};
};

// ---- the reader ---------------------------------------------------------------------------

TEST(CodePointSet, MergesOverlappingAndAdjacentRanges) {
    const CodePointSet set({{0x30, 0x39}, {0x20, 0x20}, {0x35, 0x41}, {0x42, 0x42}, {0x50, 0x4F}});
    EXPECT_EQ(set.ranges(), (std::vector<CodePointSet::Range>{{0x20, 0x20}, {0x30, 0x42}}));
    EXPECT_EQ(set.size(), 20u);
    EXPECT_TRUE(set.contains(0x20));
    EXPECT_FALSE(set.contains(0x21));
    EXPECT_TRUE(set.contains(0x42));
    EXPECT_FALSE(set.contains(0x43));
    EXPECT_FALSE(CodePointSet().contains(0));
}

TEST_F(FontFiles, ReadsFormat4WithDeltasAndGlyphIdArray) {
    // 'A'..'C' -> glyphs 1..3 by delta; 'a'..'c' through glyphIdArray [5, 0, 6] (b has none);
    // U+4E2D -> glyph 9 (past the face's 8 glyphs: no glyph); the final 0xFFFF segment.
    const std::string cmap = cmapTable({{3, 1,
                                         format4({{0x41, 0x43, 0x10000 - 0x40, 0},
                                                  {0x61, 0x63, 0, 6},
                                                  {0x4E2D, 0x4E2D, 0x10000 - 0x4E2D + 9, 0},
                                                  {0xFFFF, 0xFFFF, 1, 0}},
                                                 {5, 0, 6})}});
    const auto font = readFontFace(write("f4.ttf", face(cmap, 8)));
    ASSERT_TRUE(font) << font.error().message;
    EXPECT_EQ(font->coverage.ranges(),
              (std::vector<CodePointSet::Range>{{'A', 'C'}, {'a', 'a'}, {'c', 'c'}}));
    EXPECT_EQ(font->unitsPerEm, 1024);
    EXPECT_EQ(font->ascender, 800);
    EXPECT_EQ(font->descender, -200);
    EXPECT_EQ(font->glyphCount, 8);
    EXPECT_EQ(font->faceCount, 1);
}

TEST_F(FontFiles, PrefersTheUcs4SubtableAsFreeTypeDoes) {
    // A BMP-only (3,1) subtable after the (3,10) one: FreeType takes (3,10) for Unicode.
    const std::string cmap = cmapTable(
        {{3, 10, format12({{0x41, 0x41, 1}, {0x20000, 0x20002, 2}, {0x1F600, 0x1F600, 0}})},
         {3, 1, format4({{0x42, 0x42, 0x10000 - 0x41, 0}, {0xFFFF, 0xFFFF, 1, 0}}, {})},
         {1, 0, format4({{0x43, 0x43, 0x10000 - 0x42, 0}, {0xFFFF, 0xFFFF, 1, 0}}, {})}});
    const auto font = readFontFace(write("f12.ttf", face(cmap, 5)));
    ASSERT_TRUE(font) << font.error().message;
    // U+1F600 maps to glyph 0; U+20002 to glyph 4; nothing from the other subtables.
    EXPECT_EQ(font->coverage.ranges(),
              (std::vector<CodePointSet::Range>{{0x41, 0x41}, {0x20000, 0x20002}}));
}

TEST_F(FontFiles, Format12GroupsPastTheGlyphCountAreCut) {
    const std::string cmap =
        cmapTable({{0, 4, format12({{0x100, 0x1FF, 0}, {0x30000, 0x30009, 5}})}});
    const auto font = readFontFace(write("cut.ttf", face(cmap, 8)));
    ASSERT_TRUE(font) << font.error().message;
    // 0x100 -> glyph 0 (none), 0x101..0x107 -> 1..7; 0x30000..0x30002 -> 5..7.
    EXPECT_EQ(font->coverage.ranges(),
              (std::vector<CodePointSet::Range>{{0x101, 0x107}, {0x30000, 0x30002}}));
}

TEST_F(FontFiles, Format13MapsAGroupToOneGlyph) {
    const std::string cmap =
        cmapTable({{3, 10, format12({{0x3400, 0x4DBF, 3}, {0x50, 0x60, 0}}, 13)}});
    const auto font = readFontFace(write("f13.ttf", face(cmap, 4)));
    ASSERT_TRUE(font) << font.error().message;
    EXPECT_EQ(font->coverage.ranges(), (std::vector<CodePointSet::Range>{{0x3400, 0x4DBF}}));
}

TEST_F(FontFiles, ReadsTheAskedFaceOfACollection) {
    const std::string first = cmapTable({{3, 1, format4({{0x41, 0x41, 0x10000 - 0x40, 0}}, {})}});
    const std::string second = cmapTable({{3, 10, format12({{0x20000, 0x20000, 1}})}});
    std::string header = "ttcf";
    u32(header, 0x00010000);
    u32(header, 2);
    const std::uint32_t faceA = 20;
    const std::string a = face(first, 2, faceA);
    const auto faceB = static_cast<std::uint32_t>(faceA + a.size());
    u32(header, faceA);
    u32(header, faceB);
    const fs::path ttc = write("two.ttc", header + a + face(second, 2, faceB));
    const auto zero = readFontFace(ttc, 0);
    const auto one = readFontFace(ttc, 1);
    ASSERT_TRUE(zero) << zero.error().message;
    ASSERT_TRUE(one) << one.error().message;
    EXPECT_EQ(zero->faceCount, 2);
    EXPECT_TRUE(zero->coverage.contains(0x41));
    EXPECT_FALSE(zero->coverage.contains(0x20000));
    EXPECT_TRUE(one->coverage.contains(0x20000));
    const auto two = readFontFace(ttc, 2);
    ASSERT_FALSE(two);
    EXPECT_EQ(two.error().code, "font.unreadable");
    EXPECT_NE(two.error().message.find("2 faces"), std::string::npos) << two.error().message;
}

TEST_F(FontFiles, DamagedFilesAreErrorsNamingTheFileAndTheProblem) {
    const std::string good = face(cmapTable({{3, 1, format4({{0x41, 0x41, 1, 0}}, {})}}), 2);
    struct Case {
        const char* name;
        std::string bytes;
        const char* says;
    };
    std::string noUnicode = face(cmapTable({{1, 0, format4({{0x41, 0x41, 1, 0}}, {})}}), 2);
    std::string badFormat = face(cmapTable({{3, 1, std::string("\0\6\0\0", 4)}}), 2);
    std::string noCmap = good;
    noCmap.replace(12, 4, "CMAP");
    const std::vector<Case> cases = {
        {"empty.ttf", "", "too short"},
        {"text.ttf", "This is a text file, not a font.\n", "not a TrueType or OpenType font"},
        {"cut.ttf", good.substr(0, 60), "cut short"},
        {"nocmap.ttf", noCmap, "no 'cmap' table"},
        {"latin1.ttf", noUnicode, "no Unicode character map"},
        {"format6.ttf", badFormat, "no Unicode character map"},
    };
    for (const auto& c : cases) {
        const fs::path path = write(c.name, c.bytes);
        const auto font = readFontFace(path);
        ASSERT_FALSE(font) << c.name;
        EXPECT_EQ(font.error().code, "font.unreadable") << c.name;
        EXPECT_NE(font.error().message.find(path.string()), std::string::npos) << c.name;
        EXPECT_NE(font.error().message.find(c.says), std::string::npos)
            << c.name << ": " << font.error().message;
        EXPECT_FALSE(font.error().messageZh.empty());
    }
    const auto missing = readFontFace(m_dir.path() / "none.ttf");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, "file.missing");
    const auto folder = readFontFace(m_dir.path());
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.error().code, "file.not_regular");
}

// ---- the kiosk's fonts --------------------------------------------------------------------

TEST(KioskFonts, ListsTheFontsInFallbackOrderWithTheirPackages) {
    const auto specs = kioskFontSpecs();
    ASSERT_EQ(specs.size(), 5u);
    EXPECT_EQ(specs[0].name, "Noto Sans CJK SC");
    EXPECT_EQ(specs[0].debianPackage, "fonts-noto-cjk");
    EXPECT_EQ(specs[0].faceIndex, 2);
    EXPECT_EQ(specs[1].debianPackage, "fonts-symbola");
    EXPECT_EQ(specs[2].debianPackage, "fonts-hanazono");
    EXPECT_EQ(specs[3].debianPackage, "fonts-hanazono");
    EXPECT_EQ(specs[4].debianPackage, "fonts-babelstone-han");
}

TEST(KioskFonts, FontDirsComeFromTheEnvironment) {
    ::setenv("LANTAI_FONT_DIRS", "/a:/b/c::", 1);
    EXPECT_EQ(kioskFontRoots(), (std::vector<fs::path>{"/a", "/b/c"}));
    ::setenv("LANTAI_FONT_DIRS", "", 1);
    EXPECT_EQ(kioskFontRoots(), (std::vector<fs::path>{"/usr/share/fonts"}));
    ::unsetenv("LANTAI_FONT_DIRS");
    EXPECT_EQ(kioskFontRoots(), (std::vector<fs::path>{"/usr/share/fonts"}));
}

TEST(KioskFonts, InvisibleCharacters) {
    for (char32_t cp :
         {U'\n', U'\u200D', U'\u200B', U'\uFE0F', U'\uFEFF', U'\U000E0100', U'\u2060'})
        EXPECT_TRUE(isInvisibleCharacter(cp)) << std::hex << static_cast<unsigned>(cp);
    for (char32_t cp : {U' ', U'A', U'中', U'\U00020000', U'\U0001F600', U'\uE000'})
        EXPECT_FALSE(isInvisibleCharacter(cp)) << std::hex << static_cast<unsigned>(cp);
}

TEST(KioskFonts, NothingInstalledInAnEmptyFolder) {
    test::TempDir empty("lantai-no-fonts");
    const auto set = KioskFontSet::locate({empty.path()});
    EXPECT_TRUE(set.fonts().empty());
    EXPECT_FALSE(set.complete());
    ASSERT_EQ(set.unavailable().size(), 5u);
    for (const auto& u : set.unavailable())
        EXPECT_TRUE(u.unreadable.empty()) << "not installed, not unreadable";
    EXPECT_EQ(set.roots(), std::vector<fs::path>{empty.path()});
    EXPECT_EQ(set.fontFor(U'A'), -1);
    EXPECT_FALSE(set.canDraw(U'A'));
    EXPECT_TRUE(set.canDraw(U'\uFE0F')); // invisible: nothing to draw
}

// deploy/install-deps.sh installs the kiosk's fonts; these tests read the real files.
class InstalledKioskFonts : public testing::Test {
  protected:
    static void SetUpTestSuite() { s_set = new KioskFontSet(KioskFontSet::locate()); }
    static void TearDownTestSuite() { delete s_set; }
    void SetUp() override {
        std::string missing;
        for (const auto& u : s_set->unavailable())
            missing += " " + std::string(u.spec->debianPackage) + " " + u.unreadable;
        ASSERT_TRUE(s_set->complete()) << "fonts missing (run deploy/install-deps.sh):" << missing;
    }
    static std::string drawnBy(char32_t cp) {
        const int k = s_set->fontFor(cp);
        return k < 0 ? "" : std::string(s_set->fonts()[static_cast<std::size_t>(k)].spec->name);
    }
    static KioskFontSet* s_set;
};
KioskFontSet* InstalledKioskFonts::s_set = nullptr;

TEST_F(InstalledKioskFonts, EachCharacterComesFromTheFirstFontThatHasIt) {
    EXPECT_EQ(drawnBy(U'A'), "Noto Sans CJK SC");          // Basic Latin
    EXPECT_EQ(drawnBy(U'档'), "Noto Sans CJK SC");         // a common hanzi
    EXPECT_EQ(drawnBy(U'\u3400'), "Noto Sans CJK SC");     // 㐀 Extension A
    EXPECT_EQ(drawnBy(U'\u0159'), "Symbola");              // ř: Noto Sans CJK lacks it
    EXPECT_EQ(drawnBy(U'\U0001F600'), "Symbola");          // 😀 an emoji, in monochrome
    EXPECT_EQ(drawnBy(U'\U00020000'), "HanaMinA");         // 𠀀 Extension B
    EXPECT_EQ(drawnBy(U'\U00021484'), "HanaMinB");         // 𡒄 a rare name character, Ext. B
    EXPECT_EQ(drawnBy(U'\U0002CEB0'), "HanaMinB");         // Extension F
    EXPECT_EQ(drawnBy(U'\U00030000'), "BabelStone Han");   // Extension G
    EXPECT_EQ(drawnBy(U'\U00030EDE'), "Noto Sans CJK SC"); // 𰻞 (biang): Noto has it
    // Private use: never drawn, although BabelStone Han has glyphs at U+E000.
    EXPECT_TRUE(s_set->fonts().back().face.coverage.contains(0xE000));
    EXPECT_EQ(drawnBy(U'\uE000'), "");
    EXPECT_FALSE(s_set->canDraw(U'\uE000'));
    EXPECT_FALSE(s_set->canDraw(U'\U000F0000'));
    EXPECT_FALSE(s_set->canDraw(U'\U0010FFFD'));
}

TEST_F(InstalledKioskFonts, FacesCarryTheirMetrics) {
    for (const auto& f : s_set->fonts()) {
        EXPECT_GT(f.face.unitsPerEm, 0) << f.spec->name;
        EXPECT_GT(f.face.ascender, 0) << f.spec->name;
        EXPECT_LT(f.face.descender, 0) << f.spec->name;
        EXPECT_GT(f.face.coverage.size(), 5000u) << f.spec->name;
    }
    const auto& noto = s_set->fonts().front();
    EXPECT_EQ(noto.face.faceCount, 10); // NotoSansCJK-Regular.ttc: JP KR SC TC HK, sans and mono
    EXPECT_FALSE(noto.bold.empty());
}

} // namespace
} // namespace lantai::core
