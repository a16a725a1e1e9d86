// tools/gallery/export: HTML escaping and small text-to-markup helpers for the cloud-gallery pages
#pragma once

#include <string>
#include <string_view>

namespace lantai::core::web {

// Escapes & < > " ' so the result is safe as element text and inside a quoted attribute.
std::string esc(std::string_view text);

// Plain pack text as paragraphs: blank lines separate <p> elements, single newlines become
// <br>. Every character is escaped; empty text gives "".
std::string paragraphs(std::string_view text);

// The first `maxChars` code points of plain text on one line (whitespace runs folded), with an
// ellipsis when cut: meta descriptions and search snippets.
std::string excerpt(std::string_view text, std::size_t maxChars);

} // namespace lantai::core::web
