// tools/cli: `lantai pack keygen|sign|verify|install` — signed packs and their atomic install
#include "tools/cli/commands.h"

namespace lantai::cli {

CommandAction addPackCommand(CLI::App& app) {
    auto* pack =
        app.add_subcommand("pack", "Signed packs: keys, signing, verifying, installing on a booth\n"
                                   "签名内容包：密钥、签名、校验、在展台安装");
    pack->require_subcommand(1);
    const std::vector<Subcommand> subcommands = {
        addPackKeygenCommand(*pack), addPackSignCommand(*pack), addPackVerifyCommand(*pack),
        addPackInstallCommand(*pack)};
    return [subcommands] {
        for (const Subcommand& subcommand : subcommands)
            if (subcommand.command->parsed()) return subcommand.run();
        return 2;
    };
}

} // namespace lantai::cli
