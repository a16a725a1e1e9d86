// core/quiz: GIFT (Moodle) quiz import — the block, type and answer rules of Moodle's importer,
// stricter on errors. Over 500 lines: GIFT's escapes, blocks, question types and answer marks are
// one grammar whose rules refer to each other; split, each part would need the others' internals.
#include "core/base/json_reader.h"
#include "core/quiz/import_common.h"

#include <charconv>

namespace lantai::core {

namespace {

using namespace quiz_import;

// Escaped control characters become bytes that never occur in UTF-8 text while the block is
// taken apart (Moodle uses "&&058;"-style placeholders for the same purpose).
char placeholderFor(char c) {
    switch (c) {
    case ':':
        return '\xF9';
    case '#':
        return '\xFA';
    case '=':
        return '\xFB';
    case '{':
        return '\xFC';
    case '}':
        return '\xFD';
    case '~':
        return '\xFE';
    default:
        return 0;
    }
}

std::string unescape(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        switch (c) {
        case '\xF9':
            c = ':';
            break;
        case '\xFA':
            c = '#';
            break;
        case '\xFB':
            c = '=';
            break;
        case '\xFC':
            c = '{';
            break;
        case '\xFD':
            c = '}';
            break;
        case '\xFE':
            c = '~';
            break;
        default:
            break;
        }
    }
    return out;
}

enum class TextFormat { Moodle, Html, Plain, Markdown };

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empty() const { return begin >= end; }
};

// One run of non-empty lines: the question lines trimmed and joined by '\n' with escapes
// replaced, and where every byte came from in the file.
struct Block {
    std::string text;
    std::vector<std::size_t> origin; // source offset of each byte of text, plus one for the end
    std::vector<std::pair<std::string_view, std::size_t>>
        comments; // comment lines and their offsets
    int firstLine = 0;
    std::size_t firstOffset = 0;
};

// A decimal number as GIFT writes weights: optional '-', digits, optional fraction.
bool parsePercent(std::string_view text, double& out) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') ++i;
    const std::size_t digitsStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    if (i == digitsStart) return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
    }
    if (i != text.size()) return false;
    std::string copy(text);
    if (copy.back() == '.') copy.pop_back();
    const auto [ptr, ec] = std::from_chars(copy.data(), copy.data() + copy.size(), out);
    return ec == std::errc() && ptr == copy.data() + copy.size();
}

// "$course$/top/History" -> "History": Moodle's context prefix and its root category "top"
// are where a category lives in Moodle, not its name.
std::string cleanCategory(std::string_view path) {
    std::string_view rest = trimView(path);
    if (rest.size() > 2 && rest[0] == '$') {
        const std::size_t close = rest.find("$/", 1);
        if (close != std::string_view::npos) {
            bool word = true;
            for (std::size_t i = 1; i < close; ++i)
                word = word &&
                       ((rest[i] >= 'a' && rest[i] <= 'z') || (rest[i] >= '0' && rest[i] <= '9'));
            if (word) {
                rest.remove_prefix(close + 2);
                if (rest.starts_with("top/")) rest.remove_prefix(4);
            }
        }
    }
    rest = trimView(rest);
    return rest.empty() ? std::string(trimView(path)) : std::string(rest);
}

class GiftParser {
  public:
    GiftParser(std::string_view input, QuizImportResult& result, const QuizImportOptions& options,
               IdAllocator& ids, QuestionSink& sink)
        : m_source(input), m_report(m_source, result), m_result(result), m_options(options),
          m_ids(ids), m_sink(sink) {}

    void run() {
        if (!checkEncoding(m_source, m_report, false)) return;
        Block block;
        bool open = false;
        for (std::size_t i = 0; i < m_source.lineCount(); ++i) {
            const std::string_view raw = m_source.line(i);
            const std::size_t rawStart = m_source.lineStart(i);
            std::size_t b = 0, e = raw.size();
            while (b < e && isTrimSpace(raw[b]))
                ++b;
            while (e > b && isTrimSpace(raw[e - 1]))
                --e;
            if (b == e) {
                if (open) processBlock(block);
                block = Block{};
                open = false;
                continue;
            }
            open = true;
            const std::string_view line = raw.substr(b, e - b);
            if (line.starts_with("//")) {
                block.comments.emplace_back(line, rawStart + b);
                continue;
            }
            if (block.firstLine == 0) {
                block.firstLine = static_cast<int>(i) + 1;
                block.firstOffset = rawStart + b;
            } else {
                block.text += '\n';
                block.origin.push_back(rawStart + b);
            }
            appendEscaped(block, line, rawStart + b);
        }
        if (open) processBlock(block);
    }

  private:
    static void appendEscaped(Block& block, std::string_view line, std::size_t offset) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            char c = line[i];
            const std::size_t at = offset + i;
            if (c == '\\' && i + 1 < line.size()) {
                const char next = line[i + 1];
                if (next == '\\') {
                    c = '\\';
                    ++i;
                } else if (next == 'n') {
                    c = '\n';
                    ++i;
                } else if (const char placeholder = placeholderFor(next)) {
                    c = placeholder;
                    ++i;
                }
            }
            block.text += c;
            block.origin.push_back(at);
        }
    }

    // ---- diagnostics ---------------------------------------------------------------------------
    void error(const char* code, std::size_t offset, std::string message, std::string messageZh) {
        m_report.at(Severity::Error, code, offset, std::move(message), std::move(messageZh));
    }
    std::size_t origin(const Block& b, std::size_t index) const {
        return index < b.origin.size() ? b.origin[index]
                                       : (b.origin.empty() ? b.firstOffset : b.origin.back());
    }

    Span trim(const Block& b, Span s) const {
        while (s.begin < s.end && isTrimSpace(b.text[s.begin]))
            ++s.begin;
        while (s.end > s.begin && isTrimSpace(b.text[s.end - 1]))
            --s.end;
        return s;
    }
    static std::string_view view(const Block& b, Span s) {
        return std::string_view(b.text).substr(s.begin, s.end - s.begin);
    }

    // Moodle's parse_text_with_format: an optional [html]/[moodle]/[plain]/[markdown] tag, then the
    // text, trimmed and unescaped; here turned into plain text as the kiosk shows it.
    std::string plainText(std::string_view text, TextFormat defaultFormat,
                          TextFormat* formatOut = nullptr) {
        TextFormat format = defaultFormat;
        text = trimView(text);
        if (text.starts_with('[')) {
            const std::size_t close = text.find(']');
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(1, close - 1);
                bool known = true;
                if (name == "html")
                    format = TextFormat::Html;
                else if (name == "moodle")
                    format = TextFormat::Moodle;
                else if (name == "plain")
                    format = TextFormat::Plain;
                else if (name == "markdown")
                    format = TextFormat::Markdown;
                else
                    known = false;
                if (known) text.remove_prefix(close + 1);
            }
        }
        if (formatOut) *formatOut = format;
        std::string out = unescape(trimView(text));
        if (format == TextFormat::Html)
            out = htmlToPlainText(out, m_droppedMedia);
        else if (format == TextFormat::Moodle)
            out = moodleToPlainText(out, m_droppedMedia);
        return trimCopy(out);
    }

    // ---- blocks --------------------------------------------------------------------------------
    void processBlock(Block& b) {
        if (b.firstLine == 0) return; // comments only
        b.origin.push_back(b.origin.empty() ? b.firstOffset : b.origin.back() + 1);
        const std::string& t = b.text;
        const Span all = trim(b, {0, t.size()});
        if (all.empty()) return;
        if (t.compare(all.begin, 10, "$CATEGORY:") == 0) {
            category(b, all);
            return;
        }
        m_droppedMedia = false;
        std::string title;
        Span rest = all;
        if (t.compare(all.begin, 2, "::") == 0) {
            const std::size_t close = t.find("::", all.begin + 2);
            if (close == std::string::npos || close + 2 > all.end) {
                error("quiz.syntax", origin(b, all.begin),
                      "The question title starts with \"::\" but is not closed with \"::\".",
                      "题目名称以“::”开头，但没有以“::”结束。");
                return;
            }
            title = unescape(trimView(view(b, {all.begin + 2, close})));
            rest = trim(b, {close + 2, all.end});
        }
        const auto local = [&](char c, std::size_t from) {
            const std::size_t at = t.find(c, from);
            return at < rest.end ? at : std::string::npos;
        };
        const std::size_t open = local('{', rest.begin);
        const std::size_t close = local('}', rest.begin);
        if (open == std::string::npos && close == std::string::npos) {
            skip(b, title, "description", "说明文字", "");
            return;
        }
        if (open == std::string::npos || close == std::string::npos || close < open) {
            const bool noClose = close == std::string::npos;
            error("quiz.syntax", origin(b, noClose ? open : close),
                  noClose
                      ? "This { is never closed: the answers must be written between { and }."
                      : "This } has no { before it: the answers must be written between { and }.",
                  noClose ? "这个 { 没有对应的 }：答案必须写在 { 和 } 之间。"
                          : "这个 } 前面没有 {：答案必须写在 { 和 } 之间。");
            return;
        }
        std::size_t again = std::min(local('{', close + 1), local('}', close + 1));
        if (again != std::string::npos) {
            error("quiz.syntax", origin(b, again),
                  "A second { or } after the answers. Separate questions with an empty line, "
                  "and write a literal brace as \\{ or \\}.",
                  "答案之后又出现 { 或 }。题目之间请用空行分隔；"
                  "如需表示花括号本身，请写成 \\{ 或 \\}。");
            return;
        }
        Span answers = trim(b, {open + 1, close});
        std::string questionText(view(b, {rest.begin, open}));
        if (close + 1 < rest.end)
            questionText += "_____" + std::string(view(b, {close + 1, rest.end}));

        Span generalFeedback;
        if (answers.end - answers.begin >= 4) {
            const std::size_t gf = t.rfind("####", answers.end - 4);
            if (gf != std::string::npos && gf >= answers.begin) {
                generalFeedback = {gf + 4, answers.end};
                answers = trim(b, {answers.begin, gf});
            }
        }
        TextFormat format = TextFormat::Moodle;
        Question q;
        q.source = {m_result.fileName, ""};
        setText(q.prompt, m_options.language, plainText(questionText, TextFormat::Moodle, &format));
        setText(q.explanation, m_options.language, plainText(view(b, generalFeedback), format));

        const std::string_view a = view(b, answers);
        bool ok = true;
        if (a.empty()) {
            skip(b, title, "essay", "问答题", "");
            return;
        } else if (a[0] == '#') {
            skip(b, title, "numerical", "数值题", "");
            return;
        } else if (a.find('~') != std::string_view::npos) {
            ok = multipleChoice(b, answers, open, format, q);
        } else if (a.find('=') != std::string_view::npos &&
                   a.find("->") != std::string_view::npos) {
            skip(b, title, "matching", "配对题", "");
            return;
        } else {
            std::string_view check = a;
            if (const std::size_t hash = a.find('#'); hash != std::string_view::npos && hash > 0)
                check = trimView(a.substr(0, hash));
            if (check == "T" || check == "TRUE" || check == "F" || check == "FALSE") {
                trueFalse(b, answers, format, q);
            } else {
                std::string lower;
                for (const char c : check)
                    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
                const bool looksTf =
                    lower == "t" || lower == "true" || lower == "f" || lower == "false";
                skip(b, title, "short answer", "填空题",
                     looksTf ? " For a true/false question write {T}, {TRUE}, {F} or {FALSE} in "
                               "capitals."
                             : "",
                     looksTf ? "判断题请用大写的 {T}、{TRUE}、{F} 或 {FALSE}。" : "");
                return;
            }
        }
        if (q.prompt.zh.empty()) {
            error("quiz.empty_text", origin(b, all.begin), "The question has no text.",
                  "题目没有题干。");
            ok = false;
        }
        markers(b, q, ok);
        if (!ok) return;
        if (m_droppedMedia)
            m_report.at(Severity::Warning, "quiz.html_dropped", b.firstOffset,
                        "A link, image or media element in this question's HTML was removed: "
                        "the kiosk shows plain text.",
                        "题目 HTML 中的链接、图片或音视频已被移除：展台只显示纯文本。");
        m_sink.add(std::move(q), b.firstLine, title);
    }

    void category(const Block& b, Span all) {
        const std::string& t = b.text;
        const std::size_t newline = std::min(t.find('\n', all.begin), all.end);
        if (newline < all.end) {
            const Span more = trim(b, {newline, all.end});
            error("quiz.syntax", origin(b, more.begin),
                  "Put an empty line after the $CATEGORY line: this line would become part of the "
                  "category name.",
                  "请在 $CATEGORY 行之后空一行：否则这一行会被当作类别名称的一部分。");
            return;
        }
        const std::string name = cleanCategory(unescape(view(b, {all.begin + 10, newline})));
        if (m_result.category.empty()) {
            m_result.category = name;
        } else if (name != m_result.category) {
            m_report.at(Severity::Warning, "quiz.category_ignored", b.firstOffset,
                        "All questions go into one bank; this $CATEGORY (\"" + name +
                            "\") is ignored, the first one (\"" + m_result.category +
                            "\") is kept.",
                        "所有题目导入同一个题库；此 $CATEGORY（“" + name +
                            "”）被忽略，保留第一个（“" + m_result.category + "”）。");
        }
    }

    void skip(const Block& b, const std::string& title, const char* type, const char* typeZh,
              std::string hint, std::string hintZh = "") {
        const std::string name = title.empty() ? "" : " \"" + title + "\"";
        m_report.at(
            Severity::Warning, "quiz.unsupported_type", b.firstOffset,
            std::string("Skipped the ") + type + " question" + name + " at line " +
                std::to_string(b.firstLine) +
                ": the kiosk plays single choice, multiple choice and true/false questions only." +
                hint,
            "已跳过第 " + std::to_string(b.firstLine) + " 行的" + typeZh +
                (title.empty() ? "" : "“" + title + "”") + "：展台只支持单选、多选和判断题。" +
                hintZh);
        m_result.skipped.push_back({b.firstLine, type});
    }

    // ---- answers -------------------------------------------------------------------------------
    bool multipleChoice(const Block& b, Span answers, std::size_t brace, TextFormat format,
                        Question& q) {
        const std::string& t = b.text;
        const bool single = view(b, answers).find('=') != std::string_view::npos;
        q.type = single ? QuestionType::Single : QuestionType::Multiple;
        std::vector<Span> segments;
        std::size_t start = answers.begin;
        for (std::size_t i = answers.begin; i < answers.end; ++i) {
            if (t[i] != '~' && t[i] != '=') continue;
            segments.push_back({start, i});
            start = t[i] == '~' ? i + 1 : i;
        }
        segments.push_back({start, answers.end});
        bool ok = true;
        if (const Span lead = trim(b, segments.front()); !lead.empty()) {
            error("quiz.syntax", origin(b, lead.begin),
                  "Text before the first answer: every answer starts with ~ (wrong or weighted) or "
                  "= (correct).",
                  "第一个答案之前有多余文字：每个答案都以 ~（错误或带权重）或 =（正确）开头。");
            ok = false;
        }
        std::size_t equals = 0;
        bool anyPositive = false;
        for (std::size_t k = 1; k < segments.size(); ++k) {
            const Span s = trim(b, segments[k]);
            const std::size_t at = origin(b, s.empty() ? segments[k].begin : s.begin);
            if (s.empty()) {
                error("quiz.empty_text", at, "An answer is empty (two ~ or = in a row?).",
                      "有一个答案是空的（连续写了两个 ~ 或 =？）。");
                ok = false;
                continue;
            }
            QuizOption option;
            option.source = q.source;
            std::size_t p = s.begin;
            const bool correct = t[p] == '=';
            if (correct) {
                ++p;
                ++equals;
                if (single && equals == 2) {
                    error("quiz.too_many_correct", at,
                          "More than one answer starts with =. A single-choice question has "
                          "exactly one correct "
                          "answer; for several correct answers use ~%50% weights instead of =.",
                          "有多个答案以 = 开头。单选题只能有一个正确答案；多个正确答案请用 ~%50% "
                          "这样的权重代替 =。");
                    ok = false;
                }
            }
            while (p < s.end && isTrimSpace(t[p]))
                ++p;
            double percent = 0;
            bool weighted = false;
            if (p < s.end && t[p] == '%') {
                const std::size_t close = t.find('%', p + 1);
                if (close != std::string::npos && close < s.end &&
                    parsePercent(view(b, {p + 1, close}), percent)) {
                    if (correct) {
                        error(
                            "quiz.weight_invalid", origin(b, p),
                            "An answer starting with = is the correct answer and cannot have a "
                            "%weight%; write "
                            "~%50% for partial credit.",
                            "以 = 开头的答案就是正确答案，不能再带 %权重%；部分得分请写成 ~%50%。");
                        ok = false;
                    } else if (percent < -100.0 || percent > 100.0) {
                        error("quiz.weight_invalid", origin(b, p),
                              "The weight " + std::string(view(b, {p, close + 1})) +
                                  " is outside -100% … 100%.",
                              "权重 " + std::string(view(b, {p, close + 1})) +
                                  " 超出 -100% 至 100% 的范围。");
                        ok = false;
                    }
                    weighted = true;
                    p = close + 1;
                }
            }
            std::size_t hash = t.find('#', p);
            if (hash == std::string::npos || hash > s.end) hash = s.end;
            option.text.zh.clear();
            setText(option.text, m_options.language, plainText(view(b, {p, hash}), format));
            if (hash < s.end)
                setText(option.feedback, m_options.language,
                        plainText(view(b, {hash + 1, s.end}), format));
            if (option.text.zh.empty()) {
                error("quiz.empty_text", at, "An answer has no text.", "有一个答案没有文字。");
                ok = false;
            }
            if (single) {
                option.correct = correct;
                if (weighted && !correct) option.weight = percent / 100.0;
            } else {
                option.weight = percent / 100.0;
                option.correct = percent > 0;
                anyPositive = anyPositive || percent > 0;
            }
            q.options.push_back(std::move(option));
        }
        const std::size_t braceAt = origin(b, brace);
        if (segments.size() - 1 < 2) {
            error("quiz.too_few_options", braceAt, "A choice question needs at least 2 answers.",
                  "选择题至少需要 2 个答案。");
            ok = false;
        } else if (segments.size() - 1 > 8) {
            error("quiz.too_many_options", braceAt,
                  "The question has " + std::to_string(segments.size() - 1) +
                      " answers; the kiosk shows at most 8.",
                  "此题有 " + std::to_string(segments.size() - 1) + " 个答案；展台最多显示 8 个。");
            ok = false;
        }
        if (!single && !anyPositive && ok) {
            error("quiz.no_correct", braceAt,
                  "No answer is correct: in a multiple-answer question give the correct answers a "
                  "positive weight "
                  "such as ~%50%, or mark the one correct answer with =.",
                  "没有正确答案：多选题请给正确答案正的权重（如 ~%50%），单选题请用 = "
                  "标出正确答案。");
            ok = false;
        }
        return ok;
    }

    void trueFalse(const Block& b, Span answers, TextFormat format, Question& q) {
        q.type = QuestionType::TrueFalse;
        const std::string_view a = view(b, answers);
        const std::size_t first = a.find('#');
        const std::size_t second = first == std::string_view::npos ? first : a.find('#', first + 1);
        const std::string token = plainText(a.substr(0, first), format);
        q.answer = token == "T" || token == "TRUE";
        std::string wrong, right;
        if (first != std::string_view::npos)
            wrong = plainText(a.substr(first + 1, second == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : second - first - 1),
                              format);
        if (second != std::string_view::npos) right = plainText(a.substr(second + 1), format);
        // GIFT gives the feedback for a wrong choice first, then for the right one.
        setText(q.answer ? q.feedbackTrue : q.feedbackFalse, m_options.language, std::move(right));
        setText(q.answer ? q.feedbackFalse : q.feedbackTrue, m_options.language, std::move(wrong));
    }

    // [tag:x] and [id:x] in the block's comment lines (Moodle's idnumber and tags).
    void markers(const Block& b, Question& q, bool& ok) {
        std::string id;
        std::size_t idAt = b.firstOffset;
        for (const auto& [line, offset] : b.comments) {
            std::size_t i = 0;
            while (i < line.size()) {
                const std::size_t open = line.find('[', i);
                if (open == std::string_view::npos) break;
                const bool isTag = line.compare(open, 5, "[tag:") == 0;
                const bool isId = !isTag && line.compare(open, 4, "[id:") == 0;
                if (!isTag && !isId) {
                    i = open + 1;
                    continue;
                }
                std::size_t j = open + (isTag ? 5 : 4);
                std::string value;
                bool closed = false;
                for (; j < line.size(); ++j) {
                    const char c = line[j];
                    if (c == '\\' && j + 1 < line.size() && line[j + 1] == ']') {
                        value += ']';
                        ++j;
                    } else if (c == ']') {
                        closed = true;
                        break;
                    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                        break;
                    } else {
                        value += c;
                    }
                }
                if (!closed) {
                    i = open + 1;
                    continue;
                }
                value = trimCopy(value);
                if (!value.empty()) {
                    if (isTag) {
                        q.tags.push_back(value);
                    } else if (id.empty()) {
                        id = value;
                        idAt = offset + open;
                    }
                }
                i = j + 1;
            }
        }
        if (id.empty() || !ok) return;
        if (!isValidId(id)) {
            m_report.at(
                Severity::Warning, "quiz.id_invalid", idAt,
                "The id \"" + id +
                    "\" is not a Lantai id (lower-case letters, digits, - and _); a new id is "
                    "generated.",
                "标识“" + id + "”不符合兰台标识规则（小写字母、数字、- 和 _），将自动生成新标识。");
            return;
        }
        if (!m_ids.claim(id)) {
            error("quiz.id_duplicate", idAt,
                  m_ids.takenInPack(id)
                      ? "The question id \"" + id +
                            "\" is already used in the pack (imported before?)."
                      : "The question id \"" + id + "\" is used twice in this file.",
                  m_ids.takenInPack(id) ? "题目标识“" + id + "”已在内容包中使用（是否已导入过？）。"
                                        : "题目标识“" + id + "”在此文件中使用了两次。");
            ok = false;
            return;
        }
        q.id = id;
    }

    SourceText m_source;
    Reporter m_report;
    QuizImportResult& m_result;
    const QuizImportOptions& m_options;
    IdAllocator& m_ids;
    QuestionSink& m_sink;
    bool m_droppedMedia = false;
};

} // namespace

namespace quiz_import {

bool parseGift(std::string_view text, const QuizImportOptions& options, IdAllocator& ids,
               QuizImportResult& result, QuestionSink& sink) {
    result.language = options.language;
    GiftParser(text, result, options, ids, sink).run();
    return options.language == Language::En;
}

} // namespace quiz_import

} // namespace lantai::core
