// tests: applying a catalogue plan to the pack folder (all or nothing) and to pack.json's text
// (the rest of the file as it was; the same pack as applying to the model)
#include "catalogue_test_support.h"
#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/catalogue/catalogue_import.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace lantai::core {
namespace {

namespace fs = std::filesystem;
using test::listed;
using test::plan;
using CatalogueApply = test::CatalogueFixture;

TEST_F(CatalogueApply, CommitIsAllOrNothing) {
    const auto p = plan(m_pack, test::textSheet({{"档号", "题名"}, {"J-A", "甲（改）"}}));
    ASSERT_TRUE(p.plan.ok());
    const std::string packJson = *readFile(m_pack.root / "pack.json");

    // pack.json changed since it was read: refused, nothing written.
    const auto changed = commitCatalogueImport(m_pack.root, p.plan, sha256Hex(packJson + " "));
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().code, kCataloguePackChanged);
    EXPECT_EQ(*readFile(m_pack.root / "pack.json"), packJson);

    // Writing pack.json fails (where writeFileAtomic writes it first stands a folder): pack.json
    // is untouched, the copied image removed again, no other file written.
    const fs::path scans = m_dir.path() / "scans";
    fs::create_directories(scans);
    fs::copy_file(m_pack.root / "images/letter.png", scans / "copied.png");
    CatalogueImportOptions options;
    options.imagesDir = scans;
    const auto withImage =
        plan(m_pack, test::textSheet({{"档号", "文件名"}, {"J-A", "copied.png"}}), options);
    ASSERT_TRUE(withImage.plan.ok()) << listed(withImage.plan.diagnostics);
    ASSERT_EQ(withImage.plan.copies.size(), 1u);
    const fs::path blocker = m_pack.root / ("pack.json.tmp-" + std::to_string(::getpid()));
    fs::create_directories(blocker / "x");
    const auto failed = commitCatalogueImport(m_pack.root, withImage.plan, sha256Hex(packJson));
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, "file.write_failed");
    EXPECT_EQ(*readFile(m_pack.root / "pack.json"), packJson);
    EXPECT_FALSE(fs::exists(m_pack.root / "images/copied.png"));
    fs::remove_all(blocker);

    // Without the folder in the way the same commit goes through.
    ASSERT_TRUE(commitCatalogueImport(m_pack.root, withImage.plan, sha256Hex(packJson)));
    EXPECT_TRUE(fs::exists(m_pack.root / "images/copied.png"));
    EXPECT_EQ(loadPack(m_pack.root).pack.findItem("a")->images[0].file, "images/copied.png");
}

// Applying to pack.json's text gives the pack applying to the model gives, and leaves the rest of
// the document as it was: members at their default, other items' members.
TEST_F(CatalogueApply, PackJsonIsPatchedNotRewritten) {
    std::string text = *readFile(m_pack.root / "pack.json");
    // Members a hand-written pack may have that writePack would leave out (they are defaults).
    const std::string marker = "\"format_version\": 1,";
    ASSERT_NE(text.find(marker), std::string::npos);
    text.replace(text.find(marker), marker.size(),
                 marker + "\n  \"default_language\": \"zh\",\n  \"kiosk\": {\"idle_timeout_s\": "
                          "90},");
    ASSERT_TRUE(writeFileAtomic(m_pack.root / "pack.json", std::string_view(text)));
    const PackLoadResult loaded = loadAndValidatePack(m_pack.root);
    ASSERT_FALSE(loaded.diagnostics.hasErrors()) << listed(loaded.diagnostics);
    const Pack& pack = loaded.pack;

    // An edit, a cleared field, a new member (date, before "reference"), a move, a new item.
    const auto p =
        plan(pack, test::textSheet({{"档号", "题名", "年代", "英文题名", "单元", "文件名"},
                                    {"J-A", "甲（改）", "1931", "", "", "images/letter.png"},
                                    {"J-C", "丙", "", "丙 (en)", "早年", "images/letter.png"},
                                    {"J-N", "新", "1949-10", "", "albums", "images/letter.png"}}));
    ASSERT_TRUE(p.plan.ok()) << listed(p.plan.diagnostics);
    ASSERT_EQ(p.plan.changes.size(), 3u);
    const Result<std::string> patched = applyCataloguePlanToPackJson(text, p.plan);
    ASSERT_TRUE(patched) << formatDiagnostic(patched.error(), false);
    EXPECT_NE(patched->find("\"default_language\": \"zh\""), std::string::npos);
    EXPECT_NE(patched->find("\"idle_timeout_s\": 90"), std::string::npos);
    EXPECT_LT(patched->find("\"date\": \"1931\""), patched->find("\"reference\": \"J-A\""));

    const PackLoadResult reread = loadPackFromText(*patched, m_pack.root);
    ASSERT_FALSE(reread.diagnostics.hasErrors()) << listed(reread.diagnostics);
    Pack applied = pack;
    applyCataloguePlan(applied, p.plan);
    EXPECT_EQ(serializePackDocument(packToJson(reread.pack)),
              serializePackDocument(packToJson(applied)));
    EXPECT_EQ(applied.exhibitions[0].chapters[0].items.back().id, "c");
    EXPECT_EQ(applied.findItem("a")->title.en, "");

    // An edit in place: one line of the file changes, every other byte stays (here the kiosk
    // member on one line); in a compact file the text stays on one line.
    const auto title = plan(pack, test::textSheet({{"档号", "题名"}, {"J-D", "丁（改）"}}));
    ASSERT_TRUE(title.plan.ok()) << listed(title.plan.diagnostics);
    const Result<std::string> edited = applyCataloguePlanToPackJson(text, title.plan);
    ASSERT_TRUE(edited);
    std::string expected = text;
    expected.replace(expected.find("\"zh\": \"丁\""), 11, "\"zh\": \"丁（改）\"");
    EXPECT_EQ(*edited, expected);
    const std::string compact = packToJson(pack).dump();
    const Result<std::string> compactEdited = applyCataloguePlanToPackJson(compact, title.plan);
    ASSERT_TRUE(compactEdited);
    EXPECT_EQ(compactEdited->find('\n'), std::string::npos);
    Pack titled = pack;
    applyCataloguePlan(titled, title.plan);
    EXPECT_EQ(serializePackDocument(packToJson(loadPackFromText(*compactEdited, m_pack.root).pack)),
              serializePackDocument(packToJson(titled)));

    // Not the pack the plan was made for: refused.
    Pack other = pack;
    other.exhibitions[0].chapters[0].items.erase(other.exhibitions[0].chapters[0].items.begin());
    const auto refused =
        applyCataloguePlanToPackJson(serializePackDocument(packToJson(other)), p.plan);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, kCataloguePackChanged);
}

} // namespace
} // namespace lantai::core
