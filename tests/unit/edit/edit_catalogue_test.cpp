// tests: a catalogue import in the edit session — one undo step that gives exactly the pack
// applyCataloguePlan gives, undone and redone exactly (image files included), journalled and
// recovered; translation marks; the chapter for new rows; the pack's remembered mapping
#include "core/catalogue/catalogue_pack_mapping.h"
#include "core/edit/catalogue_command.h"
#include "core/edit/edit_session.h"
#include "core/pack/writer.h"
#include "tests/unit/catalogue/catalogue_test_support.h"
#include "tests/unit/edit/edit_test_support.h"

#include <gtest/gtest.h>
#include <map>

namespace lantai::core::edit {
namespace {

namespace fs = std::filesystem;
using test::listed;
using test::openOrFail;

class EditCatalogue : public test::CatalogueFixture {
  protected:
    void SetUp() override {
        test::CatalogueFixture::SetUp();
        m_scans = m_dir.path() / "scans";
        test::writeTestImage(m_scans / "new-scan.png");
    }
    // A plan touching every kind of change: a Chinese title alone, a title in both languages, a
    // cleared field, a move to another chapter, and a new item showing a copied scan.
    CataloguePlan everyKindOfChange(const Pack& pack) const {
        CatalogueImportOptions options;
        options.imagesDir = m_scans;
        const auto p = test::plan(
            pack,
            test::textSheet({{"档号", "题名", "英文题名", "年代", "单元", "文件名"},
                             {"J-A", "甲（改）", "甲 (en)", "1931", "", "images/letter.png"},
                             {"J-B", "乙", "B, edited", "", "", "images/letter.png"},
                             {"J-C", "丙", "丙 (en)", "", "早年", "images/letter.png"},
                             {"J-N", "新", "", "1949-10", "albums", "new-scan.png"}}),
            options);
        EXPECT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
        return p.plan;
    }
    fs::path m_scans;
};

std::string packText(const Pack& pack) {
    return serializePackDocument(packToJson(pack));
}

TEST_F(EditCatalogue, ApplyIsOneExactUndoStep) {
    auto session = openOrFail(m_pack.root, test::testOptions());
    ASSERT_TRUE(session);
    const std::string original = packText(session->pack());
    const CataloguePlan plan = everyKindOfChange(session->pack());
    ASSERT_EQ(plan.changes.size(), 4u);
    ASSERT_EQ(plan.copies.size(), 1u);
    Pack expected = session->pack();
    applyCataloguePlan(expected, plan);

    auto command = catalogueImportCommand(session->pack(), session->root(), plan);
    ASSERT_TRUE(command) << command.error().message;
    ASSERT_TRUE(session->apply(std::move(*command)));
    EXPECT_EQ(session->undoDepth(), 1u);
    EXPECT_EQ(session->undoLabel()->en, "Import catalogue (4 items)");
    EXPECT_EQ(packText(session->pack()), packText(expected));
    const fs::path copied = m_pack.root / "images/new-scan.png";
    EXPECT_TRUE(fs::exists(copied));

    ASSERT_TRUE(session->undo());
    EXPECT_EQ(packText(session->pack()), original);
    EXPECT_FALSE(fs::exists(copied));
    EXPECT_FALSE(session->isDirty());

    ASSERT_TRUE(session->redo());
    EXPECT_EQ(packText(session->pack()), packText(expected));
    EXPECT_TRUE(fs::exists(copied));

    // Saved, the pack on disk is the imported one and validates.
    ASSERT_TRUE(session->save());
    const PackLoadResult saved = loadAndValidatePack(m_pack.root);
    EXPECT_FALSE(saved.diagnostics.hasErrors()) << listed(saved.diagnostics);
    EXPECT_EQ(packText(saved.pack), packText(expected));
    ASSERT_TRUE(session->close());
}

TEST_F(EditCatalogue, JournalRecoversTheImport) {
    std::string expected;
    {
        auto session = openOrFail(m_pack.root, test::testOptions(true));
        ASSERT_TRUE(session);
        const CataloguePlan plan = everyKindOfChange(session->pack());
        Pack applied = session->pack();
        applyCataloguePlan(applied, plan);
        expected = packText(applied);
        auto command = catalogueImportCommand(session->pack(), session->root(), plan);
        ASSERT_TRUE(command);
        ASSERT_TRUE(session->apply(std::move(*command)));
        // Dropped without close(): a crash as far as the pack is concerned.
    }
    auto session = openOrFail(m_pack.root, test::testOptions());
    ASSERT_TRUE(session);
    ASSERT_TRUE(session->recoverableEdits());
    auto replayed = session->recover();
    ASSERT_TRUE(replayed);
    EXPECT_EQ(*replayed, 1u);
    EXPECT_EQ(packText(session->pack()), expected);
    EXPECT_TRUE(fs::exists(m_pack.root / "images/new-scan.png"));
    ASSERT_TRUE(session->undo());
    EXPECT_FALSE(fs::exists(m_pack.root / "images/new-scan.png"));
    EXPECT_EQ(session->pack().findItem("a")->title.zh, "甲");
}

TEST_F(EditCatalogue, EnglishOutdatedOnlyWhereTheChineseAloneChanged) {
    auto session = openOrFail(m_pack.root, test::testOptions());
    ASSERT_TRUE(session);
    const CataloguePlan plan = everyKindOfChange(session->pack());
    auto command = catalogueImportCommand(session->pack(), session->root(), plan);
    ASSERT_TRUE(command);
    ASSERT_TRUE(session->apply(std::move(*command)));
    std::vector<std::string> outdated;
    for (const auto& f : session->translationStatus().fields)
        if (f.englishOutdated) outdated.push_back(toString(f.field));
    // a: 题名 changed, its English cell kept what it was; b: both languages changed together.
    EXPECT_EQ(outdated, std::vector<std::string>{"item:a/title"});
}

TEST_F(EditCatalogue, PlanWithErrorsIsRefusedAndStagesNothing) {
    CatalogueImportOptions options;
    options.imagesDir = m_scans;
    const auto p = test::plan(
        m_pack,
        test::textSheet(
            {{"档号", "题名", "文件名"}, {"J-A", "甲", "new-scan.png"}, {"J-A", "甲二", ""}}),
        options);
    ASSERT_FALSE(p.plan.ok());
    auto command = catalogueImportCommand(m_pack, m_pack.root, p.plan);
    ASSERT_FALSE(command);
    EXPECT_EQ(command.error().code, "catalogue.not_imported");
    EXPECT_FALSE(fs::exists(m_pack.root / ".lantai-edit/staging"));
}

TEST_F(EditCatalogue, NewRowsGoToTheChosenChapter) {
    const auto sheet = test::textSheet({{"档号", "题名", "文件名"},
                                        {"J-A", "甲", "images/letter.png"},
                                        {"J-N", "新", "images/letter.png"}});
    // Without a chapter cell a new row is an error ...
    EXPECT_FALSE(test::plan(m_pack, sheet).plan.ok());
    // ... unless the import names the chapter new rows go to.
    CatalogueImportOptions options;
    options.newItemChapter = "later";
    const auto p = test::plan(m_pack, sheet, options);
    ASSERT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    ASSERT_EQ(p.plan.changes.size(), 1u);
    EXPECT_EQ(p.plan.changes[0].chapter, "later");
    EXPECT_EQ(p.plan.changes[0].exhibition, "letters");
    // A 单元 cell still wins over the choice; an unknown chosen chapter is an error at the row.
    const auto named = test::plan(m_pack,
                                  test::textSheet({{"档号", "题名", "单元", "文件名"},
                                                   {"J-N", "新", "albums", "images/letter.png"}}),
                                  options);
    ASSERT_TRUE(named.plan.ok());
    EXPECT_EQ(named.plan.changes[0].chapter, "albums");
    options.newItemChapter = "nowhere";
    const auto unknown = test::plan(m_pack, sheet, options);
    ASSERT_FALSE(unknown.plan.ok());
    EXPECT_EQ(unknown.plan.diagnostics.items().front().code, kCatalogueChapterUnknown);
    EXPECT_EQ(unknown.plan.diagnostics.items().front().pointer, "目录!3:3");
}

TEST_F(EditCatalogue, PackMappingIsWrittenAndReadBack) {
    Diagnostics diagnostics;
    EXPECT_FALSE(readPackMapping(m_pack.root, diagnostics));
    EXPECT_TRUE(diagnostics.items().empty());

    SavedMapping saved;
    saved.columns = {{"编号", CatalogueField::Reference},
                     {"文件题名", CatalogueField::TitleZh},
                     {"备注", std::nullopt}};
    ASSERT_TRUE(writePackMapping(m_pack.root, saved));
    const auto read = readPackMapping(m_pack.root, diagnostics);
    ASSERT_TRUE(read);
    EXPECT_TRUE(diagnostics.items().empty()) << listed(diagnostics);
    // The same columns (read back in the JSON reader's key order).
    std::map<std::string, std::optional<CatalogueField>> columns;
    for (const auto& c : read->columns)
        columns[c.header] = c.field;
    EXPECT_EQ(columns.size(), 3u);
    EXPECT_EQ(columns["编号"], CatalogueField::Reference);
    EXPECT_EQ(columns["文件题名"], CatalogueField::TitleZh);
    EXPECT_TRUE(columns.count("备注") && !columns["备注"]);

    // A broken file is reported at its line and not used.
    ASSERT_TRUE(writeFileAtomic(m_pack.root / kPackMappingFileName,
                                std::string_view("{\"lantai_catalogue_mapping\": 1,\n"
                                                 " \"columns\": {\"编号\": \"number\"}}\n")));
    EXPECT_FALSE(readPackMapping(m_pack.root, diagnostics));
    ASSERT_TRUE(diagnostics.hasErrors());
    EXPECT_EQ(diagnostics.items().back().code, kCatalogueMappingInvalid);
    EXPECT_EQ(diagnostics.items().back().file, kPackMappingFileName);
    EXPECT_EQ(diagnostics.items().back().line, 2);

    // The pack with the file still loads and validates (the file is no part of the format's
    // JSON; the loader and validator leave it alone).
    const PackLoadResult loaded = loadAndValidatePack(m_pack.root);
    EXPECT_FALSE(loaded.diagnostics.hasErrors()) << listed(loaded.diagnostics);
}

} // namespace
} // namespace lantai::core::edit
