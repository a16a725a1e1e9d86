// core/pack: derived/narration.json — which narration files `lantai build --narrate` generated
// (synthetic voice), read by the editor to mark them; tools/builder writes it
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace lantai::core {

// The sidecar, pack-relative: {"lantai_narration": 1, "files": {PATH: {"owner", "lang", "voice",
// "text_sha256", "audio_sha256"}}} (content/FORMAT.md, *Narration*).
inline constexpr const char* kNarrationSidecar = "derived/narration.json";

// The files the sidecar lists, each with the SHA-256 of the audio --narrate wrote; empty when
// the pack has no sidecar or it cannot be read (then every file counts as recorded).
std::map<std::string, std::string> readNarrationSidecar(const std::filesystem::path& packRoot);

// Whether `file` (pack-relative) is synthetic: listed in `sidecar` and its bytes still the ones
// --narrate wrote. A file a curator replaced with a recording (other bytes) is not; nor is a
// missing one. Reads and hashes the file.
bool isSyntheticNarration(const std::filesystem::path& packRoot,
                          const std::map<std::string, std::string>& sidecar,
                          const std::string& file);

} // namespace lantai::core
