// core/quiz: helpers shared by the quiz importers (positions, diagnostics, ids, texts, HTML to
// plain text)
#include "core/quiz/import_common.h"

#include "core/base/json_reader.h"
#include "core/base/utf8.h"

#include <algorithm>
#include <cstring>

namespace lantai::core {

const char* quizFormatName(QuizFormat format) {
    switch (format) {
    case QuizFormat::Gift:
        return "gift";
    case QuizFormat::Aiken:
        return "aiken";
    case QuizFormat::Csv:
        return "csv";
    }
    return "gift";
}

bool parseQuizFormat(const std::string& name, QuizFormat& out) {
    if (name == "gift")
        out = QuizFormat::Gift;
    else if (name == "aiken")
        out = QuizFormat::Aiken;
    else if (name == "csv")
        out = QuizFormat::Csv;
    else
        return false;
    return true;
}

namespace {

// Keeps every question in the result (importGift, importAiken, importCsv).
class CollectQuestions : public quiz_import::QuestionSink {
  public:
    explicit CollectQuestions(QuizImportResult& result) : m_result(result) {}
    void add(Question&& question, int line, std::string idHint) override {
        m_result.questions.push_back(std::move(question));
        m_result.questionLines.push_back(line);
        m_hints.push_back(std::move(idHint));
    }
    const std::vector<std::string>& hints() const { return m_hints; }

  private:
    QuizImportResult& m_result;
    std::vector<std::string> m_hints;
};

} // namespace

QuizImportResult importQuiz(QuizFormat format, std::string_view text, const std::string& fileName,
                            const QuizImportOptions& options) {
    QuizImportResult result;
    result.fileName = fileName;
    quiz_import::IdAllocator ids(options);
    CollectQuestions sink(result);
    const bool englishOnly = quiz_import::parserFor(format)(text, options, ids, result, sink);
    quiz_import::assignGeneratedIds(result, ids, sink.hints());
    quiz_import::finishImport(result, englishOnly, result.questions.size());
    return result;
}

QuizImportResult importGift(std::string_view text, const std::string& fileName,
                            const QuizImportOptions& options) {
    return importQuiz(QuizFormat::Gift, text, fileName, options);
}

QuizImportResult importAiken(std::string_view text, const std::string& fileName,
                             const QuizImportOptions& options) {
    return importQuiz(QuizFormat::Aiken, text, fileName, options);
}

QuizImportResult importCsv(std::string_view text, const std::string& fileName,
                           const QuizImportOptions& options) {
    return importQuiz(QuizFormat::Csv, text, fileName, options);
}

namespace quiz_import {

QuizParser parserFor(QuizFormat format) {
    switch (format) {
    case QuizFormat::Gift:
        return parseGift;
    case QuizFormat::Aiken:
        return parseAiken;
    case QuizFormat::Csv:
        return parseCsv;
    }
    return parseGift;
}

void Reporter::at(Severity severity, const char* code, std::size_t offset, std::string message,
                  std::string messageZh) {
    m_result.diagnostics.add({severity, code, m_result.fileName, "", m_source.lineOf(offset),
                              m_source.columnOf(offset), std::move(message), std::move(messageZh)});
}

void Reporter::atLine(Severity severity, const char* code, int line, std::string message,
                      std::string messageZh) {
    m_result.diagnostics.add({severity, code, m_result.fileName, "", line, line > 0 ? 1 : 0,
                              std::move(message), std::move(messageZh)});
}

bool checkEncoding(const SourceText& source, Reporter& report, bool csvHint) {
    const auto bad = findInvalidUtf8(source.text());
    if (!bad) return true;
    std::string message = "The file is not UTF-8 text (the first byte that is not UTF-8 is here); "
                          "nothing was imported.";
    std::string messageZh = "文件不是 UTF-8 编码（此处是第一个非 UTF-8 字节），未导入任何题目。";
    if (csvHint) {
        message += " In Excel use Save As > \"CSV UTF-8 (Comma delimited)\".";
        messageZh += "请在 Excel 中选择“另存为 > CSV UTF-8（逗号分隔）”。";
    } else {
        message += " Save the file as UTF-8 in your editor.";
        messageZh += "请在编辑器中将文件另存为 UTF-8 编码。";
    }
    report.at(Severity::Error, "quiz.encoding", *bad, std::move(message), std::move(messageZh));
    return false;
}

bool isTrimSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0B';
}

std::string_view trimView(std::string_view text) {
    while (!text.empty() && isTrimSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isTrimSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string trimCopy(std::string_view text) {
    return std::string(trimView(text));
}

void setText(LocalizedText& field, Language language, std::string text) {
    if (language == Language::En) {
        field.zh = text;
        field.en = std::move(text);
    } else {
        field.zh = std::move(text);
    }
}

// ---- ids -------------------------------------------------------------------------------------

namespace {

std::string slugOf(std::string_view hint, std::size_t maxLength) {
    std::string slug;
    bool dash = false;
    for (const char c : hint) {
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
            if (dash && !slug.empty()) slug += '-';
            dash = false;
            slug += lower;
            if (slug.size() >= maxLength) break;
        } else if (lower != '\'') {
            dash = true;
        }
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

} // namespace

IdAllocator::IdAllocator(const QuizImportOptions& options) : m_taken(options.takenIds) {
    m_prefix = isValidId(options.idPrefix) ? options.idPrefix : "q";
    if (m_prefix.size() > 40) m_prefix.resize(40);
    while (m_prefix.size() > 1 && (m_prefix.back() == '-' || m_prefix.back() == '_'))
        m_prefix.pop_back();
}

bool IdAllocator::claim(const std::string& id) {
    if (!available(id)) return false;
    m_used.insert(id);
    return true;
}

std::string IdAllocator::generate(std::string_view hint) {
    const std::string slug = slugOf(hint, 64 - m_prefix.size() - 1 - 4);
    if (!slug.empty()) {
        const std::string base = m_prefix + "-" + slug;
        std::string id = base;
        for (int n = 2; !available(id); ++n)
            id = base + "-" + std::to_string(n);
        m_used.insert(id);
        return id;
    }
    std::string id;
    do {
        id = m_prefix + "-" + std::to_string(++m_counter);
    } while (!available(id));
    m_used.insert(id);
    return id;
}

void assignGeneratedIds(QuizImportResult& result, IdAllocator& ids,
                        const std::vector<std::string>& hints) {
    for (std::size_t i = 0; i < result.questions.size(); ++i)
        if (result.questions[i].id.empty())
            result.questions[i].id =
                ids.generate(i < hints.size() ? std::string_view(hints[i]) : std::string_view());
}

void finishImport(QuizImportResult& result, bool englishOnly, std::size_t questionCount) {
    if (result.diagnostics.hasErrors()) return;
    if (englishOnly && questionCount > 0)
        result.diagnostics.add(
            {Severity::Warning, "quiz.chinese_missing", result.fileName, "", 0, 0,
             "The questions have English text only; the English text is also stored as the "
             "Chinese text until someone translates it.",
             "题目只有英文；在翻译之前，英文文本也会作为中文文本保存。"});
    if (questionCount == 0)
        result.diagnostics.add(
            {Severity::Warning, "quiz.no_questions", result.fileName, "", 0, 0,
             "The file has no question the kiosk can play; nothing will be imported.",
             "文件中没有展台能使用的题目，不会导入任何内容。"});
}

// ---- HTML to plain text ------------------------------------------------------------------------

namespace {

bool isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Tags that are removed from Moodle auto-format text (anything else that looks like a tag
// stays: "a<b and c>d" is text, not markup).
constexpr const char* kKnownTags[] = {
    "a",    "abbr",  "audio", "b",      "big",    "blockquote", "br",     "center",
    "code", "div",   "em",    "font",   "h1",     "h2",         "h3",     "h4",
    "h5",   "h6",    "hr",    "i",      "img",    "li",         "ol",     "p",
    "pre",  "s",     "small", "source", "span",   "strike",     "strong", "sub",
    "sup",  "table", "tbody", "td",     "th",     "thead",      "tr",     "tt",
    "u",    "ul",    "video", "iframe", "object", "embed",
};
constexpr const char* kBreakTags[] = {"br",         "p",   "div", "li", "tr",   "h1",
                                      "h2",         "h3",  "h4",  "h5", "h6",   "hr",
                                      "blockquote", "pre", "ul",  "ol", "table"};
constexpr const char* kMediaTags[] = {"a",      "img",    "audio",  "video",
                                      "source", "iframe", "object", "embed"};

template <std::size_t N> bool inList(const std::string& name, const char* const (&list)[N]) {
    for (const char* entry : list)
        if (name == entry) return true;
    return false;
}

struct Tag {
    std::size_t end = 0; // one past '>'
    std::string name;    // lower case
    bool closing = false;
    bool plausible =
        true; // no attributes, or attributes with "=" (so "<b and c>" in prose is not a tag)
};

// A tag at `pos` ("<name ...>" or "</name>"), or nullopt.
std::optional<Tag> readTag(std::string_view text, std::size_t pos) {
    std::size_t i = pos + 1;
    Tag tag;
    if (i < text.size() && text[i] == '/') {
        tag.closing = true;
        ++i;
    }
    const std::size_t nameStart = i;
    while (i < text.size() &&
           (isAsciiAlpha(text[i]) || (i > nameStart && text[i] >= '0' && text[i] <= '9')))
        ++i;
    if (i == nameStart) return std::nullopt;
    for (std::size_t k = nameStart; k < i; ++k)
        tag.name += asciiLower(text[k]);
    if (i < text.size() && text[i] != '>' && text[i] != '/' && !isTrimSpace(text[i]))
        return std::nullopt;
    const std::size_t attributes = i;
    char quote = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            tag.end = i + 1;
            std::string_view rest = trimView(text.substr(attributes, i - attributes));
            if (rest.ends_with('/')) rest = trimView(rest.substr(0, rest.size() - 1));
            tag.plausible = rest.empty() || rest.find('=') != std::string_view::npos;
            return tag;
        } else if (c == '<') {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

void collapseLines(std::string& out) {
    // Trim every line, and keep at most one empty line between paragraphs.
    std::string result;
    std::size_t start = 0;
    int blank = 0;
    while (start <= out.size()) {
        std::size_t end = out.find('\n', start);
        if (end == std::string::npos) end = out.size();
        const auto line = trimView(std::string_view(out).substr(start, end - start));
        if (line.empty()) {
            ++blank;
        } else {
            if (!result.empty()) result += blank > 0 ? "\n\n" : "\n";
            result += line;
            blank = 0;
        }
        start = end + 1;
    }
    out = std::move(result);
}

std::string stripTags(std::string_view text, bool html, bool& droppedMedia) {
    std::string out;
    out.reserve(text.size());
    int pre = 0;
    bool space = false;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '<') {
            if (const auto tag = readTag(text, i);
                tag && (html || (tag->plausible && inList(tag->name, kKnownTags)))) {
                if (!tag->closing && inList(tag->name, kMediaTags)) droppedMedia = true;
                if (tag->name == "pre") pre += tag->closing ? -1 : 1;
                if (pre < 0) pre = 0;
                if (inList(tag->name, kBreakTags)) {
                    out += '\n';
                    if (tag->name == "p" && tag->closing) out += '\n';
                    space = false;
                }
                i = tag->end;
                continue;
            }
        }
        if (html && pre == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            space = true;
            ++i;
            continue;
        }
        if (space) {
            if (!out.empty() && out.back() != '\n') out += ' ';
            space = false;
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace

std::string htmlToPlainText(std::string_view html, bool& droppedMedia) {
    std::string out = decodeEntities(stripTags(html, true, droppedMedia));
    collapseLines(out);
    return out;
}

std::string moodleToPlainText(std::string_view text, bool& droppedMedia) {
    if (text.find('<') == std::string_view::npos && text.find('&') == std::string_view::npos)
        return std::string(text);
    std::string out = decodeEntities(stripTags(text, false, droppedMedia));
    collapseLines(out);
    return out;
}

} // namespace quiz_import
} // namespace lantai::core
