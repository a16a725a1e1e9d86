// tools/cli: `lantai catalogue` — the catalogue spreadsheet commands (export, import)
#include "tools/cli/commands.h"

#include <memory>

namespace lantai::cli {

CommandAction addCatalogueCommand(CLI::App& app) {
    auto* catalogue = app.add_subcommand(
        "catalogue", "Catalogue spreadsheets (XLSX, ODS, CSV): export the items, import edits\n"
                     "目录表格（XLSX、ODS、CSV）：导出展品目录，导入修改");
    catalogue->require_subcommand(1);
    const Subcommand exportCommand = addCatalogueExportCommand(*catalogue);
    const Subcommand importCommand = addCatalogueImportCommand(*catalogue);
    return [exportCommand, importCommand] {
        return exportCommand.command->parsed() ? exportCommand.run() : importCommand.run();
    };
}

} // namespace lantai::cli
