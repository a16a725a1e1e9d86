// core/fleet: content-addressed objects (objects/ab/cdef… named by their SHA-256) — the layout a
// published channel and a booth's download cache share
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace lantai::core {

inline constexpr const char* kFleetObjectInvalid = "fleet.object_invalid"; // hash mismatch
inline constexpr const char* kFleetWriteFailed = "fleet.write_failed";

// fleet.write_failed naming `file` and why (a full disk, a folder that cannot be made).
Diagnostic fleetWriteError(const std::filesystem::path& file, const std::string& why);

// True for 64 lower-case hex digits.
bool isSha256Hex(std::string_view text);

// "objects/ab/cdef…" (the first two hex digits name the folder), relative to a channel's or a
// store's root. `sha256` must satisfy isSha256Hex.
std::string objectRelativePath(std::string_view sha256);

// A folder of objects. An object is written once, under its hash, and never rewritten: a file
// there is complete and verified (it was renamed into place after its hash was checked).
//
// Threading: one writer at a time per root (lantai-sync runs once at a time; publish is one
// process).
class ObjectStore {
  public:
    explicit ObjectStore(std::filesystem::path root) : m_root(std::move(root)) {}

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path pathOf(std::string_view sha256) const;
    bool has(std::string_view sha256) const;

    // Copies `file` in under `sha256` unless the object is there already (then nothing is
    // written). The copy is hashed while it is written and refused when it does not match.
    // Returns true when a new object was written.
    Result<bool> addFile(const std::filesystem::path& file, std::string_view sha256);
    Result<bool> addBytes(std::string_view bytes, std::string_view sha256);

    // Moves a downloaded file into the store after checking its SHA-256; a mismatch deletes
    // `file` and is fleet.object_invalid.
    Status adoptVerified(const std::filesystem::path& file, std::string_view sha256);

  private:
    std::filesystem::path m_root;
};

} // namespace lantai::core
