// core/trust: a pack's manifest — every file's path, size and SHA-256, the pack id and its version
#pragma once

#include "core/base/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// The manifest and its signature sit at the pack's root; neither is listed in the manifest.
inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kManifestSignatureFile = "manifest.json.minisig";

struct ManifestFile {
    std::string path; // relative, '/'-separated, e.g. "derived/tiles/a/info.json"
    std::uint64_t size = 0;
    std::string sha256; // lower-case hex
    bool operator==(const ManifestFile&) const = default;
};

// content/FORMAT.md "Signed packs": `version` only goes up; a booth refuses one lower than the
// highest it ever installed. Files are sorted by path (bytewise).
struct PackManifest {
    std::string packId;
    std::uint64_t version = 0;
    std::vector<ManifestFile> files;
};

// Lists every regular file under `packDir` except the manifest, its signature and the editor's
// working folder `.lantai-edit/`, hashing each (SHA-256). A symbolic link, FIFO or device inside
// the pack is an error (trust.not_regular): a signed pack holds plain files only.
Result<std::vector<ManifestFile>> listPackFiles(const std::filesystem::path& packDir);
// The same files' relative paths, sorted, nothing read (the same refusals).
Result<std::vector<std::string>> listPackPaths(const std::filesystem::path& packDir);
// The pack's id from pack.json's "id".
Result<std::string> readPackId(const std::filesystem::path& packDir);

// Canonical JSON: one line, keys in a fixed order, no spaces, UTF-8, files sorted by path, a
// final newline. The same manifest always gives the same bytes, which is what is signed:
//   {"format":"lantai-pack-manifest","manifest_version":1,"pack_id":"…","version":N,
//    "files":[{"path":"…","size":N,"sha256":"…"},…]}
std::string canonicalManifestJson(const PackManifest& manifest);
// Reads a manifest (code trust.manifest_invalid naming `file`); unknown keys are an error, paths
// must be relative, without "..", unique and sorted.
Result<PackManifest> parsePackManifest(std::string_view text, const std::string& file);

// How a folder differs from a manifest: files whose size or hash differ, files listed but absent,
// files present but not listed (the manifest and its signature excepted).
struct PackDifferences {
    std::vector<std::string> changed;
    std::vector<std::string> missing;
    std::vector<std::string> added;
    bool empty() const { return changed.empty() && missing.empty() && added.empty(); }
};
PackDifferences comparePackFiles(const std::vector<ManifestFile>& expected,
                                 const std::vector<ManifestFile>& actual);

} // namespace lantai::core
