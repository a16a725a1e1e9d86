// core/quiz: CSV quiz import — the template in content/FORMAT.md as Excel saves it (BOM, quotes,
// CRLF)
#include "core/base/json_reader.h"
#include "core/base/utf8.h"
#include "core/quiz/csv_rows.h"
#include "core/quiz/import_common.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace lantai::core {

namespace {

using namespace quiz_import;

constexpr int kMaxOptions = 8;

enum Column : int {
    ColId,
    ColType,
    ColPromptZh,
    ColPromptEn,
    ColOptionZh, // + 0 .. 7
    ColOptionEn = ColOptionZh + kMaxOptions,
    ColCorrect = ColOptionEn + kMaxOptions,
    ColExplanationZh,
    ColExplanationEn,
    ColDifficulty,
    ColTags,
    ColItem,
    ColCount
};

const std::map<std::string, int>& columnNames() {
    static const std::map<std::string, int> names = [] {
        std::map<std::string, int> m{{"id", ColId},
                                     {"type", ColType},
                                     {"prompt_zh", ColPromptZh},
                                     {"prompt", ColPromptZh},
                                     {"prompt_en", ColPromptEn},
                                     {"correct", ColCorrect},
                                     {"explanation_zh", ColExplanationZh},
                                     {"explanation", ColExplanationZh},
                                     {"explanation_en", ColExplanationEn},
                                     {"difficulty", ColDifficulty},
                                     {"tags", ColTags},
                                     {"item", ColItem}};
        for (int k = 0; k < kMaxOptions; ++k) {
            const std::string letter(1, static_cast<char>('a' + k));
            m["option_" + letter] = ColOptionZh + k;
            m["option_" + letter + "_zh"] = ColOptionZh + k;
            m["option_" + letter + "_en"] = ColOptionEn + k;
        }
        return m;
    }();
    return names;
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "true"/"false" and the usual Chinese ways of writing them; nullopt for anything else.
std::optional<bool> trueFalseWord(const std::string& value) {
    static const char* const kTrue[] = {"true", "t", "yes", "y", "对", "正确", "是", "√", "✓", "✔"};
    static const char* const kFalse[] = {"false", "f",  "no", "n", "错",
                                         "错误",  "否", "×",  "✗", "✘"};
    const std::string lower = lowerAscii(value);
    for (const char* word : kTrue)
        if (lower == word) return true;
    for (const char* word : kFalse)
        if (lower == word) return false;
    return std::nullopt;
}

class CsvImporter {
  public:
    CsvImporter(std::string_view input, QuizImportResult& result, IdAllocator& ids,
                QuestionSink& sink)
        : m_source(input), m_syntax(m_source, result), m_report(m_source, m_later),
          m_result(result), m_ids(ids), m_sink(sink) {
        m_later.fileName = result.fileName;
    }

    // Returns whether English text was also stored as Chinese.
    bool run() {
        if (!checkEncoding(m_source, m_syntax, true)) return false;
        const std::string_view text = m_source.text();
        RowReader rows(text, sniffDelimiter(text), m_syntax);
        Row current;
        const bool headerOk = rows.next(current) && header(current);
        // Every row is read even after a bad header: its syntax errors are listed all the same.
        while (rows.next(current))
            if (headerOk) row(current);
        // Syntax errors (quotes) of every row come first, then the rows' content, as the file
        // is read in two passes in the user's mind: is it a table, then is each row a question.
        m_result.diagnostics.append(m_later.diagnostics);
        return m_englishFallback;
    }

  private:
    void error(const char* code, std::size_t offset, std::string message, std::string messageZh) {
        m_report.at(Severity::Error, code, offset, std::move(message), std::move(messageZh));
    }

    bool header(const Row& row) {
        m_columns.fill(-1);
        bool known = false;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            std::string name = lowerAscii(trimView(row.cells[c].value));
            for (char& ch : name)
                if (ch == ' ' || ch == '-') ch = '_';
            if (name.empty()) continue;
            const auto it = columnNames().find(name);
            if (it == columnNames().end()) {
                m_report.at(Severity::Warning, "csv.unknown_column", row.cells[c].offset,
                            "Unknown column \"" + name +
                                "\" is ignored (see the template in content/FORMAT.md).",
                            "未知列“" + name + "”将被忽略（模板见 content/FORMAT.md）。");
                continue;
            }
            known = true;
            if (m_columns[static_cast<std::size_t>(it->second)] >= 0) {
                error("csv.header", row.cells[c].offset,
                      "The column \"" + name + "\" appears twice.", "列“" + name + "”出现了两次。");
                continue;
            }
            m_columns[static_cast<std::size_t>(it->second)] = static_cast<int>(c);
        }
        m_headerWidth = row.cells.size();
        if (!known) {
            error("csv.header", row.offset,
                  "The first row must be the header row (type, prompt_zh, prompt_en, "
                  "option_a, …, correct, …) as in content/quiz-template.csv.",
                  "第一行必须是表头（type、prompt_zh、prompt_en、option_a、…、correct、…），"
                  "参见 content/quiz-template.csv。");
            return false;
        }
        bool ok = true;
        if (m_columns[ColPromptZh] < 0 && m_columns[ColPromptEn] < 0) {
            error("csv.header", row.offset, "The header has no prompt_zh column.",
                  "表头缺少 prompt_zh 列。");
            ok = false;
        }
        if (m_columns[ColCorrect] < 0) {
            error("csv.header", row.offset, "The header has no correct column.",
                  "表头缺少 correct 列。");
            ok = false;
        }
        return ok;
    }

    const Cell* cell(const Row& row, int column) const {
        const int index = m_columns[static_cast<std::size_t>(column)];
        if (index < 0 || static_cast<std::size_t>(index) >= row.cells.size()) return nullptr;
        return &row.cells[static_cast<std::size_t>(index)];
    }
    std::string value(const Row& row, int column) const {
        const Cell* c = cell(row, column);
        return c ? trimCopy(c->value) : std::string();
    }
    std::size_t offsetOf(const Row& row, int column) const {
        const Cell* c = cell(row, column);
        return c ? c->offset : row.offset;
    }

    // Chinese and English cells into one text; English only is also stored as Chinese.
    LocalizedText text(const Row& row, int zhColumn, int enColumn) {
        LocalizedText out{value(row, zhColumn), value(row, enColumn)};
        if (out.zh.empty() && !out.en.empty()) {
            out.zh = out.en;
            m_englishFallback = true;
        }
        return out;
    }

    void row(const Row& row) {
        bool blank = true;
        for (const auto& c : row.cells)
            blank = blank && trimView(c.value).empty();
        if (blank) return;
        bool ok = true;
        Question q;
        q.source = {m_result.fileName, ""};
        q.prompt = text(row, ColPromptZh, ColPromptEn);
        if (q.prompt.zh.empty()) {
            error("quiz.empty_text", offsetOf(row, ColPromptZh),
                  "The question text (prompt_zh) is empty.", "题干（prompt_zh）为空。");
            ok = false;
        }
        // Options A.. up to the last filled one; a gap is an error.
        int last = -1;
        for (int k = 0; k < kMaxOptions; ++k)
            if (!value(row, ColOptionZh + k).empty() || !value(row, ColOptionEn + k).empty())
                last = k;
        for (int k = 0; k <= last; ++k) {
            QuizOption option;
            option.source = q.source;
            option.text = text(row, ColOptionZh + k, ColOptionEn + k);
            if (option.text.zh.empty()) {
                const std::string name = std::string("option_") + static_cast<char>('a' + k);
                error("quiz.empty_text", offsetOf(row, ColOptionZh + k),
                      name + " is empty but a later option is filled in; fill the options from A "
                             "without gaps.",
                      name + " 为空，但后面的选项有内容；请从 A 开始连续填写选项。");
                ok = false;
            }
            q.options.push_back(std::move(option));
        }
        const std::string type = lowerAscii(value(row, ColType));
        const std::string correct = value(row, ColCorrect);
        const std::size_t correctAt = offsetOf(row, ColCorrect);
        const auto tf = trueFalseWord(correct);
        if (type == "true_false" || type == "truefalse" || type == "tf" || type == "判断" ||
            type == "判断题" || (type.empty() && q.options.empty() && tf)) {
            q.type = QuestionType::TrueFalse;
            if (!q.options.empty()) {
                error("quiz.value", offsetOf(row, ColOptionZh),
                      "A true/false question has no options; leave option_a … empty.",
                      "判断题没有选项；请让 option_a … 保持为空。");
                ok = false;
            }
            if (!tf) {
                error("quiz.answer_invalid", correctAt,
                      "For a true/false question write true or false in correct.",
                      "判断题的 correct 列请填写 true 或 false（或 对 / 错）。");
                ok = false;
            }
            q.answer = tf.value_or(false);
            q.options.clear();
        } else if (type.empty() || type == "single" || type == "multiple" || type == "单选" ||
                   type == "单选题" || type == "多选" || type == "多选题") {
            std::vector<int> letters;
            const bool readable =
                readLetters(correct, correctAt, static_cast<int>(q.options.size()), letters);
            ok = readable && ok;
            const bool multiple = type == "multiple" || type == "多选" || type == "多选题" ||
                                  (type.empty() && letters.size() > 1);
            q.type = multiple ? QuestionType::Multiple : QuestionType::Single;
            if (q.options.size() < 2) {
                error("quiz.too_few_options", offsetOf(row, ColOptionZh),
                      "A choice question needs at least 2 options (option_a and option_b).",
                      "选择题至少需要 2 个选项（option_a 和 option_b）。");
                ok = false;
            }
            if (!readable) {
                // readLetters reported it
            } else if (letters.empty()) {
                error("quiz.no_correct", correctAt,
                      "The correct column names no option; write the letter of the correct option, "
                      "e.g. A.",
                      "correct 列没有指明正确选项；请填写正确选项的字母，例如 A。");
                ok = false;
            } else if (!multiple && letters.size() > 1) {
                error("quiz.too_many_correct", correctAt,
                      "A single-choice question has exactly one correct option; for several use "
                      "type multiple.",
                      "单选题只能有一个正确选项；多个正确选项请把 type 设为 multiple。");
                ok = false;
            }
            for (const int letter : letters)
                if (letter < static_cast<int>(q.options.size()))
                    q.options[static_cast<std::size_t>(letter)].correct = true;
        } else {
            error("quiz.value", offsetOf(row, ColType),
                  "Unknown question type \"" + value(row, ColType) +
                      "\"; use single, multiple or true_false.",
                  "未知题型“" + value(row, ColType) +
                      "”；请使用 single、multiple 或 true_false（单选、多选、判断）。");
            ok = false;
        }
        q.explanation = text(row, ColExplanationZh, ColExplanationEn);
        const std::string difficulty = value(row, ColDifficulty);
        if (difficulty == "1" || difficulty == "小学")
            q.difficulty = 1;
        else if (difficulty == "2" || difficulty == "中学")
            q.difficulty = 2;
        else if (difficulty == "3" || difficulty == "成人")
            q.difficulty = 3;
        else if (!difficulty.empty()) {
            error("quiz.value", offsetOf(row, ColDifficulty), "difficulty must be 1, 2 or 3.",
                  "difficulty 必须是 1、2 或 3。");
            ok = false;
        }
        q.tags = splitTags(value(row, ColTags));
        q.item = value(row, ColItem);
        if (!q.item.empty() && !isValidId(q.item)) {
            error("quiz.value", offsetOf(row, ColItem),
                  "\"" + q.item + "\" is not an item id (lower-case letters, digits, - and _).",
                  "“" + q.item + "”不是有效的展品标识（小写字母、数字、- 和 _）。");
            ok = false;
        }
        const std::string id = value(row, ColId);
        if (!id.empty()) {
            if (!isValidId(id)) {
                error("quiz.id_invalid", offsetOf(row, ColId),
                      "\"" + id +
                          "\" is not a valid question id (lower-case letters, digits, - and _).",
                      "“" + id + "”不是有效的题目标识（小写字母、数字、- 和 _）。");
                ok = false;
            } else if (!m_ids.claim(id)) {
                error("quiz.id_duplicate", offsetOf(row, ColId),
                      m_ids.takenInPack(id)
                          ? "The question id \"" + id +
                                "\" is already used in the pack (imported before?)."
                          : "The question id \"" + id + "\" is used twice in this file.",
                      m_ids.takenInPack(id)
                          ? "题目标识“" + id + "”已在内容包中使用（是否已导入过？）。"
                          : "题目标识“" + id + "”在此文件中使用了两次。");
                ok = false;
            } else {
                q.id = id;
            }
        }
        if (row.cells.size() > m_headerWidth)
            for (std::size_t c = m_headerWidth; c < row.cells.size(); ++c)
                if (!trimView(row.cells[c].value).empty()) {
                    m_report.at(Severity::Warning, "csv.extra_cell", row.cells[c].offset,
                                "This cell is to the right of the last column of the header and is "
                                "ignored.",
                                "此单元格位于表头最后一列的右侧，将被忽略。");
                    break;
                }
        if (!ok) return;
        m_sink.add(std::move(q), m_source.lineOf(row.offset), "");
    }

    // "A", "A;C", "a, c", "AC", "A、C" -> option indexes. Reports what it cannot read.
    bool readLetters(const std::string& text, std::size_t at, int optionCount,
                     std::vector<int>& out) {
        std::size_t pos = 0;
        while (pos < text.size()) {
            const char32_t cp = nextCodePoint(text, pos);
            if (cp == U' ' || cp == U',' || cp == U';' || cp == U'/' || cp == U'|' || cp == U'、' ||
                cp == U'，' || cp == U'；')
                continue;
            int index = -1;
            if (cp >= U'A' && cp <= U'Z')
                index = static_cast<int>(cp - U'A');
            else if (cp >= U'a' && cp <= U'z')
                index = static_cast<int>(cp - U'a');
            if (index < 0) {
                error("quiz.answer_invalid", at,
                      "Cannot read correct \"" + text +
                          "\": write the letters of the correct options, e.g. A or A;C.",
                      "无法识别 correct 列“" + text + "”：请填写正确选项的字母，例如 A 或 A;C。");
                out.clear();
                return false;
            }
            if (index >= optionCount) {
                error("quiz.answer_invalid", at,
                      "correct names option " + std::string(1, static_cast<char>('A' + index)) +
                          " but the row has " + std::to_string(optionCount) + " options.",
                      "correct 列指向选项 " + std::string(1, static_cast<char>('A' + index)) +
                          "，但该行只有 " + std::to_string(optionCount) + " 个选项。");
                out.clear();
                return false;
            }
            if (std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
        }
        return true;
    }

    static std::vector<std::string> splitTags(const std::string& text) {
        std::vector<std::string> tags;
        std::string current;
        std::size_t pos = 0;
        const auto flush = [&] {
            auto tag = trimCopy(current);
            if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
                tags.push_back(std::move(tag));
            current.clear();
        };
        while (pos < text.size()) {
            const std::size_t start = pos;
            const char32_t cp = nextCodePoint(text, pos);
            if (cp == U',' || cp == U';' || cp == U'、' || cp == U'，' || cp == U'；' ||
                cp < 0x20 || cp == 0x7F)
                flush();
            else
                current.append(text, start, pos - start);
        }
        flush();
        return tags;
    }

    SourceText m_source;
    Reporter m_syntax;        // encoding and quoting: straight into the result
    QuizImportResult m_later; // the header's and rows' diagnostics, appended after the syntax
    Reporter m_report;        // into m_later
    QuizImportResult& m_result;
    IdAllocator& m_ids;
    QuestionSink& m_sink;
    std::array<int, ColCount> m_columns{};
    std::size_t m_headerWidth = 0;
    bool m_englishFallback = false;
};

} // namespace

namespace quiz_import {

bool parseCsv(std::string_view text, const QuizImportOptions& /*options*/, IdAllocator& ids,
              QuizImportResult& result, QuestionSink& sink) {
    // CSV names the language of each column; `options.language` does not apply.
    return CsvImporter(text, result, ids, sink).run();
}

} // namespace quiz_import

} // namespace lantai::core
