// core/i18n: sfnt table directory, head/hhea/maxp and Unicode cmap (formats 4, 12, 13) reading
#include "core/i18n/font_coverage.h"

#include "core/base/file_io.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

CodePointSet::CodePointSet(std::vector<Range> ranges) {
    std::sort(ranges.begin(), ranges.end());
    for (const auto& r : ranges) {
        if (r.second < r.first) continue;
        if (!m_ranges.empty() && r.first <= m_ranges.back().second + 1)
            m_ranges.back().second = std::max(m_ranges.back().second, r.second);
        else
            m_ranges.push_back(r);
    }
}

bool CodePointSet::contains(char32_t cp) const {
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), cp,
                               [](char32_t c, const Range& r) { return c < r.first; });
    return it != m_ranges.begin() && cp <= std::prev(it)->second;
}

std::size_t CodePointSet::size() const {
    std::size_t n = 0;
    for (const auto& r : m_ranges)
        n += static_cast<std::size_t>(r.second - r.first) + 1;
    return n;
}

namespace {

// cmap tables of the largest CJK fonts are about 1 MB; anything far larger is not a font.
constexpr std::uint32_t kMaxCmapBytes = 32u << 20;

// Big-endian reads from a byte buffer; out of range reads are the caller's bug, so every caller
// checks `fits` first.
struct Bytes {
    std::string_view data;
    bool fits(std::size_t offset, std::size_t n) const {
        return offset <= data.size() && n <= data.size() - offset;
    }
    std::uint16_t u16(std::size_t at) const {
        return static_cast<std::uint16_t>((static_cast<unsigned char>(data[at]) << 8) |
                                          static_cast<unsigned char>(data[at + 1]));
    }
    std::int16_t s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::uint32_t u32(std::size_t at) const {
        return (static_cast<std::uint32_t>(u16(at)) << 16) | u16(at + 2);
    }
};

struct TableRecord {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

class FaceReader {
  public:
    FaceReader(ReadableFile file, std::filesystem::path path)
        : m_file(std::move(file)), m_path(std::move(path)) {}

    Result<FontFace> read(int faceIndex) {
        FontFace face;
        std::string header;
        if (!readAt(0, 12, header)) return problem("it is too short to be a font");
        std::uint32_t directory = 0;
        if (header.compare(0, 4, "ttcf") == 0) {
            face.faceCount = static_cast<int>(Bytes{header}.u32(8));
            if (faceIndex < 0 || faceIndex >= face.faceCount)
                return problem("the collection has " + std::to_string(face.faceCount) +
                               " faces, not a face " + std::to_string(faceIndex));
            std::string offset;
            if (!readAt(12 + 4 * static_cast<std::uint64_t>(faceIndex), 4, offset))
                return problem("its collection header is cut short");
            directory = Bytes{offset}.u32(0);
        } else if (faceIndex != 0) {
            return problem("it holds one face, not a face " + std::to_string(faceIndex));
        }
        if (auto error = readDirectory(directory)) return *error;
        std::string head, hhea, maxp, cmap;
        if (!readTable("head", 54, head) || !readTable("hhea", 36, hhea) ||
            !readTable("maxp", 6, maxp) || !readTable("cmap", 4, cmap))
            return problem(m_missing);
        face.unitsPerEm = Bytes{head}.u16(18);
        face.ascender = Bytes{hhea}.s16(4);
        face.descender = Bytes{hhea}.s16(6);
        face.glyphCount = Bytes{maxp}.u16(4);
        auto coverage = readCmap(Bytes{cmap}, face.glyphCount);
        if (!coverage) return coverage.error();
        face.coverage = std::move(*coverage);
        return face;
    }

  private:
    Diagnostic problem(const std::string& what) const {
        return operationalError("font.unreadable", m_path.string(),
                                "The font \"" + m_path.string() + "\" cannot be read: " + what +
                                    ".",
                                "无法读取字体“" + m_path.string() + "”：" + what + "。");
    }

    bool readAt(std::uint64_t offset, std::size_t n, std::string& out) const {
        out.assign(n, '\0');
        return n == 0 || m_file.readAt(offset, out.data(), n) == static_cast<long long>(n);
    }

    std::optional<Diagnostic> readDirectory(std::uint32_t offset) {
        std::string top;
        if (!readAt(offset, 12, top)) return problem("its table directory is cut short");
        const std::uint32_t version = Bytes{top}.u32(0);
        if (version != 0x00010000 && top.compare(0, 4, "OTTO") != 0 &&
            top.compare(0, 4, "true") != 0)
            return problem("it is not a TrueType or OpenType font");
        const std::size_t count = Bytes{top}.u16(4);
        std::string records;
        if (!readAt(offset + 12, count * 16, records))
            return problem("its table directory is cut short");
        const Bytes b{records};
        for (std::size_t i = 0; i < count; ++i) {
            const std::string tag = records.substr(i * 16, 4);
            m_tables[tag] = {b.u32(i * 16 + 8), b.u32(i * 16 + 12)};
        }
        return std::nullopt;
    }

    bool readTable(const char* tag, std::size_t minimum, std::string& out) {
        auto it = m_tables.find(tag);
        if (it == m_tables.end()) {
            m_missing = std::string("it has no '") + tag + "' table";
            return false;
        }
        const TableRecord t = it->second;
        if (t.length < minimum || t.length > kMaxCmapBytes ||
            static_cast<std::uint64_t>(t.offset) + t.length > m_file.size() ||
            !readAt(t.offset, t.length, out)) {
            m_missing = std::string("its '") + tag + "' table is damaged or cut short";
            return false;
        }
        return true;
    }

    // Chooses the subtable as FreeType's find_unicode_charmap does and reads its mapping.
    Result<CodePointSet> readCmap(const Bytes& cmap, int glyphCount) const {
        const std::size_t count = cmap.u16(2);
        if (!cmap.fits(4, count * 8)) return problem("its 'cmap' table is cut short");
        struct Candidate {
            std::uint32_t offset;
            bool ucs4;
        };
        std::vector<Candidate> unicode;
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t at = 4 + i * 8;
            const int platform = cmap.u16(at);
            const int encoding = cmap.u16(at + 2);
            const std::uint32_t offset = cmap.u32(at + 4);
            if (!cmap.fits(offset, 4)) continue;
            const int format = cmap.u16(offset);
            if (format != 4 && format != 12 && format != 13) continue; // 14: variation selectors
            const bool isUnicode = platform == 0 || platform == 2 ||
                                   (platform == 3 && (encoding == 1 || encoding == 10));
            if (!isUnicode) continue;
            unicode.push_back(
                {offset, (platform == 3 && encoding == 10) || (platform == 0 && encoding == 4)});
        }
        if (unicode.empty()) return problem("it has no Unicode character map");
        auto chosen = std::find_if(unicode.rbegin(), unicode.rend(),
                                   [](const Candidate& c) { return c.ucs4; });
        if (chosen == unicode.rend()) chosen = unicode.rbegin();
        std::vector<CodePointSet::Range> ranges;
        const std::size_t at = chosen->offset;
        const bool ok = cmap.u16(at) == 4 ? readFormat4(cmap, at, glyphCount, ranges)
                                          : readFormat12(cmap, at, glyphCount, ranges);
        if (!ok) return problem("its Unicode character map is damaged");
        return CodePointSet(std::move(ranges));
    }

    // Segments of 16-bit code points; a glyph id comes from idDelta or from glyphIdArray.
    static bool readFormat4(const Bytes& cmap, std::size_t at, int glyphCount,
                            std::vector<CodePointSet::Range>& ranges) {
        if (!cmap.fits(at, 14)) return false;
        const std::size_t segments = cmap.u16(at + 6) / 2;
        const std::size_t ends = at + 14;
        const std::size_t starts = ends + segments * 2 + 2;
        const std::size_t deltas = starts + segments * 2;
        const std::size_t rangeOffsets = deltas + segments * 2;
        if (!cmap.fits(ends, segments * 8 + 2)) return false;
        for (std::size_t s = 0; s < segments; ++s) {
            const std::uint32_t end = cmap.u16(ends + s * 2);
            const std::uint32_t start = cmap.u16(starts + s * 2);
            const std::uint16_t delta = cmap.u16(deltas + s * 2);
            const std::size_t rangeOffsetAt = rangeOffsets + s * 2;
            const std::uint16_t rangeOffset = cmap.u16(rangeOffsetAt);
            for (std::uint32_t c = start; c <= end && c <= 0xFFFF; ++c) {
                std::uint32_t glyph = 0;
                if (rangeOffset == 0) {
                    glyph = (c + delta) & 0xFFFF;
                } else {
                    const std::size_t g = rangeOffsetAt + rangeOffset + (c - start) * 2;
                    if (!cmap.fits(g, 2)) continue;
                    glyph = cmap.u16(g);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph == 0 || glyph >= static_cast<std::uint32_t>(glyphCount)) continue;
                if (!ranges.empty() && ranges.back().second + 1 == c)
                    ranges.back().second = c;
                else
                    ranges.emplace_back(c, c);
            }
        }
        return true;
    }

    // Groups of 32-bit code points mapped to consecutive glyphs (12) or to one glyph (13).
    static bool readFormat12(const Bytes& cmap, std::size_t at, int glyphCount,
                             std::vector<CodePointSet::Range>& ranges) {
        if (!cmap.fits(at, 16)) return false;
        const bool sameGlyph = cmap.u16(at) == 13;
        const std::size_t groups = cmap.u32(at + 12);
        if (groups > (cmap.data.size() - at - 16) / 12) return false;
        for (std::size_t i = 0; i < groups; ++i) {
            const std::size_t g = at + 16 + i * 12;
            std::uint32_t first = cmap.u32(g);
            std::uint32_t last = std::min<std::uint32_t>(cmap.u32(g + 4), 0x10FFFF);
            const std::uint32_t glyph = cmap.u32(g + 8);
            const auto count = static_cast<std::uint32_t>(glyphCount);
            if (first > last) continue;
            if (sameGlyph) {
                if (glyph == 0 || glyph >= count) continue;
            } else {
                if (glyph >= count) continue;
                if (glyph == 0) ++first; // the first code point maps to .notdef
                // Glyph ids past the face's glyphs are "no glyph".
                const std::uint32_t lastWithGlyph =
                    first + (count - 1 - glyph) - (glyph == 0 ? 1u : 0u);
                last = std::min(last, lastWithGlyph);
                if (first > last) continue;
            }
            ranges.emplace_back(first, last);
        }
        return true;
    }

    ReadableFile m_file;
    std::filesystem::path m_path;
    std::map<std::string, TableRecord> m_tables;
    std::string m_missing;
};

} // namespace

Result<FontFace> readFontFace(const std::filesystem::path& file, int faceIndex) {
    auto opened = openRegularFile(file);
    if (!opened) return opened.error();
    return FaceReader(std::move(*opened), file).read(faceIndex);
}

} // namespace lantai::core
