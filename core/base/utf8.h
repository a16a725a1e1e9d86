// core/base: UTF-8 validation and code point iteration (pure functions)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

// Byte offset of the first invalid UTF-8 sequence (overlong, surrogate, > U+10FFFF,
// truncated), or nullopt when the whole text is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

// Decodes the code point at `pos` and advances `pos`; returns U+FFFD on invalid input and
// advances by one byte, so it always terminates.
char32_t nextCodePoint(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp`.
void appendUtf8(std::string& out, char32_t cp);

// `text` with every invalid byte replaced by U+FFFD (for messages from C libraries that may
// carry raw bytes, e.g. stb_image's "PNG chunk not known" names the chunk's four bytes).
std::string validUtf8(std::string_view text);

// Number of code points in `text` (invalid bytes count as one each).
std::size_t codePointCount(std::string_view text);

} // namespace lantai::core
