// tools/cli: `lantai catalogue export PACK OUT.xlsx|OUT.csv` — one row per item, bilingual headers
#include "core/catalogue/catalogue_export.h"
#include "core/pack/loader.h"
#include "tools/catalogue/catalogue_io.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <memory>

namespace lantai::cli {

Subcommand addCatalogueExportCommand(CLI::App& catalogue) {
    struct Options {
        std::string pack, out;
    };
    auto options = std::make_shared<Options>();
    auto* command = catalogue.add_subcommand(
        "export", "Write the pack's items as a catalogue: .xlsx (frozen bilingual header row) or "
                  ".csv (UTF-8 with BOM, CRLF, for Excel)\n"
                  "把内容包的展品导出为目录表格：.xlsx（冻结的中英文表头）或 .csv（UTF-8 带 BOM、"
                  "CRLF，适用于 Excel）");
    command->add_option("PACK", options->pack, "pack folder")->required();
    command->add_option("OUT", options->out, "OUT.xlsx or OUT.csv")->required();
    return {
        command, [options] {
            const bool zh = useChinese("");
            const auto loaded = core::loadPack(options->pack);
            if (!loaded.parsed) {
                printDiagnostics(loaded.diagnostics, zh);
                const int code = exitCodeFor(loaded.diagnostics);
                return code == kExitOk ? kExitInvalid : code;
            }
            const core::CatalogueTable table = core::catalogueTable(loaded.pack);
            if (core::Status written = core::catalogue_io::writeCatalogueFile(options->out, table);
                !written) {
                std::fprintf(stderr, "%s\n", core::formatDiagnostic(written.error(), zh).c_str());
                return kExitUsage;
            }
            const std::size_t n = table.rows.size();
            if (zh)
                std::printf("已导出 %zu 件展品到 %s\n", n, options->out.c_str());
            else
                std::printf("exported %zu item%s to %s\n", n, n == 1 ? "" : "s",
                            options->out.c_str());
            return kExitOk;
        }};
}

} // namespace lantai::cli
