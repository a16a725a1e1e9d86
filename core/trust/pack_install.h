// core/trust: installing a pack into a state folder — staging, checks, one rename of `current`,
// pruning
#pragma once

#include "core/base/result.h"
#include "core/trust/minisign_keys.h"
#include "core/trust/pack_manifest.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// The layout under a state folder DIR (`lantai pack install --state-dir DIR`, the kiosk's
// `state_dir`):
//   DIR/packs/<pack id>-<version>/     installed packs (with their manifest and signature)
//   DIR/packs/current -> <id>-<version>  the pack the kiosk shows (`pack.path`); a relative link
//   DIR/packs/last-good -> …           the last pack the kiosk ran cleanly (`pack.last_good`)
//   DIR/packs/install-state.json       {"highest_version": N, "rolled_back": [{"pack_id",
//   "version"}],
//                                       "installed": [folder names, oldest first]}
//   DIR/packs/.staging-<pid>/          a pack being installed (removed by the next install)
//   DIR/packs/.install.lock            flock'ed for the whole install: one install at a time
std::filesystem::path packsFolder(const std::filesystem::path& stateDir);
std::filesystem::path currentPackLink(const std::filesystem::path& stateDir);
std::filesystem::path lastGoodPackLink(const std::filesystem::path& stateDir);

struct InstallState {
    std::uint64_t highestVersion = 0; // the highest version ever installed here
    struct RolledBack {
        std::string packId;
        std::uint64_t version = 0;
    };
    std::vector<RolledBack> rolledBack; // versions the kiosk rolled back: never installed again
    std::vector<std::string> installed; // folder names under packs/, oldest first (pruning)
    bool wasRolledBack(const std::string& packId, std::uint64_t version) const;
};
// A missing file is the empty state; a damaged one is an error (trust.state_invalid): an
// attacker who can corrupt it must not reset the highest version.
Result<InstallState> readInstallState(const std::filesystem::path& stateDir);
Status writeInstallState(const std::filesystem::path& stateDir, const InstallState& state);

// Reads the state, lets `change` edit it and writes it back, under the install lock (so an
// install running meanwhile is waited for, not overwritten): the kiosk records a rollback this way.
Status updateInstallState(const std::filesystem::path& stateDir,
                          const std::function<void(InstallState&)>& change);

// Replaces the symbolic link `link` by one pointing at `target` with one rename(2) of a new link
// over it, then fsyncs the folder: after a power cut `link` is the old or the new link.
Status replaceSymlink(const std::filesystem::path& link, const std::filesystem::path& target);

struct InstallOptions {
    // The trusted keys. Empty: the pack's origin is not checked (no signature needed; a manifest,
    // when present, is still checked), and no version rule applies to unsigned packs.
    std::vector<MinisignPublicKey> keys;
    int keep = 3; // installed versions kept (current and last-good always are), ≥ 1
    // Checks the staged copy beyond hashes (the pack loads and validates, images decode, videos
    // probe); an error refuses the install. May be empty.
    std::function<Status(const std::filesystem::path& stagedPack)> checkContent;
    // Called as each step completes: "staging-cleaned", "copied", "checked", "synced", "moved",
    // "switched" (tests stall an install here and kill it).
    std::function<void(std::string_view step)> onStep;
};

struct InstallOutcome {
    PackManifest manifest;            // version 0 and an empty id for an unsigned pack
    std::filesystem::path folder;     // DIR/packs/<id>-<version>
    bool alreadyCurrent = false;      // that version was already `current`: nothing changed
    std::vector<std::string> removed; // older versions pruned
};

// Installs the pack folder `source` into `stateDir`:
// 1. takes the install lock and removes any `.staging-*` left by an interrupted install;
// 2. with keys: the manifest's signature (trust.unsigned / wrong_key / signature_mismatch) and
//    its version against the highest ever installed (trust.downgrade; a version the kiosk rolled
//    back: trust.rolled_back; the same version again is allowed, already current is a no-op);
// 3. copies every listed file into DIR/packs/.staging-<pid>, hashing as it copies, and refuses
//    a file changed, missing or not listed (trust.files_changed);
// 4. checkContent on the staged copy; 5. syncfs; renames staging to <id>-<version>;
// 6. records the highest version; 7. switches `current` (replaceSymlink); 8. prunes beyond `keep`.
// A kill or power cut at any point leaves `current` on the old pack, complete.
Result<InstallOutcome> installPack(const std::filesystem::path& source,
                                   const std::filesystem::path& stateDir,
                                   const InstallOptions& options);

} // namespace lantai::core
