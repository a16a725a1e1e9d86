// tools/cli: `lantai catalogue import PACK FILE [--sheet NAME] [--mapping FILE] [--encoding
// utf-8|gb18030] [--images DIR] [--dry-run] [--json]` — a catalogue sheet's edits into a pack,
// all or nothing
#include "core/base/file_io.h"
#include "core/base/sha256.h"
#include "core/catalogue/catalogue_json.h"
#include "core/catalogue/catalogue_pack_mapping.h"
#include "core/pack/loader.h"
#include "tools/catalogue/catalogue_io.h"
#include "tools/cli/catalogue_report.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

namespace lantai::cli {

namespace {

namespace fs = std::filesystem;

struct ImportOptions {
    std::string pack, file, sheet, mapping, encoding, images;
    bool dryRun = false;
    bool json = false;
};

// Where the command stopped, with what it found.
struct Outcome {
    int code = kExitOk;
    bool applied = false;
    std::string mapping; // the mapping file used ("" = headers only)
    core::Diagnostics diagnostics;
};

bool isFileError(const core::Diagnostic& d) {
    return d.code.starts_with("file.") || d.code == "pack.not_found" ||
           d.code == core::kCatalogueSheetMissing;
}

void printJson(const ImportOptions& o, const Outcome& outcome, const core::CataloguePlan* plan,
               const core::Sheet* sheet) {
    nlohmann::ordered_json out;
    out["ok"] = outcome.code == kExitOk;
    out["dry_run"] = o.dryRun;
    out["applied"] = outcome.applied;
    out["pack"] = o.pack;
    out["mapping"] = outcome.mapping.empty() ? nlohmann::ordered_json(nullptr)
                                             : nlohmann::ordered_json(outcome.mapping);
    if (plan && sheet) {
        const nlohmann::ordered_json planJson = core::cataloguePlanToJson(*plan, *sheet);
        for (auto it = planJson.begin(); it != planJson.end(); ++it)
            out[it.key()] = *it;
    } else
        out["file"] = o.file;
    out["diagnostics"] = core::diagnosticsToJson(outcome.diagnostics);
    std::printf("%s\n",
                out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
}

int finish(const ImportOptions& o, const Outcome& outcome, bool zh,
           const core::CataloguePlan* plan = nullptr, const core::Sheet* sheet = nullptr) {
    if (o.json) {
        printJson(o, outcome, plan, sheet);
        return outcome.code;
    }
    if (!outcome.mapping.empty() && o.mapping.empty())
        std::printf(zh ? "使用内容包保存的列对应：%s\n" : "using the pack's column mapping %s\n",
                    outcome.mapping.c_str());
    printCatalogueDiagnostics(outcome.diagnostics, zh);
    if (plan && sheet && plan->mapping.headerRow >= 0) printCataloguePlan(*plan, *sheet, zh);
    if (outcome.code != kExitOk) {
        const auto errors = outcome.diagnostics.errorCount();
        if (zh)
            std::fprintf(stderr, "%zu 个错误；未作任何修改，内容包保持原样。\n", errors);
        else
            std::fprintf(stderr, "%zu error%s; nothing was changed, the pack is as it was.\n",
                         errors, errors == 1 ? "" : "s");
    } else if (!outcome.applied) {
        std::printf(zh ? "试运行：未作任何修改（去掉 --dry-run 即可应用）。\n"
                       : "dry run: nothing was changed (run without --dry-run to apply).\n");
    } else if (plan && plan->changes.empty()) {
        std::printf(zh ? "没有需要修改的内容；内容包未改动。\n"
                       : "nothing to change; the pack was not written.\n");
    } else {
        std::printf(zh ? "已应用到 %s。\n" : "applied to %s.\n", o.pack.c_str());
    }
    return outcome.code;
}

int runImport(const ImportOptions& o) {
    const bool zh = useChinese("");
    Outcome outcome;
    auto fail = [&](core::Diagnostic d) {
        outcome.code = isFileError(d) ? kExitUsage : kExitInvalid;
        outcome.diagnostics.add(std::move(d));
        return finish(o, outcome, zh);
    };

    // The pack: pack.json's bytes are kept, so that applying can check nobody changed them.
    const fs::path packDir = o.pack;
    core::Result<std::string> packText = core::readFile(packDir / "pack.json");
    if (!packText) {
        const auto loaded = core::loadPack(packDir); // its own wording for a missing pack
        for (const auto& d : loaded.diagnostics.items())
            outcome.diagnostics.add(d);
        outcome.code = exitCodeFor(loaded.diagnostics) == kExitOk ? kExitUsage
                                                                  : exitCodeFor(loaded.diagnostics);
        return finish(o, outcome, zh);
    }
    const std::string packSha256 = core::sha256Hex(*packText);
    core::PackLoadResult loaded = core::loadPackFromText(*packText, packDir);
    packText = std::string(); // kept as its hash only: a large pack.json is 15 MB
    if (!loaded.parsed) {
        outcome.diagnostics = loaded.diagnostics;
        outcome.code = kExitInvalid;
        return finish(o, outcome, zh);
    }
    loaded.documents.clear(); // positions in pack.json are not needed: free the JSON tree

    // --mapping FILE, else the mapping the pack remembers (the editor's import saves it).
    core::SavedMapping saved;
    bool haveMapping = !o.mapping.empty();
    if (haveMapping) {
        core::Result<std::string> text = core::readFile(o.mapping);
        if (!text) return fail(core::showFileAs(std::move(text).error(), o.mapping, o.mapping));
        saved = core::readMappingFile(*text, o.mapping, outcome.diagnostics);
        outcome.mapping = o.mapping;
    } else {
        const std::string shown = (packDir / core::kPackMappingFileName).string();
        if (auto remembered = core::readPackMapping(packDir, outcome.diagnostics, shown)) {
            saved = std::move(*remembered);
            haveMapping = true;
            outcome.mapping = shown;
        }
    }
    if (outcome.diagnostics.hasErrors()) {
        outcome.code = kExitInvalid;
        return finish(o, outcome, zh);
    }

    core::catalogue_io::ReadOptions readOptions;
    readOptions.encoding = o.encoding;
    core::Result<core::Workbook> book =
        core::catalogue_io::readCatalogueFile(o.file, o.file, readOptions);
    if (!book) return fail(std::move(book).error());
    std::string sheetName = !o.sheet.empty() ? o.sheet : saved.sheet;
    // The pack's remembered sheet is a preference: another file may not have it.
    if (o.sheet.empty() && o.mapping.empty() &&
        std::none_of(book->sheets.begin(), book->sheets.end(),
                     [&](const core::Sheet& s) { return s.name == sheetName; }))
        sheetName.clear();
    core::Result<std::size_t> chosen = core::chooseCatalogueSheet(*book, sheetName);
    if (!chosen) return fail(std::move(chosen).error());
    const core::Sheet& sheet = book->sheets[*chosen];

    const core::ColumnMapping mapping =
        core::mapCatalogueColumns(sheet, haveMapping ? &saved : nullptr, outcome.diagnostics);
    core::CatalogueImportOptions importOptions;
    if (!o.images.empty()) importOptions.imagesDir = fs::absolute(o.images);
    core::CataloguePlan plan =
        outcome.diagnostics.hasErrors()
            ? core::CataloguePlan{}
            : core::planCatalogueImport(loaded.pack, sheet, mapping, importOptions);
    if (plan.file.empty()) { // not planned: the columns have errors
        plan.file = sheet.file;
        plan.sheet = sheet.name;
        plan.mapping = mapping;
    }
    outcome.diagnostics.append(plan.diagnostics);
    if (outcome.diagnostics.hasErrors()) {
        outcome.code = kExitInvalid;
        return finish(o, outcome, zh, &plan, &sheet);
    }
    loaded.pack = core::Pack{}; // the plan holds what changes
    if (!o.dryRun) {
        if (core::Status committed = core::commitCatalogueImport(packDir, plan, packSha256);
            !committed) {
            outcome.code =
                committed.error().code == core::kCataloguePackChanged ? kExitInvalid : kExitUsage;
            outcome.diagnostics.add(std::move(committed).error());
            return finish(o, outcome, zh, &plan, &sheet);
        }
        outcome.applied = true;
    }
    return finish(o, outcome, zh, &plan, &sheet);
}

} // namespace

Subcommand addCatalogueImportCommand(CLI::App& catalogue) {
    auto options = std::make_shared<ImportOptions>();
    auto* command = catalogue.add_subcommand(
        "import",
        "Apply a catalogue sheet (XLSX, ODS, CSV) to the pack: rows match items by 档号, then by "
        "id; other rows add items. All or nothing (exit 0 applied, 1 the sheet has errors and "
        "nothing changed, 2 usage or I/O)\n"
        "把目录表格（XLSX、ODS、CSV）应用到内容包：按档号、再按标识对应展品，其余行新增展品。"
        "要么全部应用，要么不作任何修改（0 成功，1 表格有错误、未修改，2 用法或读写错误）");
    command->add_option("PACK", options->pack, "pack folder")->required();
    command->add_option("FILE", options->file, "catalogue: .xlsx, .ods or .csv")->required();
    command->add_option("--sheet", options->sheet,
                        "the sheet to read (default: the first whose header names catalogue "
                        "columns)");
    command->add_option("--mapping", options->mapping,
                        "mapping file: which header is which field (tools/catalogue/CATALOGUE.md; "
                        "default: the pack's catalogue-mapping.json when it has one)");
    command
        ->add_option("--encoding", options->encoding,
                     "CSV encoding: utf-8 or gb18030 (default: detected)")
        ->check(CLI::IsMember({"utf-8", "gb18030"}));
    command->add_option("--images", options->images,
                        "folder with the image files the sheet names (copied into the pack)");
    command->add_flag("--dry-run", options->dryRun,
                      "print what would change (item, field, old -> new) and change nothing");
    command->add_flag("--json", options->json,
                      "print the changes and the diagnostics as JSON on stdout");
    return {command, [options] { return runImport(*options); }};
}

} // namespace lantai::cli
