// tools/cli: `lantai pack install PACK --state-dir DIR [--public-key FILE] [--keep N]` — verify,
// stage, check, switch `current`
#include "core/trust/pack_install.h"
#include "core/trust/signed_pack.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"
#include "tools/cli/pack_content_check.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace lantai::cli {

Subcommand addPackInstallCommand(CLI::App& pack) {
    struct Options {
        std::string pack, stateDir, lang;
        std::vector<std::string> publicKeys;
        int keep = 3;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = pack.add_subcommand(
        "install", "Install a pack on this booth: verify into DIR/packs/, check its content, "
                   "switch DIR/packs/current in one step, keep the last N versions "
                   "(exit 0 installed, 1 refused, 2 usage/I/O)\n"
                   "在本展台安装内容包：校验并暂存到 DIR/packs/，检查内容，一步切换 current，"
                   "保留最近 N 个版本（0 已安装，1 拒绝，2 用法或读写错误）");
    cmd->add_option("PACK", options->pack, "pack folder (a USB stick, a download)")->required();
    cmd->add_option("--state-dir", options->stateDir, "the booth's state folder (/var/lib/lantai)")
        ->required();
    cmd->add_option("--public-key", options->publicKeys,
                    "trusted public key file (repeatable); without one the pack's origin is not "
                    "checked")
        ->check(CLI::ExistingFile);
    cmd->add_option("--keep", options->keep, "installed versions to keep (default 3)")
        ->check(CLI::Range(1, 100));
    cmd->add_option("--lang", options->lang, "message language: zh or en (default: from LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    return {cmd, [options] {
                const bool zh = useChinese(options->lang);
                core::Result<std::vector<core::MinisignPublicKey>> keys =
                    core::readPublicKeys(options->publicKeys);
                if (!keys) {
                    printError(keys.error(), zh);
                    return kExitUsage;
                }
                core::InstallOptions install;
                install.keys = *keys;
                install.keep = options->keep;
                install.checkContent = checkPackContent;
                // Tests: LANTAI_TEST_INSTALL_STALL_AT=<step> stops the install there (then kill
                // -9).
                if (const char* stall = std::getenv("LANTAI_TEST_INSTALL_STALL_AT"))
                    install.onStep = [stallAt = std::string(stall)](std::string_view step) {
                        if (step != stallAt) return;
                        std::fprintf(stderr, "lantai: stalled at %s\n", stallAt.c_str());
                        for (;;)
                            ::pause();
                    };
                core::Result<core::InstallOutcome> outcome =
                    core::installPack(options->pack, options->stateDir, install);
                if (!outcome) {
                    printError(outcome.error(), zh);
                    const std::string& code = outcome.error().code;
                    return code == "trust.install_failed" || code == "trust.state_invalid"
                               ? kExitUsage
                               : kExitInvalid;
                }
                if (keys->empty())
                    std::fprintf(stderr, zh ? "lantai: 警告：未给出公钥，未核实内容包来源\n"
                                            : "lantai: warning: no public key given, the pack's "
                                              "origin was not checked\n");
                const std::string name = outcome->folder.filename().string();
                if (outcome->alreadyCurrent)
                    std::printf(zh ? "已是当前内容包：%s\n" : "already current: %s\n",
                                name.c_str());
                else
                    std::printf(zh ? "已安装并切换：%s\n" : "installed and switched to: %s\n",
                                name.c_str());
                for (const std::string& removed : outcome->removed)
                    std::printf(zh ? "已删除旧版本：%s\n" : "removed old version: %s\n",
                                removed.c_str());
                return kExitOk;
            }};
}

} // namespace lantai::cli
