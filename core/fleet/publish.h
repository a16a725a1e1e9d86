// core/fleet: `lantai publish` — a signed pack laid out as a channel for any static host
// (content-addressed objects, the manifest among them, and a signed channels/NAME.json)
#pragma once

#include "core/base/result.h"
#include "core/fleet/channel_record.h"
#include "core/trust/minisign_keys.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace lantai::core {

inline constexpr const char* kFleetChannelDowngrade = "fleet.channel_downgrade";

struct PublishSummary {
    ChannelRecord record;
    std::size_t objectsWritten = 0; // new objects
    std::size_t objectsKept = 0;    // already on the site (written once, never rewritten)
    std::uint64_t bytesWritten = 0;
    bool channelChanged = false; // false: the channel already named this manifest
};

// Checks the pack against its signed manifest (signed by `key`: every file hashed, nothing
// changed, missing or added), copies each file the site lacks to objects/ab/cdef…, adds the
// manifest and its signature as objects, then — unless the channel already names this
// manifest — writes channels/NAME.json.minisig and channels/NAME.json (in that order, each
// atomically). A version lower than the channel's current one is refused
// (fleet.channel_downgrade). Re-publishing an unchanged pack writes nothing.
Result<PublishSummary> publishPack(const std::filesystem::path& packDir,
                                   const std::filesystem::path& siteDir, const std::string& channel,
                                   const MinisignSecretKey& key, std::int64_t now);

} // namespace lantai::core
