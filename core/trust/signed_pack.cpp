// core/trust: signing a pack folder (manifest + minisign signature) and verifying one against
// trusted keys
#include "core/trust/signed_pack.h"

#include "core/base/file_io.h"
#include "core/trust/minisign_signature.h"

#include <algorithm>

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kManifestLimit = 256 * 1024 * 1024;
constexpr std::size_t kSignatureLimit = 64 * 1024;

std::string joinSome(const std::vector<std::string>& paths) {
    std::string out;
    for (std::size_t i = 0; i < paths.size() && i < 10; ++i)
        out += (i ? ", " : "") + paths[i];
    if (paths.size() > 10) out += ", … (+" + std::to_string(paths.size() - 10) + ")";
    return out;
}

} // namespace

std::uint64_t defaultPackVersion(std::time_t now, std::uint64_t previous) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    const std::uint64_t stamp = static_cast<std::uint64_t>(utc.tm_year + 1900) * 10000000000ULL +
                                static_cast<std::uint64_t>(utc.tm_mon + 1) * 100000000ULL +
                                static_cast<std::uint64_t>(utc.tm_mday) * 1000000ULL +
                                static_cast<std::uint64_t>(utc.tm_hour) * 10000ULL +
                                static_cast<std::uint64_t>(utc.tm_min) * 100ULL +
                                static_cast<std::uint64_t>(utc.tm_sec);
    return std::max(stamp, previous + 1);
}

std::uint64_t existingManifestVersion(const fs::path& packDir) {
    Result<std::string> text = readFile(packDir / kManifestFile, kManifestLimit);
    if (!text) return 0;
    Result<PackManifest> manifest = parsePackManifest(*text, kManifestFile);
    return manifest ? manifest->version : 0;
}

Result<PackManifest> signPack(const fs::path& packDir, const MinisignSecretKey& key,
                              std::uint64_t version) {
    Result<std::string> id = readPackId(packDir);
    if (!id) return std::move(id).error();
    Result<std::vector<ManifestFile>> files = listPackFiles(packDir);
    if (!files) return std::move(files).error();
    PackManifest manifest{*id, version, std::move(*files)};
    const std::string text = canonicalManifestJson(manifest);
    const std::string comment =
        "lantai pack " + manifest.packId + " version " + std::to_string(manifest.version);
    const MinisignSignature signature = signMinisign(
        text, key, comment, "signature from lantai pack sign, key " + formatKeyId(key.keyId));
    // The signature goes first: a pack caught between the two writes has a manifest that does
    // not match its signature (refused), never an old signature that matches a new manifest.
    ::unlink((packDir / kManifestSignatureFile).c_str());
    if (Status written = writeFileAtomic(packDir / kManifestFile, text); !written)
        return std::move(written).error();
    if (Status written =
            writeFileAtomic(packDir / kManifestSignatureFile, formatMinisignSignature(signature));
        !written)
        return std::move(written).error();
    return manifest;
}

Result<SignedManifest> readSignedManifest(const fs::path& packDir,
                                          const std::vector<MinisignPublicKey>& keys) {
    const fs::path manifestPath = packDir / kManifestFile;
    const fs::path signaturePath = packDir / kManifestSignatureFile;
    std::error_code error;
    if (!fs::exists(manifestPath, error) || !fs::exists(signaturePath, error))
        return operationalError(
            "trust.unsigned", packDir.string(),
            "The pack \"" + packDir.string() + "\" is not signed (no " + kManifestFile + " and " +
                kManifestSignatureFile + "); sign it with `lantai pack sign`.",
            "内容包“" + packDir.string() + "”未签名（缺少 " + kManifestFile + " 和 " +
                kManifestSignatureFile + "）；请用 `lantai pack sign` 签名。");
    Result<std::string> signatureText = readFile(signaturePath, kSignatureLimit);
    if (!signatureText) return std::move(signatureText).error();
    Result<MinisignSignature> signature =
        parseMinisignSignature(*signatureText, kManifestSignatureFile);
    if (!signature) return std::move(signature).error();
    Result<std::string> text = readFile(manifestPath, kManifestLimit);
    if (!text) return std::move(text).error();
    Result<MinisignPublicKey> key = verifyMinisign(*text, *signature, keys, kManifestFile);
    if (!key) return std::move(key).error();
    Result<PackManifest> manifest = parsePackManifest(*text, kManifestFile);
    if (!manifest) return std::move(manifest).error();
    return SignedManifest{std::move(*manifest), *key, std::move(*text)};
}

Result<PackVerification> verifySignedPack(const fs::path& packDir,
                                          const std::vector<MinisignPublicKey>& keys) {
    Result<SignedManifest> signedManifest = readSignedManifest(packDir, keys);
    if (!signedManifest) return std::move(signedManifest).error();
    Result<std::vector<ManifestFile>> files = listPackFiles(packDir);
    if (!files) return std::move(files).error();
    PackDifferences differences = comparePackFiles(signedManifest->manifest.files, *files);
    return PackVerification{std::move(*signedManifest), std::move(differences)};
}

Diagnostic filesDifferError(const fs::path& packDir, const PackDifferences& differences) {
    std::string en, zh;
    if (!differences.changed.empty()) {
        en += " Changed: " + joinSome(differences.changed) + ".";
        zh += "被改动：" + joinSome(differences.changed) + "。";
    }
    if (!differences.missing.empty()) {
        en += " Missing: " + joinSome(differences.missing) + ".";
        zh += "缺少：" + joinSome(differences.missing) + "。";
    }
    if (!differences.added.empty()) {
        en += " Not in the manifest: " + joinSome(differences.added) + ".";
        zh += "清单外的文件：" + joinSome(differences.added) + "。";
    }
    return operationalError("trust.files_changed", packDir.string(),
                            "The files of \"" + packDir.string() +
                                "\" do not match its signed manifest." + en,
                            "内容包“" + packDir.string() + "”的文件与签名清单不符。" + zh);
}

Result<std::vector<MinisignPublicKey>> readPublicKeys(const std::vector<std::string>& files) {
    std::vector<MinisignPublicKey> keys;
    for (const std::string& file : files) {
        Result<MinisignPublicKey> key = readMinisignPublicKey(file);
        if (!key) return std::move(key).error();
        keys.push_back(*key);
    }
    return keys;
}

} // namespace lantai::core
