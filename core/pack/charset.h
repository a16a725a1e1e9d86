// core/pack: every visitor-facing text of a pack with where it is, and the set of characters they
// use (the kiosk builds its font atlas from it; `lantai build` writes it to derived/charset.txt)
#pragma once

#include "core/base/diagnostic.h"
#include "core/pack/model.h"

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// One text a visitor may read, and where it is: the file and JSON pointer of the string itself
// (".../items/0/title/zh"), what it belongs to ("item", "letter-1931") and the field, relative
// to that ("title/zh", "images/0/alt/en").
struct PackText {
    SourceRef at;
    std::string_view text;
    const char* kind = "";   // "pack", "exhibition", "chapter", "item", "video", "quiz bank", ...
    const char* kindZh = ""; // "内容包", "展览", ...
    std::string_view id;     // the owner's id ("" for the pack itself)
    std::string field;
};

// Calls `visit` for every non-empty visitor-facing text of the pack (all languages): titles,
// captions, descriptions, dates, references, tags, badges, image alt texts and captions, videos,
// quiz banks, questions and options.
void forEachPackText(const Pack& pack, const std::function<void(const PackText&)>& visit);

// Adds every code point of `text` to `out`.
void addCharacters(std::string_view text, std::set<char32_t>& out);

// Every code point used by visitor-facing text of the pack (all languages), plus printable ASCII.
std::set<char32_t> collectPackCharacters(const Pack& pack);

// Sorted code points as one UTF-8 string (the content of derived/charset.txt).
std::string charactersToUtf8(const std::set<char32_t>& characters);

// "𠀀 U+20000, 😀 U+1F600 and 3 more" (Chinese: "𠀀 U+20000、😀 U+1F600 等 5 个"): at most
// `shown` characters, for messages.
std::string listCharacters(const std::vector<char32_t>& characters, bool chinese,
                           std::size_t shown = 8);

// When the pack was built (derived/charset.txt exists), warns `derived.charset_stale` if that
// file is not what `lantai build` would write now (the pack's text changed since): it compares
// contents, not times, and names characters the file lacks. Nothing when the pack is not built.
void checkCharsetCurrent(const Pack& pack, Diagnostics& diagnostics);

} // namespace lantai::core
