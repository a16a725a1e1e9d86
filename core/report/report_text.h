// core/report: the activity report's fixed texts (zh/en) — headings, column names, the summary's
// sentences — for every output format
#pragma once

#include "core/base/localized_text.h"
#include "core/i18n/ui_strings.h"

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace lantai::core {

// Keys are "report.<name>". The report is an office document, not a screen, so its texts are not
// in the kiosk's table (they would go into the kiosk's font atlas); what the kiosk also shows
// (the quiz's age bands) is taken from there. The texts keep to the glossary, like the kiosk's
// (tests/unit/report checks them with glossaryConflicts).
std::span<const UiTextEntry> allReportTextEntries();

// The text of `key`; a key that is not in the table returns the key itself.
const std::string& reportText(std::string_view key, Language language);
// With {placeholders} replaced.
std::string reportFormat(std::string_view key, Language language,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> args);
// "<key>.one" for n == 1 when the table has it (English singular), else `key`; {n} and `args`
// replaced.
std::string
reportCount(std::string_view key, long long n, Language language,
            std::initializer_list<std::pair<std::string_view, std::string_view>> args = {});

// "2024年6月9日" / "9 June 2024".
std::string reportDate(const std::string& isoDate, Language language);
// "2024年6月9日至6月10日"-style periods: "{from}至{to}" / "{from} to {to}"; one day alone.
std::string reportPeriod(const std::string& first, const std::string& last, Language language);
// "3分12秒" / "3 min 12 s"; under a minute "45秒" / "45 s".
std::string reportDuration(double seconds, Language language);
// A number as the report prints it: whole numbers without decimals, else one decimal.
std::string reportNumber(double value);
// "87.5%" (one decimal); "—" when there is nothing to divide.
std::string reportPercent(long long part, long long whole);
// The age band's name as the kiosk shows it ("小学" / "Primary school").
std::string reportAgeBand(const std::string& band, Language language);
// "中文" / "Chinese", "英文" / "English".
std::string reportLanguageName(const std::string& code, Language language);

} // namespace lantai::core
