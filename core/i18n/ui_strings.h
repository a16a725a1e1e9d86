// core/i18n: the one translation table (zh/en) of every fixed string the kiosk and the cloud
// gallery show, with lookup, counts and dates
#pragma once

#include "core/base/localized_text.h"

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lantai::core {

struct Badge;
struct Item;

// One entry of the table. Keys are "<screen or area>.<name>", e.g. "nav.back". Texts may hold
// placeholders such as {n}; both languages of an entry use the same placeholders.
//
// One table serves both surfaces (string_table.cpp): keys under "web." are the cloud gallery's
// alone (`lantai export web`); every other key is the kiosk's, and the exporter uses the same key
// wherever the site shows the same thing (item labels, section names, pager, counts), so the two
// cannot drift apart. Archive terms follow the glossary (glossary.h), checked by a unit test.
struct UiTextEntry {
    const char* key;
    const char* zh;
    const char* en;
};

// Every entry of the table, kiosk and web, in table order (tests, the editor, docs).
std::span<const UiTextEntry> allTextEntries();
// The kiosk's entries: every key outside "web.", in table order (the font atlas, tests).
std::span<const UiTextEntry> allUiTextEntries();
// True for a key of the cloud gallery alone ("web.*").
bool isWebOnlyKey(std::string_view key);

// The text of `key` in `language`. A key that is not in the table returns the key itself
// (so the gap is visible on screen) and is remembered for missingUiTextKeys().
// Thread-safe; the returned reference stays valid for the life of the program.
const std::string& uiText(std::string_view key, Language language);
bool hasUiText(std::string_view key);

// Keys asked for with uiText() that are not in the table, sorted (tests and the kiosk's state
// report check that this stays empty).
std::vector<std::string> missingUiTextKeys();

// uiText with placeholders replaced: uiFormat("idle.countdown", lang, {{"n", "8"}}).
std::string uiFormat(std::string_view key, Language language,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> args);
// A count: uses "<key>.one" for n == 1 when the table has it (English singular) and
// replaces {n}: uiCount("grid.items", 1, En) -> "1 item", uiCount("grid.items", 12, Zh) -> "12
// 件展品".
std::string uiCount(std::string_view key, long long n, Language language);

// Every text of the kiosk's entries (allUiTextEntries) in every language concatenated: the kiosk
// adds these characters to its font atlas (together with the pack's derived/charset.txt and
// printable ASCII). The web's own strings are left out: the kiosk never draws them.
std::string allUiText();

// An item date ("1949", "1949-10", "1949-10-01") as visitors read it:
// zh "1949年10月1日", en "1 October 1949". Anything else is returned unchanged.
std::string formatItemDate(std::string_view isoPartialDate, Language language);

// What the "item.date" label shows for an item: its date as formatItemDate writes it, else its
// free period text (`era`, for when no exact date is known), else empty. Kiosk and web alike.
std::string itemDateText(const Item& item, Language language);

// The label of a badge: its own `label` when set, else the built-in text of its kind.
std::string badgeText(const Badge& badge, Language language);

} // namespace lantai::core
