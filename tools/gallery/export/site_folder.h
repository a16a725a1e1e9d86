// tools/gallery/export: OUT and its hidden siblings — the folder being written, the atomic swap,
// leftovers, removal off the critical path
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace lantai::core::web {

// Written last into a finished site: marks OUT as an earlier Lantai export.
inline constexpr const char* kStampName = ".lantai-export.json";

// Hidden siblings of OUT (for OUT = ".../site"):
//   .site.tmp-PID      the site export PID is writing
//   .site.old-PID      the previous site between the two renames of a swap on a filesystem that
//                      cannot exchange two folders
//   .site.trash-PID-N  a folder being deleted; never a site (its stamp is removed)
std::filesystem::path tempSiteFolder(const std::filesystem::path& out);

// Deals with the siblings of OUT that interrupted exports left behind. When OUT is missing and
// a finished previous site waits as .old- (the export died between its two renames), it is
// moved back to OUT. Every other .tmp- / .old- folder of an export that is no longer running,
// and every .trash- folder, is renamed to a trash name of this process and returned, to be
// removed with removeInBackground().
std::vector<std::filesystem::path> claimLeftovers(const std::filesystem::path& out);

// Puts the finished site `tmp` at `out`. When `out` holds a site, the two folders are exchanged
// in one step (renameat2 RENAME_EXCHANGE), so `out` always holds a complete site, and the
// previous site is renamed to a trash folder without its stamp, returned in `previous` for
// removeInBackground(); where the filesystem cannot exchange, two renames (put back on failure).
bool swapInSite(const std::filesystem::path& tmp, const std::filesystem::path& out,
                std::filesystem::path& previous, std::string& error);

// Renames a folder that must go (e.g. an export's unfinished temp folder) to a trash name.
std::filesystem::path toTrash(const std::filesystem::path& dir, const std::filesystem::path& out);

// Deletes the folders with a detached, low-priority `rm -rf` that this process does not wait
// for: deleting the thousands of tile directories of a previous site takes seconds, tens of
// seconds while the filesystem is busy. Falls back to deleting them here if rm cannot start.
void removeInBackground(const std::vector<std::filesystem::path>& dirs);

} // namespace lantai::core::web
