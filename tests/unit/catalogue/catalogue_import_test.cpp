// tests: planning a catalogue import (matching, diff, new items, moves, images, problems at their
// cells) and applying it to the model (applying to the folder: catalogue_apply_test.cpp)
#include "catalogue_test_support.h"
#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/catalogue/catalogue_export.h"
#include "core/catalogue/catalogue_import.h"
#include "core/catalogue/catalogue_json.h"
#include "core/pack/validator.h"

#include <gtest/gtest.h>

namespace lantai::core {
namespace {

using F = CatalogueField;
namespace fs = std::filesystem;

using test::columnOf;
using test::exportedSheet;
using test::listed;
using test::plan;
using CatalogueImport = test::CatalogueFixture;

TEST_F(CatalogueImport, ExportedTableImportsWithoutChanges) {
    const auto p = plan(m_pack, exportedSheet(m_pack));
    EXPECT_TRUE(p.columns.empty()) << listed(p.columns);
    EXPECT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    EXPECT_TRUE(p.plan.changes.empty());
    EXPECT_EQ(p.plan.rows, 4);
    EXPECT_EQ(p.plan.unchanged, 4);
    EXPECT_EQ(p.plan.notInSheet, 0);
}

TEST_F(CatalogueImport, OneCellChangesExactlyThatField) {
    Sheet sheet = exportedSheet(m_pack);
    sheet.rows[2][static_cast<std::size_t>(columnOf(F::TitleEn))].text = "Letter B";
    const auto p = plan(m_pack, sheet);
    ASSERT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    ASSERT_EQ(p.plan.changes.size(), 1u);
    const ItemChange& change = p.plan.changes[0];
    EXPECT_EQ(change.action, ItemAction::Update);
    EXPECT_EQ(change.itemId, "b");
    ASSERT_EQ(change.fields.size(), 1u);
    EXPECT_EQ(change.fields[0].field, F::TitleEn);
    EXPECT_EQ(change.fields[0].before.text, "乙 (en)");
    EXPECT_EQ(change.fields[0].after.text, "Letter B");
    EXPECT_EQ(cellName(sheet, change.row, change.fields[0].column), "目录!F3");

    Pack applied = m_pack;
    applyCataloguePlan(applied, p.plan);
    const Item* b = applied.findItem("b");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->title.en, "Letter B");
    Item expected = *m_pack.findItem("b");
    expected.title.en = "Letter B";
    EXPECT_EQ(b->images.size(), expected.images.size());
    EXPECT_EQ(b->images[0].alt.zh, "图"); // kept: the images cell did not change
    EXPECT_EQ(b->title.zh, expected.title.zh);
}

TEST_F(CatalogueImport, RowsMatchByReferenceThenId) {
    // Only 档号 and title columns, rows in another order; a row by id only.
    const Sheet sheet = test::textSheet({{"题名", "档号", "ID"},
                                         {"丙（改）", "J-C", ""},
                                         {"甲", "J-A", ""},
                                         {"丁（改）", "", "d"}});
    const auto p = plan(m_pack, sheet);
    ASSERT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    ASSERT_EQ(p.plan.changes.size(), 2u);
    EXPECT_EQ(p.plan.changes[0].itemId, "c");
    EXPECT_EQ(p.plan.changes[1].itemId, "d");
    // d's 档号 cell is empty: an empty cell clears its field.
    ASSERT_EQ(p.plan.changes[1].fields.size(), 2u);
    EXPECT_EQ(p.plan.changes[1].fields[0].field, F::Reference);
    EXPECT_EQ(p.plan.changes[1].fields[0].after.text, "");
    EXPECT_EQ(p.plan.changes[1].fields[1].after.text, "丁（改）");
    EXPECT_EQ(p.plan.unchanged, 1);
    EXPECT_EQ(p.plan.notInSheet, 1); // b
}

TEST_F(CatalogueImport, SheetProblemsNameTheirCells) {
    struct Case {
        const char* name;
        std::vector<std::vector<std::string>> rows;
        const char* code;
        const char* pointer;
    };
    const std::vector<Case> cases = {
        {"档号 twice",
         {{"档号", "题名"}, {"J-A", "甲"}, {"J-A", "乙"}},
         kCatalogueReferenceDuplicate,
         "目录!A3"},
        {"id twice", {{"ID", "题名"}, {"a", "甲"}, {"a", "乙"}}, kCatalogueIdDuplicate, "目录!A3"},
        {"id contradicts 档号", {{"档号", "ID"}, {"J-A", "b"}}, kCatalogueIdMismatch, "目录!B2"},
        {"one item, two rows",
         {{"档号", "ID", "题名"}, {"J-A", "", "甲"}, {"", "a", "甲"}},
         kCatalogueItemTwice,
         "目录!3:3"},
        {"new row without part",
         {{"档号", "题名"}, {"J-NEW", "新"}},
         kCatalogueChapterUnknown,
         "目录!2:2"},
        {"unknown part",
         {{"档号", "题名", "单元"}, {"J-NEW", "新", "无此单元"}},
         kCatalogueChapterUnknown,
         "目录!C2"},
        {"unknown exhibition",
         {{"档号", "展览", "单元"}, {"J-A", "无此展览", "early-years"}},
         kCatalogueChapterUnknown,
         "目录!B2"},
        {"invalid new id",
         {{"ID", "题名", "单元"}, {"Bad Id", "新", "later"}},
         kCatalogueIdInvalid,
         "目录!A2"},
        {"date that is not one",
         {{"档号", "年代"}, {"J-A", "民国时期"}},
         "catalogue.date_invalid",
         "目录!B2"},
        {"flag that is not yes or no",
         {{"档号", "重点展品"}, {"J-A", "也许"}},
         "catalogue.value_invalid",
         "目录!B2"},
        {"image nowhere",
         {{"档号", "文件名"}, {"J-A", "images/none.jpg"}},
         kCatalogueImageMissing,
         "目录!B2"},
        {"image path leaving the pack",
         {{"档号", "文件名"}, {"J-A", "../pack.json"}},
         "path.unsafe",
         "目录!B2"},
        // Problems of the resulting pack, found by the loader and the validator:
        {"empty title", {{"档号", "题名"}, {"J-A", ""}}, "text.empty", "目录!B2"},
        {"new item without images",
         {{"档号", "题名", "单元"}, {"J-NEW", "新", "后来"}},
         "schema.value",
         "目录!2:2"},
        {"images cell emptied", {{"档号", "文件名"}, {"J-A", ""}}, "schema.value", "目录!B2"},
        {"image that is no image",
         {{"档号", "文件名"}, {"J-A", "pack.json"}},
         "asset.type_mismatch",
         "目录!B2"},
    };
    for (const auto& c : cases) {
        const auto p = plan(m_pack, test::textSheet(c.rows));
        EXPECT_FALSE(p.plan.ok()) << c.name;
        bool found = false;
        for (const auto& d : p.plan.diagnostics.items())
            if (d.code == c.code) {
                found = true;
                EXPECT_EQ(d.severity, Severity::Error) << c.name;
                EXPECT_EQ(d.pointer, c.pointer) << c.name << ": " << formatDiagnostic(d, false);
                EXPECT_EQ(d.file, "catalogue.xlsx") << c.name;
                EXPECT_FALSE(d.messageZh.empty()) << c.name;
            }
        EXPECT_TRUE(found) << c.name << " gave:\n" << listed(p.plan.diagnostics);
    }
}

TEST_F(CatalogueImport, ReferenceTheFileGivesTwoItemsIsAnError) {
    Pack pack = m_pack;
    pack.exhibitions[0].chapters[0].items[1].reference = "J-A";
    const auto p = plan(pack, test::textSheet({{"档号", "题名"}, {"J-A", "甲"}}));
    ASSERT_TRUE(p.plan.diagnostics.hasCode(kCatalogueReferenceAmbiguous));
    EXPECT_NE(p.plan.diagnostics.items()[0].message.find("a, b"), std::string::npos);
}

TEST_F(CatalogueImport, ProblemsTheItemHadBeforeAreNotTheImports) {
    // a shows an image that is not there, and its date is no date: the import edits titles.
    Pack pack = m_pack;
    Item& a = pack.exhibitions[0].chapters[0].items[0];
    a.images[0].file = "images/gone.png";
    a.date = "long ago";
    const auto titles =
        plan(pack, test::textSheet({{"档号", "题名"}, {"J-A", "甲（改）"}, {"J-B", "乙（改）"}}));
    EXPECT_TRUE(titles.plan.ok()) << listed(titles.plan.diagnostics);
    EXPECT_EQ(titles.plan.changes.size(), 2u);
    // The same problems in fields the row does change are the import's.
    const auto dates =
        plan(pack, test::textSheet({{"档号", "文件名"}, {"J-B", "images/gone.png"}}));
    EXPECT_TRUE(dates.plan.diagnostics.hasCode(kCatalogueImageMissing))
        << listed(dates.plan.diagnostics);
}

TEST_F(CatalogueImport, NewItemsGoToTheirPart) {
    const Sheet sheet = test::textSheet({
        {"档号", "题名", "展览", "单元", "文件名", "年代", "标签", "重点展品"},
        {"J001-0009", "新一", "letters", "后来", "images/letter.png", "1949年10月", "a；b", "是"},
        {"全宗一", "新二", "", "Albums", "images/letter.png", "", "", ""},
        {"J001-0009x", "新三", "Photos", "", "images/letter.png", "", "", "否"},
    });
    const auto p = plan(m_pack, sheet);
    ASSERT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    ASSERT_EQ(p.plan.changes.size(), 3u);
    EXPECT_EQ(p.plan.createdCount(), 3u);
    const ItemChange& first = p.plan.changes[0];
    EXPECT_EQ(first.itemId, "j001-0009"); // from its 档号
    EXPECT_EQ(first.chapter, "later");
    EXPECT_EQ(first.item.date, "1949-10");
    EXPECT_EQ(first.item.tags, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(first.item.highlight);
    EXPECT_EQ(p.plan.changes[1].itemId, "albums-2"); // 档号 without Latin letters: part + n
    EXPECT_EQ(p.plan.changes[1].exhibition, "photos");
    EXPECT_EQ(p.plan.changes[2].chapter, "albums"); // the only part of "Photos"

    Pack applied = m_pack;
    applyCataloguePlan(applied, p.plan);
    EXPECT_EQ(applied.itemCount(), 7u);
    EXPECT_EQ(applied.exhibitions[0].chapters[1].items.back().id, "j001-0009");
    Diagnostics diagnostics;
    validatePack(applied, diagnostics);
    EXPECT_FALSE(diagnostics.hasErrors()) << listed(diagnostics);
}

TEST_F(CatalogueImport, APartCellMovesAnItem) {
    const auto p =
        plan(m_pack, test::textSheet({{"档号", "单元"}, {"J-A", "later"}, {"J-C", "later"}}));
    ASSERT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    ASSERT_EQ(p.plan.changes.size(), 1u);
    ASSERT_EQ(p.plan.changes[0].fields.size(), 1u);
    EXPECT_EQ(p.plan.changes[0].fields[0].field, F::Chapter);
    EXPECT_EQ(p.plan.changes[0].fields[0].before.text, "letters/early-years");
    EXPECT_EQ(p.plan.changes[0].fields[0].after.text, "letters/later");
    Pack applied = m_pack;
    applyCataloguePlan(applied, p.plan);
    ASSERT_EQ(applied.exhibitions[0].chapters[0].items.size(), 1u);
    ASSERT_EQ(applied.exhibitions[0].chapters[1].items.size(), 2u);
    EXPECT_EQ(applied.exhibitions[0].chapters[1].items[1].id, "a");
}

TEST_F(CatalogueImport, CellsAsSpreadsheetsStoreThem) {
    // Numbers as 档号 (with a zero-padding format), date serials, booleans, a formula without a
    // stored value, blank rows, and a 单元 merged over several rows.
    Sheet sheet = test::textSheet({{"档号", "年代", "重点展品", "题名", "单元", "文件名"}});
    auto row = [&](std::vector<SheetCell> cells) { sheet.rows.push_back(std::move(cells)); };
    SheetCell text;
    text.kind = CellKind::Text;
    auto t = [&](const std::string& s) {
        SheetCell c = text;
        c.text = s;
        return c;
    };
    SheetCell yes;
    yes.kind = CellKind::Boolean;
    yes.number = 1;
    row({t("J-A"), test::numberCell(18172, "yyyy\"年\"m\"月\""), yes, t("甲"), t("early-years"),
         t("images/letter.png")});
    row({});
    row({test::numberCell(12, "0000"), test::numberCell(1949), SheetCell{}, t("数字档号"),
         t("later"), t("images/letter.png")});
    row({test::numberCell(13), test::numberCell(18172, "m/d/yyyy"), SheetCell{}, t("十三"),
         SheetCell{}, t("images/letter.png")});
    sheet.merged.push_back({3, 4, 4, 4}); // E4:E5, the part of both new rows
    const auto p = plan(m_pack, sheet);
    ASSERT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    EXPECT_EQ(p.plan.rows, 3);
    ASSERT_EQ(p.plan.changes.size(), 3u);
    EXPECT_EQ(p.plan.changes[0].item.date, "1949-10");
    EXPECT_TRUE(p.plan.changes[0].item.highlight);
    EXPECT_EQ(p.plan.changes[1].item.reference, "0012");
    EXPECT_EQ(p.plan.changes[1].item.date, "1949");
    EXPECT_EQ(p.plan.changes[2].item.reference, "13");
    EXPECT_EQ(p.plan.changes[2].item.date, "1949-10-01");
    EXPECT_EQ(p.plan.changes[2].chapter, "later"); // from the merged cell above

    SheetCell formula;
    formula.kind = CellKind::FormulaWithoutValue;
    formula.formula = true;
    sheet.rows[1][1] = formula;
    const auto broken = plan(m_pack, sheet);
    ASSERT_TRUE(broken.plan.diagnostics.hasCode("catalogue.formula_without_value"));
    EXPECT_EQ(broken.plan.diagnostics.items()[0].pointer, "目录!B2");

    sheet.rows[1][1] = test::numberCell(1949.1); // Excel's 1949.10
    const auto decimal = plan(m_pack, sheet);
    ASSERT_TRUE(decimal.plan.diagnostics.hasCode("catalogue.date_invalid"));
    EXPECT_NE(decimal.plan.diagnostics.items()[0].message.find("1949.1"), std::string::npos);
}

TEST_F(CatalogueImport, ImagesFromAFolderAreCheckedAndCopied) {
    const fs::path scans = m_dir.path() / "scans";
    fs::create_directories(scans / "ch1");
    fs::copy_file(m_pack.root / "images/letter.png", scans / "ch1/new.png");
    ASSERT_TRUE(writeFileAtomic(scans / "fake.jpg", std::string_view("not an image")));
    fs::copy_file(m_pack.root / "images/letter.png", scans / "letter.png"); // same bytes
    CatalogueImportOptions options;
    options.imagesDir = scans;

    const auto good = plan(m_pack,
                           test::textSheet({{"档号", "文件名"},
                                            {"J-A", "images/letter.png; ch1\\new.png"},
                                            {"J-B", "letter.png"}}),
                           options);
    ASSERT_TRUE(good.plan.ok()) << listed(good.plan.diagnostics);
    ASSERT_EQ(good.plan.copies.size(), 1u);
    EXPECT_EQ(good.plan.copies[0].packPath, "images/ch1/new.png");
    ASSERT_EQ(good.plan.changes.size(), 1u); // b already shows images/letter.png
    EXPECT_EQ(good.plan.changes[0].item.images[1].file, "images/ch1/new.png");
    EXPECT_EQ(good.plan.changes[0].item.images[0].alt.zh, "图");

    const auto bad =
        plan(m_pack, test::textSheet({{"档号", "文件名"}, {"J-A", "fake.jpg"}}), options);
    ASSERT_TRUE(bad.plan.diagnostics.hasCode("asset.type_mismatch"))
        << listed(bad.plan.diagnostics);
    EXPECT_EQ(bad.plan.diagnostics.items()[0].pointer, "目录!B2");

    ASSERT_TRUE(writeFileAtomic(m_pack.root / "images/clash.png", std::string_view("other")));
    fs::copy_file(m_pack.root / "images/letter.png", scans / "clash.png");
    const auto clash =
        plan(m_pack, test::textSheet({{"档号", "文件名"}, {"J-A", "clash.png"}}), options);
    EXPECT_TRUE(clash.plan.diagnostics.hasCode(kCatalogueImageConflict));

    // Applied: the copy is made, pack.json written, the pack still valid.
    const std::string before = sha256Hex(*readFile(m_pack.root / "pack.json"));
    ASSERT_TRUE(commitCatalogueImport(m_pack.root, good.plan, before));
    EXPECT_TRUE(fs::exists(m_pack.root / "images/ch1/new.png"));
    const PackLoadResult after = loadAndValidatePack(m_pack.root);
    EXPECT_FALSE(after.diagnostics.hasErrors()) << listed(after.diagnostics);
    EXPECT_EQ(after.pack.findItem("a")->images.size(), 2u);
}

TEST_F(CatalogueImport, PlanAsJson) {
    Sheet sheet = test::textSheet({{"档号", "题名", "标签", "重点展品", "责任者"},
                                   {"J-A", "甲（改）", "x; y", "是", "张三"}});
    Diagnostics columns;
    const ColumnMapping mapping = mapCatalogueColumns(sheet, nullptr, columns);
    const CataloguePlan p = planCatalogueImport(m_pack, sheet, mapping, {});
    ASSERT_TRUE(p.ok()) << listed(p.diagnostics);
    const auto json = cataloguePlanToJson(p, sheet);
    EXPECT_EQ(json["sheet"], "目录");
    EXPECT_EQ(json["header_row"], 1);
    EXPECT_EQ(json["columns"][4]["source"], "unknown");
    EXPECT_TRUE(json["columns"][4]["field"].is_null());
    EXPECT_EQ(json["summary"]["updated"], 1);
    EXPECT_EQ(json["summary"]["fields_changed"], 3);
    const auto& change = json["changes"][0];
    EXPECT_EQ(change["action"], "update");
    EXPECT_EQ(change["item"], "a");
    EXPECT_EQ(change["row"], "目录!2:2");
    EXPECT_EQ(change["fields"][0]["field"], "title.zh");
    EXPECT_EQ(change["fields"][0]["cell"], "目录!B2");
    EXPECT_EQ(change["fields"][0]["old"], "甲");
    EXPECT_EQ(change["fields"][0]["new"], "甲（改）");
    EXPECT_EQ(change["fields"][1]["new"], nlohmann::ordered_json::array({"x", "y"}));
    EXPECT_EQ(change["fields"][2]["old"], false);
    EXPECT_EQ(change["fields"][2]["new"], true);
}

TEST_F(CatalogueImport, TenThousandRows) {
    Pack pack = m_pack;
    auto& items = pack.exhibitions[1].chapters[0].items;
    for (int n = 0; n < 10000; ++n)
        items.push_back(test::testItem("bulk-" + std::to_string(n), "B-" + std::to_string(n),
                                       "批量 " + std::to_string(n)));
    Sheet sheet = exportedSheet(pack);
    const auto same = plan(pack, sheet);
    ASSERT_TRUE(same.plan.ok()) << listed(same.plan.diagnostics);
    EXPECT_TRUE(same.plan.changes.empty());
    EXPECT_EQ(same.plan.unchanged, 10004);
    for (std::size_t r = 1; r < sheet.rows.size(); r += 100) {
        SheetCell& cell = sheet.rows[r][static_cast<std::size_t>(columnOf(F::DescriptionZh))];
        cell.kind = CellKind::Text;
        cell.text = "新说明";
    }
    const auto changed = plan(pack, sheet);
    ASSERT_TRUE(changed.plan.ok()) << listed(changed.plan.diagnostics);
    EXPECT_EQ(changed.plan.changes.size(), 101u);
    EXPECT_EQ(changed.plan.changedFieldCount(), 101u);

    // Every row changed (the result is checked in several batches): a problem in the last
    // batch is still found, at its cell.
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        SheetCell& cell = sheet.rows[r][static_cast<std::size_t>(columnOf(F::TitleEn))];
        cell.text = "Bulk " + std::to_string(r);
    }
    sheet.rows[9001][static_cast<std::size_t>(columnOf(F::TitleZh))] = SheetCell{};
    const auto all = plan(pack, sheet);
    EXPECT_EQ(all.plan.changes.size(), 10004u);
    ASSERT_EQ(all.plan.diagnostics.errorCount(), 1u) << listed(all.plan.diagnostics);
    for (const auto& d : all.plan.diagnostics.items())
        if (d.severity == Severity::Error) {
            EXPECT_EQ(d.code, "text.empty");
            EXPECT_EQ(d.pointer, "目录!E9002");
        }
}

} // namespace
} // namespace lantai::core
