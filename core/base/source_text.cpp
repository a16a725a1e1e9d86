// core/base: a text file's lines (BOM removed, LF/CRLF/CR line ends) and byte offset -> line:column
#include "core/base/source_text.h"

#include "core/base/utf8.h"

#include <algorithm>

namespace lantai::core {

namespace {

bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}

} // namespace

SourceText::SourceText(std::string_view raw) : m_text(raw) {
    if (m_text.starts_with("\xEF\xBB\xBF")) m_text.remove_prefix(3);
    // Counted first so the table is allocated once, at its exact size.
    std::size_t lines = 1;
    for (std::size_t i = 0; i < m_text.size(); ++i) {
        if (!isLineEnd(m_text[i])) continue;
        if (m_text[i] == '\r' && i + 1 < m_text.size() && m_text[i + 1] == '\n') ++i;
        ++lines;
    }
    m_lineStarts.reserve(lines);
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i) {
        if (!isLineEnd(m_text[i])) continue;
        if (m_text[i] == '\r' && i + 1 < m_text.size() && m_text[i + 1] == '\n') ++i;
        m_lineStarts.push_back(i + 1);
    }
}

std::string_view SourceText::line(std::size_t index) const {
    const std::size_t start = m_lineStarts[index];
    std::size_t end = m_text.size();
    if (index + 1 < m_lineStarts.size()) {
        // The next line starts after this line's end: CRLF (a CR directly before an LF is always
        // read as one line end), or a lone LF or CR.
        end = m_lineStarts[index + 1] - 1;
        if (m_text[end] == '\n' && end > start && m_text[end - 1] == '\r') --end;
    }
    return m_text.substr(start, end - start);
}

int SourceText::lineOf(std::size_t offset) const {
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return static_cast<int>(it - m_lineStarts.begin());
}

int SourceText::columnOf(std::size_t offset) const {
    const int line = lineOf(offset);
    const std::size_t start = m_lineStarts[static_cast<std::size_t>(line - 1)];
    offset = std::min(offset, m_text.size());
    return static_cast<int>(codePointCount(m_text.substr(start, offset - start))) + 1;
}

} // namespace lantai::core
