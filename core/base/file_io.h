// core/base: reading and writing files safely — regular files only (never blocks on a FIFO or a
// device), a size cap checked before reading, atomic replace (temp + fsync + rename)
#pragma once

#include "core/base/result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace lantai::core {

inline constexpr std::size_t kDefaultReadLimit = std::size_t{64} << 20;

// Stable codes of the file errors below (each Diagnostic also carries zh/en sentences that
// name the path and what it really is).
inline constexpr const char* kFileMissing = "file.missing";        // no such file
inline constexpr const char* kFileNotRegular = "file.not_regular"; // folder, FIFO, device, socket
inline constexpr const char* kFileLinkLoop = "file.link_loop";     // symbolic links in a loop
inline constexpr const char* kFileTooLarge = "file.too_large";     // over the caller's limit
inline constexpr const char* kFileUnreadable = "file.unreadable";  // permission, I/O error
inline constexpr const char* kFileWriteFailed = "file.write_failed";

// What a file that is not a regular one is, from its st_mode: "a named pipe (FIFO)" /
// "命名管道（FIFO）", "a folder", "a character device", ... (also "a file" for a regular one).
struct FileKindName {
    const char* en;
    const char* zh;
};
FileKindName fileKindName(unsigned mode);

// What a path is, without opening it (stat follows symbolic links): a regular file and its
// size, or the Diagnostic saying why it is not one. Named pipes, devices, sockets, folders and
// link loops are errors with their own wording, so no reader ever blocks in open() on a FIFO.
struct RegularFile {
    std::uint64_t size = 0;
};
Result<RegularFile> checkRegularFile(const std::filesystem::path& file);

// A regular file opened for reading; closes on destruction. Opened with O_NONBLOCK (so a FIFO
// swapped in after a check cannot block the open) and checked with fstat on the descriptor.
class ReadableFile {
  public:
    ReadableFile() = default;
    ReadableFile(ReadableFile&& other) noexcept;
    ReadableFile& operator=(ReadableFile&& other) noexcept;
    ReadableFile(const ReadableFile&) = delete;
    ReadableFile& operator=(const ReadableFile&) = delete;
    ~ReadableFile();

    int fd() const { return m_fd; }
    std::uint64_t size() const { return m_size; } // at open time
    // Reads up to `n` bytes at `offset`; returns the count (0 at the end), -1 on an I/O error.
    long long readAt(std::uint64_t offset, void* buffer, std::size_t n) const;

  private:
    friend Result<ReadableFile> openRegularFile(const std::filesystem::path& file);
    int m_fd = -1;
    std::uint64_t m_size = 0;
};
Result<ReadableFile> openRegularFile(const std::filesystem::path& file);

// Reads a whole regular file. The size is checked against `maxBytes` before anything is read;
// the error then names the file, its size and the limit.
Result<std::string> readFile(const std::filesystem::path& file,
                             std::size_t maxBytes = kDefaultReadLimit);

// Writes `data` to a temporary file beside `file`, flushes it and renames it over `file`, so
// readers see either the old or the new content, never a torn one.
Status writeFileAtomic(const std::filesystem::path& file, std::string_view data);

// A size as file messages give it: "81.7 MB" (MiB, one decimal).
std::string formatMegabytes(std::uint64_t bytes);

// A file error as the user should read it: `file` (the full path used to open the file) replaced
// by `shown` (e.g. the pack-relative path) in the field and both sentences.
Diagnostic showFileAs(Diagnostic error, const std::filesystem::path& file,
                      const std::string& shown);

} // namespace lantai::core
