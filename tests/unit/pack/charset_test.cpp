// tests: the pack's character set (derived/charset.txt) and the warning when that file is older
// than the pack's text
#include "core/base/file_io.h"
#include "core/pack/charset.h"
#include "core/pack/loader.h"
#include "tests/unit/support/temp_dir.h"

#include <gtest/gtest.h>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

const fs::path kPacks = LANTAI_TEST_PACKS_DIR;

class Charset : public testing::Test {
  protected:
    void SetUp() override {
        fs::copy(kPacks / "valid-minimal", m_dir.path() / "p", fs::copy_options::recursive);
        m_loaded = loadPack(m_dir.path() / "p");
        ASSERT_TRUE(m_loaded.ok());
    }
    fs::path charsetFile() const { return m_dir.path() / "p" / "derived" / "charset.txt"; }
    void writeCharset(const std::string& text) {
        fs::create_directories(charsetFile().parent_path());
        ASSERT_TRUE(writeFileAtomic(charsetFile(), text));
    }
    Diagnostics check() const {
        Diagnostics diagnostics;
        checkCharsetCurrent(m_loaded.pack, diagnostics);
        return diagnostics;
    }
    test::TempDir m_dir{"lantai-charset"};
    PackLoadResult m_loaded;
};

TEST_F(Charset, HoldsAsciiAndEveryCharacterOfThePacksText) {
    const auto characters = collectPackCharacters(m_loaded.pack);
    for (char32_t c : {U' ', U'~', U'一', U'信', U'档', U'J'})
        EXPECT_TRUE(characters.count(c)) << static_cast<unsigned>(c);
    EXPECT_FALSE(characters.count(U'\n'));
    const std::string utf8 = charactersToUtf8(characters);
    EXPECT_EQ(utf8.substr(0, 3), " !\"");
}

TEST_F(Charset, NothingToSayBeforeTheFirstBuildOrWhenCurrent) {
    EXPECT_TRUE(check().empty());
    writeCharset(charactersToUtf8(collectPackCharacters(m_loaded.pack)));
    EXPECT_TRUE(check().empty());
}

TEST_F(Charset, AnOlderCharsetNamesWhatItLacks) {
    writeCharset(charactersToUtf8(collectPackCharacters(m_loaded.pack)));
    m_loaded.pack.exhibitions[0].chapters[0].items[0].title.zh = "一九三一年的一封家书 \U00020000";
    const auto diagnostics = check();
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const Diagnostic& d = diagnostics.items()[0];
    EXPECT_EQ(d.code, "derived.charset_stale");
    EXPECT_EQ(d.severity, Severity::Warning);
    EXPECT_EQ(d.file, "derived/charset.txt");
    EXPECT_NE(d.message.find("lacks 2 characters"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("家 U+5BB6, 𠀀 U+20000"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("lantai build"), std::string::npos) << d.message;
    EXPECT_NE(d.messageZh.find("家 U+5BB6、𠀀 U+20000"), std::string::npos) << d.messageZh;
}

TEST_F(Charset, ContentsCountNotTimes) {
    // Text removed since the build: nothing is missing, but the file is not what a build writes.
    writeCharset(charactersToUtf8(collectPackCharacters(m_loaded.pack)) + "家");
    const auto diagnostics = check();
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].message.find("lacks"), std::string::npos);
}

TEST_F(Charset, AFolderInItsPlaceIsReported) {
    fs::create_directories(charsetFile());
    const auto diagnostics = check();
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, "derived.charset_stale");
    EXPECT_NE(diagnostics.items()[0].message.find("folder"), std::string::npos)
        << diagnostics.items()[0].message;
}

TEST(ListCharacters, ShowsCharactersWithTheirCodesAndCountsTheRest) {
    EXPECT_EQ(listCharacters({U'家', 0x20000, 0xE000, U' '}, false),
              "家 U+5BB6, 𠀀 U+20000, U+E000, U+0020");
    EXPECT_EQ(listCharacters({U'a', U'b', U'c'}, false, 2), "a U+0061, b U+0062 and 1 more");
    EXPECT_EQ(listCharacters({U'a', U'b', U'c'}, true, 2), "a U+0061、b U+0062 等 3 个");
}

} // namespace
} // namespace lantai::core
