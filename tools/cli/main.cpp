// tools/cli: `lantai` entry point — parses arguments and dispatches to a subcommand
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <exception>
#include <vector>

int main(int argc, char** argv) {
    CLI::App app{"lantai " LANTAI_VERSION
                 " — content packs for the Lantai archive exhibition kiosk\n"
                 "兰台：档案展览触摸屏的内容包工具"};
    app.set_version_flag("--version", "lantai " LANTAI_VERSION);
    app.require_subcommand(1);
    std::vector<std::pair<CLI::App*, lantai::cli::CommandAction>> commands;
    auto add = [&](lantai::cli::CommandAction (*adder)(CLI::App&)) {
        const std::size_t before = app.get_subcommands({}).size();
        auto action = adder(app);
        commands.emplace_back(app.get_subcommands({})[before], std::move(action));
    };
    add(lantai::cli::addValidateCommand);
    add(lantai::cli::addBuildCommand);
    add(lantai::cli::addInfoCommand);
    add(lantai::cli::addReportCommand);
    add(lantai::cli::addQuizCommand);
    add(lantai::cli::addExportCommand);
    add(lantai::cli::addCatalogueCommand);
    add(lantai::cli::addStaffCommand);
    add(lantai::cli::addPackCommand);
    add(lantai::cli::addPublishCommand);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : lantai::cli::kExitUsage;
    }
    try {
        for (auto& [sub, action] : commands)
            if (sub->parsed()) return action();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lantai: unexpected error: %s\n", e.what());
        return lantai::cli::kExitUsage;
    }
    return lantai::cli::kExitUsage;
}
