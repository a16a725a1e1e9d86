// tests: pack validator — every broken pack under tests/packs/broken reports its expected
// diagnostic
#include "core/base/json_reader.h"
#include "core/i18n/pack_glyphs.h"
#include "core/pack/loader.h"
#include "core/pack/path_safety.h"
#include "core/pack/validator.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

const fs::path kPacks = LANTAI_TEST_PACKS_DIR;

struct Expectation {
    std::string name; // directory name under broken/
    std::string code;
    std::string severity;
    std::string file;
    std::string pointer;
    int line = 0; // 0 = not checked
};

std::vector<Expectation> brokenPacks() {
    std::vector<Expectation> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kPacks / "broken", ec)) {
        if (!entry.is_directory()) continue;
        std::ifstream in(entry.path() / "expect.json");
        const auto expect = nlohmann::json::parse(in, nullptr, false);
        Expectation e;
        e.name = entry.path().filename().string();
        if (expect.is_object()) {
            e.code = expect.value("code", "");
            e.severity = expect.value("severity", "");
            e.file = expect.value("file", "");
            e.pointer = expect.value("pointer", "");
            e.line = expect.value("line", 0);
        }
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += "  " + formatDiagnostic(d, false) + "\n";
    return out.empty() ? "  (none)\n" : out;
}

std::string paramName(const testing::TestParamInfo<Expectation>& info) {
    std::string name = info.param.name;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

// What `lantai validate` reports: the pack's own checks, then its characters against the
// kiosk's fonts (deploy/install-deps.sh installs them).
PackLoadResult validateLikeTheCli(const fs::path& dir) {
    static const KioskFontSet fonts = KioskFontSet::locate();
    auto result = loadAndValidatePack(dir);
    if (result.parsed) checkPackGlyphs(result.pack, fonts, result.diagnostics, &result.documents);
    return result;
}

class BrokenPack : public testing::TestWithParam<Expectation> {};

TEST_P(BrokenPack, ReportsExpectedDiagnostic) {
    const Expectation& e = GetParam();
    ASSERT_FALSE(e.code.empty()) << "broken/" << e.name << "/expect.json is missing or has no code";
    const auto result = validateLikeTheCli(kPacks / "broken" / e.name);
    const auto& items = result.diagnostics.items();
    const bool found = std::any_of(items.begin(), items.end(), [&](const Diagnostic& d) {
        return d.code == e.code && severityName(d.severity) == e.severity && d.file == e.file &&
               d.pointer == e.pointer && (e.line == 0 || d.line == e.line);
    });
    EXPECT_TRUE(found) << "expected " << e.severity << " [" << e.code << "] in " << e.file
                       << " at \"" << e.pointer << "\""
                       << (e.line ? " line " + std::to_string(e.line) : std::string()) << "\ngot:\n"
                       << listDiagnostics(result.diagnostics);
}

TEST_P(BrokenPack, SeverityDecidesWhetherThePackIsShown) {
    const Expectation& e = GetParam();
    const auto result = validateLikeTheCli(kPacks / "broken" / e.name);
    if (e.severity == "error") {
        EXPECT_TRUE(result.diagnostics.hasErrors()) << listDiagnostics(result.diagnostics);
        EXPECT_FALSE(result.ok());
    } else {
        // Warning-only packs are still shown by the kiosk (and `lantai validate` exits 0).
        EXPECT_FALSE(result.diagnostics.hasErrors()) << listDiagnostics(result.diagnostics);
        EXPECT_TRUE(result.ok());
    }
}

TEST_P(BrokenPack, OneMutationGivesOneKindOfProblem) {
    // The generator changes one thing per pack; anything else reported means the pack (or a
    // check) drifted. Keeps the table meaningful.
    const Expectation& e = GetParam();
    const auto result = validateLikeTheCli(kPacks / "broken" / e.name);
    for (const auto& d : result.diagnostics.items())
        EXPECT_EQ(d.code, e.code) << "unexpected extra diagnostic:\n  "
                                  << formatDiagnostic(d, false);
}

TEST_P(BrokenPack, LoadingNeverThrows) {
    const fs::path dir = kPacks / "broken" / GetParam().name;
    EXPECT_NO_THROW({
        auto loaded = loadPack(dir);
        validatePack(loaded.pack, loaded.diagnostics, &loaded.documents);
        validatePack(loaded.pack, loaded.diagnostics, nullptr);
    });
    EXPECT_NO_THROW(loadAndValidatePack(dir));
}

TEST_P(BrokenPack, DiagnosticsCarryBothLanguages) {
    const auto result = validateLikeTheCli(kPacks / "broken" / GetParam().name);
    for (const auto& d : result.diagnostics.items()) {
        EXPECT_FALSE(d.message.empty()) << d.code;
        EXPECT_FALSE(d.messageZh.empty()) << d.code;
        EXPECT_FALSE(d.file.empty()) << d.code;
    }
}

INSTANTIATE_TEST_SUITE_P(Packs, BrokenPack, testing::ValuesIn(brokenPacks()), paramName);

TEST(BrokenPacks, EveryDiagnosticCodeInFormatMdHasABrokenPack) {
    std::ifstream in(fs::path(LANTAI_SOURCE_DIR) / "content" / "FORMAT.md");
    ASSERT_TRUE(in) << "content/FORMAT.md not found";
    std::set<std::string> documented;
    std::string line;
    bool inValidation = false;
    while (std::getline(in, line)) {
        if (line.starts_with("## ")) inValidation = line == "## Validation";
        if (!inValidation || !line.starts_with("| `")) continue;
        const auto end = line.find('`', 3);
        documented.insert(line.substr(3, end - 3));
    }
    ASSERT_GT(documented.size(), 20u);
    std::set<std::string> covered;
    for (const auto& e : brokenPacks())
        covered.insert(e.code);
    // format.version_migrated cannot happen yet: version 1 is the first format version.
    documented.erase("format.version_migrated");
    for (const auto& code : documented)
        EXPECT_TRUE(covered.count(code)) << "no tests/packs/broken pack for " << code;
    for (const auto& code : covered)
        EXPECT_TRUE(documented.count(code)) << code << " is not in FORMAT.md's table";
}

TEST(ValidMinimal, HasNoDiagnostics) {
    const auto result = validateLikeTheCli(kPacks / "valid-minimal");
    EXPECT_TRUE(result.parsed);
    EXPECT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.empty()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.pack.itemCount(), 1u);
    EXPECT_EQ(result.pack.questionCount(), 2u);
    ASSERT_EQ(result.pack.exhibitions.size(), 1u);
    EXPECT_EQ(result.pack.exhibitions[0].chapters.size(), 1u);
}

TEST(Validator, EmptyPathIsAnError) {
    // An empty "file" used to pass: the validator skips empty paths as "already reported".
    const std::string text = R"({"format_version": 1, "id": "p", "title": {"zh": "题", "en": "T"},
      "organiser": {"zh": "馆", "en": "A"},
      "exhibitions": [{"id": "e", "title": {"zh": "展", "en": "E"}, "chapters": [{"id": "c",
        "title": {"zh": "章", "en": "C"}, "items": [{"id": "i", "title": {"zh": "件", "en": "I"},
        "images": [{"file": "", "alt": {"zh": "图", "en": "Img"}}]}]}]}],
      "videos": [{"id": "v", "title": {"zh": "片", "en": "V"}, "file": "", "poster": ""}]})";
    auto result = loadPackFromText(text, kPacks / "valid-minimal");
    validatePack(result.pack, result.diagnostics, &result.documents);
    std::set<std::string> pointers;
    for (const auto& d : result.diagnostics.items())
        if (d.code == "schema.value") pointers.insert(d.pointer);
    EXPECT_TRUE(pointers.count("/exhibitions/0/chapters/0/items/0/images/0/file"))
        << listDiagnostics(result.diagnostics);
    EXPECT_TRUE(pointers.count("/videos/0/file")) << listDiagnostics(result.diagnostics);
    EXPECT_TRUE(pointers.count("/videos/0/poster")) << listDiagnostics(result.diagnostics);
}

TEST(Validator, PosterProblemsPointAtThePosterMember) {
    const std::string text = R"({"format_version": 1, "id": "p", "title": {"zh": "题", "en": "T"},
      "organiser": {"zh": "馆", "en": "A"},
      "exhibitions": [{"id": "e", "title": {"zh": "展", "en": "E"}, "chapters": [{"id": "c",
        "title": {"zh": "章", "en": "C"}, "items": []}]}],
      "videos": [{"id": "v", "title": {"zh": "片", "en": "V"}, "file": "images/letter.png",
        "poster": "images/none.png"}]})";
    auto result = loadPackFromText(text, kPacks / "valid-minimal");
    validatePack(result.pack, result.diagnostics, &result.documents);
    bool found = false;
    for (const auto& d : result.diagnostics.items())
        if (d.code == "asset.missing") {
            EXPECT_EQ(d.pointer, "/videos/0/poster");
            EXPECT_EQ(d.line, 6);
            found = true;
        }
    EXPECT_TRUE(found) << listDiagnostics(result.diagnostics);
    // The PNG given as the video file is not a video.
    EXPECT_TRUE(result.diagnostics.hasCode("asset.type_mismatch"));
}

TEST(Validator, DatesOfTheBoothNeedFullDatesInOrder) {
    auto check = [](const std::string& start, const std::string& end) {
        const std::string text =
            R"({"format_version": 1, "id": "p", "title": {"zh": "题", "en": "T"},
          "organiser": {"zh": "馆", "en": "A"}, "dates": {"start": ")" +
            start + R"(", "end": ")" + end + R"("},
          "exhibitions": [{"id": "e", "title": {"zh": "展", "en": "E"}, "chapters": [{"id": "c",
            "title": {"zh": "章", "en": "C"}, "items": []}]}]})";
        auto result = loadPackFromText(text, kPacks / "valid-minimal");
        validatePack(result.pack, result.diagnostics, &result.documents);
        std::vector<std::string> out;
        for (const auto& d : result.diagnostics.items())
            if (d.code == "date.invalid") out.push_back(d.pointer);
        return out;
    };
    EXPECT_TRUE(check("2024-06-09", "2024-06-09").empty());
    EXPECT_EQ(check("2024-06-10", "2024-06-09"), std::vector<std::string>{"/dates/end"});
    EXPECT_EQ(check("2024-06", "2024-06-09"), std::vector<std::string>{"/dates/start"});
    EXPECT_EQ(check("2024-06-09", "2023-02-29"), std::vector<std::string>{"/dates/end"});
}

// ---- isPartialIsoDate ---------------------------------------------------------------------

TEST(IsPartialIsoDate, AcceptsYearMonthAndDay) {
    EXPECT_TRUE(isPartialIsoDate("1931"));
    EXPECT_TRUE(isPartialIsoDate("0001"));
    EXPECT_TRUE(isPartialIsoDate("1931-05"));
    EXPECT_TRUE(isPartialIsoDate("1931-12"));
    EXPECT_TRUE(isPartialIsoDate("1931-05-31"));
    EXPECT_TRUE(isPartialIsoDate("2024-02-29")); // leap year
    EXPECT_TRUE(isPartialIsoDate("2000-02-29")); // divisible by 400
}

TEST(IsPartialIsoDate, RejectsImpossibleAndMalformedDates) {
    for (const char* bad : {"",
                            "193",
                            "19311",
                            "1931-5",
                            "1931-00",
                            "1931-13",
                            "1931-05-00",
                            "1931-04-31",
                            "1931-02-29",
                            "1900-02-29",
                            "2024-02-30",
                            "1931/05/01",
                            "1931-05-01T00:00",
                            "abcd",
                            "1931-ab",
                            "1931-05-1a",
                            " 1931",
                            "1931-05-01 ",
                            "-931",
                            "+1931"})
        EXPECT_FALSE(isPartialIsoDate(bad)) << '"' << bad << '"';
}

// ---- isValidId ----------------------------------------------------------------------------

TEST(IsValidId, AcceptsLowerCaseDigitsDashUnderscore) {
    EXPECT_TRUE(isValidId("a"));
    EXPECT_TRUE(isValidId("0"));
    EXPECT_TRUE(isValidId("letter-1931_a"));
    EXPECT_TRUE(isValidId("9-to-5"));
    EXPECT_TRUE(isValidId(std::string(64, 'x')));
}

TEST(IsValidId, RejectsEverythingElse) {
    for (const std::string& bad :
         {std::string(), std::string("-a"), std::string("_a"), std::string("A"), std::string("aB"),
          std::string("a b"), std::string("a.b"), std::string("a/b"), std::string("档案"),
          std::string("a\n"), std::string(65, 'x')})
        EXPECT_FALSE(isValidId(bad)) << '"' << bad << '"';
}

// ---- validatePackPath ---------------------------------------------------------------------

class PackPathTest : public testing::Test {
  protected:
    void SetUp() override {
        m_base = fs::temp_directory_path() / ("lantai-path-test-" + std::to_string(::getpid()));
        fs::remove_all(m_base);
        m_root = m_base / "pack";
        fs::create_directories(m_root / "images");
        fs::create_directories(m_base / "outside");
        std::ofstream(m_root / "images" / "a.png") << "x";
        std::ofstream(m_base / "outside" / "secret.png") << "x";
    }
    void TearDown() override { fs::remove_all(m_base); }

    bool safe(const std::string& path) const { return !validatePackPath(m_root, path).has_value(); }

    fs::path m_base;
    fs::path m_root;
};

TEST_F(PackPathTest, PlainRelativePathsAreSafe) {
    EXPECT_TRUE(safe("images/a.png"));
    EXPECT_TRUE(safe("images/not-there-yet.png")); // existence is a separate check
    EXPECT_TRUE(safe("a.png"));
    EXPECT_TRUE(safe("images/..a.png")); // only a whole ".." segment is special
    EXPECT_TRUE(safe("图像/信.png"));
}

TEST_F(PackPathTest, AbsolutePathsAreUnsafe) {
    EXPECT_FALSE(safe("/etc/hostname"));
    EXPECT_FALSE(safe((m_root / "images/a.png").string())); // absolute even when inside the pack
    EXPECT_FALSE(safe("C:/images/a.png"));
}

TEST_F(PackPathTest, DotDotSegmentsAreUnsafe) {
    EXPECT_FALSE(safe(".."));
    EXPECT_FALSE(safe("../outside/secret.png"));
    EXPECT_FALSE(safe("images/../../outside/secret.png"));
    EXPECT_FALSE(safe("images/../images/a.png")); // stays inside, but ".." is never allowed
    EXPECT_FALSE(safe("images/.."));
}

TEST_F(PackPathTest, BackslashesAreUnsafe) {
    EXPECT_FALSE(safe("images\\a.png"));
    EXPECT_FALSE(safe("..\\outside\\secret.png"));
}

TEST_F(PackPathTest, DotAndEmptySegmentsAreUnsafe) {
    EXPECT_FALSE(safe(""));
    EXPECT_FALSE(safe("./images/a.png"));
    EXPECT_FALSE(safe("images/./a.png"));
    EXPECT_FALSE(safe("."));
    EXPECT_FALSE(safe("images//a.png"));
    EXPECT_FALSE(safe("images/"));
    EXPECT_FALSE(safe(std::string("images/a.png\0x", 14)));
}

TEST_F(PackPathTest, SymlinkLeavingThePackIsUnsafe) {
    fs::create_symlink(m_base / "outside" / "secret.png", m_root / "images" / "abs-link.png");
    fs::create_symlink("../../outside/secret.png", m_root / "images" / "rel-link.png");
    fs::create_directory_symlink(m_base / "outside", m_root / "linked-dir");
    EXPECT_FALSE(safe("images/abs-link.png"));
    EXPECT_FALSE(safe("images/rel-link.png"));
    EXPECT_FALSE(safe("linked-dir/secret.png"));
    EXPECT_FALSE(safe("linked-dir/not-there.png"));
    const auto problem = validatePackPath(m_root, "images/rel-link.png");
    ASSERT_TRUE(problem.has_value());
    EXPECT_NE(problem->message.find("symbolic link"), std::string::npos) << problem->message;
    EXPECT_FALSE(problem->messageZh.empty());
}

TEST_F(PackPathTest, SymlinkStayingInsideIsSafe) {
    fs::create_symlink("a.png", m_root / "images" / "alias.png");
    fs::create_directories(m_root / "scans");
    fs::create_directory_symlink("../images", m_root / "scans" / "images");
    EXPECT_TRUE(safe("images/alias.png"));
    EXPECT_TRUE(safe("scans/images/a.png"));
}

TEST_F(PackPathTest, PackRootReachedThroughASymlinkStillWorks) {
    fs::create_directory_symlink(m_root, m_base / "pack-link");
    EXPECT_FALSE(validatePackPath(m_base / "pack-link", "images/a.png").has_value());
    EXPECT_TRUE(validatePackPath(m_base / "pack-link", "../outside/secret.png").has_value());
}

} // namespace
} // namespace lantai::core
