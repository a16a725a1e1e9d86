// core/trust: the kiosk's trust in a pack — `[trust] public_keys`, and a pack accepted only when
// signed by one of them, every file as signed, and not older than what this booth installed
#pragma once

#include "core/base/result.h"
#include "core/trust/minisign_keys.h"
#include "core/trust/pack_install.h"
#include "core/trust/pack_manifest.h"

#include <filesystem>
#include <string>
#include <vector>

namespace lantai::core {

// `[trust] public_keys`: key files (`lantai.pub`, as `lantai pack keygen` or `minisign -G` writes
// it) separated by ':'; each is returned with the key it holds. Empty: no keys (the kiosk then
// shows unsigned packs). A key that cannot be read is an error (trust.key_invalid, or the file's
// own error): the kiosk then trusts no pack at all rather than fewer keys than configured.
struct TrustedKeys {
    std::vector<std::string> files;
    std::vector<MinisignPublicKey> keys;
};
Result<TrustedKeys> parseTrustedKeys(const std::string& setting);

// What a pack is judged against on this booth.
struct PackTrustRules {
    std::vector<MinisignPublicKey> keys; // not empty
    InstallState installState;           // the highest version ever installed, the rolled back
    // The pack the kiosk last ran cleanly (`pack.last_good`): it may be below the highest version
    // (it is what a rollback goes back to). Empty: none.
    std::filesystem::path lastGood;
};

// The whole check, reading every file (a SHA-256 of each: call where blocking is fine):
// trust.unsigned, trust.signature_invalid, trust.wrong_key, trust.signature_mismatch,
// trust.manifest_invalid, trust.files_changed (every changed, missing and added file named),
// trust.rolled_back (a version the kiosk rolled back), trust.downgrade (a version below the highest
// ever installed, unless it is the last good pack itself). The manifest when the pack is trusted.
Result<PackManifest> checkPackTrust(const std::filesystem::path& packDir,
                                    const PackTrustRules& rules);

// The rules for a booth whose packs are installed under `stateDir` (install-state.json; a missing
// file is no history). An unreadable install state is an error (trust.state_invalid): nothing is
// trusted rather than the version floor forgotten.
Result<PackTrustRules> readPackTrustRules(std::vector<MinisignPublicKey> keys,
                                          const std::filesystem::path& stateDir,
                                          const std::filesystem::path& lastGood);

} // namespace lantai::core
