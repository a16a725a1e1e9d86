// core/trust: signing a pack folder (manifest + minisign signature) and verifying one against
// trusted keys
#pragma once

#include "core/base/result.h"
#include "core/trust/minisign_keys.h"
#include "core/trust/pack_manifest.h"

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <vector>

namespace lantai::core {

// The version `lantai pack sign` gives when none is asked for: the UTC time as the number
// YYYYMMDDhhmmss, or the pack's previous manifest version + 1 when that is larger (signing twice
// in a second still goes up). `previous` is 0 when the pack had no manifest.
std::uint64_t defaultPackVersion(std::time_t now, std::uint64_t previous);
// The version of the manifest already in `packDir` (signed or not), 0 when there is none.
std::uint64_t existingManifestVersion(const std::filesystem::path& packDir);

// Hashes every file, writes manifest.json (canonical JSON) and manifest.json.minisig (trusted
// comment "lantai pack <id> version <N>"), each atomically. Returns the manifest written.
Result<PackManifest> signPack(const std::filesystem::path& packDir, const MinisignSecretKey& key,
                              std::uint64_t version);

// The manifest of a signed pack, its signature checked against `keys` (no file is hashed yet):
// trust.unsigned (no manifest or no signature), trust.signature_invalid, trust.wrong_key,
// trust.signature_mismatch, trust.manifest_invalid.
struct SignedManifest {
    PackManifest manifest;
    MinisignPublicKey key;    // the trusted key that made the signature
    std::string manifestText; // the exact bytes that were signed
};
Result<SignedManifest> readSignedManifest(const std::filesystem::path& packDir,
                                          const std::vector<MinisignPublicKey>& keys);

// readSignedManifest, then every file hashed and compared with the manifest. The differences
// are returned, not turned into an error, so `lantai pack verify` can name each file; use
// filesDifferError() to refuse.
struct PackVerification {
    SignedManifest signedManifest;
    PackDifferences differences;
};
Result<PackVerification> verifySignedPack(const std::filesystem::path& packDir,
                                          const std::vector<MinisignPublicKey>& keys);
// trust.files_changed naming the files (at most 10 of each kind in the sentence).
Diagnostic filesDifferError(const std::filesystem::path& packDir,
                            const PackDifferences& differences);

// Public keys from a list of files (`[trust] public_keys`, `--public-key`): every file must read.
Result<std::vector<MinisignPublicKey>> readPublicKeys(const std::vector<std::string>& files);

} // namespace lantai::core
