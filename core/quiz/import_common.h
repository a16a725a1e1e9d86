// core/quiz: helpers shared by the quiz importers (positions, diagnostics, ids, texts, HTML to
// plain text)
#pragma once

#include "core/base/html_entities.h"
#include "core/base/source_text.h"
#include "core/quiz/import.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lantai::core::quiz_import {

// The import file as lines with line:column positions (see source_text.h).
using lantai::core::SourceText;

// Builds diagnostics about one import file.
class Reporter {
  public:
    Reporter(const SourceText& source, QuizImportResult& result)
        : m_source(source), m_result(result) {}
    void at(Severity severity, const char* code, std::size_t offset, std::string message,
            std::string messageZh);
    void atLine(Severity severity, const char* code, int line, std::string message,
                std::string messageZh);
    const SourceText& source() const { return m_source; }

  private:
    const SourceText& m_source;
    QuizImportResult& m_result;
};

// Reports quiz.encoding at the first byte that is not UTF-8; false when there is one.
bool checkEncoding(const SourceText& source, Reporter& report, bool csvHint);

// PHP-style trim (space, tab, CR, LF, NUL, vertical tab).
bool isTrimSpace(char c);
std::string_view trimView(std::string_view text);
std::string trimCopy(std::string_view text);

// Stores `text` in the field for `language`; with English the Chinese field gets it too.
void setText(LocalizedText& field, Language language, std::string text);

// Question ids: explicit ids from the file are claimed while parsing; generated ids are handed
// out at the end (assignGeneratedIds), so a generated id never takes an id named later on.
class IdAllocator {
  public:
    explicit IdAllocator(const QuizImportOptions& options);
    // False when `id` is taken in the pack or already named in this file.
    bool claim(const std::string& id);
    bool takenInPack(const std::string& id) const { return m_taken.count(id) > 0; }
    // "<prefix>-<slug of hint>" when the hint has ASCII letters or digits, else "<prefix>-<n>".
    std::string generate(std::string_view hint);

  private:
    bool available(const std::string& id) const { return !m_taken.count(id) && !m_used.count(id); }
    std::string m_prefix;
    const std::unordered_set<std::string>& m_taken;
    std::unordered_set<std::string> m_used;
    int m_counter = 0;
};

// Gives every question with an empty id one from `ids` (hints: parallel titles, may be empty).
void assignGeneratedIds(QuizImportResult& result, IdAllocator& ids,
                        const std::vector<std::string>& hints);

// The end of every import: the English-only warning (when English text was also stored as
// Chinese) and the "no questions" warning. `questionCount`: the playable questions read.
void finishImport(QuizImportResult& result, bool englishOnly, std::size_t questionCount);

// Where a parser puts each playable question, in file order, as soon as it has read it. The id
// is empty when the file names none: the caller hands out generated ids (IdAllocator::generate
// with `idHint`, the GIFT ::title::) once the whole file is read, so that a generated id never
// takes an id the file names later.
class QuestionSink {
  public:
    virtual ~QuestionSink() = default;
    virtual void add(Question&& question, int line, std::string idHint) = 0;
};

// A format's parser: reads `text`, claims the ids the file names in `ids`, fills `result`
// (diagnostics, skipped questions, category; never `questions`) and gives every playable question
// to `sink`. Returns whether English text was also stored as Chinese (finishImport's warning).
// `result.fileName` must be set. Never throws.
using QuizParser = bool (*)(std::string_view text, const QuizImportOptions& options,
                            IdAllocator& ids, QuizImportResult& result, QuestionSink& sink);
bool parseGift(std::string_view text, const QuizImportOptions& options, IdAllocator& ids,
               QuizImportResult& result, QuestionSink& sink);
bool parseAiken(std::string_view text, const QuizImportOptions& options, IdAllocator& ids,
                QuizImportResult& result, QuestionSink& sink);
bool parseCsv(std::string_view text, const QuizImportOptions& options, IdAllocator& ids,
              QuizImportResult& result, QuestionSink& sink);
QuizParser parserFor(QuizFormat format);

// Plain text from HTML: tags removed (<br>, </p>, </div>, </li> ... become line breaks), entities
// decoded, whitespace collapsed outside <pre>. `droppedMedia` is set when a link, image, audio or
// video element was removed.
std::string htmlToPlainText(std::string_view html, bool& droppedMedia);
// Plain text from Moodle auto-format text: line breaks kept, only known HTML tags removed,
// entities decoded.
std::string moodleToPlainText(std::string_view text, bool& droppedMedia);
using lantai::core::decodeEntities; // html_entities.h

} // namespace lantai::core::quiz_import
