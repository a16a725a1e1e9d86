// core/quiz: quiz bank -> GIFT text (Moodle's export layout; importGift reads it back to the same
// questions)
#include "core/quiz/import.h"

#include <charconv>
#include <cstdio>

namespace lantai::core {

namespace {

// GIFT's reserved characters are escaped with a backslash; a line break becomes \n so that a
// text never ends a block (Moodle's repchar does the same).
std::string escapeGift(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '~':
        case '=':
        case '#':
        case '{':
        case '}':
        case ':':
            out += '\\';
            out += c;
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Text the importer would read as HTML or as a format tag is written as [plain].
bool needsPlain(const std::string& text) {
    return text.find('<') != std::string::npos || text.find('&') != std::string::npos;
}

// One text inside a question whose format is already set: a leading [ (format tag) or %
// (weight) must not be taken as markup.
std::string answerText(const std::string& text) {
    if (!text.empty() && (text[0] == '[' || text[0] == '%')) return "[plain]" + escapeGift(text);
    return escapeGift(text);
}

// The weight as a GIFT percentage in plain decimal notation (importGift reads no exponents):
// short when that keeps its sign and zero-ness, else every digit needed.
std::string percent(double weight) {
    const double value = weight * 100.0;
    char buffer[2048];
    std::snprintf(buffer, sizeof buffer, "%.8f", value);
    std::string out = buffer;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    const bool zero = out == "0" || out == "-0";
    if (zero != (value == 0.0)) {
        const auto [end, ec] =
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
        if (ec == std::errc()) out.assign(buffer, end);
    }
    return out;
}

// A value inside a // [tag:...] comment: ] escaped, control characters (which end a marker)
// replaced, and a space after a final backslash so that it does not escape the closing ].
std::string commentValue(const std::string& value) {
    std::string out;
    for (const char c : value) {
        if (c == ']')
            out += "\\]";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            out += ' ';
        else
            out += c;
    }
    if (!out.empty() && out.back() == '\\') out += ' ';
    return out;
}

std::string optionText(const QuizOption& option, Language language) {
    std::string text = option.text.get(language);
    if (text.empty() && option.image)
        text = option.image->alt.get(language).empty() ? option.image->file
                                                       : option.image->alt.get(language);
    return text;
}

void writeQuestion(std::string& out, const Question& q, Language language) {
    out += "// [id:" + commentValue(q.id) + "]";
    for (const auto& tag : q.tags)
        out += " [tag:" + commentValue(tag) + "]";
    out += "\n";

    const std::string& prompt = q.prompt.get(language);
    bool plain = needsPlain(prompt) || needsPlain(q.explanation.get(language)) ||
                 needsPlain(q.feedbackTrue.get(language)) ||
                 needsPlain(q.feedbackFalse.get(language));
    for (const auto& option : q.options)
        plain = plain || needsPlain(optionText(option, language)) ||
                needsPlain(option.feedback.get(language));
    out += "::" + escapeGift(q.id) + "::";
    if (plain || (!prompt.empty() && prompt[0] == '[')) out += "[plain]";
    out += escapeGift(prompt);

    const auto feedback = [&](const LocalizedText& text) {
        const std::string& value = text.get(language);
        return value.empty() ? std::string() : "#" + answerText(value);
    };
    const std::string& explanation = q.explanation.get(language);
    if (q.type == QuestionType::TrueFalse) {
        // {TRUE#feedback for the wrong choice#feedback for the right choice}
        const LocalizedText& right = q.answer ? q.feedbackTrue : q.feedbackFalse;
        const LocalizedText& wrong = q.answer ? q.feedbackFalse : q.feedbackTrue;
        out += q.answer ? "{TRUE" : "{FALSE";
        if (!wrong.get(language).empty() || !right.get(language).empty())
            out += "#" + answerText(wrong.get(language));
        if (!right.get(language).empty()) out += "#" + answerText(right.get(language));
        if (!explanation.empty()) out += "####" + answerText(explanation);
        out += "}\n\n";
        return;
    }
    out += "{\n";
    std::size_t correctCount = 0;
    for (const auto& option : q.options)
        correctCount += option.correct ? 1 : 0;
    const double k = static_cast<double>(std::max<std::size_t>(correctCount, 1));
    for (const auto& option : q.options) {
        out += '\t';
        if (q.type == QuestionType::Single) {
            if (option.correct)
                out += "=";
            else if (option.weight)
                out += "~%" + percent(*option.weight) + "%";
            else
                out += "~";
        } else {
            // A multiple-answer question has no "=": every answer carries its weight.
            const double weight =
                option.weight ? *option.weight : (option.correct ? 1.0 / k : -1.0 / k);
            out += weight == 0.0 ? std::string("~") : "~%" + percent(weight) + "%";
        }
        out += answerText(optionText(option, language)) + feedback(option.feedback) + "\n";
    }
    if (!explanation.empty()) out += "\t####" + answerText(explanation) + "\n";
    out += "}\n\n";
}

} // namespace

std::string exportGift(const QuizBank& bank, Language language) {
    std::string out = "// Exported by lantai " LANTAI_VERSION " from the quiz bank \"" +
                      commentValue(bank.id) + "\"";
    if (!bank.file.empty()) out += " (" + commentValue(bank.file) + ")";
    out += "\n\n";
    if (const std::string& category = bank.category.get(language); !category.empty()) {
        std::string line;
        for (const char c : category)
            line += (c == '\n' || c == '\r') ? ' ' : c;
        out += "$CATEGORY: $course$/top/" + escapeGift(line) + "\n\n";
    }
    for (const auto& question : bank.questions)
        writeQuestion(out, question, language);
    return out;
}

} // namespace lantai::core
