// core/pack: path safety for pack-relative paths (no absolute, no "..", no symlink escaping the
// pack)
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace lantai::core {

struct PathProblem {
    std::string message;   // English
    std::string messageZh; // Chinese
};

// Checks a path written in a pack file. Safe paths are relative, use forward slashes, have no
// "." or ".." segments and, where they exist on disk, resolve (following symlinks) to a place
// inside the pack. Returns the problem, or nullopt when the path is safe.
std::optional<PathProblem> validatePackPath(const std::filesystem::path& packRoot,
                                            const std::string& relative);

} // namespace lantai::core
