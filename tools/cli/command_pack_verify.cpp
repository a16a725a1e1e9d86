// tools/cli: `lantai pack verify PACK --public-key FILE` — the signature, then every file named
// that changed, is missing or was added
#include "core/trust/signed_pack.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <memory>

namespace lantai::cli {

Subcommand addPackVerifyCommand(CLI::App& pack) {
    struct Options {
        std::string pack, lang;
        std::vector<std::string> publicKeys;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = pack.add_subcommand(
        "verify", "Check a signed pack: its signature against the public key(s), then every file "
                  "(exit 0 intact, 1 refused, 2 usage/I/O)\n"
                  "校验签名内容包：先验签名，再逐个核对文件（0 完好，1 拒绝，2 用法或读写错误）");
    cmd->add_option("PACK", options->pack, "pack folder")->required();
    cmd->add_option("--public-key", options->publicKeys, "trusted public key file (repeatable)")
        ->required();
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
                core::Result<core::PackVerification> verified =
                    core::verifySignedPack(options->pack, *keys);
                if (!verified) {
                    printError(verified.error(), zh);
                    return kExitInvalid;
                }
                const core::PackDifferences& diff = verified->differences;
                for (const std::string& path : diff.changed)
                    std::fprintf(stderr, zh ? "已改动：%s\n" : "changed: %s\n", path.c_str());
                for (const std::string& path : diff.missing)
                    std::fprintf(stderr, zh ? "缺少：%s\n" : "missing: %s\n", path.c_str());
                for (const std::string& path : diff.added)
                    std::fprintf(stderr, zh ? "清单外：%s\n" : "added: %s\n", path.c_str());
                const core::PackManifest& manifest = verified->signedManifest.manifest;
                if (!diff.empty()) {
                    printError(core::filesDifferError(options->pack, diff), zh);
                    return kExitInvalid;
                }
                std::printf(zh ? "完好：%s 版本 %llu，%zu 个文件，密钥 %s 签名\n"
                               : "intact: %s version %llu, %zu files, signed by key %s\n",
                            manifest.packId.c_str(),
                            static_cast<unsigned long long>(manifest.version),
                            manifest.files.size(),
                            core::formatKeyId(verified->signedManifest.key.keyId).c_str());
                return kExitOk;
            }};
}

} // namespace lantai::cli
