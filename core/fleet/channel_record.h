// core/fleet: channels/NAME.json — the small signed file that names a channel's current manifest
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace lantai::core {

inline constexpr const char* kFleetChannelInvalid = "fleet.channel_invalid";

// One object named by its SHA-256 and size.
struct ObjectRef {
    std::string sha256;
    std::uint64_t size = 0;
};

// {"format": 1, "channel": "stable", "pack_id": "…", "version": 7,
//  "published": "2026-06-09T08:00:00Z",
//  "manifest": {"sha256": "…", "size": N}, "manifest_signature": {"sha256": "…", "size": N}}
// Signed beside it (channels/NAME.json.minisig), so `minisign -Vm channels/NAME.json -p KEY`
// verifies it. The channel name inside is checked against the one asked for: a channel's signed
// file served under another channel's name is refused.
struct ChannelRecord {
    std::string channel;
    std::string packId;
    std::int64_t version = 0;
    std::string published; // UTC, ISO 8601
    ObjectRef manifest;
    ObjectRef manifestSignature;
};

inline constexpr int kChannelFormat = 1;

std::string channelRecordJson(const ChannelRecord& record);
// `file` only names the source in errors.
Result<ChannelRecord> parseChannelRecord(std::string_view text, const std::string& file);

// "channels/NAME.json" and its signature "channels/NAME.json.minisig".
std::string channelRelativePath(std::string_view channel);
std::string channelSignatureRelativePath(std::string_view channel);
// Channel names: 1–64 of [a-z0-9._-], not starting with '.'.
bool isValidChannelName(std::string_view channel);

// "2026-06-09T08:00:00Z" for a unix time.
std::string utcTimestamp(std::int64_t unix);

} // namespace lantai::core
