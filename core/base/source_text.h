// core/base: a text file's lines (BOM removed, LF/CRLF/CR line ends) and byte offset -> line:column
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace lantai::core {

// A text file with its UTF-8 BOM removed and the start of every line known, so that a byte
// offset becomes line:column (column in characters, both 1-based). Line ends: LF, CRLF or CR.
// Views into the text given to the constructor, which must outlive this object. Memory: one
// offset per line (the end of a line is found from the next line's start).
class SourceText {
  public:
    explicit SourceText(std::string_view raw);
    std::string_view text() const { return m_text; }
    std::size_t lineCount() const { return m_lineStarts.size(); }
    // Bytes of line `index` (0-based) without its line end.
    std::string_view line(std::size_t index) const;
    std::size_t lineStart(std::size_t index) const { return m_lineStarts[index]; }
    int lineOf(std::size_t offset) const;
    int columnOf(std::size_t offset) const;

  private:
    std::string_view m_text;
    std::vector<std::size_t> m_lineStarts;
};

} // namespace lantai::core
