// core/base: a text file's lines (BOM removed, LF/CRLF/CR line ends) and byte offset -> line:column
#include "core/base/source_text.h"

#include "core/base/utf8.h"

#include <algorithm>

namespace lantai::core {

SourceText::SourceText(std::string_view raw) : m_text(raw) {
    if (m_text.starts_with("\xEF\xBB\xBF")) m_text.remove_prefix(3);
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i) {
        const char c = m_text[i];
        if (c != '\n' && c != '\r') continue;
        m_lineEnds.push_back(i);
        if (c == '\r' && i + 1 < m_text.size() && m_text[i + 1] == '\n') ++i;
        m_lineStarts.push_back(i + 1);
    }
    m_lineEnds.push_back(m_text.size());
}

std::string_view SourceText::line(std::size_t index) const {
    return m_text.substr(m_lineStarts[index], m_lineEnds[index] - m_lineStarts[index]);
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
