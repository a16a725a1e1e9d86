// core/catalogue: header synonyms, the header row and the column mapping of a sheet
#include "core/catalogue/catalogue_columns.h"

#include "core/base/utf8.h"
#include "core/catalogue/catalogue_cells.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace lantai::core {

namespace {

enum class Lang { None, Zh, En, Both };

struct HeaderWords {
    std::vector<std::string> latin;
    std::vector<std::string> cjk;
};

bool isCjk(char32_t cp) {
    if (cp >= 0x3000 && cp <= 0x303F) return false; // CJK punctuation: separators
    return cp >= 0x2E80 && !(cp >= 0xFF00 && cp <= 0xFFEF);
}

HeaderWords headerWords(std::string_view header) {
    HeaderWords words;
    std::string current;
    bool currentCjk = false;
    auto flush = [&] {
        if (!current.empty()) (currentCjk ? words.cjk : words.latin).push_back(current);
        current.clear();
    };
    for (std::size_t pos = 0; pos < header.size();) {
        char32_t cp = nextCodePoint(header, pos);
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; // full-width ASCII
        if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
        const bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
        const bool cjk = isCjk(cp);
        if (!alnum && !cjk) {
            flush();
            continue;
        }
        if (!current.empty() && cjk != currentCjk) flush();
        currentCjk = cjk;
        appendUtf8(current, cp);
    }
    flush();
    return words;
}

Lang addLang(Lang a, Lang b) {
    if (a == Lang::None) return b;
    if (b == Lang::None || a == b) return a;
    return Lang::Both;
}

// Removes language markers (English / en / 英文 / 中文 ...) and says which language they named.
Lang stripMarkers(HeaderWords& words) {
    Lang lang = Lang::None;
    std::vector<std::string> latin;
    for (const auto& w : words.latin) {
        if (w == "en" || w == "eng" || w == "english")
            lang = addLang(lang, Lang::En);
        else if (w == "zh" || w == "cn" || w == "chn" || w == "chinese")
            lang = addLang(lang, Lang::Zh);
        else
            latin.push_back(w);
    }
    std::vector<std::string> cjk;
    for (std::string w : words.cjk) {
        for (const auto& [marker, markerLang] :
             {std::pair<std::string, Lang>{"英文", Lang::En}, {"中文", Lang::Zh}}) {
            if (w == marker ||
                (w.size() > marker.size() && (w.starts_with(marker) || w.ends_with(marker)))) {
                lang = addLang(lang, markerLang);
                w = w == marker             ? ""
                    : w.starts_with(marker) ? w.substr(marker.size())
                                            : w.substr(0, w.size() - marker.size());
            }
        }
        if (w == "英") {
            lang = addLang(lang, Lang::En);
            w.clear();
        } else if (w == "中") {
            lang = addLang(lang, Lang::Zh);
            w.clear();
        }
        if (!w.empty()) cjk.push_back(w);
    }
    words.latin = std::move(latin);
    words.cjk = std::move(cjk);
    return lang;
}

std::optional<CatalogueField> englishTwin(CatalogueField field) {
    switch (field) {
    case CatalogueField::TitleZh:
    case CatalogueField::EraZh:
    case CatalogueField::CaptionZh:
    case CatalogueField::DescriptionZh:
    case CatalogueField::HoldingZh:
    case CatalogueField::RightsZh:
        return static_cast<CatalogueField>(static_cast<int>(field) + 1);
    default:
        return std::nullopt;
    }
}

// synonym -> field, built once from the table (the synonyms are written already normalised).
const std::unordered_map<std::string, CatalogueField>& synonymIndex() {
    static const auto index = [] {
        std::unordered_map<std::string, CatalogueField> map;
        for (const auto& info : catalogueFields())
            for (const auto& synonym : fieldSynonyms(info.field))
                map.emplace(synonym, info.field); // an English twin repeats its Chinese synonyms
        return map;
    }();
    return index;
}

std::optional<CatalogueField> lookup(const std::string& key) {
    if (key.empty()) return std::nullopt;
    const auto& index = synonymIndex();
    const auto it = index.find(key);
    if (it == index.end()) return std::nullopt;
    return it->second;
}

std::string joined(const std::vector<std::string>& words, const char* separator) {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : separator) + w;
    return out;
}

std::string headerText(const Sheet& sheet, int row, int column) {
    const SheetCell* cell = sheet.cell(row, column);
    return cell ? cellText(*cell, sheet.date1904) : std::string();
}

const SavedMapping::Column* savedColumn(const SavedMapping* saved, const std::string& header) {
    if (!saved || header.empty()) return nullptr;
    for (const auto& column : saved->columns)
        if (column.header == header) return &column;
    return nullptr;
}

int firstNonBlankRow(const Sheet& sheet) {
    for (int r = 0; r < static_cast<int>(sheet.rows.size()); ++r)
        if (!sheet.rowIsBlank(r)) return r;
    return -1;
}

int findHeaderRow(const Sheet& sheet, const SavedMapping* saved) {
    if (saved && saved->headerRow > 0) return saved->headerRow - 1;
    int seen = 0;
    for (int r = 0; r < static_cast<int>(sheet.rows.size()) && seen < 20; ++r) {
        if (sheet.rowIsBlank(r)) continue;
        ++seen;
        int known = 0;
        for (int c = 0; c < static_cast<int>(sheet.rows[static_cast<std::size_t>(r)].size()); ++c) {
            const std::string header = headerText(sheet, r, c);
            if (savedColumn(saved, header) || fieldForHeader(header)) ++known;
        }
        if (known >= 2) return r;
    }
    return firstNonBlankRow(sheet);
}

std::string rangeName(const CellRange& range) {
    return columnName(range.firstColumn) + std::to_string(range.firstRow + 1) + ":" +
           columnName(range.lastColumn) + std::to_string(range.lastRow + 1);
}

std::string inQuotes(const std::string& header) {
    return "\"" + header + "\"";
}

} // namespace

std::optional<CatalogueField> fieldForHeader(std::string_view header) {
    HeaderWords words = headerWords(header);
    const Lang lang = stripMarkers(words);
    if (lang == Lang::Both) return std::nullopt;
    const auto latin = lookup(joined(words.latin, " "));
    const auto cjk = lookup(joined(words.cjk, ""));
    if (latin && cjk && *latin != *cjk) return std::nullopt;
    std::optional<CatalogueField> field = latin ? latin : cjk;
    if (!field) return std::nullopt;
    if (lang == Lang::En) return englishTwin(*field);
    return field;
}

const char* columnSourceName(ColumnSource source) {
    switch (source) {
    case ColumnSource::Auto:
        return "auto";
    case ColumnSource::Saved:
        return "mapping";
    case ColumnSource::Ignored:
        return "ignored";
    case ColumnSource::Unknown:
        return "unknown";
    }
    return "unknown";
}

std::optional<int> ColumnMapping::columnOf(CatalogueField field) const {
    for (const auto& c : columns)
        if (c.field == field) return c.column;
    return std::nullopt;
}

SavedMapping ColumnMapping::toSaved(const std::string& sheetName) const {
    SavedMapping saved;
    saved.sheet = sheetName;
    saved.headerRow = headerRow + 1;
    for (const auto& c : columns)
        if (!c.header.empty()) saved.columns.push_back({c.header, c.field});
    return saved;
}

Result<std::size_t> chooseCatalogueSheet(const Workbook& workbook, const std::string& name) {
    std::string names;
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
        if (!name.empty() && workbook.sheets[i].name == name) return i;
        names += (names.empty() ? "" : ", ") + inQuotes(workbook.sheets[i].name);
    }
    if (!name.empty() || workbook.sheets.empty())
        return operationalError(kCatalogueSheetMissing, workbook.file,
                                workbook.sheets.empty() ? "The file has no sheet."
                                                        : "The file has no sheet \"" + name +
                                                              "\"; its sheets are " + names + ".",
                                workbook.sheets.empty() ? "文件中没有工作表。"
                                                        : "文件中没有工作表“" + name +
                                                              "”；现有工作表：" + names + "。");
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
        const Sheet& sheet = workbook.sheets[i];
        const int row = findHeaderRow(sheet, nullptr);
        int known = 0;
        if (row >= 0)
            for (int c = 0; c < static_cast<int>(sheet.rows[static_cast<std::size_t>(row)].size());
                 ++c)
                if (fieldForHeader(headerText(sheet, row, c))) ++known;
        if (known >= 2) return i;
    }
    return std::size_t{0};
}

ColumnMapping mapCatalogueColumns(const Sheet& sheet, const SavedMapping* saved,
                                  Diagnostics& diagnostics) {
    ColumnMapping mapping;
    const int headerRow = findHeaderRow(sheet, saved);
    if (headerRow < 0 || headerRow >= static_cast<int>(sheet.rows.size()) ||
        sheet.rowIsBlank(headerRow)) {
        diagnostics.add(cellDiagnostic(
            sheet, std::max(headerRow, 0), -1, Severity::Error, kCatalogueHeaderMissing,
            headerRow < 0 ? "The sheet \"" + sheet.name + "\" is empty."
                          : "The header row " + std::to_string(headerRow + 1) + " is empty.",
            headerRow < 0 ? "工作表“" + sheet.name + "”是空的。"
                          : "表头所在的第 " + std::to_string(headerRow + 1) + " 行是空的。"));
        return mapping;
    }
    mapping.headerRow = headerRow;

    for (const auto& range : sheet.merged)
        if (range.firstRow <= headerRow && headerRow <= range.lastRow &&
            (range.firstColumn != range.lastColumn || range.firstRow != range.lastRow))
            diagnostics.add(cellDiagnostic(
                sheet, headerRow, range.firstColumn, Severity::Error, kCatalogueHeaderMerged,
                "The header cells " + rangeName(range) +
                    " are merged. Unmerge them and give every column its own header (for "
                    "example 题名 and 英文题名).",
                "表头单元格 " + rangeName(range) +
                    " 是合并单元格。请取消合并，并为每一列单独填写表头（例如“题名”和“英文题名”）"
                    "。"));

    // Columns with data below an empty header are reported too.
    std::vector<int> dataCells(static_cast<std::size_t>(sheet.columnCount()), 0);
    for (int r = headerRow + 1; r < static_cast<int>(sheet.rows.size()); ++r) {
        const auto& cells = sheet.rows[static_cast<std::size_t>(r)];
        for (std::size_t c = 0; c < cells.size(); ++c)
            if (cells[c].kind != CellKind::Empty &&
                !(cells[c].kind == CellKind::Text && cleanCellText(cells[c].text).empty()))
                ++dataCells[c];
    }

    std::map<CatalogueField, int> firstColumn;
    std::vector<bool> savedUsed(saved ? saved->columns.size() : 0, false);
    for (int c = 0; c < static_cast<int>(dataCells.size()); ++c) {
        ColumnAssignment column;
        column.column = c;
        column.header = headerText(sheet, headerRow, c);
        if (column.header.empty() && dataCells[static_cast<std::size_t>(c)] == 0) continue;
        if (const auto* s = savedColumn(saved, column.header)) {
            savedUsed[static_cast<std::size_t>(s - saved->columns.data())] = true;
            column.field = s->field;
            column.source = s->field ? ColumnSource::Saved : ColumnSource::Ignored;
        } else if (auto field = fieldForHeader(column.header)) {
            column.field = field;
            column.source = ColumnSource::Auto;
        }
        if (column.field) {
            const auto [it, inserted] = firstColumn.emplace(*column.field, c);
            if (!inserted) {
                const std::string first = cellName(sheet, headerRow, it->second);
                diagnostics.add(cellDiagnostic(
                    sheet, headerRow, c, Severity::Error, kCatalogueColumnDuplicate,
                    "The column " + inQuotes(column.header) + " is the field " +
                        fieldInfo(*column.field).key + ", like the column at " + first +
                        ". Keep one of them, or map one to another field (--mapping).",
                    "列" + inQuotes(column.header) + "对应字段 " + fieldInfo(*column.field).key +
                        "，与 " + first +
                        " 的列重复。请只保留一列，或用映射文件（--mapping）"
                        "把其中一列对应到其他字段。"));
            }
        } else if (column.source == ColumnSource::Unknown) {
            const std::string letter = columnName(c);
            const int cells = dataCells[static_cast<std::size_t>(c)];
            diagnostics.add(cellDiagnostic(
                sheet, headerRow, c, Severity::Warning, kCatalogueUnknownColumn,
                (column.header.empty() ? "Column " + letter + " has no header"
                                       : "The column " + inQuotes(column.header) + " (" + letter +
                                             ") names no catalogue field") +
                    "; its " + std::to_string(cells) + " filled cell" + (cells == 1 ? "" : "s") +
                    " are not imported. Name it like a known column, or map it (or ignore it) "
                    "in a mapping file (--mapping).",
                (column.header.empty()
                     ? "第 " + letter + " 列没有表头"
                     : "列" + inQuotes(column.header) + "（" + letter + "）不对应任何目录字段") +
                    "，其中 " + std::to_string(cells) +
                    " 个非空单元格不会导入。请使用已知的列名，或在映射文件（--mapping）中指定"
                    "或忽略该列。"));
        }
        mapping.columns.push_back(std::move(column));
    }

    for (std::size_t i = 0; i < savedUsed.size(); ++i)
        if (!savedUsed[i])
            diagnostics.add(cellDiagnostic(
                sheet, headerRow, -1, Severity::Warning, kCatalogueMappingUnused,
                "The mapping names the header " + inQuotes(saved->columns[i].header) +
                    ", which row " + std::to_string(headerRow + 1) + " does not have.",
                "映射文件中的表头" + inQuotes(saved->columns[i].header) + "不在第 " +
                    std::to_string(headerRow + 1) + " 行中。"));

    if (firstColumn.empty())
        diagnostics.add(cellDiagnostic(
            sheet, headerRow, -1, Severity::Error, kCatalogueHeaderMissing,
            "Row " + std::to_string(headerRow + 1) +
                " names no catalogue column; the first row of the catalogue must hold headers "
                "such as 档号, 题名, 年代 (or Reference code, Title, Date).",
            "第 " + std::to_string(headerRow + 1) +
                " 行没有可识别的目录列；目录的表头应为“档号”“题名”“年代”等"
                "（或 Reference code、Title、Date）。"));
    else if (!firstColumn.count(CatalogueField::Reference) &&
             !firstColumn.count(CatalogueField::Id))
        diagnostics.add(cellDiagnostic(
            sheet, headerRow, -1, Severity::Error, kCatalogueNoKeyColumn,
            "The sheet has neither a 档号 (Reference code) nor an id column, so its rows cannot be "
            "matched to the pack's items (a second import would add every row again). Add one "
            "of them.",
            "该表既没有“档号”列也没有“标识”（ID）列，无法将各行与内容包中的展品对应"
            "（再次导入会重复添加所有行）。请添加其中一列。"));
    return mapping;
}

} // namespace lantai::core
