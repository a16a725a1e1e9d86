// tests: libFuzzer target — bytes as a catalogue CSV through the encoding detection, the CSV
// reader, the column mapping and the import plan into a small pack, its invariants, applying it to
// the model and to pack.json's text (the same pack), and an export -> import round trip (no
// changes)
#include "core/base/file_io.h"
#include "core/catalogue/catalogue_export.h"
#include "core/catalogue/catalogue_import.h"
#include "core/pack/loader.h"
#include "core/pack/writer.h"
#include "fuzz_text_common.h"
#include "tools/catalogue/catalogue_io.h"
#include "tools/catalogue/csv_reader.h"
#include "tools/catalogue/text_encoding.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace lantai::core;

[[noreturn]] void failure(const char* what, const std::string& detail) {
    fuzz_text::failure("catalogue_csv", what, detail);
}

// A 1x1 PNG.
constexpr unsigned char kPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
    0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92,
    0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

// A per-process folder as the pack's root holding images/a.png ... images/d.png (the items'
// images, which rows may name for new items too); other files rows name do not exist.
const fs::path& packRoot() {
    static const fs::path root = [] {
        fs::path dir =
            fs::temp_directory_path() / ("lantai-fuzz-catalogue-" + std::to_string(::getpid()));
        fs::create_directories(dir / "images");
        for (const char* name : {"a", "b", "c", "d"})
            (void)writeFileAtomic(
                dir / "images" / (std::string(name) + ".png"),
                std::string_view(reinterpret_cast<const char*>(kPng), sizeof kPng));
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(fs::temp_directory_path() /
                               ("lantai-fuzz-catalogue-" + std::to_string(::getpid())),
                           ec);
        });
        return dir;
    }();
    return root;
}

Item item(const std::string& id, const std::string& reference, const std::string& title) {
    Item out;
    out.id = id;
    out.reference = reference;
    out.title = {title, title + " (en)"};
    out.date = "1931-05";
    out.tags = {"信", "letter"};
    ImageRef image;
    image.file = "images/" + id + ".png";
    out.images.push_back(image);
    return out;
}

// Two exhibitions: letters (early-years 早年: a, b; later 后来: c) and photos (albums 相册: d).
const Pack& fuzzPack() {
    static const Pack pack = [] {
        Pack p;
        p.root = packRoot();
        p.id = "fuzz";
        p.title = {"模糊测试", "Fuzz"};
        p.organiser = {"兰台", "Lantai"};
        Exhibition letters;
        letters.id = "letters";
        letters.title = {"书信", "Letters"};
        Chapter early;
        early.id = "early-years";
        early.title = {"早年", "Early years"};
        early.items = {item("a", "J-A", "甲"), item("b", "J-B", "乙")};
        Chapter later;
        later.id = "later";
        later.title = {"后来", "Later"};
        later.items = {item("c", "J-C", "丙")};
        letters.chapters = {early, later};
        Exhibition photos;
        photos.id = "photos";
        photos.title = {"照片", "Photos"};
        Chapter albums;
        albums.id = "albums";
        albums.title = {"相册", "Albums"};
        albums.items = {item("d", "J-D", "丁")};
        photos.chapters = {albums};
        p.exhibitions = {letters, photos};
        return p;
    }();
    return pack;
}

void checkDiagnostics(const Diagnostics& diagnostics, const Sheet& sheet, std::size_t lines) {
    for (const auto& d : diagnostics.items()) {
        if (d.code.empty() || d.message.empty() || d.messageZh.empty() || d.file != sheet.file)
            failure("incomplete diagnostic", formatDiagnostic(d, false));
        if (d.line < 0 || d.column < 0 || static_cast<std::size_t>(d.line) > lines)
            failure("diagnostic outside the file", formatDiagnostic(d, false));
    }
}

struct Planned {
    ColumnMapping mapping;
    CataloguePlan plan;
    Diagnostics columns;
};

Planned planSheet(const Pack& pack, const Sheet& sheet) {
    Planned out;
    out.mapping = mapCatalogueColumns(sheet, nullptr, out.columns);
    if (!out.columns.hasErrors())
        out.plan = planCatalogueImport(pack, sheet, out.mapping, CatalogueImportOptions{});
    return out;
}

std::string packText(const Pack& pack) {
    return serializePackDocument(packToJson(pack));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto decoded = catalogue_io::decodeText(bytes, "", "fuzz.csv");
    if (!decoded) return 0;
    const std::size_t lines = fuzz_text::lineCount(decoded->text);
    auto parsed = catalogue_io::parseCsv(decoded->text, "fuzz.csv", "fuzz");
    if (!parsed) {
        if (parsed.error().line < 1 || static_cast<std::size_t>(parsed.error().line) > lines)
            failure("CSV error outside the file", formatDiagnostic(parsed.error(), false));
        return 0;
    }
    const Sheet& sheet = *parsed;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
        for (const auto& cell : sheet.rows[r])
            if (cell.kind != CellKind::Empty &&
                (cell.line < 1 || static_cast<std::size_t>(cell.line) > lines || cell.column < 1))
                failure("cell outside the file", cell.text);

    const Pack& pack = fuzzPack();
    const Planned planned = planSheet(pack, sheet);
    checkDiagnostics(planned.columns, sheet, lines);
    checkDiagnostics(planned.plan.diagnostics, sheet, lines);
    const CataloguePlan& plan = planned.plan;
    if (planned.columns.hasErrors() || !plan.ok()) return 0;

    // Applied to the model and to pack.json's text: the same pack, loadable, ids unique.
    Pack applied = pack;
    applyCataloguePlan(applied, plan);
    if (applied.itemCount() != pack.itemCount() + plan.createdCount())
        failure("item count after applying", std::to_string(applied.itemCount()));
    const std::string appliedText = packText(applied);
    // pack.json as the writer writes it, or compact (one line) for inputs of odd length.
    const std::string original = size % 2 ? packToJson(pack).dump() : packText(pack);
    auto patched = applyCataloguePlanToPackJson(original, plan);
    if (!patched) failure("pack.json patch refused", formatDiagnostic(patched.error(), false));
    const PackLoadResult reread = loadPackFromText(*patched, pack.root);
    if (!reread.parsed || packText(reread.pack) != appliedText)
        failure("pack.json patch differs from the model", *patched + "\n---\n" + appliedText);

    // Export -> import of the result changes nothing.
    const std::string csv = catalogue_io::catalogueCsvText(catalogueTable(applied));
    auto again = catalogue_io::decodeText(csv, "", "again.csv");
    if (!again) failure("exported CSV does not decode", csv);
    auto sheetAgain = catalogue_io::parseCsv(again->text, "again.csv", "again");
    if (!sheetAgain) failure("exported CSV does not parse", csv);
    const Planned second = planSheet(applied, *sheetAgain);
    std::string problems;
    for (const auto& d : second.columns.items())
        problems += formatDiagnostic(d, false) + "\n";
    for (const auto& d : second.plan.diagnostics.items())
        if (d.severity == Severity::Error) problems += formatDiagnostic(d, false) + "\n";
    if (!problems.empty() || !second.plan.changes.empty())
        failure("export -> import is not a no-op", problems + csv);
    return 0;
}
