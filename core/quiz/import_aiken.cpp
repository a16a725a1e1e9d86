// core/quiz: Aiken quiz import — Moodle's line rules (question, A) choices, ANSWER: X), errors on
// the same lines
#include "core/base/utf8.h"
#include "core/quiz/import_common.h"

#include <optional>

namespace lantai::core {

namespace {

using namespace quiz_import;

bool isChoiceLine(std::string_view line) {
    return line.size() >= 2 && line[0] >= 'A' && line[0] <= 'Z' &&
           (line[1] == ')' || line[1] == '.');
}

// A short name for messages: the first 40 characters of the question text.
std::string shortName(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    for (int n = 0; pos < text.size() && n < 40; ++n)
        appendUtf8(out, nextCodePoint(text, pos));
    if (pos < text.size()) out += "…";
    return out;
}

struct OpenQuestion {
    Question question;
    int line = 0;
    std::size_t offset = 0;
    std::string name;
    bool bad = false;
};

} // namespace

namespace quiz_import {

bool parseAiken(std::string_view text, const QuizImportOptions& options, IdAllocator& /*ids*/,
                QuizImportResult& result, QuestionSink& sink) {
    const std::string& fileName = result.fileName;
    result.language = options.language;
    const bool englishOnly = options.language == Language::En;
    const SourceText source(text);
    Reporter report(source, result);
    if (!checkEncoding(source, report, false)) return englishOnly;
    std::optional<OpenQuestion> open;
    const auto error = [&](const char* code, std::size_t offset, std::string message,
                           std::string messageZh) {
        report.at(Severity::Error, code, offset, std::move(message), std::move(messageZh));
    };
    const auto notStarted = [&](std::size_t offset, int line) {
        error("quiz.not_started", offset,
              "Question not started on line " + std::to_string(line) +
                  ": a choice or ANSWER: line comes before any question text.",
              "第 " + std::to_string(line) +
                  " 行：题目尚未开始，选项或 ANSWER: 行出现在题干之前。");
    };

    for (std::size_t i = 0; i < source.lineCount(); ++i) {
        const std::string_view raw = source.line(i);
        std::size_t b = 0;
        while (b < raw.size() && isTrimSpace(raw[b]))
            ++b;
        const std::string_view line = trimView(raw);
        const std::size_t offset = source.lineStart(i) + b;
        const int lineNumber = static_cast<int>(i) + 1;
        if (line.size() < 2)
            continue; // Moodle ignores lines shorter than 2 bytes, blank ones included

        if (isChoiceLine(line)) {
            if (!open) {
                notStarted(offset, lineNumber);
                continue;
            }
            const char expected =
                static_cast<char>('A' + std::min<std::size_t>(open->question.options.size(), 25));
            if (line[0] != expected) {
                error("quiz.syntax", offset,
                      std::string("This choice is labelled ") + line[0] +
                          " but the next label should be " + expected +
                          ": label the choices A, B, C … in order.",
                      std::string("此选项标为 ") + line[0] + "，但下一个应为 " + expected +
                          "：选项请按 A、B、C … 顺序标注。");
                open->bad = true;
            }
            QuizOption option;
            option.source = open->question.source;
            setText(option.text, options.language, trimCopy(line.substr(2)));
            if (option.text.zh.empty()) {
                error("quiz.empty_text", offset, "This choice has no text.", "此选项没有文字。");
                open->bad = true;
            }
            open->question.options.push_back(std::move(option));
        } else if (line.starts_with("ANSWER:")) {
            if (!open) {
                notStarted(offset, lineNumber);
                continue;
            }
            auto& q = open->question;
            const std::string_view letter = trimView(line.substr(7));
            std::size_t letterOffset = offset + 7;
            while (letterOffset - offset < line.size() && isTrimSpace(line[letterOffset - offset]))
                ++letterOffset;
            if (q.options.size() < 2) {
                error("quiz.too_few_options", offset,
                      "Question must have at least 2 answers on line " +
                          std::to_string(lineNumber) + " (question \"" + open->name + "\").",
                      "第 " + std::to_string(lineNumber) + " 行：题目“" + open->name +
                          "”至少需要 2 个选项。");
                open.reset();
                continue;
            }
            if (q.options.size() > 8) {
                error("quiz.too_many_options", open->offset,
                      "The question has " + std::to_string(q.options.size()) +
                          " choices; the kiosk shows at most 8.",
                      "此题有 " + std::to_string(q.options.size()) +
                          " 个选项；展台最多显示 8 个。");
                open->bad = true;
            }
            const char upper = letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z'
                                   ? static_cast<char>(letter[0] - 'a' + 'A')
                                   : (letter.size() == 1 ? letter[0] : '\0');
            const std::size_t index =
                upper >= 'A' && upper <= 'Z' ? static_cast<std::size_t>(upper - 'A') : 99;
            if (index >= q.options.size()) {
                const std::string last(1, static_cast<char>('A' + q.options.size() - 1));
                error("quiz.answer_invalid", letter.empty() ? offset : letterOffset,
                      letter.empty() ? "ANSWER: names no choice; write e.g. ANSWER: A."
                                     : "ANSWER: " + std::string(letter) +
                                           " does not name one of the choices A … " + last + ".",
                      letter.empty()
                          ? "ANSWER: 后没有写选项字母，例如 ANSWER: A。"
                          : "ANSWER: " + std::string(letter) + " 不是选项 A … " + last + " 之一。");
                open.reset();
                continue;
            }
            q.options[index].correct = true;
            if (!open->bad) sink.add(std::move(q), open->line, "");
            open.reset();
        } else {
            if (open)
                error("quiz.not_completed", offset,
                      "Question not completed before next question start on line " +
                          std::to_string(lineNumber) + ": the question \"" + open->name +
                          "\" (line " + std::to_string(open->line) + ") has no ANSWER: line.",
                      "第 " + std::to_string(lineNumber) + " 行开始了新题目，但上一题“" +
                          open->name + "”（第 " + std::to_string(open->line) +
                          " 行）没有 ANSWER: 行。");
            open.emplace();
            open->line = lineNumber;
            open->offset = offset;
            open->name = shortName(line);
            open->question.type = QuestionType::Single;
            open->question.source = {fileName, ""};
            setText(open->question.prompt, options.language, std::string(line));
        }
    }
    if (open)
        error("quiz.not_completed", open->offset,
              "The question \"" + open->name + "\" at the end of the file has no ANSWER: line.",
              "文件末尾的题目“" + open->name + "”没有 ANSWER: 行。");
    return englishOnly;
}

} // namespace quiz_import

} // namespace lantai::core
