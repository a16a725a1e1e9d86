// tests: checks shared by the quiz import fuzz targets (result invariants, GIFT export round trip)
#pragma once

#include "core/base/json_reader.h"
#include "core/base/utf8.h"
#include "core/pack/writer.h"
#include "core/quiz/import.h"
#include "fuzz_text_common.h"

#include <cmath>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace quiz_fuzz {

using namespace lantai::core;

[[noreturn]] inline void failure(const char* what, const std::string& detail) {
    fuzz_text::failure("quiz", what, detail);
}

inline QuizImportOptions options() {
    QuizImportOptions o;
    o.idPrefix = "fz";
    o.takenIds = {"fz-1", "taken"};
    return o;
}

using fuzz_text::lineCount;

inline void checkText(const LocalizedText& text, const char* what) {
    if (findInvalidUtf8(text.zh) || findInvalidUtf8(text.en)) failure("text is not UTF-8", what);
}

// What every import result must satisfy, errors or not.
inline void checkResult(const QuizImportResult& result, std::string_view input) {
    const std::size_t lines = lineCount(input);
    for (const auto& d : result.diagnostics.items()) {
        if (d.code.empty() || d.message.empty() || d.messageZh.empty() || d.file.empty())
            failure("incomplete diagnostic", formatDiagnostic(d, false));
        if (d.line < 0 || d.column < 0 || static_cast<std::size_t>(d.line) > lines ||
            (d.line == 0 && d.column != 0))
            failure("diagnostic position outside the file", formatDiagnostic(d, false));
    }
    if (result.questionLines.size() != result.questions.size()) failure("questionLines size", "");
    for (const auto& s : result.skipped)
        if (s.line < 1 || static_cast<std::size_t>(s.line) > lines)
            failure("skipped line outside the file", s.type);
    if (!result.ok()) return;
    std::set<std::string> ids;
    for (const auto& q : result.questions) {
        if (!isValidId(q.id) || !ids.insert(q.id).second || q.id == "fz-1" || q.id == "taken")
            failure("bad or duplicate question id", q.id);
        if (q.prompt.zh.empty()) failure("question without text", q.id);
        checkText(q.prompt, "prompt");
        checkText(q.explanation, "explanation");
        if (q.type != QuestionType::TrueFalse) {
            if (q.options.size() < 2 || q.options.size() > 8) failure("option count", q.id);
            std::size_t correct = 0;
            for (const auto& o : q.options) {
                if (o.text.zh.empty()) failure("option without text", q.id);
                if (o.weight && !(*o.weight >= -1.0 && *o.weight <= 1.0))
                    failure("weight out of range", q.id);
                checkText(o.text, "option");
                checkText(o.feedback, "feedback");
                correct += o.correct ? 1 : 0;
            }
            if (correct == 0 || (q.type == QuestionType::Single && correct != 1))
                failure("correct options", q.id);
        }
    }
    QuizBank bank;
    bank.id = "fz";
    bank.title.zh = "fuzz";
    bank.questions = result.questions;
    try {
        (void)serializePackDocument(quizBankToJson(bank));
    } catch (const std::exception& e) {
        failure("quiz bank does not serialise", e.what());
    }
}

inline bool sameText(const LocalizedText& a, const LocalizedText& b) {
    return a.zh == b.zh;
}

// The weight an option scores with: its own, or for a multiple-answer question the default
// ±1/k (k correct options) that the GIFT export writes out; NaN for "none" (single choice).
inline double effectiveWeight(const Question& q, const QuizOption& o) {
    if (o.weight) return *o.weight;
    if (q.type != QuestionType::Multiple) return std::nan("");
    double k = 0;
    for (const auto& option : q.options)
        k += option.correct ? 1 : 0;
    return (o.correct ? 1.0 : -1.0) / (k > 0 ? k : 1.0);
}

// exportGift -> importGift must give the same questions (GIFT has one language: zh here).
inline void checkGiftRoundTrip(const QuizImportResult& result) {
    if (!result.ok()) return;
    QuizBank bank;
    bank.id = "fz";
    bank.category.zh = result.category;
    bank.questions = result.questions;
    const std::string gift = exportGift(bank);
    const auto again = importGift(gift, "again.gift", {});
    if (!again.ok()) {
        std::string list;
        for (const auto& d : again.diagnostics.items())
            list += formatDiagnostic(d, false) + "\n";
        failure("exported GIFT does not import cleanly", list + gift);
    }
    if (again.category != result.category) failure("category changed", gift);
    if (again.questions.size() != result.questions.size()) failure("question count changed", gift);
    for (std::size_t i = 0; i < result.questions.size(); ++i) {
        const auto& a = result.questions[i];
        const auto& b = again.questions[i];
        bool same = a.id == b.id && a.type == b.type && sameText(a.prompt, b.prompt) &&
                    sameText(a.explanation, b.explanation) && a.tags == b.tags &&
                    a.options.size() == b.options.size();
        if (a.type == QuestionType::TrueFalse)
            same = same && a.answer == b.answer && sameText(a.feedbackTrue, b.feedbackTrue) &&
                   sameText(a.feedbackFalse, b.feedbackFalse);
        for (std::size_t k = 0; same && k < a.options.size(); ++k) {
            const auto& x = a.options[k];
            const auto& y = b.options[k];
            const double wx = effectiveWeight(a, x), wy = effectiveWeight(b, y);
            same = sameText(x.text, y.text) && sameText(x.feedback, y.feedback) &&
                   x.correct == y.correct && std::isnan(wx) == std::isnan(wy) &&
                   (std::isnan(wx) || std::fabs(wx - wy) <= 1e-9);
        }
        if (!same) failure("round trip changed a question", a.id + "\n" + gift);
    }
}

} // namespace quiz_fuzz
