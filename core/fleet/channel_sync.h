// core/fleet: one sync of a booth with a channel — poll with ETag, fetch only missing objects
// (resumable), verify every hash and signature, assemble the pack, hand it to the installer
#pragma once

#include "core/base/result.h"
#include "core/fleet/channel_record.h"
#include "core/fleet/http_client.h"
#include "core/trust/minisign_keys.h"
#include "core/trust/signed_pack.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace lantai::core {

inline constexpr const char* kFleetSignatureRefused = "fleet.signature_refused";

struct ChannelSyncSettings {
    std::string origin;  // the site's address (where channels/ and objects/ are)
    std::string channel; // NAME of channels/NAME.json
    std::filesystem::path stateDir;
    std::vector<MinisignPublicKey> keys; // trusted keys: the channel and the manifest
};

enum class SyncResult {
    Unchanged, // 304: the channel file is the one already handled; nothing else was fetched
    UpToDate,  // a new channel file naming the manifest already installed
    Installed, // a new pack was downloaded, verified and installed
};
const char* syncResultName(SyncResult result); // "unchanged", "up_to_date", "installed"

struct SyncOutcome {
    SyncResult result = SyncResult::Unchanged;
    std::string packId;
    std::int64_t version = 0;
    std::size_t objectsFetched = 0; // downloaded by this sync (resumed ones included)
    std::uint64_t bytesFetched = 0; // body bytes received, channel files included
    std::size_t requests = 0;
};

// Installs the assembled pack folder (its manifest and signature inside): the signing code's
// install (verify, staging, content checks, atomic switch of `current`).
using PackInstaller = std::function<Status(const std::filesystem::path& packDir)>;

// <state_dir>/sync/: objects/ (verified objects; *.part while downloading), channels/ (the last
// channel file handled, its signature and ETag), pack/ (the pack assembled from hard links to the
// objects, handed to the installer; kept and updated in place by the next sync).
std::filesystem::path syncFolder(const std::filesystem::path& stateDir);

// One sync. Nothing is installed unless every signature and hash checks out: a changed object
// is deleted and the sync fails (fleet.object_invalid); the channel's ETag is kept only after a
// successful install, so the next sync tries again. A channel older than the one last handled
// is refused (fleet.channel_downgrade). Unreachable origin: fleet.unreachable, nothing changes
// on disk but what was downloaded so far (kept for resuming).
Result<SyncOutcome> syncChannel(HttpClient& http, const ChannelSyncSettings& settings,
                                const PackInstaller& install);

} // namespace lantai::core
