// core/trust: the kiosk's trust in a pack — `[trust] public_keys`, and a pack accepted only when
// signed by one of them, every file as signed, and not older than what this booth installed
#include "core/trust/pack_trust.h"

#include "core/trust/signed_pack.h"

namespace lantai::core {

namespace fs = std::filesystem;

namespace {

bool samePlace(const fs::path& a, const fs::path& b) {
    std::error_code ea, eb;
    const fs::path ca = fs::canonical(a, ea), cb = fs::canonical(b, eb);
    return !ea && !eb && ca == cb;
}

} // namespace

Result<TrustedKeys> parseTrustedKeys(const std::string& setting) {
    TrustedKeys trusted;
    for (std::size_t start = 0; start <= setting.size();) {
        const std::size_t end = std::min(setting.find(':', start), setting.size());
        if (end > start) trusted.files.push_back(setting.substr(start, end - start));
        start = end + 1;
    }
    Result<std::vector<MinisignPublicKey>> keys = readPublicKeys(trusted.files);
    if (!keys) return std::move(keys).error();
    trusted.keys = std::move(*keys);
    return trusted;
}

Result<PackManifest> checkPackTrust(const fs::path& packDir, const PackTrustRules& rules) {
    Result<PackVerification> verified = verifySignedPack(packDir, rules.keys);
    if (!verified) return std::move(verified).error();
    if (!verified->differences.empty()) return filesDifferError(packDir, verified->differences);
    PackManifest manifest = std::move(verified->signedManifest.manifest);
    const std::string version = std::to_string(manifest.version);
    if (rules.installState.wasRolledBack(manifest.packId, manifest.version))
        return operationalError(
            "trust.rolled_back", packDir.string(),
            "Version " + version + " of \"" + manifest.packId +
                "\" made the kiosk fail and was rolled back; it is not shown again.",
            "“" + manifest.packId + "”的版本 " + version + " 曾导致展台故障并已回退，不再展示。");
    if (manifest.version < rules.installState.highestVersion &&
        !(!rules.lastGood.empty() && samePlace(packDir, rules.lastGood)))
        return operationalError(
            "trust.downgrade", packDir.string(),
            "The pack \"" + manifest.packId + "\" has version " + version +
                ", lower than version " + std::to_string(rules.installState.highestVersion) +
                " installed here before; an older pack is never shown again.",
            "内容包“" + manifest.packId + "”的版本 " + version + " 低于本机曾安装的版本 " +
                std::to_string(rules.installState.highestVersion) + "；不会再展示较旧的内容包。");
    return manifest;
}

Result<PackTrustRules> readPackTrustRules(std::vector<MinisignPublicKey> keys,
                                          const fs::path& stateDir, const fs::path& lastGood) {
    Result<InstallState> state = readInstallState(stateDir);
    if (!state) return std::move(state).error();
    return PackTrustRules{std::move(keys), std::move(*state), lastGood};
}

} // namespace lantai::core
