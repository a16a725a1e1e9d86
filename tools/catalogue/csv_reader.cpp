// tools/catalogue: the CSV parser
#include "tools/catalogue/csv_reader.h"

namespace lantai::core::catalogue_io {

namespace {

bool isLineEnd(char c) {
    return c == '\n' || c == '\r';
}

char detectSeparator(std::string_view text) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false, started = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (isLineEnd(c)) {
            if (started) break;
            continue;
        }
        started = true;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (tabs > commas && tabs >= semicolons) return '\t';
    if (semicolons > commas) return ';';
    return ',';
}

class CsvParser {
  public:
    CsvParser(std::string_view text, Sheet& sheet) : m_text(text), m_sheet(sheet) {}

    // False (with the opening quote's position) when a quoted cell never closes.
    bool run(char separator, int& badLine, int& badColumn) {
        m_separator = separator;
        if (m_text.empty()) return true;
        startRow();
        while (m_pos < m_text.size()) {
            SheetCell cell;
            cell.line = m_line;
            cell.column = m_column;
            if (m_text[m_pos] == '"') {
                advance();
                if (!readQuoted(cell.text)) {
                    badLine = cell.line;
                    badColumn = cell.column;
                    return false;
                }
            }
            while (m_pos < m_text.size() && m_text[m_pos] != m_separator &&
                   !isLineEnd(m_text[m_pos])) {
                cell.text += m_text[m_pos];
                advance();
            }
            cell.kind = cell.text.empty() ? CellKind::Empty : CellKind::Text;
            m_sheet.rows.back().push_back(std::move(cell));
            if (m_pos >= m_text.size()) break;
            if (m_text[m_pos] == m_separator) {
                advance();
                if (m_pos >= m_text.size()) m_sheet.rows.back().push_back(emptyCellHere());
                continue;
            }
            lineBreak();
            if (m_pos < m_text.size()) startRow();
        }
        return true;
    }

  private:
    SheetCell emptyCellHere() const {
        SheetCell cell;
        cell.line = m_line;
        cell.column = m_column;
        return cell;
    }

    void startRow() {
        m_sheet.rows.emplace_back();
        m_sheet.rowLines.push_back(m_line);
    }

    // One byte forward; columns count characters (UTF-8 lead bytes).
    void advance() {
        if ((static_cast<unsigned char>(m_text[m_pos]) & 0xC0) != 0x80) ++m_column;
        ++m_pos;
    }

    // Consumes LF, CRLF or CR and starts the next line.
    void lineBreak() {
        if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
        m_column = 1;
    }

    bool readQuoted(std::string& out) {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                    out += '"';
                    advance();
                    advance();
                    continue;
                }
                advance();
                return true;
            }
            if (isLineEnd(c)) {
                const bool crlf =
                    c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n';
                out += crlf ? "\r\n" : std::string(1, c);
                lineBreak();
                continue;
            }
            out += c;
            advance();
        }
        return false;
    }

    std::string_view m_text;
    Sheet& m_sheet;
    char m_separator = ',';
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

} // namespace

Result<Sheet> parseCsv(std::string_view text, const std::string& fileName,
                       const std::string& sheetName) {
    Sheet sheet;
    sheet.name = sheetName;
    sheet.file = fileName;
    sheet.csv = true;
    int line = 0, column = 0;
    if (!CsvParser(text, sheet).run(detectSeparator(text), line, column))
        return Diagnostic{Severity::Error,
                          kCatalogueCsvSyntax,
                          fileName,
                          "",
                          line,
                          column,
                          "The quote that opens this cell is never closed; every quoted cell "
                          "needs its closing \" (a quote inside it is written \"\").",
                          "此单元格开头的引号没有闭合；带引号的单元格必须以 \" 结束"
                          "（其中的引号要写成 \"\"）。"};
    return sheet;
}

} // namespace lantai::core::catalogue_io
