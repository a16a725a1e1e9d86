// tools/editor: File → Open recent — the last packs opened, kept in the user's configuration
// folder ($XDG_CONFIG_HOME/lantai/editor-recent.json), newest first
#pragma once

#include "core/base/result.h"

#include <cstddef>
#include <filesystem>
#include <vector>

namespace lantai::editor {

inline constexpr std::size_t kMaxRecentPacks = 8;

// $XDG_CONFIG_HOME/lantai/editor-recent.json, else ~/.config/lantai/editor-recent.json (empty
// when neither variable is set).
std::filesystem::path recentPacksFile();

// The list in `file`, newest first; empty when the file is missing or unreadable (a broken list
// is only a convenience lost), entries that are not strings skipped.
std::vector<std::filesystem::path> readRecentPacks(const std::filesystem::path& file);

// `pack` (made absolute) moved to the front, the list cut to kMaxRecentPacks, written atomically
// (the folder created when missing).
core::Status rememberRecentPack(const std::filesystem::path& file,
                                const std::filesystem::path& pack);

// The entries whose folder no longer holds a pack.json removed.
core::Status forgetMissingRecentPacks(const std::filesystem::path& file);

// Whether a recent entry can still be opened (its pack.json is there).
bool recentPackExists(const std::filesystem::path& pack);

} // namespace lantai::editor
