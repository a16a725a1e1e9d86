// core/fleet: <state_dir>/kiosk-alive.json — the kiosk's "last frame" mark, written by the kiosk
// every ~30 s while it draws and read by lantai-sync for the heartbeat
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace lantai::core {

// How often the kiosk refreshes the file while frames are drawn (never on every frame).
inline constexpr std::int64_t kKioskAliveIntervalSeconds = 30;

std::filesystem::path kioskAlivePath(const std::filesystem::path& stateDir);

// {"last_frame": UTC "2026-06-09T08:00:00Z", "pid", "pack_id", "pack_version"}
struct KioskAlive {
    std::int64_t lastFrame = 0; // unix seconds
    std::int64_t pid = 0;
    std::string packId;
    std::string packVersion;
};

// A temporary file beside it renamed over it (readers never see a torn file). No fsync: a mark
// lost in a power cut is rewritten 30 s after the next start.
Status writeKioskAlive(const std::filesystem::path& file, const KioskAlive& alive);
// The file's mark; nullopt when it is missing, does not parse or has no valid "last_frame".
std::optional<KioskAlive> readKioskAlive(const std::filesystem::path& file);

// "2026-06-09T08:00:00Z" -> unix seconds; nullopt when malformed.
std::optional<std::int64_t> parseUtcTimestamp(const std::string& text);

} // namespace lantai::core
