// tests: building catalogue sheets and packs for the core/catalogue tests, planning them, the
// fixture
#pragma once

#include "../support/temp_dir.h"
#include "core/catalogue/catalogue_export.h"
#include "core/catalogue/catalogue_import.h"
#include "core/catalogue/sheet.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace lantai::test {

// A sheet named 目录 of text cells ("" = empty) from rows of strings.
inline core::Sheet textSheet(const std::vector<std::vector<std::string>>& rows,
                             const std::string& name = "目录") {
    core::Sheet sheet;
    sheet.name = name;
    sheet.file = "catalogue.xlsx";
    for (const auto& row : rows) {
        std::vector<core::SheetCell> cells;
        for (const auto& text : row) {
            core::SheetCell cell;
            cell.kind = text.empty() ? core::CellKind::Empty : core::CellKind::Text;
            cell.text = text;
            cells.push_back(std::move(cell));
        }
        sheet.rows.push_back(std::move(cells));
    }
    return sheet;
}

inline core::SheetCell numberCell(double value, std::string format = "General") {
    core::SheetCell cell;
    cell.kind = core::CellKind::Number;
    cell.number = value;
    cell.numberFormat = std::move(format);
    return cell;
}

inline core::Item testItem(const std::string& id, const std::string& reference,
                           const std::string& title) {
    core::Item item;
    item.id = id;
    item.reference = reference;
    item.title = {title, title + " (en)"};
    core::ImageRef image;
    image.file = "images/letter.png";
    image.alt = {"图", "image"};
    item.images.push_back(image);
    return item;
}

// A pack folder in `dir`: images/letter.png (the valid-minimal scan), two exhibitions,
// "letters" (parts "early-years" 早年 with items a, b and "later" 后来 with c) and "photos" (one
// part "albums" with d); 档号 J-A, J-B, J-C, J-D.
inline core::Pack writeTestPack(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir / "images");
    std::filesystem::copy_file(
        std::filesystem::path(LANTAI_TEST_PACKS_DIR) / "valid-minimal/images/letter.png",
        dir / "images/letter.png", std::filesystem::copy_options::overwrite_existing);
    core::Pack pack;
    pack.root = dir;
    pack.id = "catalogue-test";
    pack.title = {"目录测试", "Catalogue test"};
    pack.organiser = {"兰台测试档案馆", "Lantai Test Archives"};
    core::Exhibition letters;
    letters.id = "letters";
    letters.title = {"往来书信", "Letters"};
    core::Chapter early;
    early.id = "early-years";
    early.title = {"早年", "The early years"};
    early.items = {testItem("a", "J-A", "甲"), testItem("b", "J-B", "乙")};
    core::Chapter later;
    later.id = "later";
    later.title = {"后来", "Later"};
    later.items = {testItem("c", "J-C", "丙")};
    letters.chapters = {early, later};
    core::Exhibition photos;
    photos.id = "photos";
    photos.title = {"照片", "Photos"};
    core::Chapter albums;
    albums.id = "albums";
    albums.title = {"相册", "Albums"};
    albums.items = {testItem("d", "J-D", "丁")};
    photos.chapters = {albums};
    pack.exhibitions = {letters, photos};
    if (!core::writePack(pack, dir)) return {};
    return core::loadPack(dir).pack;
}

// The export table of a pack as a sheet (what reading the exported file gives).
inline core::Sheet exportedSheet(const core::Pack& pack) {
    const core::CatalogueTable table = core::catalogueTable(pack);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header;
    for (const core::CatalogueField field : table.columns)
        header.push_back(core::exportedHeader(field));
    rows.push_back(header);
    for (const auto& row : table.rows)
        rows.push_back(row);
    return textSheet(rows);
}

// The column the export writes a field in (0-based).
inline int columnOf(core::CatalogueField field) {
    return static_cast<int>(field);
}

// A plan, and the diagnostics of its column mapping.
struct Planned {
    core::CataloguePlan plan;
    core::Diagnostics columns;
};

// The sheet planned into the pack with its headers mapped automatically.
inline Planned plan(const core::Pack& pack, const core::Sheet& sheet,
                    core::CatalogueImportOptions options = {}) {
    Planned out;
    const core::ColumnMapping mapping = core::mapCatalogueColumns(sheet, nullptr, out.columns);
    out.plan = core::planCatalogueImport(pack, sheet, mapping, options);
    return out;
}

// Diagnostics one a line, for failure messages.
inline std::string listed(const core::Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += core::formatDiagnostic(d, false) + "\n";
    return out;
}

// A fresh writeTestPack in a temporary folder for each test.
class CatalogueFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        m_pack = writeTestPack(m_dir.path() / "pack");
        ASSERT_EQ(m_pack.itemCount(), 4u);
    }
    TempDir m_dir{"lantai-catalogue"};
    core::Pack m_pack;
};

} // namespace lantai::test
