// tools/cli: `lantai pack keygen --out DIR` — a minisign key pair (lantai.pub, lantai.key
// unencrypted)
#include "core/base/file_io.h"
#include "core/trust/minisign_keys.h"
#include "tools/cli/cli_output.h"
#include "tools/cli/commands.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sys/stat.h>

namespace lantai::cli {

Subcommand addPackKeygenCommand(CLI::App& pack) {
    struct Options {
        std::string out;
        bool force = false;
        std::string lang;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = pack.add_subcommand(
        "keygen",
        "Make a signing key pair: DIR/lantai.pub (for booths) and DIR/lantai.key "
        "(secret, unencrypted, mode 600; minisign's format)\n"
        "生成签名密钥对：DIR/lantai.pub（给展台）和 DIR/lantai.key（私钥，不加密，权限 600）");
    cmd->add_option("--out", options->out, "folder for the two files")->required();
    cmd->add_flag("--force", options->force, "replace existing key files");
    cmd->add_option("--lang", options->lang, "message language: zh or en (default: from LANG)")
        ->check(CLI::IsMember({"zh", "en"}));
    return {
        cmd, [options] {
            const bool zh = useChinese(options->lang);
            namespace fs = std::filesystem;
            const fs::path dir = options->out;
            const fs::path pub = dir / "lantai.pub", key = dir / "lantai.key";
            std::error_code error;
            if (!options->force && (fs::exists(pub, error) || fs::exists(key, error))) {
                std::fprintf(stderr,
                             zh ? "lantai: %s 中已有密钥；确认要替换时加 --force\n"
                                : "lantai: %s already holds a key; add --force to replace it\n",
                             dir.c_str());
                return kExitUsage;
            }
            fs::create_directories(dir, error);
            const core::MinisignKeyPair pair = core::generateMinisignKeyPair();
            const mode_t previous = ::umask(077);
            core::Status written =
                core::writeFileAtomic(key, core::formatMinisignSecretKey(pair.secretKey));
            ::umask(previous);
            if (written)
                written = core::writeFileAtomic(pub, core::formatMinisignPublicKey(pair.publicKey));
            if (!written) {
                printError(written.error(), zh);
                return kExitUsage;
            }
            ::chmod(key.c_str(), 0600);
            std::printf(zh ? "密钥 %s：公钥 %s，私钥 %s（请妥善保管）\n"
                           : "key %s: public key %s, secret key %s (keep it secret)\n",
                        core::formatKeyId(pair.publicKey.keyId).c_str(), pub.c_str(), key.c_str());
            return kExitOk;
        }};
}

} // namespace lantai::cli
