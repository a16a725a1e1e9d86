// tests: pack loader + writer — round trips (valid-minimal, a pack using every field, the demo
// pack), versions
#include "core/base/file_io.h"
#include "core/base/json_document.h"
#include "core/base/json_reader.h"
#include "core/pack/loader.h"
#include "core/pack/validator.h"
#include "core/pack/writer.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

const fs::path kPacks = LANTAI_TEST_PACKS_DIR;

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += "  " + formatDiagnostic(d, false) + "\n";
    return out.empty() ? "  (none)\n" : out;
}

class TempDir {
  public:
    TempDir() {
        static int counter = 0;
        m_path = fs::temp_directory_path() / ("lantai-loader-test-" + std::to_string(::getpid()) +
                                              "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

// Copies a pack's source files (not derived/, not pack.json or the bank files, which the
// writer produces) so that the written copy validates like the original.
void copyAssets(const fs::path& from, const fs::path& to) {
    for (auto it = fs::recursive_directory_iterator(from); it != fs::recursive_directory_iterator();
         ++it) {
        const auto relative = fs::relative(it->path(), from);
        if (relative.begin()->string() == "derived") {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory()) {
            fs::create_directories(to / relative);
        } else if (it->is_regular_file() && relative.extension() != ".json") {
            fs::create_directories((to / relative).parent_path());
            fs::copy_file(it->path(), to / relative, fs::copy_options::overwrite_existing);
        }
    }
}

// Loads `dir`, writes the model into a fresh folder (with the assets), loads that again and
// checks the two documents and the validation outcome are the same.
void expectRoundTrip(const fs::path& dir) {
    const auto first = loadAndValidatePack(dir);
    ASSERT_TRUE(first.parsed) << listDiagnostics(first.diagnostics);
    TempDir out;
    copyAssets(dir, out.path());
    std::string error;
    const Status written = writePack(first.pack, out.path());
    ASSERT_TRUE(written) << written.error().message;
    const auto second = loadAndValidatePack(out.path());
    ASSERT_TRUE(second.parsed) << listDiagnostics(second.diagnostics);
    EXPECT_EQ(packToJson(first.pack), packToJson(second.pack));
    ASSERT_EQ(first.pack.quizBanks.size(), second.pack.quizBanks.size());
    for (std::size_t i = 0; i < first.pack.quizBanks.size(); ++i)
        EXPECT_EQ(quizBankToJson(first.pack.quizBanks[i]),
                  quizBankToJson(second.pack.quizBanks[i]));
    EXPECT_EQ(first.diagnostics.errorCount(), second.diagnostics.errorCount())
        << listDiagnostics(second.diagnostics);
    EXPECT_EQ(first.diagnostics.warningCount(), second.diagnostics.warningCount())
        << "before:\n"
        << listDiagnostics(first.diagnostics) << "after:\n"
        << listDiagnostics(second.diagnostics);
}

TEST(PackRoundTrip, ValidMinimal) {
    expectRoundTrip(kPacks / "valid-minimal");
    const auto loaded = loadPack(kPacks / "valid-minimal");
    // The minimal pack is written in canonical form already: the writer reproduces it byte for
    // byte.
    const auto original = readFile(kPacks / "valid-minimal" / "pack.json");
    ASSERT_TRUE(original);
    EXPECT_EQ(serializePackDocument(packToJson(loaded.pack)), *original);
    const auto bank = readFile(kPacks / "valid-minimal" / "quiz" / "basics.json");
    ASSERT_TRUE(bank);
    ASSERT_EQ(loaded.pack.quizBanks.size(), 1u);
    EXPECT_EQ(serializePackDocument(quizBankToJson(loaded.pack.quizBanks[0])), *bank);
}

TEST(PackRoundTrip, DemoPack) {
    std::string dir;
    if (const char* env = std::getenv("LANTAI_DEMO_PACK_DIR"); env && *env) dir = env;
#ifdef LANTAI_DEMO_PACK_DIR
    if (dir.empty()) dir = LANTAI_DEMO_PACK_DIR;
#endif
    if (dir.empty() || !fs::exists(fs::path(dir) / "pack.json"))
        GTEST_SKIP() << "no built demo pack";
    expectRoundTrip(dir);
}

// A pack that sets every field of format v1 at least once (and non-default values).
const char* const kEveryField = R"({
  "$schema": "../pack.schema.json",
  "format_version": 1,
  "id": "every-field",
  "title": {"zh": "全部字段", "en": "Every field", "fr": "Tous les champs"},
  "organiser": {"zh": "兰台档案馆", "en": "Lantai Archives"},
  "event": {"zh": "国际档案日", "en": "International Archives Day"},
  "dates": {"start": "2024-06-09", "end": "2024-06-11"},
  "default_language": "en",
  "theme": "ink-wash",
  "kiosk": {"idle_timeout_s": 120, "still_there_s": 15, "attract_slide_s": 5, "orientation": "portrait"},
  "attract": [{"item": "letter"}, {"video": "film", "muted": false, "duration_s": 30}],
  "exhibitions": [{
    "id": "main",
    "title": {"zh": "主展", "en": "Main"},
    "subtitle": {"zh": "副题", "en": "Subtitle"},
    "intro": {"zh": "导言", "en": "Intro"},
    "cover": {"file": "images/cover.jpg", "alt": {"zh": "封面", "en": "Cover"}, "caption": {"zh": "说明", "en": "Caption"}},
    "chapters": [
      {"id": "one", "title": {"zh": "一", "en": "One"}, "intro": {"zh": "章导言", "en": "Chapter intro"}, "items": [{
        "id": "letter",
        "title": {"zh": "信", "en": "Letter"},
        "caption": {"zh": "题注", "en": "Caption"},
        "description": {"zh": "描述", "en": "Description"},
        "date": "1931-05-04",
        "era": {"zh": "1930年代", "en": "1930s"},
        "reference": "J001-001-0001",
        "holding": {"zh": "某馆", "en": "Some archive"},
        "tags": ["letters", "1930s"],
        "badges": [{"kind": "treasure"}, {"kind": "heritage_register", "label": {"zh": "名录", "en": "Register"}},
                   {"kind": "custom", "label": {"zh": "新", "en": "New"}}],
        "rights": {"zh": "版权", "en": "Rights"},
        "highlight": true,
        "images": [{"file": "images/a.jpg", "alt": {"zh": "甲", "en": "A"}}, {"file": "images/b.png"}],
        "video": "film",
        "questions": ["q-single", "q-tf"],
        "web": {"publish": "limited", "max_px": 1600}
      }]},
      {"id": "two", "title": {"zh": "二"}, "items": []}
    ]
  }],
  "videos": [{
    "id": "film",
    "title": {"zh": "影片", "en": "Film"},
    "description": {"zh": "片介", "en": "About"},
    "file": "videos/film.mp4",
    "poster": "videos/film.jpg",
    "subtitles": [{"lang": "zh", "file": "videos/film.zh.srt"}, {"lang": "en", "file": "videos/film.en.vtt"}],
    "exhibition": "main",
    "chapter": "one",
    "item": "letter"
  }],
  "quiz_banks": [{"file": "quiz/a.json"}],
  "web": {"publish": "none"}
})";

const char* const kEveryFieldBank = R"({
  "format_version": 1,
  "id": "bank-a",
  "title": {"zh": "题库", "en": "Bank"},
  "category": {"zh": "类别", "en": "Category"},
  "questions": [
    {"id": "q-single", "type": "single", "prompt": {"zh": "问", "en": "Q"},
     "image": {"file": "images/a.jpg", "alt": {"zh": "甲", "en": "A"}},
     "options": [{"text": {"zh": "对", "en": "Right"}, "correct": true, "feedback": {"zh": "好", "en": "Good"}},
                 {"correct": false, "weight": -0.5, "image": {"file": "images/b.png", "alt": {"zh": "乙", "en": "B"}}}],
     "explanation": {"zh": "解析", "en": "Why"}, "difficulty": 3, "tags": ["t"], "item": "letter"},
    {"id": "q-multi", "type": "multiple", "prompt": {"zh": "多", "en": "Multi"},
     "options": [{"text": {"zh": "一", "en": "1"}, "correct": true, "weight": 0.25},
                 {"text": {"zh": "二", "en": "2"}, "correct": true},
                 {"text": {"zh": "三", "en": "3"}}]},
    {"id": "q-tf", "type": "true_false", "prompt": {"zh": "真", "en": "True?"}, "answer": false,
     "feedback": {"true": {"zh": "错", "en": "No"}, "false": {"zh": "对", "en": "Yes"}},
     "explanation": {"zh": "因为", "en": "Because"}, "difficulty": 2}
  ]
})";

TEST(PackWriter, EveryFieldSurvivesARoundTrip) {
    TempDir dir;
    fs::create_directories(dir.path() / "quiz");
    ASSERT_TRUE(writeFileAtomic(dir.path() / "pack.json", kEveryField));
    ASSERT_TRUE(writeFileAtomic(dir.path() / "quiz" / "a.json", kEveryFieldBank));
    const auto first = loadPack(dir.path());
    EXPECT_FALSE(first.diagnostics.hasErrors()) << listDiagnostics(first.diagnostics);
    // Only the language tag the model does not keep is reported... and nothing else is lost.
    const auto written = packToJson(first.pack);
    auto original = nlohmann::ordered_json::parse(kEveryField);
    original.erase("$schema");
    original["title"].erase("fr");
    EXPECT_EQ(written, original) << written.dump(1);
    const auto bank = nlohmann::ordered_json::parse(kEveryFieldBank);
    ASSERT_EQ(first.pack.quizBanks.size(), 1u);
    const auto writtenBank = quizBankToJson(first.pack.quizBanks[0]);
    // "correct": false is written explicitly; everything else as given.
    auto expectedBank = bank;
    expectedBank["questions"][1]["options"][2]["correct"] = false;
    EXPECT_EQ(writtenBank, expectedBank) << writtenBank.dump(1);

    TempDir again;
    const Status rewritten = writePack(first.pack, again.path());
    ASSERT_TRUE(rewritten) << rewritten.error().message;
    const auto second = loadPack(again.path());
    EXPECT_FALSE(second.diagnostics.hasErrors()) << listDiagnostics(second.diagnostics);
    EXPECT_EQ(packToJson(second.pack), written);
    ASSERT_EQ(second.pack.quizBanks.size(), 1u);
    EXPECT_EQ(quizBankToJson(second.pack.quizBanks[0]), writtenBank);
}

TEST(PackWriter, DefaultsAndEmptyOptionalFieldsAreLeftOut) {
    Pack pack;
    pack.id = "p";
    pack.title = {"题", "Title"};
    pack.organiser = {"馆", ""};
    Exhibition exhibition;
    exhibition.id = "e";
    exhibition.title = {"展", "E"};
    exhibition.chapters.push_back(Chapter{"c", {"章", "C"}, {}, {}, {}, {}});
    pack.exhibitions.push_back(exhibition);
    const auto json = packToJson(pack);
    std::vector<std::string> keys;
    for (const auto& [key, value] : json.items())
        keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"format_version", "id", "title", "organiser",
                                              "exhibitions"}));
    EXPECT_EQ(json["organiser"], nlohmann::ordered_json({{"zh", "馆"}}));
    EXPECT_EQ(json["exhibitions"][0]["chapters"][0]["items"], nlohmann::ordered_json::array());
}

TEST(PackWriter, SerialisesWithTwoSpacesUnescapedUtf8AndATrailingNewline) {
    nlohmann::ordered_json doc = {{"zh", "兰台"}, {"list", {1, 2}}};
    EXPECT_EQ(serializePackDocument(doc),
              "{\n  \"zh\": \"兰台\",\n  \"list\": [\n    1,\n    2\n  ]\n}\n");
}

TEST(PackWriter, RefusesUnsafeBankPaths) {
    Pack pack;
    pack.id = "p";
    QuizBank bank;
    bank.id = "b";
    for (const std::string bad : {"", "../escape.json", "/tmp/abs.json", "quiz\\a.json"}) {
        bank.file = bad;
        pack.quizBanks = {bank};
        TempDir dir;
        const Status written = writePack(pack, dir.path());
        EXPECT_FALSE(written) << bad;
        EXPECT_FALSE(written.ok() || written.error().message.empty());
        EXPECT_FALSE(fs::exists(dir.path() / "pack.json")) << bad;
    }
}

TEST(PackWriter, CreatesTheFolderAndBankSubfolders) {
    auto loaded = loadPack(kPacks / "valid-minimal");
    TempDir dir;
    const auto target = dir.path() / "new" / "pack";
    const Status written = writePack(loaded.pack, target);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_TRUE(fs::is_regular_file(target / "pack.json"));
    EXPECT_TRUE(fs::is_regular_file(target / "quiz" / "basics.json"));
    // No temporary files are left behind.
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(target))
        files += entry.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 2u);
}

// ---- versions -----------------------------------------------------------------------------

std::string minimalPackText(const std::string& version) {
    return R"({"format_version": )" + version + R"(, "id": "p", "title": {"zh": "题", "en": "T"},
      "organiser": {"zh": "馆", "en": "A"},
      "exhibitions": [{"id": "e", "title": {"zh": "展", "en": "E"}, "chapters": [{"id": "c",
        "title": {"zh": "章", "en": "C"}, "items": [{"id": "i", "title": {"zh": "件", "en": "I"},
        "images": [{"file": "images/letter.png", "alt": {"zh": "图", "en": "Img"}}]}]}]}]})";
}

TEST(FormatVersion, NewerVersionIsRefusedNamingBothVersions) {
    const auto result = loadPackFromText(minimalPackText("99"), kPacks / "valid-minimal");
    EXPECT_TRUE(result.parsed);
    EXPECT_FALSE(result.ok());
    ASSERT_TRUE(result.diagnostics.hasCode("format.version_unsupported"))
        << listDiagnostics(result.diagnostics);
    for (const auto& d : result.diagnostics.items()) {
        if (d.code != "format.version_unsupported") continue;
        EXPECT_EQ(d.severity, Severity::Error);
        EXPECT_EQ(d.file, "pack.json");
        EXPECT_EQ(d.pointer, "/format_version");
        EXPECT_EQ(d.line, 1);
        EXPECT_NE(d.message.find("99"), std::string::npos) << d.message;
        EXPECT_NE(d.message.find("up to " + std::to_string(kPackFormatVersion)), std::string::npos)
            << d.message;
        EXPECT_NE(d.messageZh.find("99"), std::string::npos) << d.messageZh;
        EXPECT_NE(d.messageZh.find(std::to_string(kPackFormatVersion)), std::string::npos)
            << d.messageZh;
    }
}

TEST(FormatVersion, CurrentVersionLoadsWithoutMigration) {
    auto result = loadPackFromText(minimalPackText("1"), kPacks / "valid-minimal");
    validatePack(result.pack, result.diagnostics, &result.documents);
    EXPECT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_FALSE(result.diagnostics.hasCode("format.version_migrated"));
    EXPECT_TRUE(result.diagnostics.empty()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.pack.formatVersion, 1);
    EXPECT_EQ(packToJson(result.pack)["format_version"], kPackFormatVersion);
}

TEST(FormatVersion, ZeroNegativeAndNonIntegerVersionsAreErrors) {
    for (const auto& [version, code] : std::vector<std::pair<std::string, std::string>>{
             {"0", "schema.value"},
             {"-1", "schema.value"},
             {"1.5", "schema.type"},
             {"\"1\"", "schema.type"},
             {"18446744073709551615", "schema.value"}}) {
        const auto result = loadPackFromText(minimalPackText(version), kPacks / "valid-minimal");
        EXPECT_TRUE(result.diagnostics.hasCode(code)) << version << "\n"
                                                      << listDiagnostics(result.diagnostics);
        EXPECT_FALSE(result.ok()) << version;
    }
    const auto missing = loadPackFromText(R"({"id": "p"})", kPacks / "valid-minimal");
    bool found = false;
    for (const auto& d : missing.diagnostics.items())
        found |=
            d.code == "schema.required" && d.message.find("format_version") != std::string::npos;
    EXPECT_TRUE(found) << listDiagnostics(missing.diagnostics);
}

TEST(FormatVersion, NewerQuizBankIsRefused) {
    TempDir dir;
    fs::create_directories(dir.path() / "quiz");
    std::string bank = kEveryFieldBank;
    bank.replace(bank.find("\"format_version\": 1"), 19, "\"format_version\": 7");
    ASSERT_TRUE(writeFileAtomic(dir.path() / "quiz" / "a.json", bank));
    ASSERT_TRUE(writeFileAtomic(dir.path() / "pack.json", kEveryField));
    const auto result = loadPack(dir.path());
    bool found = false;
    for (const auto& d : result.diagnostics.items())
        if (d.code == "format.version_unsupported") {
            EXPECT_EQ(d.file, "quiz/a.json");
            EXPECT_NE(d.message.find('7'), std::string::npos);
            found = true;
        }
    EXPECT_TRUE(found) << listDiagnostics(result.diagnostics);
}

// ---- loadPack / loadPackFromText ----------------------------------------------------------

TEST(LoadPack, MissingFolderOrPackJsonIsPackNotFound) {
    for (const fs::path& dir : {kPacks / "does-not-exist", kPacks / "broken" / "pack.not_found"}) {
        const auto result = loadPack(dir);
        EXPECT_FALSE(result.parsed);
        EXPECT_FALSE(result.ok());
        ASSERT_EQ(result.diagnostics.items().size(), 1u);
        EXPECT_EQ(result.diagnostics.items()[0].code, "pack.not_found");
    }
}

TEST(LoadPack, FromTextMatchesFromFolder) {
    const auto text = readFile(kPacks / "valid-minimal" / "pack.json");
    ASSERT_TRUE(text);
    const auto fromText = loadPackFromText(*text, kPacks / "valid-minimal");
    const auto fromFolder = loadPack(kPacks / "valid-minimal");
    EXPECT_EQ(packToJson(fromText.pack), packToJson(fromFolder.pack));
    EXPECT_EQ(fromText.pack.questionCount(), 2u); // banks are read from the root
    EXPECT_TRUE(fromText.pack.root.is_absolute());
    EXPECT_EQ(fromText.documents.size(), 2u);
}

TEST(LoadPack, NonObjectRootsAndWrongTypesDoNotThrow) {
    for (const std::string text :
         {"[]", "1", "\"x\"", "null", "{}", R"({"exhibitions": 5})",
          R"({"exhibitions": [1, null, "x", {"chapters": {}}]})",
          R"({"exhibitions": [{"chapters": [{"items": [{"images": [5, {"file": 7}]}]}]}]})",
          R"({"quiz_banks": [{"file": "../x.json"}, {"file": 1}, 3, {"file": "nope.json"}]})",
          R"({"videos": [{"poster": 5, "subtitles": [1, {"lang": 2}]}], "attract": [{}, 1]})",
          R"({"kiosk": [], "web": "x", "dates": 1, "title": {"zh": 1, "en": []}})"}) {
        PackLoadResult result;
        EXPECT_NO_THROW({
            result = loadPackFromText(text, kPacks / "valid-minimal");
            validatePack(result.pack, result.diagnostics, &result.documents);
        }) << text;
        EXPECT_TRUE(result.diagnostics.hasErrors()) << text;
    }
}

TEST(LoadPack, QuizBankSyntaxErrorNamesTheBankFile) {
    TempDir dir;
    fs::create_directories(dir.path() / "quiz");
    ASSERT_TRUE(writeFileAtomic(dir.path() / "pack.json", kEveryField));
    ASSERT_TRUE(writeFileAtomic(dir.path() / "quiz" / "a.json", "{\n  \"id\": \"x\",,\n}"));
    const auto result = loadPack(dir.path());
    bool found = false;
    for (const auto& d : result.diagnostics.items())
        if (d.code == "json.syntax") {
            EXPECT_EQ(d.file, "quiz/a.json");
            EXPECT_EQ(d.line, 2);
            found = true;
        }
    EXPECT_TRUE(found) << listDiagnostics(result.diagnostics);
}

} // namespace
} // namespace lantai::core
