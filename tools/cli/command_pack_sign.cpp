// tools/cli: `lantai pack sign PACK --secret-key FILE [--version N]` — manifest.json and its
// minisign signature
#include "core/trust/signed_pack.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <ctime>
#include <memory>

namespace lantai::cli {

Subcommand addPackSignCommand(CLI::App& pack) {
    struct Options {
        std::string pack, secretKey, lang;
        std::uint64_t version = 0;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = pack.add_subcommand(
        "sign", "Write PACK/manifest.json (every file's size and SHA-256, the pack id, a version) "
                "and its signature manifest.json.minisig\n"
                "为内容包写入清单 manifest.json（每个文件的大小和 SHA-256、包 id、版本）及其签名");
    cmd->add_option("PACK", options->pack, "pack folder (contains pack.json)")->required();
    cmd->add_option("--secret-key", options->secretKey,
                    "secret key (lantai pack keygen, or minisign -G -W)")
        ->required();
    cmd->add_option("--version", options->version,
                    "the version, higher than any signed before (default: the UTC time as "
                    "YYYYMMDDhhmmss)");
    cmd->add_option("--lang", options->lang, "message language: zh or en (default: from LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    return {cmd, [options] {
                const bool zh = useChinese(options->lang);
                core::Result<core::MinisignSecretKey> key =
                    core::readMinisignSecretKey(options->secretKey);
                if (!key) {
                    printError(key.error(), zh);
                    return kExitUsage;
                }
                const std::uint64_t previous = core::existingManifestVersion(options->pack);
                const std::uint64_t version =
                    options->version ? options->version
                                     : core::defaultPackVersion(std::time(nullptr), previous);
                core::Result<core::PackManifest> manifest =
                    core::signPack(options->pack, *key, version);
                if (!manifest) {
                    printError(manifest.error(), zh);
                    return kExitInvalid;
                }
                std::printf(zh ? "已签名：%s 版本 %llu（%zu 个文件，密钥 %s）\n"
                               : "signed: %s version %llu (%zu files, key %s)\n",
                            manifest->packId.c_str(),
                            static_cast<unsigned long long>(manifest->version),
                            manifest->files.size(), core::formatKeyId(key->keyId).c_str());
                return kExitOk;
            }};
}

} // namespace lantai::cli
