// tools/gallery/export: a quiz bank as the browser plays it (data/quiz/BANK.json,
// tools/gallery/SITE.md "Quiz data")
#pragma once

#include "tools/gallery/export/site_context.h"

#include <nlohmann/json.hpp>

namespace lantai::core::web {

// Localised texts as {"zh", "en"} (present languages only); true/false questions get their two
// options ("正确/True", "错误/False") with the correct flag and feedback; question images only
// when published (thumbnail src relative to the site root).
nlohmann::json quizBankJson(const SiteContext& context, const QuizBank& bank);

// {"zh": ..., "en": ...} with the languages the text has.
nlohmann::json localizedJson(const LocalizedText& text);

} // namespace lantai::core::web
