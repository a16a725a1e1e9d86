// core/catalogue: cell values for fields — number text, dates, flags, lists
#include "core/catalogue/catalogue_cells.h"

#include "core/base/utf8.h"
#include "core/catalogue/catalogue_dates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace lantai::core {

namespace {

Diagnostic problem(const char* code, std::string message, std::string messageZh) {
    return Diagnostic{Severity::Error,     code, "", "", 0, 0, std::move(message),
                      std::move(messageZh)};
}

bool isIntegral(double x) {
    return std::isfinite(x) && std::fabs(x) < 1e15 && x == std::floor(x);
}

std::string integerText(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(x));
    return buffer;
}

// The shortest text that reads back as the same double (up to 17 significant digits).
std::string decimalText(double x) {
    char buffer[64];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, x);
        if (std::strtod(buffer, nullptr) == x) break;
    }
    return buffer;
}

// "0000" shows 12 as 0012: a format of zeros only pads integers to its length.
std::string numberText(double x, const std::string& format) {
    if (!isIntegral(x)) return decimalText(x);
    std::string text = integerText(x);
    const bool zeros = !format.empty() &&
                       std::all_of(format.begin(), format.end(), [](char c) { return c == '0'; });
    if (zeros && x >= 0 && text.size() < format.size())
        text.insert(0, format.size() - text.size(), '0');
    return text;
}

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

Result<FieldValue> readDate(const SheetCell& cell, bool date1904) {
    FieldValue value;
    if (cell.kind == CellKind::Number) {
        const double x = cell.number;
        if (const auto precision = dateFormatPrecision(cell.numberFormat)) {
            if (auto date = excelSerialToDate(x, *precision, date1904)) {
                value.text = *date;
                return value;
            }
        } else if (isIntegral(x) && x > 0) {
            // A year typed as a number (1949), or 194910 / 19491001 as catalogues write them.
            if (auto date = parseCatalogueDate(integerText(x))) {
                value.text = *date;
                return value;
            }
        }
        const std::string shown = numberText(x, cell.numberFormat);
        if (!isIntegral(x))
            return problem(kCatalogueDateInvalid,
                           "The cell holds the number " + shown +
                               ", not a date. Excel turns a date typed as 1949.10 into the number "
                               "1949.1: format the column as text and type the date again, or "
                               "write 1949-10.",
                           "单元格中是数字 " + shown +
                               "，不是日期。Excel 会把输入的 1949.10 变成数字 1949.1："
                               "请把该列设为文本格式后重新输入，或写作 1949-10。");
        return problem(kCatalogueDateInvalid,
                       "The number " + shown +
                           " is not a date; write 1949, 1949-10, 1949-10-01 or 1949年10月1日 "
                           "(a date cell of the spreadsheet is also fine).",
                       "数字 " + shown +
                           " 不是日期；请写作 1949、1949-10、1949-10-01 或 1949年10月1日"
                           "（也可使用电子表格的日期格式）。");
    }
    const std::string text = cellText(cell, date1904);
    if (text.empty()) return value;
    if (auto date = parseCatalogueDate(text)) {
        value.text = *date;
        return value;
    }
    return problem(kCatalogueDateInvalid,
                   "\"" + text +
                       "\" is not a date; write 1949, 1949-10, 1949-10-01 or 1949年10月1日. Period "
                       "text such as 1930年代 belongs in the Era (时期) column.",
                   "“" + text +
                       "”不是日期；请写作 1949、1949-10、1949-10-01 或 1949年10月1日。"
                       "“1930年代”这类时期说明请填在“时期”列。");
}

Result<FieldValue> readFlag(const SheetCell& cell, bool date1904) {
    static const std::vector<std::string> kYes = {"是", "对",   "√", "✓", "✔",   "yes",
                                                  "y",  "true", "t", "1", "重点"};
    static const std::vector<std::string> kNo = {"否", "错",    "×", "✗", "✘", "no",
                                                 "n",  "false", "f", "0", "非"};
    FieldValue value;
    const std::string text = lower(cellText(cell, date1904));
    if (text.empty() || std::find(kNo.begin(), kNo.end(), text) != kNo.end()) return value;
    if (std::find(kYes.begin(), kYes.end(), text) != kYes.end()) {
        value.flag = true;
        return value;
    }
    return problem(kCatalogueValueInvalid,
                   "\"" + cellText(cell, date1904) +
                       "\" is not yes or no; write 是 or 否 (also yes/no, true/false, 1/0, √/×), "
                       "or leave the cell empty for no.",
                   "“" + cellText(cell, date1904) +
                       "”不是“是”或“否”；请填写 是 或 否（也可用 yes/no、true/false、1/0、√/×），"
                       "留空表示否。");
}

} // namespace

std::string cellText(const SheetCell& cell, bool date1904) {
    switch (cell.kind) {
    case CellKind::Text:
    case CellKind::Date:
        return cleanCellText(cell.text);
    case CellKind::Number:
        if (const auto precision = dateFormatPrecision(cell.numberFormat))
            if (auto date = excelSerialToDate(cell.number, *precision, date1904)) return *date;
        return numberText(cell.number, cell.numberFormat);
    case CellKind::Boolean:
        return cell.number != 0 ? "TRUE" : "FALSE";
    case CellKind::Empty:
    case CellKind::FormulaWithoutValue:
        return {};
    }
    return {};
}

std::vector<std::string> splitListCell(const std::string& text) {
    std::vector<std::string> entries;
    std::string current;
    auto flush = [&] {
        std::string entry = cleanCellText(current);
        if (!entry.empty()) entries.push_back(std::move(entry));
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ';' || text[i] == '\n' || text[i] == '\r') {
            flush();
        } else if (text.compare(i, 3, "；") == 0) {
            flush();
            i += 2;
        } else {
            current += text[i];
        }
    }
    flush();
    return entries;
}

Result<FieldValue> readCell(const SheetCell* cell, FieldShape shape, bool date1904) {
    if (!cell || cell->kind == CellKind::Empty) return FieldValue{};
    if (cell->kind == CellKind::Text && findInvalidUtf8(cell->text))
        return problem(kCatalogueValueInvalid,
                       "The cell's text is not valid UTF-8; save the file again, or type the "
                       "text again.",
                       "该单元格的文字不是有效的 UTF-8 编码；请重新保存文件，或重新输入文字。");
    if (cell->kind == CellKind::FormulaWithoutValue)
        return problem(kCatalogueFormulaWithoutValue,
                       "The cell holds a formula whose result the file does not store (or "
                       "stores as text this reader cannot read). Open the file in Excel, WPS or "
                       "LibreOffice and save it again, or paste the cells as values.",
                       "该单元格是公式，但文件中没有保存其计算结果（或结果无法读取）。"
                       "请在 Excel、WPS 或 LibreOffice 中打开并重新保存，或将单元格粘贴为数值。");
    switch (shape) {
    case FieldShape::Date:
        return readDate(*cell, date1904);
    case FieldShape::Flag:
        return readFlag(*cell, date1904);
    case FieldShape::List: {
        FieldValue value;
        value.list = splitListCell(cellText(*cell, date1904));
        return value;
    }
    case FieldShape::Text:
        break;
    }
    FieldValue value;
    value.text = cellText(*cell, date1904);
    return value;
}

} // namespace lantai::core
