// tests: quiz import (GIFT, Aiken, CSV), GIFT export, Moodle conformance fixtures, importing into a
// pack. Over 500 lines: the three formats share the fixtures and the bank checks at the top, and
// the Moodle conformance cases are one table.
#include "core/base/file_io.h"
#include "core/pack/loader.h"
#include "core/quiz/import.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;

const fs::path kConformance = LANTAI_CONFORMANCE_DIR;
const fs::path kPacks = LANTAI_TEST_PACKS_DIR;

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += "  " + formatDiagnostic(d, false) + "\n";
    return out.empty() ? "  (none)\n" : out;
}

std::string readText(const fs::path& file) {
    auto text = readFile(file);
    EXPECT_TRUE(text) << file << ": " << (text ? "" : text.error().message);
    return text ? *text : std::string();
}

const Question* byPrompt(const QuizImportResult& result, const std::string& prompt, int nth = 0) {
    for (const auto& q : result.questions)
        if (q.prompt.zh == prompt && nth-- == 0) return &q;
    return nullptr;
}

// 1-based line of the first line of `text` that contains `needle` (0 when absent).
int lineContaining(const std::string& text, const std::string& needle, int nth = 0) {
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (text.substr(start, end - start).find(needle) != std::string::npos && nth-- == 0)
            return line;
        start = end + 1;
        ++line;
    }
    return 0;
}

std::vector<std::string> optionTexts(const Question& q) {
    std::vector<std::string> out;
    for (const auto& o : q.options)
        out.push_back(o.text.zh);
    return out;
}

std::vector<std::string> optionFeedback(const Question& q) {
    std::vector<std::string> out;
    for (const auto& o : q.options)
        out.push_back(o.feedback.zh);
    return out;
}

std::vector<bool> optionCorrect(const Question& q) {
    std::vector<bool> out;
    for (const auto& o : q.options)
        out.push_back(o.correct);
    return out;
}

// Weights with -9 for "no weight".
std::vector<double> optionWeights(const Question& q) {
    std::vector<double> out;
    for (const auto& o : q.options)
        out.push_back(o.weight.value_or(-9));
    return out;
}

std::map<std::string, int> skippedTypes(const QuizImportResult& result) {
    std::map<std::string, int> out;
    for (const auto& s : result.skipped)
        ++out[s.type];
    return out;
}

std::map<QuestionType, int> questionTypes(const QuizImportResult& result) {
    std::map<QuestionType, int> out;
    for (const auto& q : result.questions)
        ++out[q.type];
    return out;
}

// ---- malformed inputs: code and line:column, per format ----------------------------------------

struct MalformedCase {
    const char* name;
    QuizFormat format;
    std::string input;
    const char* code;
    int line;
    int column;
};

const std::string kCsvHeader =
    "type,prompt_zh,option_a,option_b,option_c,correct,difficulty,item,id\n";

const MalformedCase kMalformed[] = {
    // GIFT
    {"gift_unclosed_brace", QuizFormat::Gift, "Q {=a ~b\n", "quiz.syntax", 1, 3},
    {"gift_close_without_open", QuizFormat::Gift, "Q =a ~b}", "quiz.syntax", 1, 8},
    {"gift_close_before_open", QuizFormat::Gift, "Q } {=a ~b}", "quiz.syntax", 1, 3},
    {"gift_missing_blank_line", QuizFormat::Gift, "Q1 {T}\nQ2 {F}\n", "quiz.syntax", 2, 4},
    {"gift_unclosed_title", QuizFormat::Gift, "::Title Q {T}", "quiz.syntax", 1, 1},
    {"gift_one_answer", QuizFormat::Gift, "Q {~a}", "quiz.too_few_options", 1, 3},
    {"gift_nine_answers", QuizFormat::Gift, "Q {=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9}",
     "quiz.too_many_options", 1, 3},
    {"gift_two_equals", QuizFormat::Gift, "Q {=a =b ~c}", "quiz.too_many_correct", 1, 7},
    {"gift_no_correct", QuizFormat::Gift, "Q {~a ~b}", "quiz.no_correct", 1, 3},
    {"gift_weight_range", QuizFormat::Gift, "Q {~%150%a ~%-50%b}", "quiz.weight_invalid", 1, 5},
    {"gift_weight_on_equals", QuizFormat::Gift, "Q {=%50%a ~b}", "quiz.weight_invalid", 1, 5},
    {"gift_empty_answer", QuizFormat::Gift, "Q {=a ~ ~b}", "quiz.empty_text", 1, 8},
    {"gift_empty_prompt", QuizFormat::Gift, "\n{T}", "quiz.empty_text", 2, 1},
    {"gift_text_before_answers", QuizFormat::Gift, "Q {x =a ~b}", "quiz.syntax", 1, 4},
    {"gift_category_then_question", QuizFormat::Gift, "$CATEGORY: x\n  Q {T}", "quiz.syntax", 2, 3},
    {"gift_not_utf8", QuizFormat::Gift, "Q \xff {T}", "quiz.encoding", 1, 3},
    {"gift_duplicate_id", QuizFormat::Gift, "// [id:q1]\nA {T}\n\n// [id:q1]\nB {T}",
     "quiz.id_duplicate", 4, 4},
    {"gift_id_taken_in_pack", QuizFormat::Gift, "// x [id:taken]\nA {T}", "quiz.id_duplicate", 1,
     6},
    {"gift_columns_in_characters", QuizFormat::Gift, "题目 {~甲 =乙", "quiz.syntax", 1, 4},
    {"gift_crlf", QuizFormat::Gift, "A {T}\r\n\r\nB {=a ~b\r\n", "quiz.syntax", 3, 3},
    {"gift_cr_only", QuizFormat::Gift, "A {T}\r\rB {=a ~b\r", "quiz.syntax", 3, 3},
    {"gift_bom", QuizFormat::Gift, "\xEF\xBB\xBFQ {=a ~b", "quiz.syntax", 1, 3},
    // Aiken
    {"aiken_choice_first", QuizFormat::Aiken, "A) x\n", "quiz.not_started", 1, 1},
    {"aiken_answer_first", QuizFormat::Aiken, "\nANSWER: A", "quiz.not_started", 2, 1},
    {"aiken_one_choice", QuizFormat::Aiken, "Q1\nA) a\nANSWER: A", "quiz.too_few_options", 3, 1},
    {"aiken_not_completed", QuizFormat::Aiken, "Q1\nA) a\nB) b\nQ2\nA) a\nB) b\nANSWER: A",
     "quiz.not_completed", 4, 1},
    {"aiken_open_at_end", QuizFormat::Aiken, "Q1\nA) a\nB) b\n", "quiz.not_completed", 1, 1},
    {"aiken_answer_not_a_choice", QuizFormat::Aiken, "Q1\nA) a\nB) b\nANSWER: C",
     "quiz.answer_invalid", 4, 9},
    {"aiken_answer_empty", QuizFormat::Aiken, "Q1\nA) a\nB) b\nANSWER:", "quiz.answer_invalid", 4,
     1},
    {"aiken_label_order", QuizFormat::Aiken, "Q1\nA) a\nC) b\nANSWER: A", "quiz.syntax", 3, 1},
    {"aiken_indented", QuizFormat::Aiken, "  Q1\n  A) a\n  B) b\n  ANSWER:  Z",
     "quiz.answer_invalid", 4, 12},
    {"aiken_nine_choices", QuizFormat::Aiken,
     "Q1\nA) 1\nB) 2\nC) 3\nD) 4\nE) 5\nF) 6\nG) 7\nH) 8\nI) 9\nANSWER: A", "quiz.too_many_options",
     1, 1},
    {"aiken_not_utf8", QuizFormat::Aiken, "Q1\nA) \xc3\x28\nB) b\nANSWER: A", "quiz.encoding", 2,
     4},
    // CSV
    {"csv_no_header", QuizFormat::Csv, "single,Q,a,b,A\n", "csv.header", 1, 1},
    {"csv_header_without_correct", QuizFormat::Csv,
     "type,prompt_zh,option_a,option_b\nsingle,Q,a,b\n", "csv.header", 1, 1},
    {"csv_duplicate_column", QuizFormat::Csv, "type,prompt_zh,correct,Prompt_ZH\n", "csv.header", 1,
     24},
    {"csv_unclosed_quote", QuizFormat::Csv, kCsvHeader + "single,\"abc,a,b,,A\n", "quiz.syntax", 2,
     8},
    {"csv_text_after_quote", QuizFormat::Csv, kCsvHeader + "single,\"abc\"x,a,b,,A\n",
     "quiz.syntax", 2, 13},
    {"csv_letter_out_of_range", QuizFormat::Csv, kCsvHeader + "single,Q,a,b,,C\n",
     "quiz.answer_invalid", 2, 15},
    {"csv_not_a_letter", QuizFormat::Csv, kCsvHeader + "single,Q,a,b,,1\n", "quiz.answer_invalid",
     2, 15},
    {"csv_single_two_correct", QuizFormat::Csv, kCsvHeader + "single,Q,a,b,,A;B\n",
     "quiz.too_many_correct", 2, 15},
    {"csv_no_correct", QuizFormat::Csv, kCsvHeader + "multiple,Q,a,b,,\n", "quiz.no_correct", 2,
     17},
    {"csv_only_separators", QuizFormat::Csv, kCsvHeader + "single,Q,a,b,,\";, \"\n",
     "quiz.no_correct", 2, 15},
    {"gift_entity_control_kept", QuizFormat::Gift, "A&#13;B {~x ~y}", "quiz.no_correct", 1, 9},
    {"csv_unknown_type", QuizFormat::Csv, kCsvHeader + "choice,Q,a,b,,A\n", "quiz.value", 2, 1},
    {"csv_option_gap", QuizFormat::Csv, kCsvHeader + "single,Q,a,,c,A\n", "quiz.empty_text", 2, 12},
    {"csv_difficulty", QuizFormat::Csv, kCsvHeader + "single,Q,a,b,,A,4\n", "quiz.value", 2, 17},
    {"csv_true_false_word", QuizFormat::Csv, kCsvHeader + "true_false,Q,,,,maybe\n",
     "quiz.answer_invalid", 2, 17},
    {"csv_true_false_options", QuizFormat::Csv, kCsvHeader + "true_false,Q,a,b,,true\n",
     "quiz.value", 2, 14},
    {"csv_empty_prompt", QuizFormat::Csv, kCsvHeader + "single,,a,b,,A\n", "quiz.empty_text", 2, 8},
    {"csv_one_option", QuizFormat::Csv, kCsvHeader + "single,Q,a,,,A\n", "quiz.too_few_options", 2,
     10},
    {"csv_bad_id", QuizFormat::Csv, kCsvHeader + "single,Q,a,b,,A,,,Bad Id\n", "quiz.id_invalid", 2,
     19},
    {"csv_bad_item", QuizFormat::Csv, kCsvHeader + "single,Q,a,b,,A,,Item 1\n", "quiz.value", 2,
     18},
    {"csv_duplicate_id", QuizFormat::Csv,
     kCsvHeader + "single,Q,a,b,,A,,,x\r\nsingle,R,a,b,,A,,,x\r\n", "quiz.id_duplicate", 3, 19},
    {"csv_gbk", QuizFormat::Csv, kCsvHeader + "single,\xCC\xE2,a,b,,A\n", "quiz.encoding", 2, 8},
    {"csv_after_multiline_cell", QuizFormat::Csv, kCsvHeader + "single,\"line1\nline2\",a,b,,Z\n",
     "quiz.answer_invalid", 3, 13},
    {"csv_semicolon_delimiter", QuizFormat::Csv,
     "type;prompt_zh;option_a;option_b;correct\nsingle;Q;a;b;D\n", "quiz.answer_invalid", 2, 14},
};

class Malformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(Malformed, ReportsCodeAtLineAndColumnAndImportsNothing) {
    const auto& c = GetParam();
    QuizImportOptions options;
    options.takenIds.insert("taken");
    const auto result = importQuiz(c.format, c.input, "input.txt", options);
    EXPECT_FALSE(result.ok()) << listDiagnostics(result.diagnostics);
    bool found = false;
    for (const auto& d : result.diagnostics.items()) {
        EXPECT_EQ(d.file, "input.txt");
        EXPECT_FALSE(d.message.empty());
        EXPECT_FALSE(d.messageZh.empty());
        if (d.code == c.code && d.line == c.line && d.column == c.column &&
            d.severity == Severity::Error)
            found = true;
    }
    EXPECT_TRUE(found) << "expected " << c.code << " at " << c.line << ":" << c.column << ", got:\n"
                       << listDiagnostics(result.diagnostics);
}

INSTANTIATE_TEST_SUITE_P(QuizImport, Malformed, ::testing::ValuesIn(kMalformed),
                         [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(QuizImport, EveryErrorIsListedNotJustTheFirst) {
    const auto result =
        importGift("A {=a ~b\n\nB {~x ~y}\n\nC {T}\n\nD {=1 =2 ~3}\n", "f.gift", {});
    EXPECT_EQ(result.diagnostics.errorCount(), 3u) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.questions.size(), 1u);
}

// ---- GIFT ---------------------------------------------------------------------------------------

TEST(GiftImport, EscapesFormatTagsAndEntities) {
    const auto result =
        importGift("::Esc\\:aped:: [plain]A \\{b\\} c \\~ d \\= e \\# f \\\\ g\\nh &amp; <b>{\n"
                   "=[html]x &lt;y&gt; <b>bold</b>#[markdown]**fb**\n~z # fb2\n}",
                   "f.gift", {});
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    ASSERT_EQ(result.questions.size(), 1u);
    const auto& q = result.questions[0];
    EXPECT_EQ(q.prompt.zh, "A {b} c ~ d = e # f \\ g\nh &amp; <b>");
    EXPECT_EQ(q.id, "q-esc-aped");
    EXPECT_EQ(optionTexts(q), (std::vector<std::string>{"x <y> bold", "z"}));
    EXPECT_EQ(optionFeedback(q), (std::vector<std::string>{"**fb**", "fb2"}));
}

TEST(GiftImport, MoodleFormatTextBecomesPlainText) {
    const auto result = importGift("Is A &amp; B <i>the</i> answer? a<b and c>d {T}", "f.gift", {});
    ASSERT_EQ(result.questions.size(), 1u) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.questions[0].prompt.zh, "Is A & B the answer? a<b and c>d");
    // Control characters are not decoded from character references (a CR would be a line end).
    const auto control = importGift("A&#13;B&#9;C&#20013; {T}", "f.gift", {});
    ASSERT_EQ(control.questions.size(), 1u);
    EXPECT_EQ(control.questions[0].prompt.zh, "A&#13;B\tC中");
}

TEST(GiftImport, UnplayableTypesAreWarningsNamingTheLine) {
    const auto result = importGift(
        "// c\nA {=x =y}\n\nB {#3:1}\n\nC {=a->b =c->d}\n\nD {}\n\nE\n\nF {t}\n", "f.gift", {});
    EXPECT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    ASSERT_EQ(result.skipped.size(), 6u);
    const std::vector<std::pair<int, std::string>> expected{
        {2, "short answer"}, {4, "numerical"},    {6, "matching"},
        {8, "essay"},        {10, "description"}, {12, "short answer"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(result.skipped[i].line, expected[i].first);
        EXPECT_EQ(result.skipped[i].type, expected[i].second);
    }
    std::size_t warnings = 0;
    for (const auto& d : result.diagnostics.items())
        if (d.code == "quiz.unsupported_type") {
            EXPECT_EQ(d.severity, Severity::Warning);
            EXPECT_NE(d.message.find("line " + std::to_string(d.line)), std::string::npos)
                << d.message;
            ++warnings;
        }
    EXPECT_EQ(warnings, 6u);
    EXPECT_TRUE(result.diagnostics.hasCode("quiz.no_questions"));
    // {t} gets a hint about capitals.
    EXPECT_NE(result.diagnostics.items()[5].message.find("{TRUE}"), std::string::npos);
}

TEST(GiftImport, IdsTagsAndGeneratedIds) {
    QuizImportOptions options;
    options.idPrefix = "bank";
    options.takenIds = {"bank-1", "bank-same"};
    const auto result = importGift("// [id:given] [tag:a] [tag: b\\]c ]\nA {T}\n\n"
                                   "::Same::B {T}\n\n::Same::C {T}\n\n::题目::D {T}\n\nE {F}\n\n"
                                   "// [id:Not Valid]\nF {T}\n",
                                   "f.gift", options);
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    std::vector<std::string> ids;
    for (const auto& q : result.questions)
        ids.push_back(q.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"given", "bank-same-2", "bank-same-3", "bank-2",
                                             "bank-3", "bank-4"}));
    EXPECT_EQ(result.questions[0].tags, (std::vector<std::string>{"a", "b]c"}));
    EXPECT_TRUE(result.diagnostics.hasCode("quiz.id_invalid"));
    EXPECT_EQ(result.questionLines, (std::vector<int>{2, 4, 6, 8, 10, 13}));
}

TEST(GiftImport, GeneratedIdsNeverTakeAnIdNamedLaterInTheFile) {
    const auto result = importGift("A {T}\n\n// [id:q-1]\nB {T}\n", "f.gift", {});
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.questions[0].id, "q-2");
    EXPECT_EQ(result.questions[1].id, "q-1");
}

TEST(GiftImport, EnglishTextIsAlsoStoredAsChinese) {
    QuizImportOptions options;
    options.language = Language::En;
    const auto result =
        importGift("The sun rises in the east.{T#No.#Yes.####It does.}", "f.gift", options);
    ASSERT_EQ(result.questions.size(), 1u);
    const auto& q = result.questions[0];
    EXPECT_EQ(q.prompt.en, "The sun rises in the east.");
    EXPECT_EQ(q.prompt.zh, q.prompt.en);
    EXPECT_EQ(q.feedbackTrue.en, "Yes.");
    EXPECT_EQ(q.feedbackFalse.en, "No.");
    EXPECT_EQ(q.explanation.en, "It does.");
    EXPECT_TRUE(result.diagnostics.hasCode("quiz.chinese_missing"));
    EXPECT_TRUE(result.ok());
}

// ---- Moodle conformance fixtures
// ------------------------------------------------------------------

class Conformance : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::is_directory(kConformance / "gift") || !fs::is_directory(kConformance / "aiken"))
            GTEST_SKIP() << "Moodle conformance fixtures not found at " << kConformance
                         << " (expected ../shared/conformance next to the source tree); "
                            "conformance tests skipped";
    }
    QuizImportResult import(QuizFormat format, const std::string& relative) {
        m_text = readText(kConformance / relative);
        return importQuiz(format, m_text, relative, {});
    }
    std::string m_text;
};

// Every fixture in the folder has an expectation below, so a new fixture cannot go unnoticed.
TEST_F(Conformance, EveryFixtureIsCovered) {
    const std::vector<std::string> covered{
        "gift/questions.gift.txt", "gift/questions_in_category.gift.txt",
        "gift/examples.txt",       "aiken/questions.aiken.txt",
        "aiken/aiken_errors.txt",  "aiken/aiken_errors_newer.txt"};
    for (const char* folder : {"gift", "aiken"})
        for (const auto& entry : fs::directory_iterator(kConformance / folder)) {
            if (entry.path().extension() == ".md") continue;
            const std::string name = std::string(folder) + "/" + entry.path().filename().string();
            EXPECT_NE(std::find(covered.begin(), covered.end(), name), covered.end())
                << name << " has no test";
        }
}

TEST_F(Conformance, GiftQuestions) {
    const auto result = import(QuizFormat::Gift, "gift/questions.gift.txt");
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    // Moodle imports 9: 5 playable here, 4 skipped with a warning naming their line.
    ASSERT_EQ(result.questions.size(), 5u);
    ASSERT_EQ(result.skipped.size(), 4u);
    const std::vector<std::pair<std::string, std::string>> skipped{
        {"::Q8::", "essay"},
        {"::Moodle activities::", "matching"},
        {"::Q5::", "numerical"},
        {"::Shortanswer::", "short answer"}};
    for (std::size_t i = 0; i < skipped.size(); ++i) {
        EXPECT_EQ(result.skipped[i].line, lineContaining(m_text, skipped[i].first))
            << skipped[i].first;
        EXPECT_EQ(result.skipped[i].type, skipped[i].second);
    }
    const std::string spectrum = "What's between orange and green in the spectrum?";
    const Question* q2 = byPrompt(result, spectrum, 0);
    ASSERT_NE(q2, nullptr);
    EXPECT_EQ(q2->type, QuestionType::Single);
    EXPECT_EQ(optionTexts(*q2), (std::vector<std::string>{"yellow", "red", "blue"}));
    EXPECT_EQ(optionCorrect(*q2), (std::vector<bool>{true, false, false}));
    EXPECT_EQ(optionFeedback(*q2), (std::vector<std::string>{"right; good!", "wrong, it's yellow",
                                                             "wrong, it's yellow"}));
    EXPECT_EQ(q2->id, "q-q2");

    const Question* colours = byPrompt(result, spectrum, 1);
    ASSERT_NE(colours, nullptr);
    EXPECT_EQ(colours->type, QuestionType::Multiple);
    EXPECT_EQ(optionTexts(*colours),
              (std::vector<std::string>{"yellow", "red", "off-beige", "blue"}));
    EXPECT_EQ(optionWeights(*colours), (std::vector<double>{0.5, -1, 0.5, -1}));
    EXPECT_EQ(optionCorrect(*colours), (std::vector<bool>{true, false, true, false}));
    EXPECT_EQ(optionFeedback(*colours),
              (std::vector<std::string>{"right; good!", "wrong", "right; good!", "wrong"}));

    // Moodle keeps the fixture's stray `";` after the braces: missing-word form.
    const Question* q1 = byPrompt(result, "42 is the Absolute Answer to everything._____\";");
    ASSERT_NE(q1, nullptr);
    EXPECT_EQ(q1->type, QuestionType::TrueFalse);
    EXPECT_FALSE(q1->answer);
    EXPECT_EQ(q1->feedbackTrue.zh, "42 is the Ultimate Answer.");
    EXPECT_EQ(q1->feedbackFalse.zh, "You gave the right answer.");
    EXPECT_EQ(q1->explanation.zh,
              "This is, of course, a Hitchiker's Guide to the Galaxy reference.");

    for (int nth : {0, 1}) {
        const Question* tsl = byPrompt(result, "TSL is blablabla.", nth);
        ASSERT_NE(tsl, nullptr);
        EXPECT_EQ(tsl->type, QuestionType::TrueFalse);
        EXPECT_TRUE(tsl->answer);
        EXPECT_TRUE(tsl->feedbackTrue.empty() && tsl->feedbackFalse.empty());
        EXPECT_EQ(tsl->id, nth == 0 ? "q-2-08-tsl" : "q-2-08-tsl-2");
    }
}

TEST_F(Conformance, GiftQuestionsInCategory) {
    const auto result = import(QuizFormat::Gift, "gift/questions_in_category.gift.txt");
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.category, "Default for New Features");
    ASSERT_EQ(result.questions.size(), 2u);
    EXPECT_EQ(skippedTypes(result),
              (std::map<std::string, int>{{"matching", 1}, {"short answer", 1}}));
    EXPECT_EQ(result.skipped[0].line, lineContaining(m_text, "::Moodle activities::"));
    EXPECT_EQ(result.skipped[1].line, lineContaining(m_text, "::Moodle user::"));
    // [html]: the link and line breaks become plain text (with a warning about the dropped link).
    const auto& greeting = result.questions[0];
    EXPECT_EQ(greeting.prompt.zh, "Listen to this greeting:\n\nWhat language is being spoken?");
    EXPECT_EQ(greeting.type, QuestionType::Single);
    EXPECT_EQ(optionTexts(greeting),
              (std::vector<std::string>{"English", "French", "German", "Spanish"}));
    EXPECT_EQ(optionCorrect(greeting), (std::vector<bool>{false, true, false, false}));
    EXPECT_EQ(optionFeedback(greeting),
              (std::vector<std::string>{"Sorry, listen again.", "Yes, well done!",
                                        "Sorry, listen again.", "Sorry, listen again."}));
    EXPECT_TRUE(result.diagnostics.hasCode("quiz.html_dropped"));
    const auto& acronym = result.questions[1];
    EXPECT_EQ(acronym.prompt.zh,
              "Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.");
    EXPECT_EQ(acronym.type, QuestionType::TrueFalse);
    EXPECT_TRUE(acronym.answer);
}

TEST_F(Conformance, GiftExamples) {
    const auto result = import(QuizFormat::Gift, "gift/examples.txt");
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    // 43 questions: 23 playable (16 single, 2 multiple, 5 true/false), 20 skipped.
    EXPECT_EQ(result.questions.size(), 23u);
    EXPECT_EQ(questionTypes(result), (std::map<QuestionType, int>{{QuestionType::Single, 16},
                                                                  {QuestionType::Multiple, 2},
                                                                  {QuestionType::TrueFalse, 5}}));
    EXPECT_EQ(skippedTypes(result),
              (std::map<std::string, int>{{"short answer", 9}, {"numerical", 8}, {"matching", 3}}));

    const Question* grant = byPrompt(result, "Who's buried in Grant's tomb?");
    ASSERT_NE(grant, nullptr);
    EXPECT_EQ(optionTexts(*grant), (std::vector<std::string>{"Grant", "Jefferson", "no one"}));
    EXPECT_EQ(optionCorrect(*grant), (std::vector<bool>{false, false, true}));

    const Question* missing = byPrompt(result, "Grant is _____ in Grant's tomb.");
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(optionTexts(*missing), (std::vector<std::string>{"buried", "entombed", "living"}));

    const Question* thanksgiving = byPrompt(
        result,
        "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.");
    ASSERT_NE(thanksgiving, nullptr);
    EXPECT_EQ(optionCorrect(*thanksgiving), (std::vector<bool>{false, false, true}));
    EXPECT_NE(byPrompt(result, "The American holiday of Thanksgiving is\ncelebrated on the _____ "
                               "Thursday of November."),
              nullptr);

    const Question* tf = byPrompt(result, "Grant is buried in Grant's tomb.", 2);
    ASSERT_NE(tf, nullptr);
    EXPECT_FALSE(tf->answer);
    EXPECT_EQ(tf->feedbackTrue.zh, "No one is buried in Grant's tomb.");
    EXPECT_TRUE(tf->feedbackFalse.empty());
    const Question* sun = byPrompt(result, "The sun rises in the east.");
    ASSERT_NE(sun, nullptr);
    EXPECT_TRUE(sun->answer);

    const Question* difficult = byPrompt(result, "Difficult question.");
    ASSERT_NE(difficult, nullptr);
    EXPECT_EQ(
        optionTexts(*difficult),
        (std::vector<std::string>{"wrong answer", "half credit answer", "full credit answer"}));
    EXPECT_EQ(optionWeights(*difficult), (std::vector<double>{-9, 0.5, -9}));
    EXPECT_EQ(optionCorrect(*difficult), (std::vector<bool>{false, false, true}));

    const Question* jesus = byPrompt(result, "Jesus Christ was from _____.");
    ASSERT_NE(jesus, nullptr);
    EXPECT_EQ(jesus->type, QuestionType::Single);
    EXPECT_EQ(optionTexts(*jesus),
              (std::vector<std::string>{"Jerusalem", "Bethlehem", "Galilee", "Nazareth"}));
    EXPECT_EQ(optionWeights(*jesus), (std::vector<double>{-9, 0.25, 0.5, -9}));
    EXPECT_EQ(optionCorrect(*jesus), (std::vector<bool>{false, false, false, true}));
    EXPECT_EQ(optionFeedback(*jesus)[1], "He was born here, but not raised here.");

    const std::string entombed = "What two people are entombed in Grant's tomb?";
    const Question* two = byPrompt(result, entombed, 0);
    const Question* twoNegative = byPrompt(result, entombed, 1);
    ASSERT_NE(two, nullptr);
    ASSERT_NE(twoNegative, nullptr);
    EXPECT_EQ(two->type, QuestionType::Multiple);
    EXPECT_EQ(optionWeights(*two), (std::vector<double>{0, 0.5, 0.5, 0}));
    EXPECT_EQ(optionWeights(*twoNegative), (std::vector<double>{-0.5, 0.5, 0.5, -0.5}));
    EXPECT_EQ(optionCorrect(*twoNegative), (std::vector<bool>{false, true, true, false}));

    const Question* equals5 = byPrompt(result, "Which answer equals 5?");
    ASSERT_NE(equals5, nullptr);
    EXPECT_EQ(optionTexts(*equals5), (std::vector<std::string>{"= 2 + 2", "= 2 + 3", "= 2 + 4"}));
    EXPECT_EQ(optionCorrect(*equals5), (std::vector<bool>{false, true, false}));

    const Question* control = byPrompt(
        result, "Which of the following is NOT a control character for the GIFT import format?");
    ASSERT_NE(control, nullptr);
    EXPECT_EQ(control->id, "q-gift-control-characters");
    EXPECT_EQ(optionTexts(*control), (std::vector<std::string>{"~", "=", "#", "{", "}", "\\"}));
    EXPECT_EQ(optionCorrect(*control),
              (std::vector<bool>{false, false, false, false, false, true}));
    EXPECT_EQ(optionFeedback(*control)[0], "~ is a control character.");
    EXPECT_EQ(optionFeedback(*control)[5], "Correct! \\ (backslash) is not a control character. "
                                           "BUT,\nit is used to escape the control characters. "
                                           "So, to specify\na literal backslash, you must escape "
                                           "it with a backslash\n(as shown in this example).");

    const Question* tomb = byPrompt(result, "Grant is _____ in Grant's tomb.", 3);
    ASSERT_NE(tomb, nullptr);
    EXPECT_EQ(tomb->id, "q-grants-tomb");
    EXPECT_EQ(jesus->id, "q-jesus-hometown");
    EXPECT_EQ(optionFeedback(*tomb), (std::vector<std::string>{"No one is buried there.",
                                                               "Right answer!", "We hope not!"}));
    const Question* difficultMc = byPrompt(result, "Difficult multiple choice question.");
    ASSERT_NE(difficultMc, nullptr);
    EXPECT_EQ(
        optionTexts(*difficultMc),
        (std::vector<std::string>{"wrong answer", "half credit answer", "full credit answer"}));
    EXPECT_EQ(
        optionFeedback(*difficultMc),
        (std::vector<std::string>{"comment on wrong answer", "comment on answer", "well done!"}));
}

TEST_F(Conformance, AikenQuestions) {
    const auto result = import(QuizFormat::Aiken, "aiken/questions.aiken.txt");
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    ASSERT_EQ(result.questions.size(), 2u);
    const auto& first = result.questions[0];
    EXPECT_EQ(first.prompt.zh, "The Moodle project was started by:");
    EXPECT_EQ(first.type, QuestionType::Single);
    EXPECT_EQ(optionTexts(first), (std::vector<std::string>{"Petr Skoda", "Martin Dougiamas",
                                                            "Eloy Lafuente", "Tim Hunt"}));
    EXPECT_EQ(optionCorrect(first), (std::vector<bool>{false, true, false, false}));
    // Plain text: Moodle's &lt; &gt; &amp; are its storage detail.
    const auto& second = result.questions[1];
    EXPECT_EQ(second.prompt.zh, "Moodle's abilities include handling user input that includes "
                                "<html class=\"cool\"> & images:");
    EXPECT_EQ(second.type, QuestionType::Single);
    EXPECT_EQ(optionTexts(second), (std::vector<std::string>{"True", "False"}));
    EXPECT_EQ(optionCorrect(second), (std::vector<bool>{true, false}));
    EXPECT_EQ(result.questionLines, (std::vector<int>{1, 8}));
}

void expectAikenErrors(const QuizImportResult& result) {
    // Moodle reports lines 3, 5, 7 and 18; the file imports nothing here until it is fixed.
    EXPECT_FALSE(result.ok());
    std::vector<std::pair<int, std::string>> errors;
    for (const auto& d : result.diagnostics.items())
        if (d.severity == Severity::Error) errors.emplace_back(d.line, d.code);
    EXPECT_EQ(errors, (std::vector<std::pair<int, std::string>>{{3, "quiz.too_few_options"},
                                                                {5, "quiz.not_started"},
                                                                {7, "quiz.not_started"},
                                                                {18, "quiz.not_completed"}}))
        << listDiagnostics(result.diagnostics);
    for (const auto& d : result.diagnostics.items())
        EXPECT_NE(d.message.find("line " + std::to_string(d.line)), std::string::npos) << d.message;
}

TEST_F(Conformance, AikenErrors) {
    const auto result = import(QuizFormat::Aiken, "aiken/aiken_errors.txt");
    expectAikenErrors(result);
    ASSERT_EQ(result.questions.size(), 2u);
    EXPECT_EQ(result.questions[0].prompt.zh, "A good question");
    EXPECT_EQ(optionCorrect(result.questions[0]), (std::vector<bool>{true, false}));
    EXPECT_EQ(result.questions[1].prompt.zh, "A second good question");
    EXPECT_EQ(optionTexts(result.questions[1]),
              (std::vector<std::string>{"Incorrect (No space)", "Correct (No space)"}));
    EXPECT_EQ(optionCorrect(result.questions[1]), (std::vector<bool>{false, true}));
}

TEST_F(Conformance, AikenErrorsNewer) {
    const auto result = import(QuizFormat::Aiken, "aiken/aiken_errors_newer.txt");
    expectAikenErrors(result);
    ASSERT_EQ(result.questions.size(), 3u);
    const auto& third = result.questions[2];
    EXPECT_EQ(third.prompt.zh, "A third good question with HTML chars such as > < &");
    EXPECT_EQ(optionTexts(third),
              (std::vector<std::string>{"Correct (< > &)", "Incorrect (< > &)"}));
    EXPECT_EQ(optionCorrect(third), (std::vector<bool>{true, false}));
}

// ---- GIFT export round trip
// ------------------------------------------------------------------------

void expectSameQuestions(const std::vector<Question>& a, const std::vector<Question>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        SCOPED_TRACE("question " + a[i].id);
        EXPECT_EQ(a[i].id, b[i].id);
        EXPECT_EQ(a[i].type, b[i].type);
        EXPECT_EQ(a[i].prompt.zh, b[i].prompt.zh);
        EXPECT_EQ(a[i].answer, b[i].answer);
        EXPECT_EQ(a[i].feedbackTrue.zh, b[i].feedbackTrue.zh);
        EXPECT_EQ(a[i].feedbackFalse.zh, b[i].feedbackFalse.zh);
        EXPECT_EQ(a[i].explanation.zh, b[i].explanation.zh);
        EXPECT_EQ(a[i].tags, b[i].tags);
        EXPECT_EQ(optionTexts(a[i]), optionTexts(b[i]));
        EXPECT_EQ(optionCorrect(a[i]), optionCorrect(b[i]));
        EXPECT_EQ(optionFeedback(a[i]), optionFeedback(b[i]));
        const auto wa = optionWeights(a[i]), wb = optionWeights(b[i]);
        ASSERT_EQ(wa.size(), wb.size());
        for (std::size_t k = 0; k < wa.size(); ++k)
            EXPECT_DOUBLE_EQ(wa[k], wb[k]);
    }
}

TEST_F(Conformance, ExportThenImportGivesTheSameQuestions) {
    for (const char* fixture :
         {"gift/questions.gift.txt", "gift/questions_in_category.gift.txt", "gift/examples.txt"}) {
        SCOPED_TRACE(fixture);
        const auto first = import(QuizFormat::Gift, fixture);
        ASSERT_TRUE(first.ok());
        QuizBank bank;
        bank.id = "roundtrip";
        bank.category.zh = first.category;
        bank.questions = first.questions;
        const std::string gift = exportGift(bank);
        const auto again = importGift(gift, "exported.gift", {});
        ASSERT_TRUE(again.ok()) << listDiagnostics(again.diagnostics) << gift;
        EXPECT_TRUE(again.skipped.empty());
        EXPECT_EQ(again.category, first.category);
        expectSameQuestions(first.questions, again.questions);
    }
}

TEST(GiftExport, AwkwardTextsSurviveTheRoundTrip) {
    QuizBank bank;
    bank.id = "b";
    bank.category.zh = "档案: 基础 {1}";
    Question single;
    single.id = "s1";
    single.type = QuestionType::Single;
    single.prompt.zh = "[html] 1 < 2 & 3 > 2? a:b {x} ~y =z #w \\ back\nnew line\n\nparagraph";
    single.tags = {"tag]x", "中文"};
    for (const char* text : {"%50% is not a weight", "[plain] looks like a tag", "普通选项"}) {
        QuizOption o;
        o.text.zh = text;
        single.options.push_back(o);
    }
    single.options[2].correct = true;
    single.options[0].weight = 0.25;
    single.options[1].feedback.zh = "[markdown] #### not general feedback";
    single.explanation.zh = "解析：{见档案}";
    Question multiple;
    multiple.id = "m1";
    multiple.type = QuestionType::Multiple;
    multiple.prompt.zh = "选出正确的两项";
    for (double w : {0.5, 0.5, -1.0, 0.0}) {
        QuizOption o;
        o.text.zh = "选项 " + std::to_string(w);
        o.weight = w;
        o.correct = w > 0;
        multiple.options.push_back(o);
    }
    Question tf;
    tf.id = "t1";
    tf.type = QuestionType::TrueFalse;
    tf.prompt.zh = "国际档案日是 6 月 9 日。";
    tf.answer = true;
    tf.feedbackTrue.zh = "对。";
    Question tf2 = tf;
    tf2.id = "t2";
    tf2.answer = false;
    tf2.feedbackTrue.zh = "";
    tf2.feedbackFalse.zh = "#1";
    bank.questions = {single, multiple, tf, tf2};
    const std::string gift = exportGift(bank);
    const auto again = importGift(gift, "b.gift", {});
    ASSERT_TRUE(again.ok()) << listDiagnostics(again.diagnostics) << gift;
    EXPECT_EQ(again.category, bank.category.zh);
    expectSameQuestions(bank.questions, again.questions);
}

TEST(GiftExport, MultipleWithoutWeightsWritesTheDefaultWeights) {
    QuizBank bank;
    Question q;
    q.id = "m";
    q.type = QuestionType::Multiple;
    q.prompt.zh = "P";
    for (bool correct : {true, true, false}) {
        QuizOption o;
        o.text.zh = correct ? "yes" : "no";
        o.correct = correct;
        q.options.push_back(o);
    }
    bank.questions = {q};
    const std::string gift = exportGift(bank);
    EXPECT_NE(gift.find("\t~%50%yes\n\t~%50%yes\n\t~%-50%no\n"), std::string::npos) << gift;
}

// ---- CSV
// -------------------------------------------------------------------------------------------

const std::string kTemplateRows = "type,prompt_zh,prompt_en,option_a,option_b,option_c,option_a_en,"
                                  "option_b_en,option_c_en,correct,explanation_zh,"
                                  "explanation_en,difficulty,tags,item\r\n"
                                  "single,\"国际档案日是哪一天？\",\"When is International "
                                  "Archives Day?\",6月9日,10月1日,,9 June,1 October,,A,"
                                  "\"国际档案理事会于 2007 年定为 6 月 9 日。\",\"The ICA chose 9 "
                                  "June in 2007.\",1,\"档案日;常识\",\r\n"
                                  "multiple,\"多选, 带逗号\",\"Pick, with "
                                  "\"\"quotes\"\"\",\"第一行\n第二行\",乙,丙,,,,\"A;C\",,,2,,\r\n"
                                  "判断,档案是历史的记录。,,,,,,,,对,,,3,,\r\n"
                                  ",,,,,,,,,,,,,,\r\n";

void expectTemplateRows(const QuizImportResult& result) {
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    ASSERT_EQ(result.questions.size(), 3u);
    const auto& a = result.questions[0];
    EXPECT_EQ(a.type, QuestionType::Single);
    EXPECT_EQ(a.prompt.zh, "国际档案日是哪一天？");
    EXPECT_EQ(a.prompt.en, "When is International Archives Day?");
    EXPECT_EQ(optionTexts(a), (std::vector<std::string>{"6月9日", "10月1日"}));
    EXPECT_EQ(a.options[0].text.en, "9 June");
    EXPECT_EQ(optionCorrect(a), (std::vector<bool>{true, false}));
    EXPECT_EQ(a.explanation.en, "The ICA chose 9 June in 2007.");
    EXPECT_EQ(a.tags, (std::vector<std::string>{"档案日", "常识"}));
    const auto& b = result.questions[1];
    EXPECT_EQ(b.type, QuestionType::Multiple);
    EXPECT_EQ(b.prompt.zh, "多选, 带逗号");
    EXPECT_EQ(b.prompt.en, "Pick, with \"quotes\"");
    EXPECT_EQ(optionTexts(b), (std::vector<std::string>{"第一行\n第二行", "乙", "丙"}));
    EXPECT_EQ(optionCorrect(b), (std::vector<bool>{true, false, true}));
    EXPECT_EQ(b.difficulty, 2);
    const auto& c = result.questions[2];
    EXPECT_EQ(c.type, QuestionType::TrueFalse);
    EXPECT_TRUE(c.answer);
    EXPECT_EQ(c.difficulty, 3);
    EXPECT_EQ(result.questionLines, (std::vector<int>{2, 3, 5}));
}

TEST(CsvImport, ExcelUtf8WithBomAndCrlf) {
    expectTemplateRows(importCsv("\xEF\xBB\xBF" + kTemplateRows, "t.csv", {}));
}

TEST(CsvImport, WithoutBomAndWithLf) {
    std::string lf;
    for (std::size_t i = 0; i < kTemplateRows.size(); ++i)
        if (!(kTemplateRows[i] == '\r' && i + 1 < kTemplateRows.size() &&
              kTemplateRows[i + 1] == '\n'))
            lf += kTemplateRows[i];
    expectTemplateRows(importCsv(lf, "t.csv", {}));
}

TEST(CsvImport, SemicolonsAndNoTrailingNewline) {
    const auto result =
        importCsv("type;prompt_zh;option_a;option_b;correct\nsingle;\"a;b\";x;y;b", "t.csv", {});
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    ASSERT_EQ(result.questions.size(), 1u);
    EXPECT_EQ(result.questions[0].prompt.zh, "a;b");
    EXPECT_EQ(optionCorrect(result.questions[0]), (std::vector<bool>{false, true}));
}

TEST(CsvImport, InferredTypesEnglishOnlyAndUnknownColumns) {
    const auto result = importCsv("prompt_en,option_a_en,option_b_en,correct,notes\n"
                                  "Q1,a,b,B,x\nQ2,a,b,\"A, B\",\nQ3,,,false,\n",
                                  "t.csv", {});
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    ASSERT_EQ(result.questions.size(), 3u);
    EXPECT_EQ(result.questions[0].type, QuestionType::Single);
    EXPECT_EQ(result.questions[0].prompt.zh, "Q1");
    EXPECT_EQ(result.questions[1].type, QuestionType::Multiple);
    EXPECT_EQ(result.questions[2].type, QuestionType::TrueFalse);
    EXPECT_FALSE(result.questions[2].answer);
    EXPECT_TRUE(result.diagnostics.hasCode("csv.unknown_column"));
    EXPECT_TRUE(result.diagnostics.hasCode("quiz.chinese_missing"));
}

TEST(CsvImport, TheTemplateFileImports) {
    const auto text = readText(fs::path(LANTAI_SOURCE_DIR) / "content/quiz-template.csv");
    EXPECT_TRUE(text.starts_with("\xEF\xBB\xBF"))
        << "the template is saved with a BOM, as Excel does";
    EXPECT_NE(text.find("\r\n"), std::string::npos) << "the template uses CRLF, as Excel does";
    const auto result = importCsv(text, "quiz-template.csv", {});
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.questions.size(), 3u);
    EXPECT_EQ(questionTypes(result).size(), 3u);
}

// ---- a large file
// --------------------------------------------------------------------------------

TEST(GiftImport, TenThousandQuestions) {
    std::string gift;
    for (int i = 0; i < 10000; ++i) {
        const std::string n = std::to_string(i);
        if (i % 3 == 0)
            gift += "::题目 " + n + "::第 " + n + " 题：档案馆保存什么？{\n=档案 " + n +
                    "#对\n~%-50%报纸#不对\n~照片\n####解析 " + n + "\n}\n\n";
        else if (i % 3 == 1)
            gift += "// [tag:t" + n + "]\nQuestion " + n + " is true.{TRUE#no#yes}\n\n";
        else
            gift += "Pick two " + n + "{~%50%a ~%50%b ~%-100%c}\n\n";
    }
    QuizImportOptions options;
    options.idPrefix = "big";
    const auto result = importGift(gift, "big.gift", options);
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.questions.size(), 10000u);
    EXPECT_EQ(result.questionLines.back(), lineContaining(gift, "::题目 9999::"));
    std::set<std::string> ids;
    for (const auto& q : result.questions)
        ids.insert(q.id);
    EXPECT_EQ(ids.size(), 10000u);
}

// ---- importing into a pack
// ------------------------------------------------------------------------

class PackCopy {
  public:
    PackCopy() {
        static int counter = 0;
        m_path =
            fs::temp_directory_path() / ("lantai-quiz-import-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::copy(kPacks / "valid-minimal", m_path, fs::copy_options::recursive);
    }
    ~PackCopy() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }
    // Every file of the pack with its bytes, to compare before/after.
    std::map<std::string, std::string> snapshot() const {
        std::map<std::string, std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(m_path))
            files[fs::relative(entry.path(), m_path).string()] =
                entry.is_regular_file() ? readText(entry.path()) : "<dir>";
        return files;
    }

  private:
    fs::path m_path;
};

QuizImportResult importFor(const fs::path& pack, const std::string& bank, QuizFormat format,
                           const std::string& text) {
    const auto loaded = loadPack(pack);
    const std::string bankId = resolveImportBankId(loaded.pack, bank);
    return importQuiz(format, text, "in.txt",
                      quizImportOptionsFor(loaded.pack, bankId, Language::Zh));
}

TEST(ImportIntoPack, NewBankIsCreatedListedAndValid) {
    PackCopy pack;
    const auto result = importFor(pack.path(), "archives-day", QuizFormat::Gift,
                                  "$CATEGORY: $course$/档案日\n\n::Q::国际档案日是 6 月 9 "
                                  "日。{T####国际档案理事会定于 6 月 9 日。}\n");
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    Diagnostics diagnostics;
    std::string written;
    ASSERT_TRUE(importIntoPack(pack.path(), "archives-day", result, diagnostics, &written))
        << listDiagnostics(diagnostics);
    EXPECT_EQ(written, "quiz/archives-day.json");
    const auto after = loadAndValidatePack(pack.path());
    EXPECT_FALSE(after.diagnostics.hasErrors()) << listDiagnostics(after.diagnostics);
    ASSERT_EQ(after.pack.quizBanks.size(), 2u);
    const auto& bank = after.pack.quizBanks[1];
    EXPECT_EQ(bank.id, "archives-day");
    EXPECT_EQ(bank.category.zh, "档案日");
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].id, "archives-day-q");
    EXPECT_TRUE(bank.questions[0].answer);
    // The new warnings (no English) about the question point at its line in the import file.
    ASSERT_TRUE(diagnostics.hasCode("text.missing_en"));
    EXPECT_FALSE(diagnostics.hasErrors());
    int atImportLine = 0;
    for (const auto& d : diagnostics.items()) {
        EXPECT_TRUE(d.file == "in.txt" || d.file == "quiz/archives-day.json")
            << formatDiagnostic(d, false);
        if (d.file == "in.txt") {
            EXPECT_EQ(d.line, 3);
            ++atImportLine;
        }
    }
    EXPECT_EQ(atImportLine, 2) << listDiagnostics(diagnostics);
}

TEST(ImportIntoPack, EnglishImportTitlesTheNewBankInEnglishToo) {
    PackCopy pack;
    const auto loaded = loadPack(pack.path());
    const auto result =
        importAiken("Archives keep letters:\nA) True\nB) False\nANSWER: A\n", "in.txt",
                    quizImportOptionsFor(loaded.pack, "english", Language::En));
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.language, Language::En);
    Diagnostics diagnostics;
    ASSERT_TRUE(importIntoPack(pack.path(), "english", result, diagnostics, nullptr))
        << listDiagnostics(diagnostics);
    const auto after = loadAndValidatePack(pack.path());
    ASSERT_EQ(after.pack.quizBanks.size(), 2u);
    EXPECT_EQ(after.pack.quizBanks[1].title.en, "english");
    EXPECT_EQ(after.pack.quizBanks[1].questions[0].prompt.en, "Archives keep letters:");
    EXPECT_EQ(after.pack.quizBanks[1].questions[0].id, "english-1");
    EXPECT_FALSE(after.diagnostics.hasCode("text.missing_en"))
        << listDiagnostics(after.diagnostics);
}

TEST(ImportIntoPack, DefaultBankIsExtendedKeepingItsContent) {
    PackCopy pack;
    const auto before = readText(pack.path() / "quiz/basics.json");
    const auto result =
        importFor(pack.path(), "", QuizFormat::Csv,
                  "type,prompt_zh,prompt_en,option_a,option_a_en,option_b,option_b_en,correct,"
                  "explanation_zh,explanation_en,item\n"
                  "single,信写于哪年？,Which year?,1931,1931,1949,1949,A,见信末。,See the "
                  "end.,letter-1931\n");
    ASSERT_TRUE(result.ok()) << listDiagnostics(result.diagnostics);
    Diagnostics diagnostics;
    std::string written;
    ASSERT_TRUE(importIntoPack(pack.path(), "", result, diagnostics, &written))
        << listDiagnostics(diagnostics);
    EXPECT_EQ(written, "quiz/basics.json");
    EXPECT_TRUE(diagnostics.empty()) << listDiagnostics(diagnostics);
    const auto after = loadAndValidatePack(pack.path());
    EXPECT_FALSE(after.diagnostics.hasErrors()) << listDiagnostics(after.diagnostics);
    ASSERT_EQ(after.pack.quizBanks[0].questions.size(), 3u);
    EXPECT_EQ(after.pack.quizBanks[0].questions[2].id, "basics-1");
    EXPECT_EQ(after.pack.quizBanks[0].questions[2].item, "letter-1931");
    // The old questions are still there, written the same way.
    const auto now = readText(pack.path() / "quiz/basics.json");
    EXPECT_EQ(now.substr(0, now.find("\"id\": \"basics-1\"")).substr(0, 200),
              before.substr(0, 200));
}

TEST(ImportIntoPack, NewErrorsLeaveThePackByteForByteUntouched) {
    PackCopy pack;
    const auto snapshot = pack.snapshot();
    // A dangling item reference: the file itself is fine, the pack would not be.
    auto result =
        importFor(pack.path(), "", QuizFormat::Csv,
                  "type,prompt_zh,option_a,option_b,correct,item\nsingle,Q,a,b,A,no-such-item\n");
    ASSERT_TRUE(result.ok());
    Diagnostics diagnostics;
    EXPECT_FALSE(importIntoPack(pack.path(), "", result, diagnostics, nullptr));
    ASSERT_TRUE(diagnostics.hasCode("ref.dangling")) << listDiagnostics(diagnostics);
    EXPECT_EQ(diagnostics.items()[0].file, "in.txt");
    EXPECT_EQ(diagnostics.items()[0].line, 2);
    EXPECT_EQ(pack.snapshot(), snapshot);

    // A question id already in the pack, found only when the pack is validated again (the
    // importer was not told about taken ids): the write is undone.
    result = importGift("// [id:letter-year]\nQ {=a ~b}\n", "in.txt", {});
    ASSERT_TRUE(result.ok());
    diagnostics = {};
    EXPECT_FALSE(importIntoPack(pack.path(), "new-bank", result, diagnostics, nullptr));
    EXPECT_TRUE(diagnostics.hasCode("id.duplicate")) << listDiagnostics(diagnostics);
    EXPECT_EQ(pack.snapshot(), snapshot);

    // A file with errors is refused outright.
    result = importGift("Q {=a ~b", "in.txt", {});
    ASSERT_FALSE(result.ok());
    diagnostics = {};
    EXPECT_FALSE(importIntoPack(pack.path(), "", result, diagnostics, nullptr));
    EXPECT_EQ(pack.snapshot(), snapshot);
}

TEST(ImportIntoPack, MissingPackAndUnlistedBankFile) {
    Diagnostics diagnostics;
    const auto result = importGift("Q {T}", "in.txt", {});
    EXPECT_FALSE(importIntoPack("/nonexistent/pack", "", result, diagnostics, nullptr));
    EXPECT_TRUE(diagnostics.hasCode("pack.not_found"));
    PackCopy pack;
    ASSERT_TRUE(writeFileAtomic(pack.path() / "quiz/stray.json", "{}"));
    diagnostics = {};
    EXPECT_FALSE(importIntoPack(pack.path(), "stray", result, diagnostics, nullptr));
    EXPECT_TRUE(diagnostics.hasCode("quiz.bank_exists")) << listDiagnostics(diagnostics);
}

} // namespace
} // namespace lantai::core
