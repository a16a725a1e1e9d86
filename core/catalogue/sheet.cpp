// core/catalogue: sheet cells, cell names (目录!C17, CSV line:column) and cell diagnostics
#include "core/catalogue/sheet.h"

#include <algorithm>

namespace lantai::core {

const SheetCell* Sheet::cell(int row, int column) const {
    if (row < 0 || column < 0 || row >= static_cast<int>(rows.size())) return nullptr;
    const auto& cells = rows[static_cast<std::size_t>(row)];
    if (column >= static_cast<int>(cells.size())) return nullptr;
    return &cells[static_cast<std::size_t>(column)];
}

bool Sheet::rowIsBlank(int row) const {
    if (row < 0 || row >= static_cast<int>(rows.size())) return true;
    for (const auto& c : rows[static_cast<std::size_t>(row)]) {
        if (c.kind == CellKind::Empty) continue;
        if (c.kind == CellKind::Text && cleanCellText(c.text).empty()) continue;
        return false;
    }
    return true;
}

int Sheet::columnCount() const {
    std::size_t widest = 0;
    for (const auto& r : rows)
        widest = std::max(widest, r.size());
    return static_cast<int>(widest);
}

std::string columnName(int column) {
    std::string name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

namespace {

// Excel quotes a sheet name in a reference when it is not a plain word.
std::string quotedSheetName(const std::string& name) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               (c >= '0' && c <= '9') || c == '_' || c == '.';
    });
    if (plain) return name;
    std::string out = "'";
    for (char c : name) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

struct CsvPosition {
    int line = 0;
    int column = 0;
};

CsvPosition csvPosition(const Sheet& sheet, int row, int column) {
    if (const SheetCell* c = sheet.cell(row, column); c && c->line > 0) return {c->line, c->column};
    if (row >= 0 && row < static_cast<int>(sheet.rowLines.size()))
        return {sheet.rowLines[static_cast<std::size_t>(row)], 0};
    return {};
}

} // namespace

std::string cellName(const Sheet& sheet, int row, int column) {
    if (sheet.csv) {
        const CsvPosition at = csvPosition(sheet, row, column);
        if (at.line == 0) return {};
        return std::to_string(at.line) + (at.column > 0 ? ":" + std::to_string(at.column) : "");
    }
    const std::string sheetPart = quotedSheetName(sheet.name) + "!";
    if (column < 0) return sheetPart + std::to_string(row + 1) + ":" + std::to_string(row + 1);
    return sheetPart + columnName(column) + std::to_string(row + 1);
}

Diagnostic cellDiagnostic(const Sheet& sheet, int row, int column, Severity severity,
                          std::string code, std::string message, std::string messageZh) {
    Diagnostic d{severity, std::move(code),    sheet.file,          "", 0,
                 0,        std::move(message), std::move(messageZh)};
    if (sheet.csv) {
        const CsvPosition at = csvPosition(sheet, row, column);
        d.line = at.line;
        d.column = at.column;
    } else {
        d.line = row + 1;
        d.column = column >= 0 ? column + 1 : 0;
        d.pointer = cellName(sheet, row, column);
    }
    return d;
}

std::string cleanCellText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    // Trim ASCII white space, NBSP (C2 A0) and the ideographic space (E3 80 80) at both ends.
    auto spaceAt = [&](std::size_t pos, bool atEnd) -> std::size_t {
        auto is = [&](std::string_view s) {
            return atEnd ? pos >= s.size() && out.compare(pos - s.size(), s.size(), s) == 0
                         : out.compare(pos, s.size(), s) == 0;
        };
        const char c = atEnd ? (pos > 0 ? out[pos - 1] : 'x') : (pos < out.size() ? out[pos] : 'x');
        if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f') return 1;
        if (is("\xC2\xA0")) return 2;
        if (is("\xE3\x80\x80")) return 3;
        return 0;
    };
    std::size_t begin = 0, end = out.size();
    while (begin < end)
        if (const std::size_t n = spaceAt(begin, false); n > 0 && begin + n <= end)
            begin += n;
        else
            break;
    while (end > begin)
        if (const std::size_t n = spaceAt(end, true); n > 0 && end - n >= begin)
            end -= n;
        else
            break;
    return out.substr(begin, end - begin);
}

} // namespace lantai::core
