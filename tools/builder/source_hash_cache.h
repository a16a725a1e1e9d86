// tools/builder: remembers each source file's sha256 by its stat, so a rebuild re-hashes only what
// changed
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

namespace lantai::core {

// The builder's private cache, `derived/.build-cache.json` (not part of the pack's format: a
// missing, foreign or damaged cache only means every file is hashed again). An entry is used
// when the file's size, inode, mtime and ctime are all unchanged — like git's index — and only
// when it was recorded at least a second before the build that recorded it started, so a file
// changed in the same clock tick as its stat was taken is hashed again ("racily clean").
class SourceHashCache {
  public:
    // Reads the cache of a previous build from `derivedDir` (an empty cache on any problem).
    explicit SourceHashCache(const std::filesystem::path& derivedDir);

    // sha256 of `root / relative`: from the cache when its stat matches, else computed and
    // remembered. Thread-safe.
    Result<std::string> sha256(const std::filesystem::path& root, const std::string& relative);

    // Writes what this build hashed or reused (atomically). Entries of files not asked for in
    // this build are dropped.
    Status save(const std::filesystem::path& derivedDir) const;

    std::size_t hashed() const { return m_hashed; } // files read and hashed in this build
    std::size_t reused() const { return m_reused; } // files whose cached hash was used

    struct Entry {
        std::uint64_t size = 0;
        std::uint64_t inode = 0;
        std::int64_t mtimeNs = 0;
        std::int64_t ctimeNs = 0;
        std::string sha256;
        bool operator==(const Entry&) const = default;
    };

  private:
    std::int64_t m_startedNs = 0;            // this build's start (wall clock, ns)
    std::map<std::string, Entry> m_previous; // trusted entries of the previous build
    std::map<std::string, Entry> m_current;  // this build's entries
    mutable std::mutex m_mutex;
    std::size_t m_hashed = 0;
    std::size_t m_reused = 0;
};

} // namespace lantai::core
