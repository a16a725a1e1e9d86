// tests: importQuizFile (parse and add to a pack in one pass, questions kept as bank text) against
// importQuiz + importIntoPack, the warning cap, and the bank text builder against the serialiser
#include "core/base/file_io.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"
#include "core/quiz/import.h"
#include "core/quiz/import_bank_text.h"
#include "tests/unit/support/diagnostics_text.h"
#include "tests/unit/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <string>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

const fs::path kPacks = LANTAI_TEST_PACKS_DIR;

using test::listDiagnostics;

// A copy of tests/packs/valid-minimal in a fresh temporary folder.
class TempPack {
  public:
    TempPack() : m_dir("lantai-quiz-file-test"), m_path(m_dir.path() / "pack") {
        fs::copy(kPacks / "valid-minimal", m_path, fs::copy_options::recursive);
    }
    const fs::path& path() const { return m_path; }
    // Every file of the pack with its bytes.
    std::map<std::string, std::string> files() const {
        std::map<std::string, std::string> out;
        for (const auto& entry : fs::recursive_directory_iterator(m_path))
            if (entry.is_regular_file())
                out[fs::relative(entry.path(), m_path).string()] =
                    readFile(entry.path()).valueOr("<unreadable>");
        return out;
    }

  private:
    test::TempDir m_dir;
    fs::path m_path;
};

struct Sample {
    const char* name;
    QuizFormat format;
    const char* text;
    const char* bank; // "" = the pack's first bank
    Language language = Language::Zh;
};

// Generated ids next to ids the file names later (and one the pack has as a slug), titles, HTML,
// a category, an item link, skipped and English-only questions, CRLF and a BOM.
const Sample kSamples[] = {
    {"gift_existing_bank", QuizFormat::Gift,
     "$CATEGORY: $course$/top/档案日\n\n// 示例\n::archives-day::国际档案日是每年的哪一天？{\n"
     "  =6 月 9 日#对！\n  ~10 月 1 日#不对。\n  ####国际档案理事会于 1948 年成立。\n}\n\n"
     "::Q::[html]<p>兰台</p>是档案馆的<b>雅称</b>。{T#错#对####汉代。}\n\n"
     "::sa::填空：{=汉代}\n\n// [id:basics-q] [tag:兰台]\n第二题{~%50%甲 ~%50%乙 ~%-100%丙}\n",
     ""},
    {"gift_new_bank", QuizFormat::Gift,
     "::q::one {=a ~b}\n\n::q::two {=a ~b}\n\n// [id:fresh-q]\nthree {TRUE}\n", "fresh"},
    {"aiken_english", QuizFormat::Aiken,
     "Archives keep letters:\nA) True\nB) False\nANSWER: A\n\nSecond?\nA. x\nB. y\nC. z\nANSWER: "
     "c\n",
     "english", Language::En},
    {"csv_bom_crlf_item", QuizFormat::Csv,
     "\xEF\xBB\xBFid,type,prompt_zh,prompt_en,option_a,option_b,correct,explanation_zh,item\r\n"
     ",single,信写于哪年？,Which year?,1931,1949,A,见信末。,letter-1931\r\n"
     "own-id,multiple,\"多行\r\n题干, 带逗号\",,甲,乙,A;B,,\r\n"
     ",true_false,Only English,,,,true,,\r\n",
     ""},
};

class SameAsCollecting : public ::testing::TestWithParam<Sample> {};

TEST_P(SameAsCollecting, WritesTheSameBytesAndReportsTheSameDiagnostics) {
    const Sample& sample = GetParam();
    TempPack collected, streamed;

    const auto loaded = loadPack(collected.path());
    const std::string bankId = resolveImportBankId(loaded.pack, sample.bank);
    const auto result = importQuiz(sample.format, sample.text, "in.txt",
                                   quizImportOptionsFor(loaded.pack, bankId, sample.language));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    Diagnostics packDiagnostics;
    std::string written;
    ASSERT_TRUE(importIntoPack(collected.path(), bankId, result, packDiagnostics, &written))
        << listDiagnostics(packDiagnostics);

    const auto run = importQuizFile(streamed.path(), sample.bank, sample.format, sample.text,
                                    "in.txt", sample.language);
    ASSERT_TRUE(run.packRead);
    EXPECT_TRUE(run.pack.imported) << listDiagnostics(run.pack.diagnostics);
    EXPECT_TRUE(run.file.questions.empty()); // not kept
    EXPECT_EQ(run.questionCount, result.questions.size());
    EXPECT_EQ(run.pack.questionCount, result.questions.size());
    EXPECT_EQ(run.pack.bankFile, written);
    EXPECT_EQ(listDiagnostics(run.file.diagnostics), listDiagnostics(result.diagnostics));
    EXPECT_EQ(listDiagnostics(run.pack.diagnostics), listDiagnostics(packDiagnostics));
    EXPECT_EQ(run.pack.warningCount(), packDiagnostics.warningCount());
    EXPECT_EQ(run.file.skipped.size(), result.skipped.size());
    EXPECT_EQ(run.file.category, result.category);
    EXPECT_EQ(streamed.files(), collected.files());
    const auto after = loadAndValidatePack(streamed.path());
    EXPECT_FALSE(after.diagnostics.hasErrors()) << listDiagnostics(after.diagnostics);
}

INSTANTIATE_TEST_SUITE_P(QuizFileImport, SameAsCollecting, ::testing::ValuesIn(kSamples),
                         [](const auto& param) { return std::string(param.param.name); });

TEST(QuizFileImport, WarningsPastTheListedNumberAreCountedByCode) {
    std::string gift;
    for (int i = 0; i < 30; ++i)
        gift += "第 " + std::to_string(i) + " 题 {=对 ~错}\n\n";
    TempPack all, capped;
    const auto everything =
        importQuizFile(all.path(), "fresh", QuizFormat::Gift, gift, "in.gift", Language::Zh);
    const auto listed =
        importQuizFile(capped.path(), "fresh", QuizFormat::Gift, gift, "in.gift", Language::Zh, 3);
    ASSERT_TRUE(everything.pack.imported && listed.pack.imported)
        << listDiagnostics(listed.pack.diagnostics);
    EXPECT_EQ(capped.files(), all.files());
    // Per question: prompt and two options without English, no explanation; and the new bank's
    // title (it has no category).
    EXPECT_EQ(everything.pack.warningCounts.at("text.missing_en"), 30u * 3u + 1u);
    EXPECT_EQ(everything.pack.warningCounts.at("question.missing_explanation"), 30u);
    EXPECT_EQ(everything.pack.diagnostics.warningCount(), everything.pack.warningCount());
    EXPECT_EQ(listed.pack.warningCounts, everything.pack.warningCounts);
    std::map<std::string, int> shown;
    for (const auto& d : listed.pack.diagnostics.items())
        ++shown[d.code];
    EXPECT_EQ(shown, (std::map<std::string, int>{{"question.missing_explanation", 3},
                                                 {"text.missing_en", 3}}));
}

TEST(QuizFileImport, ErrorsInTheFileStopBeforeThePackIsTouched) {
    TempPack pack;
    const auto before = pack.files();
    const auto run = importQuizFile(pack.path(), "", QuizFormat::Gift, "Q1 {=a ~b}\n\nQ2 {=a ~b\n",
                                    "in.gift", Language::Zh);
    ASSERT_TRUE(run.packRead);
    EXPECT_FALSE(run.file.ok());
    EXPECT_FALSE(run.pack.imported);
    EXPECT_TRUE(run.pack.diagnostics.empty()) << listDiagnostics(run.pack.diagnostics);
    EXPECT_EQ(pack.files(), before);

    const auto missing =
        importQuizFile("/nonexistent/pack", "", QuizFormat::Gift, "Q {T}", "in.gift", Language::Zh);
    EXPECT_FALSE(missing.packRead);
    EXPECT_TRUE(missing.pack.diagnostics.hasCode("pack.not_found"));
}

TEST(QuizFileImport, ANewErrorWritesNothingAndPointsAtTheLine) {
    TempPack pack;
    const auto before = pack.files();
    // Only the pack knows: the item does not exist (checked before anything is written).
    const auto run = importQuizFile(pack.path(), "", QuizFormat::Csv,
                                    "type,prompt_zh,option_a,option_b,correct,item\n"
                                    "single,Q,a,b,A,\nsingle,Q2,a,b,B,no-such-item\n",
                                    "in.csv", Language::Zh);
    EXPECT_FALSE(run.pack.imported);
    ASSERT_TRUE(run.pack.diagnostics.hasCode("ref.dangling"))
        << listDiagnostics(run.pack.diagnostics);
    EXPECT_EQ(run.pack.diagnostics.items()[0].file, "in.csv");
    EXPECT_EQ(run.pack.diagnostics.items()[0].line, 3);
    EXPECT_EQ(pack.files(), before);
}

// ---- the bank text builder against serialising the whole document ------------------------------

nlohmann::ordered_json bankDocument(const std::string& questionsJson) {
    return nlohmann::ordered_json::parse(
        R"({"format_version": 1, "id": "b", "title": {"zh": "题库"},
        "questions": )" +
        questionsJson + R"(, "after": {"kept": [1, [2, {"x": []}]]}})");
}

Question sampleQuestion(int n, bool withId) {
    Question q;
    if (withId) q.id = "named-" + std::to_string(n);
    q.type = n % 2 ? QuestionType::TrueFalse : QuestionType::Multiple;
    q.prompt = {"题 \"" + std::to_string(n) + "\"\n第二行 \\ / \t", n % 3 ? "" : "Q"};
    q.answer = true;
    q.feedbackTrue.zh = "对";
    for (int k = 0; k < 3 && q.type == QuestionType::Multiple; ++k) {
        QuizOption option;
        option.text.zh = "选项 " + std::to_string(k);
        option.correct = k == 0;
        if (k == 1) option.weight = -0.5;
        q.options.push_back(option);
    }
    q.tags = {"t" + std::to_string(n)};
    return q;
}

TEST(BankText, AppendsExactlyWhatSerialisingTheWholeDocumentGives) {
    for (const char* existing :
         {"[]", R"([{"id": "old", "type": "true_false", "answer": false}])"}) {
        auto document = bankDocument(existing);
        const quiz_import::BankFileText bankText(document);

        QuizImportOptions options;
        options.idPrefix = "b";
        quiz_import::IdAllocator ids(options);
        quiz_import::BankQuestions questions(kQuizBankReadLimit);
        for (int n = 0; n < 5; ++n) {
            const Question q = sampleQuestion(n, n == 3);
            if (!q.id.empty()) {
                ASSERT_TRUE(ids.claim(q.id));
            }
            questions.add(Question(q), 10 + n, n == 1 ? "Title one" : "");
        }
        questions.assignIds(ids);
        ASSERT_TRUE(questions.kept());
        EXPECT_EQ(questions.line(4), 14);

        const std::uint64_t size = bankText.sizeWith(questions);
        std::vector<std::string> seen;
        const std::string text = bankText.withQuestions(
            questions, [&](std::size_t, std::string_view t) { seen.emplace_back(t); });

        // Generated in file order once the file is read: the counter skips named and titled ones.
        const char* const expectedIds[] = {"b-1", "b-title-one", "b-2", "named-3", "b-3"};
        for (int n = 0; n < 5; ++n) {
            Question q = sampleQuestion(n, n == 3);
            q.id = expectedIds[n];
            document["questions"].push_back(questionToJson(q));
        }
        EXPECT_EQ(text, serializePackDocument(document)) << existing;
        EXPECT_EQ(size, text.size());
        ASSERT_EQ(seen.size(), 5u);
        EXPECT_TRUE(seen[1].starts_with("{\n      \"id\": \"b-title-one\",\n")) << seen[1];
    }
}

TEST(BankText, WithoutQuestionsTheBankIsUnchanged) {
    const auto document = bankDocument("[]");
    const quiz_import::BankFileText bankText(document);
    quiz_import::BankQuestions none(kQuizBankReadLimit);
    EXPECT_EQ(bankText.sizeWith(none), bankText.text().size());
    EXPECT_EQ(bankText.withQuestions(none, [](std::size_t, std::string_view) {}),
              serializePackDocument(document));
}

TEST(BankText, PastTheLimitTextIsMeasuredNotKept) {
    quiz_import::BankQuestions questions(200);
    for (int n = 0; n < 4; ++n)
        questions.add(sampleQuestion(n, true), n + 1, "");
    EXPECT_FALSE(questions.kept());
    EXPECT_EQ(questions.size(), 4u);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < questions.size(); ++i)
        total += questions.textSize(i);
    EXPECT_GT(total, 200u);
}

TEST(BankText, ATextThatIsNotUtf8IsAnErrorNotAThrow) {
    quiz_import::BankQuestions questions(kQuizBankReadLimit);
    Question q = sampleQuestion(0, true);
    q.prompt.zh = "bad \xFF byte";
    questions.add(std::move(q), 1, "");
    EXPECT_FALSE(questions.error().empty());
    EXPECT_EQ(questions.size(), 0u);
}

} // namespace
} // namespace lantai::core
