// core/staff: where staff find packs and USB sticks — installed packs in the packs folder,
// packs and free space on removable media mounted under /media or /run/media
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// A folder holding a pack.json (not yet validated: switching validates it first).
struct PackCandidate {
    std::filesystem::path folder;
    std::string id;         // pack.json "id" ("" when unreadable)
    std::string title;      // its Chinese title, else English, else the folder name
    bool removable = false; // on a USB stick (copied into the packs folder when chosen)
};

// "/media:/run/media" -> {"/media", "/run/media"}; empty parts dropped.
std::vector<std::filesystem::path> splitPathList(std::string_view list);

// Removable media mounted under `roots`: the folders root/USER/LABEL (udisks2 and desktop
// automounters), and root/NAME when it is a mount point of its own (usbmount). Sorted by path;
// roots that do not exist give nothing.
std::vector<std::filesystem::path> removableMedia(const std::vector<std::filesystem::path>& roots);

// Packs in `folder` itself or its sub-folders down to `depth` levels (hidden folders and
// derived/ skipped; a pack's own sub-folders are not searched). Sorted by path.
std::vector<PackCandidate> findPacks(const std::filesystem::path& folder, int depth,
                                     bool removable);

} // namespace lantai::core
