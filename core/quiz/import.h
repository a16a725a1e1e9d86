// core/quiz: quiz question import (GIFT, Aiken, CSV), GIFT export, and adding imported questions to
// a pack
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/localized_text.h"
#include "core/pack/loader.h"
#include "core/pack/model.h"

#include <cstddef>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace lantai::core {

// The outside formats a quiz file can be written in (content/FORMAT.md, "Importing quiz
// questions").
enum class QuizFormat { Gift, Aiken, Csv };

const char* quizFormatName(QuizFormat format);
bool parseQuizFormat(const std::string& name, QuizFormat& out);

struct QuizImportOptions {
    // Which field of every imported text gets the text. The pack format requires Chinese, so
    // with English the same text is also stored as the Chinese text (one warning says so).
    Language language = Language::Zh;
    // Generated ids are "<prefix>-<slug of the GIFT ::title::>" or "<prefix>-<n>"; the prefix
    // is normally the bank id and must itself be a valid id ("q" when empty or invalid).
    std::string idPrefix = "q";
    // Ids already used in the pack: never generated, and an error when the file names one
    // (GIFT [id:x], CSV "id" column).
    std::unordered_set<std::string> takenIds;
};

// A question of a type the kiosk cannot play (short answer, numerical, matching, essay,
// description), left out of the import with a warning naming its line.
struct SkippedQuestion {
    int line = 0;
    std::string type; // English name, e.g. "short answer"
};

// What a quiz file parses to. A result with errors must not be imported: importIntoPack
// refuses it, so staff fix the file and import again.
struct QuizImportResult {
    std::string fileName; // as given to the importer; used in every diagnostic
    // The playable questions, in file order (importQuizFile leaves this empty: it writes each
    // question into the bank's text as soon as it is read).
    std::vector<Question> questions;
    std::vector<int>
        questionLines; // 1-based line where each question starts (parallel to questions)
    std::vector<SkippedQuestion> skipped;
    std::string category; // GIFT $CATEGORY (context prefix like "$course$/" removed), or empty
    Language language =
        Language::Zh;        // the language the texts were read as (QuizImportOptions::language)
    Diagnostics diagnostics; // errors -> import nothing; warnings are fine
    bool ok() const { return !diagnostics.hasErrors(); }
};

// Parsers: the whole file in memory (UTF-8, with or without BOM; LF, CRLF or CR line ends).
// Every problem is a diagnostic with file:line:column (column counted in characters); parsing
// never stops at the first error and never throws. Texts are stored as plain text: GIFT
// format tags are removed, GIFT [html]/[moodle] markup is turned into plain text.
QuizImportResult importGift(std::string_view text, const std::string& fileName,
                            const QuizImportOptions& options);
QuizImportResult importAiken(std::string_view text, const std::string& fileName,
                             const QuizImportOptions& options);
QuizImportResult importCsv(std::string_view text, const std::string& fileName,
                           const QuizImportOptions& options);
QuizImportResult importQuiz(QuizFormat format, std::string_view text, const std::string& fileName,
                            const QuizImportOptions& options);

// The bank as a GIFT file Moodle (and importGift) reads: $CATEGORY from the bank category,
// then each question with "// [id:x] [tag:y]", "::id::", the prompt, the answers with
// %weights% and #feedback, and ####explanation. Texts in `language` (English falls back to
// Chinese). Images, difficulty and item links have no GIFT form and are left out.
std::string exportGift(const QuizBank& bank, Language language = Language::Zh);

// ---- adding questions to a pack ------------------------------------------------------------

// The bank an import goes to: `bankId` when given, else the first bank pack.json lists, else
// a new bank "quiz" (file quiz/quiz.json).
std::string resolveImportBankId(const Pack& pack, const std::string& bankId);

// Options for importing into `pack`'s bank `bankId` (already resolved): ids of every question
// in the pack are taken, generated ids start with the bank id.
QuizImportOptions quizImportOptionsFor(const Pack& pack, const std::string& bankId,
                                       Language language);

// The largest quiz file importQuizFile is given (`lantai quiz import` checks the size before
// reading): the largest bank the pack loader reads (kQuizBankReadLimit), because a question takes
// more room as bank JSON than as GIFT, Aiken or CSV text.
inline constexpr std::size_t kQuizImportFileLimit = kQuizBankReadLimit;

// What adding questions to a pack did.
struct PackImportReport {
    bool imported = false;         // the questions were written (or there were none to write)
    std::size_t questionCount = 0; // questions written
    std::string bankFile;          // the bank's pack-relative path, once the bank is known
    // What the import adds to the pack: every error, and the first `listedWarningsPerCode`
    // warnings of each code (diagnostics about imported questions point at their line in the
    // import file). Errors mean nothing was written.
    Diagnostics diagnostics;
    std::map<std::string, std::size_t> warningCounts; // every new warning by code, listed or not
    std::size_t warningCount() const;
};

// Appends `result.questions` to the bank `bankId` of the pack in `packDir` (empty: see
// resolveImportBankId). A bank that does not exist is created as quiz/<bank>.json and listed
// in pack.json; an existing bank file keeps everything it had (its JSON is extended, not
// rewritten from the model). The pack is validated (loadAndValidatePack), then every new
// question as the pack will hold it: read back from the JSON about to be written and checked as
// validatePack checks a question (QuestionChecker), one at a time, so the bank is never loaded
// again whole. Nothing is written when that finds an error, or when the bank would exceed
// kQuizBankReadLimit (quiz.bank_too_large); when a write fails the previous bytes are put back,
// so on failure the pack is byte-for-byte what it was. Returns true when the questions were
// written (or there were none to write); `writtenFile` gets the bank's pack-relative path. A
// result with errors is refused. Every diagnostic is listed.
//
// Threading: touches the pack folder; one import per pack at a time.
bool importIntoPack(const std::filesystem::path& packDir, const std::string& bankId,
                    const QuizImportResult& result, Diagnostics& diagnostics,
                    std::string* writtenFile);

// importQuiz + importIntoPack in one pass that never holds the file's questions as Questions:
// each is turned into its bank JSON as soon as it is read (peak memory is a few times the file:
// the text, the new bank's text, one question at a time). Reads and validates the pack (ids it
// uses are taken), parses `text` (`fileName` names it in diagnostics) and, when the file has no
// errors, adds its questions to the bank `bankId` as importIntoPack does.
struct QuizFileImport {
    bool packRead = false;         // false: the pack could not be read, pack.diagnostics says why
    QuizImportResult file;         // the file's own diagnostics, skipped questions, category
    PackImportReport pack;         // adding to the pack; runs only when the file has no errors
    std::size_t questionCount = 0; // playable questions in the file
};
QuizFileImport
importQuizFile(const std::filesystem::path& packDir, const std::string& bankId, QuizFormat format,
               std::string_view text, const std::string& fileName, Language language,
               std::size_t listedWarningsPerCode = std::numeric_limits<std::size_t>::max());

} // namespace lantai::core
