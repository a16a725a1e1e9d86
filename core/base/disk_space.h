// core/base: free space on the disk that holds a path (statvfs), as a Result
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace lantai::core {

inline constexpr const char* kDiskSpaceUnknown = "disk.space_unknown"; // statvfs failed

struct DiskSpace {
    std::uint64_t availableBytes = 0; // what an unprivileged process may still write
    std::uint64_t totalBytes = 0;
};

// The space of the filesystem holding `path` (a file or a folder that exists).
Result<DiskSpace> diskSpace(const std::filesystem::path& path);

} // namespace lantai::core
