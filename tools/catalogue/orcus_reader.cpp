// tools/catalogue: a liborcus import factory that fills core's Sheet model (no spreadsheet document
// model, no formula engine: only the values the file stores)
#include "tools/catalogue/orcus_reader.h"

#include "tools/catalogue/orcus_styles.h"
#include "tools/catalogue/xlsx_package.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <orcus/exception.hpp>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/import_interface.hpp>

namespace lantai::core::catalogue_io {

namespace {

namespace ss = orcus::spreadsheet;

// Excel's limits: cells beyond them are ignored.
constexpr ss::row_t kMaxRows = 1048576;
constexpr ss::col_t kMaxColumns = 16384;

class SharedStrings final : public ss::iface::import_shared_strings {
  public:
    const std::string& at(std::size_t index) const {
        static const std::string none;
        return index < m_strings.size() ? m_strings[index] : none;
    }
    size_t append(std::string_view s) override {
        m_strings.emplace_back(s);
        return m_strings.size() - 1;
    }
    size_t add(std::string_view s) override { return append(s); }
    void set_segment_font(size_t) override {}
    void set_segment_bold(bool) override {}
    void set_segment_italic(bool) override {}
    void set_segment_font_name(std::string_view) override {}
    void set_segment_font_size(double) override {}
    void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t,
                                ss::color_elem_t) override {}
    void append_segment(std::string_view s) override { m_segments += s; }
    size_t commit_segments() override {
        const size_t index = append(m_segments);
        m_segments.clear();
        return index;
    }

  private:
    std::vector<std::string> m_strings;
    std::string m_segments;
};

class GlobalSettings final : public ss::iface::import_global_settings {
  public:
    bool date1904 = false;
    void set_origin_date(int year, int, int) override { date1904 = year == 1904; }
    void set_default_formula_grammar(ss::formula_grammar_t grammar) override {
        m_grammar = grammar;
    }
    ss::formula_grammar_t get_default_formula_grammar() const override { return m_grammar; }
    void set_character_set(orcus::character_set_t) override {}

  private:
    ss::formula_grammar_t m_grammar = ss::formula_grammar_t::xlsx;
};

// "A1", "$B$7", "Sheet1!C3", "'My sheet'!D4" -> row and column (0-based).
bool parseA1(std::string_view text, ss::src_address_t& out) {
    if (const std::size_t bang = text.rfind('!'); bang != std::string_view::npos)
        text.remove_prefix(bang + 1);
    std::size_t pos = 0;
    if (pos < text.size() && text[pos] == '$') ++pos;
    long column = 0;
    const std::size_t letters = pos;
    while (pos < text.size() &&
           ((text[pos] >= 'A' && text[pos] <= 'Z') || (text[pos] >= 'a' && text[pos] <= 'z'))) {
        column = column * 26 + ((text[pos] | 0x20) - 'a' + 1);
        if (column > kMaxColumns) return false;
        ++pos;
    }
    if (pos == letters) return false;
    if (pos < text.size() && text[pos] == '$') ++pos;
    long row = 0;
    const std::size_t digits = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        row = row * 10 + (text[pos] - '0');
        if (row > kMaxRows) return false;
        ++pos;
    }
    if (pos == digits || pos != text.size() || row < 1) return false;
    out = {0, static_cast<ss::row_t>(row - 1), static_cast<ss::col_t>(column - 1)};
    return true;
}

class A1Resolver final : public ss::iface::import_reference_resolver {
  public:
    ss::src_address_t resolve_address(std::string_view address) override {
        ss::src_address_t out{};
        if (!parseA1(address, out))
            throw orcus::invalid_arg_error("not a cell address: " + std::string(address));
        return out;
    }
    ss::src_range_t resolve_range(std::string_view range) override {
        const std::size_t colon = range.find(':');
        ss::src_range_t out{};
        out.first = resolve_address(range.substr(0, colon));
        out.last =
            colon == std::string_view::npos ? out.first : resolve_address(range.substr(colon + 1));
        return out;
    }
};

class SheetImport;

// A formula's stored result, applied to its cell on commit (FormulaWithoutValue when none).
class FormulaResult {
  public:
    void clear() {
        m_kind = CellKind::FormulaWithoutValue;
        m_text.clear();
        m_number = 0;
    }
    void text(std::string_view s) {
        m_kind = CellKind::Text;
        m_text = s;
    }
    void number(double value) {
        // liborcus gives NaN for a formula cell whose <v> is empty (as openpyxl writes them).
        if (!std::isfinite(value)) return;
        m_kind = CellKind::Number;
        m_number = value;
    }
    void boolean(bool value) {
        m_kind = CellKind::Boolean;
        m_number = value ? 1 : 0;
    }
    void empty() { m_kind = CellKind::Empty; }
    void applyTo(SheetCell& cell) const {
        cell.formula = true;
        cell.kind = m_kind;
        cell.text = m_text;
        cell.number = m_number;
    }

  private:
    CellKind m_kind = CellKind::FormulaWithoutValue;
    std::string m_text;
    double m_number = 0;
};

class SheetImport final : public ss::iface::import_sheet,
                          ss::iface::import_sheet_properties,
                          ss::iface::import_formula,
                          ss::iface::import_array_formula {
  public:
    SheetImport(Workbook& book, std::size_t index, const SharedStrings& strings,
                const NumberFormatStyles& styles)
        : m_book(book), m_index(index), m_strings(strings), m_styles(styles) {}

    // import_sheet
    ss::iface::import_sheet_properties* get_sheet_properties() override { return this; }
    ss::iface::import_formula* get_formula() override { return this; }
    ss::iface::import_array_formula* get_array_formula() override { return this; }
    void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override {
        if (SheetCell* c = at(row, col)) setText(*c, s);
    }
    void set_string(ss::row_t row, ss::col_t col, ss::string_id_t id) override {
        if (SheetCell* c = at(row, col)) setText(*c, m_strings.at(id));
    }
    void set_value(ss::row_t row, ss::col_t col, double value) override {
        if (SheetCell* c = at(row, col)) {
            c->kind = CellKind::Number;
            c->number = value;
        }
    }
    void set_bool(ss::row_t row, ss::col_t col, bool value) override {
        if (SheetCell* c = at(row, col)) {
            c->kind = CellKind::Boolean;
            c->number = value ? 1 : 0;
        }
    }
    void set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int, int,
                       double) override {
        if (SheetCell* c = at(row, col)) {
            char text[32];
            std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
            c->kind = CellKind::Date;
            c->text = text;
        }
    }
    // Formats are resolved at the end (applyFormats): a package may list its styles part after
    // its sheets.
    void set_format(ss::row_t row, ss::col_t col, size_t xf) override {
        m_formats.push_back({{row, col}, {row, col}, xf});
    }
    void set_format(ss::row_t rowStart, ss::col_t colStart, ss::row_t rowEnd, ss::col_t colEnd,
                    size_t xf) override {
        m_formats.push_back({{rowStart, colStart}, {rowEnd, colEnd}, xf});
    }
    void fill_down_cells(ss::row_t srcRow, ss::col_t srcCol, ss::row_t rangeSize) override {
        const SheetCell* source = find(srcRow, srcCol);
        if (!source || source->kind == CellKind::Empty) return;
        const SheetCell copy = *source;
        for (ss::row_t r = srcRow + 1; r <= srcRow + rangeSize && r < kMaxRows; ++r)
            if (SheetCell* c = at(r, srcCol)) *c = copy;
    }
    ss::range_size_t get_sheet_size() const override { return {kMaxRows, kMaxColumns}; }

    // import_sheet_properties
    void set_column_width(ss::col_t, double, orcus::length_unit_t) override {}
    void set_column_hidden(ss::col_t, bool) override {}
    void set_row_height(ss::row_t, double, orcus::length_unit_t) override {}
    void set_row_hidden(ss::row_t, bool) override {}
    void set_merge_cell_range(const ss::range_t& range) override {
        sheet().merged.push_back(
            {range.first.row, range.first.column, range.last.row, range.last.column});
    }

    // import_formula
    void set_position(ss::row_t row, ss::col_t col) override {
        m_formulaRow = row;
        m_formulaColumn = col;
        m_result.clear();
    }
    void set_formula(ss::formula_grammar_t, std::string_view) override {}
    void set_shared_formula_index(size_t) override {}
    void set_result_string(std::string_view value) override { m_result.text(value); }
    void set_result_value(double value) override { m_result.number(value); }
    void set_result_bool(bool value) override { m_result.boolean(value); }
    void set_result_empty() override { m_result.empty(); }
    void commit() override {
        if (m_arrayRange) {
            commitArray();
            return;
        }
        if (SheetCell* c = at(m_formulaRow, m_formulaColumn)) m_result.applyTo(*c);
        m_result.clear();
    }

    // import_array_formula: results by offset inside the range
    void set_range(const ss::range_t& range) override {
        m_arrayRange = range;
        m_arrayResults.assign(static_cast<std::size_t>(cellCount(range)), FormulaResult{});
    }
    void set_result_string(ss::row_t row, ss::col_t col, std::string_view value) override {
        if (FormulaResult* r = arrayResult(row, col)) r->text(value);
    }
    void set_result_value(ss::row_t row, ss::col_t col, double value) override {
        if (FormulaResult* r = arrayResult(row, col)) r->number(value);
    }
    void set_result_bool(ss::row_t row, ss::col_t col, bool value) override {
        if (FormulaResult* r = arrayResult(row, col)) r->boolean(value);
    }
    void set_result_empty(ss::row_t row, ss::col_t col) override {
        if (FormulaResult* r = arrayResult(row, col)) r->empty();
    }

    // Sets every formatted cell's number format code, once the styles are read. Only cells that
    // hold something: a format over a whole column creates nothing.
    void applyFormats() {
        auto& rows = sheet().rows;
        for (const auto& f : m_formats) {
            const std::string code = m_styles.formatOfXf(f.xf);
            for (ss::row_t r = std::max<ss::row_t>(f.first.row, 0);
                 r <= f.last.row && r < static_cast<ss::row_t>(rows.size()); ++r) {
                auto& cells = rows[static_cast<std::size_t>(r)];
                for (ss::col_t c = std::max<ss::col_t>(f.first.column, 0);
                     c <= f.last.column && c < static_cast<ss::col_t>(cells.size()); ++c)
                    cells[static_cast<std::size_t>(c)].numberFormat = code;
            }
        }
        m_formats.clear();
    }

  private:
    struct FormatRange {
        ss::address_t first;
        ss::address_t last;
        std::size_t xf;
    };

    Sheet& sheet() { return m_book.sheets[m_index]; }

    static long long cellCount(const ss::range_t& range) {
        const long long rows = range.last.row - range.first.row + 1;
        const long long columns = range.last.column - range.first.column + 1;
        return rows > 0 && columns > 0 && rows * columns <= 1'000'000 ? rows * columns : 0;
    }

    FormulaResult* arrayResult(ss::row_t row, ss::col_t col) {
        if (!m_arrayRange) return nullptr;
        const long long width = m_arrayRange->last.column - m_arrayRange->first.column + 1;
        const long long index = static_cast<long long>(row) * width + col;
        if (row < 0 || col < 0 || col >= width ||
            index >= static_cast<long long>(m_arrayResults.size()))
            return nullptr;
        return &m_arrayResults[static_cast<std::size_t>(index)];
    }

    void commitArray() {
        const ss::range_t range = *m_arrayRange;
        const long long width = range.last.column - range.first.column + 1;
        for (std::size_t i = 0; i < m_arrayResults.size(); ++i) {
            const auto row =
                range.first.row + static_cast<ss::row_t>(static_cast<long long>(i) / width);
            const auto col =
                range.first.column + static_cast<ss::col_t>(static_cast<long long>(i) % width);
            if (SheetCell* c = at(row, col)) m_arrayResults[i].applyTo(*c);
        }
        m_arrayRange.reset();
        m_arrayResults.clear();
    }

    static void setText(SheetCell& cell, std::string_view text) {
        cell.kind = CellKind::Text;
        cell.text = text;
    }

    const SheetCell* find(ss::row_t row, ss::col_t col) { return sheet().cell(row, col); }

    SheetCell* at(ss::row_t row, ss::col_t col) {
        if (row < 0 || col < 0 || row >= kMaxRows || col >= kMaxColumns) return nullptr;
        auto& rows = sheet().rows;
        if (rows.size() <= static_cast<std::size_t>(row))
            rows.resize(static_cast<std::size_t>(row) + 1);
        auto& cells = rows[static_cast<std::size_t>(row)];
        if (cells.size() <= static_cast<std::size_t>(col))
            cells.resize(static_cast<std::size_t>(col) + 1);
        return &cells[static_cast<std::size_t>(col)];
    }

    Workbook& m_book;
    std::size_t m_index;
    const SharedStrings& m_strings;
    const NumberFormatStyles& m_styles;
    ss::row_t m_formulaRow = 0;
    ss::col_t m_formulaColumn = 0;
    FormulaResult m_result;
    std::optional<ss::range_t> m_arrayRange;
    std::vector<FormulaResult> m_arrayResults;
    std::vector<FormatRange> m_formats;
};

class WorkbookFactory final : public ss::iface::import_factory {
  public:
    explicit WorkbookFactory(Workbook& book) : m_book(book) {}

    bool date1904() const { return m_settings.date1904; }

    ss::iface::import_global_settings* get_global_settings() override { return &m_settings; }
    ss::iface::import_shared_strings* get_shared_strings() override { return &m_strings; }
    ss::iface::import_styles* get_styles() override { return &m_styles; }
    ss::iface::import_reference_resolver*
    get_reference_resolver(ss::formula_ref_context_t) override {
        return &m_resolver;
    }
    ss::iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override {
        Sheet sheet;
        sheet.name = name;
        sheet.file = m_book.file;
        m_book.sheets.push_back(std::move(sheet));
        m_sheets.push_back(
            std::make_unique<SheetImport>(m_book, m_book.sheets.size() - 1, m_strings, m_styles));
        return m_sheets.back().get();
    }
    ss::iface::import_sheet* get_sheet(std::string_view name) override {
        for (std::size_t i = 0; i < m_book.sheets.size(); ++i)
            if (m_book.sheets[i].name == name) return m_sheets[i].get();
        return nullptr;
    }
    ss::iface::import_sheet* get_sheet(ss::sheet_t index) override {
        return index >= 0 && static_cast<std::size_t>(index) < m_sheets.size()
                   ? m_sheets[static_cast<std::size_t>(index)].get()
                   : nullptr;
    }
    void finalize() override {
        for (auto& sheet : m_sheets)
            sheet->applyFormats();
    }

  private:
    Workbook& m_book;
    GlobalSettings m_settings;
    SharedStrings m_strings;
    NumberFormatStyles m_styles;
    A1Resolver m_resolver;
    std::vector<std::unique_ptr<SheetImport>> m_sheets;
};

} // namespace

Result<Workbook> readOrcusWorkbook(std::string_view bytes, WorkbookFormat format,
                                   const std::string& fileName) {
    Workbook book;
    book.file = fileName;
    bool date1904 = false;
    const std::string_view original = bytes;
    std::optional<std::string> normalised;
    if (format == WorkbookFormat::Xlsx && (normalised = withRelativeTargets(bytes)))
        bytes = *normalised;
    try {
        WorkbookFactory factory(book);
        std::unique_ptr<orcus::iface::import_filter> filter;
        if (format == WorkbookFormat::Xlsx)
            filter = std::make_unique<orcus::orcus_xlsx>(&factory);
        else
            filter = std::make_unique<orcus::orcus_ods>(&factory);
        filter->read_stream(bytes);
        date1904 = factory.date1904();
    } catch (const std::exception& e) {
        const char* kind = format == WorkbookFormat::Xlsx ? "XLSX" : "ODS";
        return operationalError(kCatalogueFileUnreadable, fileName,
                                std::string("The file cannot be read as ") + kind + " (" +
                                    e.what() +
                                    "). Open it in Excel, WPS or LibreOffice and save "
                                    "it again.",
                                std::string("无法按 ") + kind + " 格式读取该文件（" + e.what() +
                                    "）。请在 Excel、WPS 或 LibreOffice 中打开并重新保存。");
    }
    for (auto& sheet : book.sheets)
        sheet.date1904 = date1904;
    // The extras read the file as it came (they resolve absolute targets themselves): the
    // uncompressed copy, as large as the sheets' XML, can go.
    normalised.reset();
    if (format == WorkbookFormat::Xlsx)
        if (Status extras = readXlsxPackageExtras(original, book); !extras)
            return std::move(extras).error();
    return book;
}

} // namespace lantai::core::catalogue_io
