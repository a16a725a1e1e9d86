// core/quiz: CSV as Excel writes it — the delimiter of the header row, then one row at a time
#include "core/quiz/csv_rows.h"

namespace lantai::core::quiz_import {

char sniffDelimiter(std::string_view text) {
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++comma;
        else if (!quoted && c == ';')
            ++semicolon;
        else if (!quoted && c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

bool RowReader::next(Row& row) {
    if (m_done) return false;
    row = read();
    const std::string_view t = m_text;
    const std::size_t n = t.size();
    std::size_t& i = m_pos;
    if (i >= n) {
        m_done = true;
    } else {
        if (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n') ++i;
        ++i;
        if (i >= n) m_done = true;
    }
    return true;
}

Row RowReader::read() {
    const std::string_view t = m_text;
    const char delimiter = m_delimiter;
    Reporter& report = m_report;
    const std::size_t n = t.size();
    std::size_t& i = m_pos;
    Row row;
    row.offset = i;
    while (true) {
        Cell cell;
        cell.offset = i;
        if (i < n && t[i] == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (t[i] == '"') {
                    if (i + 1 < n && t[i + 1] == '"') {
                        cell.value += '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                // Line breaks inside a cell become \n, whichever the file uses.
                if (t[i] == '\r') {
                    cell.value += '\n';
                    i += (i + 1 < n && t[i + 1] == '\n') ? 2 : 1;
                    continue;
                }
                cell.value += t[i++];
            }
            if (!closed)
                report.at(Severity::Error, "quiz.syntax", cell.offset,
                          "This quoted cell is never closed: a \" is missing.",
                          "此带引号的单元格没有结束：缺少一个 \"。");
            const std::size_t junk = i;
            while (i < n && t[i] != delimiter && t[i] != '\r' && t[i] != '\n')
                ++i;
            if (!trimView(t.substr(junk, i - junk)).empty())
                report.at(Severity::Error, "quiz.syntax", junk,
                          "Text after the closing quote of a cell; write a quote inside a "
                          "quoted cell as \"\".",
                          "单元格的结束引号之后还有文字；引号内的引号请写成 \"\"。");
        } else {
            while (i < n && t[i] != delimiter && t[i] != '\r' && t[i] != '\n')
                cell.value += t[i++];
        }
        row.cells.push_back(std::move(cell));
        if (i < n && t[i] == delimiter) {
            ++i;
            continue;
        }
        return row;
    }
}

} // namespace lantai::core::quiz_import
