// tests: header synonyms (zh/en), the header row, column problems, mapping files
#include "catalogue_test_support.h"
#include "core/catalogue/catalogue_columns.h"

#include <gtest/gtest.h>

namespace lantai::core {
namespace {

using F = CatalogueField;

TEST(CatalogueColumns, HeadersNameFields) {
    const std::vector<std::pair<std::string, std::optional<F>>> cases = {
        {"档号", F::Reference},
        {"参考号", F::Reference},
        {"Reference code", F::Reference},
        {"REFERENCE_CODE", F::Reference},
        {"档号 Reference code", F::Reference},
        {"题名", F::TitleZh},
        {"标题", F::TitleZh},
        {"Title", F::TitleZh},
        {"题名 Title", F::TitleZh},
        {"题名（中文）", F::TitleZh},
        {"英文题名", F::TitleEn},
        {"题名（英文）", F::TitleEn},
        {"Title (English)", F::TitleEn},
        {"title_en", F::TitleEn},
        {"英文题名 Title (English)", F::TitleEn},
        {"ＴＩＴＬＥ", F::TitleZh}, // full-width letters
        {"年代", F::Date},
        {"日期", F::Date},
        {"Date", F::Date},
        {"时期", F::EraZh},
        {"说明", F::DescriptionZh},
        {"Description (English)", F::DescriptionEn},
        {"馆藏单位", F::HoldingZh},
        {"Holding institution", F::HoldingZh},
        {"版权说明 Rights", F::RightsZh},
        {"文件名", F::Images},
        {"File name", F::Images},
        {"标识 ID", F::Id},
        {"单元 Part", F::Chapter},
        {"展览", F::Exhibition},
        {"重点展品", F::Highlight},
        {"关键词", F::Tags},
        {"责任者", std::nullopt},
        {"备注 Notes", std::nullopt},
        {"", std::nullopt},
        {"题名 Date", std::nullopt},         // Chinese and English disagree
        {"英文档号", std::nullopt},          // 档号 has no English twin
        {"题名 中文 English", std::nullopt}, // two languages at once
    };
    for (const auto& [header, field] : cases)
        EXPECT_EQ(fieldForHeader(header), field) << header;
}

TEST(CatalogueColumns, EveryExportedHeaderNamesItsField) {
    for (const auto& info : catalogueFields())
        EXPECT_EQ(fieldForHeader(exportedHeader(info.field)), info.field) << info.key;
}

TEST(CatalogueColumns, HeaderRowBelowATitleRow) {
    const Sheet sheet = test::textSheet(
        {{"某某档案馆馆藏目录"}, {}, {"档号", "题名", "责任者"}, {"J-A", "甲", "张三"}});
    Diagnostics diagnostics;
    const ColumnMapping mapping = mapCatalogueColumns(sheet, nullptr, diagnostics);
    EXPECT_EQ(mapping.headerRow, 2);
    EXPECT_EQ(mapping.columnOf(F::Reference), 0);
    EXPECT_EQ(mapping.columnOf(F::TitleZh), 1);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const Diagnostic& unknown = diagnostics.items()[0];
    EXPECT_EQ(unknown.code, kCatalogueUnknownColumn);
    EXPECT_EQ(unknown.severity, Severity::Warning);
    EXPECT_EQ(unknown.pointer, "目录!C3");
    EXPECT_NE(unknown.message.find("责任者"), std::string::npos);
}

TEST(CatalogueColumns, HeaderProblems) {
    struct Case {
        const char* name;
        Sheet sheet;
        const char* code;
        const char* pointer;
    };
    Sheet merged = test::textSheet({{"档号", "题名", ""}, {"J-A", "甲", "A letter"}});
    merged.merged.push_back({0, 1, 0, 2});
    std::vector<Case> cases = {
        {"empty sheet", test::textSheet({}), kCatalogueHeaderMissing, "目录!1:1"},
        {"empty header", test::textSheet({{"", ""}, {"J-A", "甲"}}), kCatalogueHeaderMissing,
         "目录!2:2"},
        {"no known header", test::textSheet({{"甲", "乙"}, {"J-A", "甲"}}), kCatalogueHeaderMissing,
         "目录!1:1"},
        {"merged header cells", merged, kCatalogueHeaderMerged, "目录!B1"},
        {"two title columns", test::textSheet({{"档号", "题名", "标题"}, {"J-A", "甲", "乙"}}),
         kCatalogueColumnDuplicate, "目录!C1"},
        {"no key column", test::textSheet({{"题名", "说明"}, {"甲", "乙"}}), kCatalogueNoKeyColumn,
         "目录!1:1"},
    };
    for (const auto& c : cases) {
        Diagnostics diagnostics;
        mapCatalogueColumns(c.sheet, nullptr, diagnostics);
        ASSERT_TRUE(diagnostics.hasCode(c.code)) << c.name;
        for (const auto& d : diagnostics.items())
            if (d.code == c.code) {
                EXPECT_EQ(d.severity, Severity::Error) << c.name;
                EXPECT_EQ(d.pointer, c.pointer) << c.name;
                EXPECT_FALSE(d.messageZh.empty()) << c.name;
            }
    }
}

TEST(CatalogueColumns, DataUnderAnEmptyHeaderIsReported) {
    const Sheet sheet = test::textSheet({{"档号", "", "题名"}, {"J-A", "备注", "甲"}, {"J-B"}});
    Diagnostics diagnostics;
    const ColumnMapping mapping = mapCatalogueColumns(sheet, nullptr, diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, kCatalogueUnknownColumn);
    EXPECT_EQ(diagnostics.items()[0].pointer, "目录!B1");
    EXPECT_NE(diagnostics.items()[0].message.find("1 filled cell"), std::string::npos);
    ASSERT_EQ(mapping.columns.size(), 3u);
    EXPECT_EQ(mapping.columns[1].source, ColumnSource::Unknown);
}

TEST(CatalogueColumns, MappingFile) {
    const std::string text = R"({
  "lantai_catalogue_mapping": 1,
  "sheet": "目录",
  "header_row": 2,
  "columns": {"编号": "reference", "名称": "title.zh", "英文": "title.en", "责任者": null}
})";
    Diagnostics diagnostics;
    const SavedMapping saved = readMappingFile(text, "map.json", diagnostics);
    EXPECT_TRUE(diagnostics.empty());
    EXPECT_EQ(saved.sheet, "目录");
    EXPECT_EQ(saved.headerRow, 2);
    ASSERT_EQ(saved.columns.size(), 4u);

    const Sheet sheet = test::textSheet(
        {{"目录"}, {"编号", "名称", "英文", "责任者", "说明"}, {"J-A", "甲", "A", "张三", "x"}});
    const ColumnMapping mapping = mapCatalogueColumns(sheet, &saved, diagnostics);
    EXPECT_TRUE(diagnostics.empty()) << formatDiagnostic(diagnostics.items()[0], false);
    EXPECT_EQ(mapping.headerRow, 1);
    EXPECT_EQ(mapping.columnOf(F::Reference), 0);
    EXPECT_EQ(mapping.columnOf(F::TitleEn), 2);
    EXPECT_EQ(mapping.columns[3].source, ColumnSource::Ignored);
    EXPECT_EQ(mapping.columns[4].source, ColumnSource::Auto); // 说明 still maps by itself

    // Written back and read again: the same mapping.
    Diagnostics again;
    const SavedMapping reread =
        readMappingFile(mappingFileText(mapping.toSaved("目录")), "m", again);
    EXPECT_TRUE(again.empty());
    EXPECT_EQ(reread.headerRow, 2);
    EXPECT_EQ(reread.columns.size(), 5u);
}

TEST(CatalogueColumns, MappingFileErrorsHavePositions) {
    Diagnostics diagnostics;
    readMappingFile("{\"lantai_catalogue_mapping\": 1,\n \"columns\": {\"档号\": \"refrence\"}}",
                    "map.json", diagnostics);
    ASSERT_TRUE(diagnostics.hasCode(kCatalogueMappingInvalid));
    EXPECT_EQ(diagnostics.items()[0].line, 2);
    EXPECT_EQ(diagnostics.items()[0].file, "map.json");

    Diagnostics syntax;
    readMappingFile("{\"columns\": ", "map.json", syntax);
    EXPECT_TRUE(syntax.hasCode("json.syntax"));
}

TEST(CatalogueColumns, ChooseSheet) {
    Workbook book;
    book.file = "book.xlsx";
    book.sheets.push_back(test::textSheet({{"填写说明"}, {"请按表头填写"}}, "说明"));
    book.sheets.push_back(test::textSheet({{"档号", "题名"}, {"J-A", "甲"}}, "目录"));
    EXPECT_EQ(*chooseCatalogueSheet(book, ""), 1u);
    EXPECT_EQ(*chooseCatalogueSheet(book, "说明"), 0u);
    const auto missing = chooseCatalogueSheet(book, "Sheet1");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, kCatalogueSheetMissing);
    EXPECT_NE(missing.error().message.find("\"目录\""), std::string::npos);
}

} // namespace
} // namespace lantai::core
