// core/pack: semantic pack checks — ids, references, assets (sniffed), path safety, dates,
// questions
#pragma once

#include "core/base/diagnostic.h"
#include "core/pack/loader.h"
#include "core/pack/model.h"

#include <memory>

namespace lantai::core {

// Images declaring more pixels than this are refused (decompression bombs).
inline constexpr unsigned long long kMaxImagePixels = 300'000'000ULL;

// Checks a loaded pack and appends every problem found: unique ids, dangling references,
// path safety, that every asset exists and its bytes are what the field needs, image headers
// (size, bomb limit), subtitle text encoding, dates, answerable questions, and the warnings for
// missing alt text and explanations and for a derived/charset.txt older than the pack's text.
// Whether the kiosk's fonts can draw every character is core/i18n's checkPackGlyphs. `documents`
// (optional) supplies line:column.
void validatePack(const Pack& pack, Diagnostics& diagnostics,
                  const SourceDocuments* documents = nullptr);

// The checks validatePack makes on a question of a bank (its id unique in the pack, its item
// reference, its images, answerable, an explanation), for questions not yet in `pack`: each
// checked question counts as appended to a bank after the questions checked before it. The quiz
// importer checks what it adds this way, one question at a time, instead of loading the whole
// bank again. Diagnostics carry the question's SourceRef (file and pointer), no line:column.
// Keeps a reference to `pack`, which must outlive the checker.
class QuestionChecker {
  public:
    explicit QuestionChecker(const Pack& pack);
    ~QuestionChecker();
    QuestionChecker(const QuestionChecker&) = delete;
    QuestionChecker& operator=(const QuestionChecker&) = delete;
    void check(const Question& question, Diagnostics& diagnostics);

  private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

// Is `date` a partial ISO date YYYY, YYYY-MM or YYYY-MM-DD with a real month and day?
bool isPartialIsoDate(const std::string& date);

} // namespace lantai::core
