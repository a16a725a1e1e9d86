// tools/cli: the subcommands of `lantai` (each registers itself on the CLI11 app)
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace lantai::cli {

// Each function adds a subcommand to `app` and returns the action to run when it is chosen;
// the action returns the process exit code.
using CommandAction = std::function<int()>;
CommandAction addValidateCommand(CLI::App& app);
CommandAction addBuildCommand(CLI::App& app);
CommandAction addInfoCommand(CLI::App& app);
CommandAction addReportCommand(CLI::App& app); // `report` and `report tally`
CommandAction addQuizCommand(CLI::App& app);
CommandAction addExportCommand(CLI::App& app);
CommandAction addCatalogueCommand(CLI::App& app);
CommandAction addStaffCommand(CLI::App& app);   // `staff hash-pin`
CommandAction addPackCommand(CLI::App& app);    // `pack keygen|sign|verify|install`
CommandAction addPublishCommand(CLI::App& app); // `publish`: a signed pack as a sync channel

// Prints the Argon2id hash of `pin` (read from standard input when empty) for the configuration;
// a PIN that is not 4 to 12 digits is exit 2 with `formatEn` / `formatZh`.
int printPinHash(std::string pin, const char* formatEn, const char* formatZh);

// `quiz hash-pin` and `quiz results`, added to the `quiz` command by addQuizCommand.
struct QuizAdminCommands {
    std::function<bool()> parsed;
    std::function<int()> run;
};
QuizAdminCommands addQuizAdminCommands(CLI::App& quiz);

// `catalogue export` and `catalogue import`, each added to the `catalogue` command by
// addCatalogueCommand: the subcommand and what it runs.
struct Subcommand {
    CLI::App* command = nullptr;
    std::function<int()> run;
};
Subcommand addCatalogueExportCommand(CLI::App& catalogue);
Subcommand addCatalogueImportCommand(CLI::App& catalogue);

// `pack keygen`, `pack sign`, `pack verify`, `pack install`, added to `pack` by addPackCommand.
Subcommand addPackKeygenCommand(CLI::App& pack);
Subcommand addPackSignCommand(CLI::App& pack);
Subcommand addPackVerifyCommand(CLI::App& pack);
Subcommand addPackInstallCommand(CLI::App& pack);

} // namespace lantai::cli
