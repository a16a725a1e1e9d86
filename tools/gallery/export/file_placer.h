// tools/gallery/export: puts files into the new site — hard link when possible, else copy, reusing
// the previous export
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_set>

namespace lantai::core::web {

// Places source files at root-relative paths of the site being written under `newRoot`.
// A hard link to the source when both are on one filesystem; otherwise the same file of the
// previous export (`previousRoot`, may be empty) is linked when its size and modification time
// match the source (re-export skips unchanged files); else the file is copied and given the
// source's modification time. Files placed here must never be written to afterwards.
// Not thread-safe.
class FilePlacer {
  public:
    FilePlacer(std::filesystem::path newRoot, std::filesystem::path previousRoot);

    bool placeFile(const std::filesystem::path& source, const std::string& relativePath,
                   std::string& error);
    // Every regular file below `sourceDir` into `relativeDir`, except files named `skipName`.
    bool placeTree(const std::filesystem::path& sourceDir, const std::string& relativeDir,
                   std::string& error, const std::string& skipName = {});

    std::size_t linked() const { return m_linked; }
    std::size_t copied() const { return m_copied; }
    std::size_t reused() const { return m_reused; }

  private:
    bool ensureDir(const std::filesystem::path& dir, std::string& error);

    std::filesystem::path m_new;
    std::filesystem::path m_previous;
    std::unordered_set<std::string> m_dirs; // created (or known) directories of the new site
    bool m_linkWorks = true;
    std::size_t m_linked = 0, m_copied = 0, m_reused = 0;
};

// Writes a file of the site being built. No temp file and no fsync (writeFileAtomic's are one
// journal commit each, slow while the filesystem is busy): the whole folder is swapped in only
// when complete. A file already at `path` is unlinked first, as it may be a hard link.
bool writeSiteFile(const std::filesystem::path& path, const std::string& data, std::string& error);

} // namespace lantai::core::web
