// core/i18n: line breaking for mixed Chinese/English text (break between CJK characters, at spaces
// for Latin)
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

struct TextLine {
    std::size_t begin = 0; // byte offsets into the text
    std::size_t end = 0;   // exclusive, trailing spaces excluded
    double width = 0;
};

// Width of one code point in the caller's units (e.g. pixels of a font at a size).
using AdvanceFunction = std::function<double(char32_t)>;

// Breaks `text` into lines no wider than `maxWidth`. Breaks are allowed between two CJK
// characters, after spaces and hyphens, and at explicit newlines; never before closing
// punctuation (，。、；：？！）」》…) or after opening punctuation (（「《), following Chinese
// typesetting rules (避头尾). A single unbreakable run wider than maxWidth is split by
// character. `maxLines` > 0 truncates and ends the last line with "…" (its width included).
std::vector<TextLine> wrapText(std::string_view text, double maxWidth,
                               const AdvanceFunction& advance, int maxLines = 0,
                               std::string* ellipsizedLastLine = nullptr);

} // namespace lantai::core
