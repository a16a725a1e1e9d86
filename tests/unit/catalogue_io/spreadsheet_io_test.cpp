// tests: catalogue spreadsheets on disk — malformed and unusual sheets (table-driven), CSV
// encodings and quoting, XLSX written by libxlsxwriter (merged headers, formulas, serial dates,
// numbers as 档号, 10,000 rows) read back through liborcus, and the export writers
#include "../support/temp_dir.h"
#include "core/base/file_io.h"
#include "core/catalogue/catalogue_columns.h"
#include "core/catalogue/catalogue_import.h"
#include "tools/catalogue/catalogue_io.h"
#include "tools/catalogue/csv_reader.h"
#include "tools/catalogue/text_encoding.h"

#include <functional>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;
using catalogue_io::ReadOptions;

std::string listed(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += formatDiagnostic(d, false) + "\n";
    return out;
}

Workbook readBytes(const std::string& bytes, const std::string& name = "cat.csv",
                   const std::string& encoding = "") {
    ReadOptions options;
    options.encoding = encoding;
    auto book = catalogue_io::readCatalogueBytes(bytes, name, options);
    EXPECT_TRUE(book) << (book ? "" : formatDiagnostic(book.error(), false));
    return book ? std::move(*book) : Workbook{};
}

std::string text(const Sheet& sheet, int row, int column) {
    const SheetCell* cell = sheet.cell(row, column);
    return cell ? cell->text : "<missing>";
}

// ---- CSV ----------------------------------------------------------------------------------

TEST(CatalogueCsv, EncodingsAndLineEnds) {
    struct Case {
        const char* name;
        std::string bytes;
        const char* encoding; // forced, or "" to detect
        const char* detected;
    };
    const std::string gb =
        "\xB5\xB5\xBA\xC5,\xCC\xE2\xC3\xFB\r\nJ-1,\xCB\xB5\xC3\xF7\r\n"; // 档号,题名 / 说明
    const std::string utf16 =
        std::string("\xFF\xFE", 2) + std::string("\x63\x00\x68\x00\x0A\x00", 6);
    const std::vector<Case> cases = {
        {"UTF-8", "档号,题名\nJ-1,说明\n", "", "utf-8"},
        {"UTF-8 with BOM", "\xEF\xBB\xBF档号,题名\nJ-1,说明\n", "", "utf-8"},
        {"CRLF", "档号,题名\r\nJ-1,说明\r\n", "", "utf-8"},
        {"CR (old Mac Excel)", "档号,题名\rJ-1,说明\r", "", "utf-8"},
        {"GB18030 detected", gb, "", "gb18030"},
        {"GB18030 forced", gb, "gb18030", "gb18030"},
        {"semicolons", "档号;题名\nJ-1;说明\n", "", "utf-8"},
        {"tabs", "档号\t题名\nJ-1\t说明\n", "", "utf-8"},
    };
    for (const auto& c : cases) {
        auto decoded = catalogue_io::decodeText(c.bytes, c.encoding, "cat.csv");
        ASSERT_TRUE(decoded) << c.name;
        EXPECT_EQ(decoded->encoding, c.detected) << c.name;
        const Workbook book = readBytes(c.bytes, "cat.csv", c.encoding);
        ASSERT_EQ(book.sheets.size(), 1u) << c.name;
        const Sheet& sheet = book.sheets[0];
        EXPECT_EQ(sheet.name, "cat") << c.name;
        ASSERT_EQ(sheet.rows.size(), 2u) << c.name;
        EXPECT_EQ(text(sheet, 0, 0), "档号") << c.name;
        EXPECT_EQ(text(sheet, 1, 1), "说明") << c.name;
        EXPECT_EQ(sheet.rowLines[1], 2) << c.name;
    }
    auto decoded = catalogue_io::decodeText(utf16, "", "cat.csv");
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, "utf-16le");
    EXPECT_EQ(decoded->text, "ch\n");
}

TEST(CatalogueCsv, QuotingAndPositions) {
    const std::string csv = "档号,图说,题名\r\n"
                            "J-1,\"第一行\r\n第二行\",\"说 \"\"明\"\"\"\r\n"
                            "J-2,\"a, b\",x\"y\r\n"
                            "\r\n"
                            "J-3,,\r\n";
    const Workbook book = readBytes(csv);
    const Sheet& sheet = book.sheets[0];
    ASSERT_EQ(sheet.rows.size(), 5u);
    EXPECT_EQ(text(sheet, 1, 1), "第一行\r\n第二行");
    EXPECT_EQ(cleanCellText(text(sheet, 1, 1)), "第一行\n第二行");
    EXPECT_EQ(text(sheet, 1, 2), "说 \"明\"");
    EXPECT_EQ(sheet.cell(1, 2)->line, 3); // after the quoted line break
    EXPECT_EQ(sheet.cell(1, 2)->column, 6);
    EXPECT_EQ(text(sheet, 2, 1), "a, b");
    EXPECT_EQ(text(sheet, 2, 2), "x\"y"); // a quote inside an unquoted cell is a character
    EXPECT_EQ(sheet.rowLines[2], 4);
    EXPECT_TRUE(sheet.rowIsBlank(3));
    EXPECT_EQ(sheet.rows[4].size(), 3u);
    EXPECT_EQ(cellName(sheet, 2, 1), "4:5");
}

TEST(CatalogueCsv, Errors) {
    struct Case {
        const char* name;
        std::string bytes;
        const char* encoding;
        const char* code;
        int line, column;
    };
    const std::vector<Case> cases = {
        {"quote never closed", "档号,题名\nJ-1,\"说明\nJ-2,x\n", "",
         catalogue_io::kCatalogueCsvSyntax, 2, 5},
        {"not UTF-8 (forced)", "档号,题名\nJ-1,\xB5\xB5\n", "utf-8",
         catalogue_io::kCatalogueEncoding, 2, 5},
        {"neither UTF-8 nor GB18030", "a,b\nc,\x80\n", "", catalogue_io::kCatalogueEncoding, 2, 3},
    };
    for (const auto& c : cases) {
        ReadOptions options;
        options.encoding = c.encoding;
        const auto book = catalogue_io::readCatalogueBytes(c.bytes, "cat.csv", options);
        ASSERT_FALSE(book) << c.name;
        EXPECT_EQ(book.error().code, c.code) << c.name;
        EXPECT_EQ(book.error().file, "cat.csv") << c.name;
        EXPECT_EQ(book.error().line, c.line) << c.name;
        EXPECT_EQ(book.error().column, c.column) << c.name;
        EXPECT_FALSE(book.error().messageZh.empty()) << c.name;
    }
    ReadOptions none;
    const auto xls = catalogue_io::readCatalogueBytes(
        std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old workbook", 22), "old.xls", none);
    ASSERT_FALSE(xls);
    EXPECT_NE(xls.error().message.find(".xls"), std::string::npos);
}

TEST(CatalogueCsv, WrittenForExcelAndReadBack) {
    CatalogueTable table;
    table.columns = {CatalogueField::Id, CatalogueField::Reference, CatalogueField::CaptionZh};
    table.rows = {{"a", "0012", "第一行\n第二行"}, {"b", "J-2", "引号 \"x\", 逗号"}};
    const std::string csv = catalogue_io::catalogueCsvText(table);
    EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF标识 ID,档号 Reference code,图说 Caption\r\n"));
    EXPECT_NE(csv.find("a,0012,\"第一行\n第二行\"\r\n"), std::string::npos);
    const Workbook book = readBytes(csv);
    EXPECT_EQ(text(book.sheets[0], 2, 2), "引号 \"x\", 逗号");
    EXPECT_EQ(text(book.sheets[0], 1, 1), "0012");
}

// ---- XLSX through libxlsxwriter and liborcus ------------------------------------------------

// Writes a workbook with libxlsxwriter (`fill` adds the cells) and reads it back.
Workbook xlsxRoundTrip(const fs::path& dir,
                       const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill) {
    const fs::path file = dir / "made.xlsx";
    lxw_workbook* workbook = workbook_new(file.string().c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "目录");
    fill(workbook, sheet);
    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    auto book = catalogue_io::readCatalogueFile(file, "made.xlsx", {});
    EXPECT_TRUE(book) << (book ? "" : formatDiagnostic(book.error(), false));
    return book ? std::move(*book) : Workbook{};
}

// Maps the columns and plans the import of the sheet into an empty-looking pack: enough to see
// how cells are read and which problems are named where.
CataloguePlan planFor(const Sheet& sheet, Diagnostics& diagnostics, const Pack& pack = Pack{}) {
    const ColumnMapping mapping = mapCatalogueColumns(sheet, nullptr, diagnostics);
    CataloguePlan plan = planCatalogueImport(pack, sheet, mapping, {});
    diagnostics.append(plan.diagnostics);
    return plan;
}

class CatalogueXlsx : public ::testing::Test {
  protected:
    test::TempDir m_dir{"lantai-catalogue-io"};
};

TEST_F(CatalogueXlsx, MalformedSheets) {
    struct Case {
        const char* name;
        std::function<void(lxw_workbook*, lxw_worksheet*)> fill;
        const char* code; // the problem expected, at `pointer`
        const char* pointer;
    };
    const std::vector<Case> cases = {
        {"empty header row",
         [](lxw_workbook*, lxw_worksheet* s) {
             worksheet_write_string(s, 1, 0, "J-1", nullptr);
             worksheet_write_string(s, 1, 1, "甲", nullptr);
         },
         kCatalogueHeaderMissing, "目录!2:2"},
        {"merged header cells",
         [](lxw_workbook*, lxw_worksheet* s) {
             worksheet_write_string(s, 0, 0, "档号", nullptr);
             worksheet_merge_range(s, 0, 1, 0, 2, "题名", nullptr);
             worksheet_write_string(s, 1, 0, "J-1", nullptr);
         },
         kCatalogueHeaderMerged, "目录!B1"},
        {"formula: its stored result is read",
         [](lxw_workbook*, lxw_worksheet* s) {
             worksheet_write_string(s, 0, 0, "档号", nullptr);
             worksheet_write_string(s, 0, 1, "年代", nullptr);
             worksheet_write_string(s, 1, 0, "J-1", nullptr);
             worksheet_write_formula_str(s, 1, 1, "=\"民国\"&\"时期\"", nullptr, "民国时期");
         },
         "catalogue.date_invalid", "目录!B2"},
        {"date typed as the number 1949.1",
         [](lxw_workbook*, lxw_worksheet* s) {
             worksheet_write_string(s, 0, 0, "档号", nullptr);
             worksheet_write_string(s, 0, 1, "年代", nullptr);
             worksheet_write_string(s, 1, 0, "J-1", nullptr);
             worksheet_write_number(s, 1, 1, 1949.1, nullptr);
         },
         "catalogue.date_invalid", "目录!B2"},
    };
    for (const auto& c : cases) {
        const Workbook book = xlsxRoundTrip(m_dir.path(), c.fill);
        ASSERT_EQ(book.sheets.size(), 1u) << c.name;
        Diagnostics diagnostics;
        planFor(book.sheets[0], diagnostics);
        bool found = false;
        for (const auto& d : diagnostics.items())
            if (d.code == c.code) {
                found = true;
                EXPECT_EQ(d.pointer, c.pointer) << c.name;
                EXPECT_EQ(d.file, "made.xlsx") << c.name;
            }
        EXPECT_TRUE(found) << c.name << " gave:\n" << listed(diagnostics);
    }
}

TEST_F(CatalogueXlsx, CellsAsExcelStoresThem) {
    const Workbook book = xlsxRoundTrip(m_dir.path(), [](lxw_workbook* w, lxw_worksheet* s) {
        lxw_format* padded = workbook_add_format(w);
        format_set_num_format(padded, "0000");
        lxw_format* yearMonth = workbook_add_format(w);
        format_set_num_format(yearMonth, "yyyy\"年\"m\"月\"");
        lxw_format* builtinDate = workbook_add_format(w);
        format_set_num_format_index(builtinDate, 14);
        const char* headers[] = {"档号", "年代", "题名", "重点展品", "说明"};
        for (lxw_col_t c = 0; c < 5; ++c)
            worksheet_write_string(s, 0, c, headers[c], nullptr);
        worksheet_write_number(s, 1, 0, 12, padded);                         // 0012
        worksheet_write_number(s, 1, 1, 18172, yearMonth);                   // 1949-10
        worksheet_write_formula_str(s, 1, 2, "=\"第\"&A2", nullptr, "第12"); // stored result
        worksheet_write_boolean(s, 1, 3, 1, nullptr);
        worksheet_write_number(s, 3, 0, 13, nullptr);        // row 3 blank
        worksheet_write_number(s, 3, 1, 18172, builtinDate); // 1949-10-01
        worksheet_write_formula_num(s, 3, 2, "=1+1", nullptr, 2);
        worksheet_write_string(s, 3, 4, "第一行\n第二行", nullptr);
        worksheet_merge_range(s, 4, 4, 5, 4, "合并", nullptr);
        worksheet_write_number(s, 4, 0, 14, nullptr);
        worksheet_write_number(s, 5, 0, 15, nullptr);
    });
    ASSERT_EQ(book.sheets.size(), 1u);
    const Sheet& sheet = book.sheets[0];
    EXPECT_FALSE(sheet.date1904);
    ASSERT_EQ(sheet.merged.size(), 1u);
    EXPECT_EQ(sheet.cell(1, 2)->kind, CellKind::Text);
    EXPECT_TRUE(sheet.cell(1, 2)->formula);

    Pack pack;
    pack.exhibitions.resize(1);
    pack.exhibitions[0].id = "e";
    pack.exhibitions[0].chapters.resize(1);
    pack.exhibitions[0].chapters[0].id = "c";
    for (const char* reference : {"0012", "13", "14", "15"}) {
        Item item;
        item.id = std::string("i") + reference;
        item.reference = reference;
        pack.exhibitions[0].chapters[0].items.push_back(item);
    }
    Diagnostics diagnostics;
    const CataloguePlan plan = planFor(sheet, diagnostics, pack);
    // The pack has no folder: its result cannot be checked, only the cells are looked at here.
    std::vector<const ItemChange*> changes;
    for (const auto& change : plan.changes)
        changes.push_back(&change);
    ASSERT_EQ(changes.size(), 4u) << listed(diagnostics);
    EXPECT_EQ(changes[0]->itemId, "i0012");
    EXPECT_EQ(changes[0]->item.date, "1949-10");
    EXPECT_EQ(changes[0]->item.title.zh, "第12");
    EXPECT_TRUE(changes[0]->item.highlight);
    EXPECT_EQ(changes[1]->item.date, "1949-10-01");
    EXPECT_EQ(changes[1]->item.title.zh, "2");
    EXPECT_EQ(changes[1]->item.description.zh, "第一行\n第二行");
    EXPECT_EQ(changes[2]->item.description.zh, "合并");
    EXPECT_EQ(changes[3]->item.description.zh, "合并"); // the merged cell fills both rows
    EXPECT_EQ(plan.rows, 4);                            // the blank row is skipped
}

TEST_F(CatalogueXlsx, ExportWritesAFrozenBilingualHeader) {
    CatalogueTable table;
    for (const auto& info : catalogueFields())
        table.columns.push_back(info.field);
    table.rows.push_back(std::vector<std::string>(table.columns.size(), ""));
    table.rows[0][0] = "a";
    table.rows[0][3] = "0012";
    table.rows[0][6] = "1949-10";
    const fs::path out = m_dir.path() / "out.xlsx";
    ASSERT_TRUE(catalogue_io::writeCatalogueFile(out, table));
    // No temporary file is left beside it.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(m_dir.path()))
        ++files;
    EXPECT_EQ(files, 1u);
    auto book = catalogue_io::readCatalogueFile(out, "out.xlsx", {});
    ASSERT_TRUE(book);
    const Sheet& sheet = book->sheets[0];
    EXPECT_EQ(sheet.name, "目录");
    EXPECT_EQ(text(sheet, 0, 4), "题名 Title");
    EXPECT_EQ(text(sheet, 0, 5), "英文题名 Title (English)");
    EXPECT_EQ(text(sheet, 1, 3), "0012");
    EXPECT_EQ(sheet.cell(1, 3)->numberFormat, "@");
    EXPECT_EQ(text(sheet, 1, 6), "1949-10");
    // The frozen row is in the sheet's view.
    const std::string bytes = *readFile(out);
    EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);

    table.rows[0][11] = std::string(40000, 'x');
    const auto tooLong = catalogue_io::writeCatalogueFile(m_dir.path() / "long.xlsx", table);
    ASSERT_FALSE(tooLong);
    EXPECT_NE(tooLong.error().message.find("description.zh"), std::string::npos);
    EXPECT_FALSE(fs::exists(m_dir.path() / "long.xlsx"));
}

TEST_F(CatalogueXlsx, TenThousandRows) {
    CatalogueTable table;
    table.columns = {CatalogueField::Id, CatalogueField::Reference, CatalogueField::TitleZh,
                     CatalogueField::DescriptionZh};
    for (int n = 0; n < 10000; ++n)
        table.rows.push_back({"item-" + std::to_string(n), "J-" + std::to_string(n),
                              "题名 " + std::to_string(n),
                              "说明文字，第 " + std::to_string(n) + " 行"});
    for (const char* name : {"big.xlsx", "big.csv"}) {
        const fs::path file = m_dir.path() / name;
        ASSERT_TRUE(catalogue_io::writeCatalogueFile(file, table)) << name;
        auto book = catalogue_io::readCatalogueFile(file, name, {});
        ASSERT_TRUE(book) << name;
        const Sheet& sheet = book->sheets[0];
        ASSERT_EQ(sheet.rows.size(), 10001u) << name;
        EXPECT_EQ(text(sheet, 10000, 2), "题名 9999") << name;
        EXPECT_EQ(text(sheet, 5000, 3), "说明文字，第 4999 行") << name;
    }
}

} // namespace
} // namespace lantai::core
