// tests: the glyph check of a pack's texts against the kiosk's fonts (text.glyph_missing with the
// owner and field, text.glyphs_unchecked without the fonts), and the texts it walks
#include "core/i18n/pack_glyphs.h"
#include "core/pack/charset.h"
#include "tests/unit/support/temp_dir.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

const fs::path kPacks = LANTAI_TEST_PACKS_DIR;

// valid-minimal with `title` as its item's Chinese title.
PackLoadResult minimalWithTitle(const std::string& title) {
    auto result = loadPack(kPacks / "valid-minimal");
    EXPECT_TRUE(result.ok());
    result.pack.exhibitions[0].chapters[0].items[0].title.zh = title;
    return result;
}

std::vector<Diagnostic> withCode(const Diagnostics& diagnostics, const std::string& code) {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics.items())
        if (d.code == code) out.push_back(d);
    return out;
}

class PackGlyphs : public testing::Test {
  protected:
    static void SetUpTestSuite() { s_fonts = new KioskFontSet(KioskFontSet::locate()); }
    static void TearDownTestSuite() { delete s_fonts; }
    void SetUp() override {
        ASSERT_TRUE(s_fonts->complete()) << "the kiosk's fonts are not installed "
                                            "(deploy/install-deps.sh)";
    }
    static KioskFontSet* s_fonts;
};
KioskFontSet* PackGlyphs::s_fonts = nullptr;

TEST_F(PackGlyphs, RareCharactersAndEmojiThatAFontHasAreNotReported) {
    // Extension B (𠀀 HanaMinA, 𡒄 HanaMinB), Extension G, emoji with a variation selector, an
    // ideographic variation sequence (葛 + U+E0100), a zero-width joiner sequence.
    auto loaded = minimalWithTitle("𡒄𠀀\U00030000先生 ❤️ 葛\U000E0100 👨\u200D👩");
    Diagnostics diagnostics;
    checkPackGlyphs(loaded.pack, *s_fonts, diagnostics, &loaded.documents);
    EXPECT_TRUE(diagnostics.empty()) << (diagnostics.empty() ? "" : diagnostics.items()[0].message);
}

TEST_F(PackGlyphs, NamesTheItemTheFieldAndTheCharacters) {
    auto loaded = minimalWithTitle("张\uE000\uE001先生\uE000的信 \U000F0001");
    Diagnostics diagnostics;
    checkPackGlyphs(loaded.pack, *s_fonts, diagnostics, &loaded.documents);
    const auto missing = withCode(diagnostics, "text.glyph_missing");
    ASSERT_EQ(missing.size(), 1u);
    const Diagnostic& d = missing[0];
    EXPECT_EQ(d.severity, Severity::Warning);
    EXPECT_EQ(d.file, "pack.json");
    EXPECT_EQ(d.pointer, "/exhibitions/0/chapters/0/items/0/title/zh");
    EXPECT_EQ(d.line, 34); // valid-minimal's pack.json: the item title's line
    EXPECT_NE(d.message.find("title/zh of item \"letter-1931\""), std::string::npos) << d.message;
    // Each character once, in order of appearance, by its code point.
    EXPECT_NE(d.message.find("U+E000, U+E001, U+F0001."), std::string::npos) << d.message;
    EXPECT_NE(d.messageZh.find("展品 \"letter-1931\" 的 title/zh"), std::string::npos)
        << d.messageZh;
}

TEST_F(PackGlyphs, EveryKindOfTextIsChecked) {
    auto loaded = loadPack(kPacks / "valid-minimal");
    ASSERT_TRUE(loaded.ok());
    Pack& pack = loaded.pack;
    const std::string pua = "\uE123";
    pack.organiser.en += pua;
    auto& item = pack.exhibitions[0].chapters[0].items[0];
    item.images[0].alt.zh += pua;
    item.tags = {"ok", "tag" + pua};
    item.reference += pua;
    auto& question = pack.quizBanks[0].questions[0];
    question.options[1].text.en += pua;
    Diagnostics diagnostics;
    checkPackGlyphs(pack, *s_fonts, diagnostics, &loaded.documents);
    std::map<std::string, std::string> where; // pointer -> file
    for (const auto& d : withCode(diagnostics, "text.glyph_missing"))
        where[d.pointer] = d.file;
    EXPECT_EQ(where, (std::map<std::string, std::string>{
                         {"/organiser/en", "pack.json"},
                         {"/exhibitions/0/chapters/0/items/0/images/0/alt/zh", "pack.json"},
                         {"/exhibitions/0/chapters/0/items/0/tags/1", "pack.json"},
                         {"/exhibitions/0/chapters/0/items/0/reference", "pack.json"},
                         {"/questions/0/options/1/text/en", "quiz/basics.json"},
                     }));
}

TEST(PackGlyphsWithoutFonts, SaysOnceWhatCannotBeCheckedAndWhy) {
    test::TempDir empty("lantai-no-fonts");
    const auto fonts = KioskFontSet::locate({empty.path()});
    auto loaded = minimalWithTitle("𡒄先生的信\uE000");
    Diagnostics diagnostics;
    checkPackGlyphs(loaded.pack, fonts, diagnostics, &loaded.documents);
    const auto unchecked = withCode(diagnostics, "text.glyphs_unchecked");
    ASSERT_EQ(unchecked.size(), 1u);
    const Diagnostic& d = unchecked[0];
    EXPECT_EQ(d.severity, Severity::Warning);
    EXPECT_EQ(d.file, "pack.json");
    for (const char* words : {"fonts-noto-cjk", "fonts-symbola", "fonts-hanazono",
                              "fonts-babelstone-han", "NotoSansCJK-Regular.ttc", "not installed"})
        EXPECT_NE(d.message.find(words), std::string::npos) << words << ": " << d.message;
    EXPECT_NE(d.message.find(empty.path().string()), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("U+21484"), std::string::npos) << "an example, not ASCII";
    // Private use is certain without any font.
    const auto missing = withCode(diagnostics, "text.glyph_missing");
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_NE(missing[0].message.find("U+E000"), std::string::npos);
    EXPECT_EQ(missing[0].message.find("U+21484"), std::string::npos);
}

TEST(PackGlyphsWithoutFonts, OneMissingFallbackLeavesOnlyItsCharactersUnchecked) {
    // Noto Sans CJK alone (a flat folder of links): Extension B cannot be checked, the rest can.
    test::TempDir dir("lantai-some-fonts");
    const auto all = KioskFontSet::locate();
    ASSERT_FALSE(all.fonts().empty());
    fs::create_symlink(all.fonts()[0].regular, dir.path() / all.fonts()[0].regular.filename());
    const auto fonts = KioskFontSet::locate({dir.path()});
    ASSERT_EQ(fonts.fonts().size(), 1u);
    auto loaded = minimalWithTitle("\U00021484先生的信");
    Diagnostics diagnostics;
    checkPackGlyphs(loaded.pack, fonts, diagnostics, &loaded.documents);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const Diagnostic& d = diagnostics.items()[0];
    EXPECT_EQ(d.code, "text.glyphs_unchecked");
    EXPECT_NE(d.message.find("draw 1 character of this pack"), std::string::npos) << d.message;
    EXPECT_EQ(d.message.find("fonts-noto-cjk"), std::string::npos) << "Noto is installed";
    EXPECT_NE(d.message.find("fonts-hanazono"), std::string::npos) << d.message;
}

TEST(PackTexts, ListsEveryVisitorFacingTextWithItsOwner) {
    const auto loaded = loadPack(kPacks / "valid-minimal");
    ASSERT_TRUE(loaded.ok());
    std::map<std::string, std::string> seen; // file + pointer -> kind id field
    forEachPackText(loaded.pack, [&](const PackText& t) {
        EXPECT_FALSE(t.text.empty());
        seen[t.at.file + t.at.pointer] =
            std::string(t.kind) + " " + std::string(t.id) + " " + t.field;
    });
    EXPECT_EQ(seen["pack.json/title/zh"], "pack  title/zh");
    EXPECT_EQ(seen["pack.json/exhibitions/0/chapters/0/items/0/caption/en"],
              "item letter-1931 caption/en");
    EXPECT_EQ(seen["pack.json/exhibitions/0/chapters/0/items/0/date"], "item letter-1931 date");
    EXPECT_EQ(seen["pack.json/exhibitions/0/chapters/0/title/zh"], "chapter early-years title/zh");
    EXPECT_EQ(seen["quiz/basics.json/title/en"], "quiz bank basics title/en");
    EXPECT_EQ(seen["quiz/basics.json/questions/0/explanation/zh"],
              "question letter-year explanation/zh");
    EXPECT_EQ(seen.count("pack.json/id"), 0u) << "ids are not visitor text";
}

} // namespace
} // namespace lantai::core
