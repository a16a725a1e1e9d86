// core/i18n: which characters a font file can draw — its sfnt 'cmap' read directly (no font
// library), with the metrics the kiosk needs to size fallback fonts alike
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <utility>
#include <vector>

namespace lantai::core {

// A set of code points as sorted, disjoint, non-adjacent inclusive ranges.
class CodePointSet {
  public:
    using Range = std::pair<char32_t, char32_t>; // first, last (inclusive)

    CodePointSet() = default;
    // Any ranges, in any order, overlapping or not.
    explicit CodePointSet(std::vector<Range> ranges);

    bool contains(char32_t cp) const;
    std::size_t size() const; // number of code points
    bool empty() const { return m_ranges.empty(); }
    const std::vector<Range>& ranges() const { return m_ranges; }
    bool operator==(const CodePointSet& other) const = default;

  private:
    std::vector<Range> m_ranges;
};

// One face of a TrueType/OpenType file (.ttf, .otf, or one face of a .ttc collection).
// `coverage` is every code point the face's Unicode cmap maps to a glyph other than glyph 0,
// chosen as FreeType chooses it (FT_Select_Charmap(FT_ENCODING_UNICODE): the last UCS-4
// subtable, (3,10) or (0,4), else the last other Unicode one), with the glyph ids below the
// face's glyph count — so it is exactly the set where FT_Get_Char_Index is not 0, which is what
// Dear ImGui's FreeType builder tests before it draws a glyph. The kiosk's unit tests check that
// against FreeType for every font the kiosk uses.
//
// The metrics are those FreeType uses to size a face at a "real dimension" pixel height (what
// Dear ImGui requests): the height maps to ascender - descender, in font units (hhea).
struct FontFace {
    CodePointSet coverage;
    int unitsPerEm = 0;
    int ascender = 0;  // hhea, font units, positive above the baseline
    int descender = 0; // hhea, font units, negative below
    int glyphCount = 0;
    int faceCount = 1; // faces in the file (a .ttc holds several)
};

// Reads the tables it needs (table directory, head, hhea, maxp, cmap) with positioned reads,
// never the whole file (CJK fonts are 20–30 MB). Errors: the file's own (`file.*`), or
// `font.unreadable` naming the file and what is wrong with it (not a font, no Unicode cmap, a
// table past the end of the file, a face index the collection does not have).
Result<FontFace> readFontFace(const std::filesystem::path& file, int faceIndex = 0);

} // namespace lantai::core
