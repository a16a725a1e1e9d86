// core/pack: the set of characters a pack's text uses (the kiosk builds its font atlas from it)
#pragma once

#include "core/pack/model.h"

#include <set>
#include <string>
#include <string_view>

namespace lantai::core {

// Adds every code point of `text` to `out`.
void addCharacters(std::string_view text, std::set<char32_t>& out);

// Every code point used by visitor-facing text of the pack (all languages), plus printable ASCII.
std::set<char32_t> collectPackCharacters(const Pack& pack);

// Sorted code points as one UTF-8 string (the content of derived/charset.txt).
std::string charactersToUtf8(const std::set<char32_t>& characters);

} // namespace lantai::core
