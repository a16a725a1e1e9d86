// core/pack: reading derived/narration.json and telling synthetic narration from recordings
#include "core/pack/narration_sidecar.h"

#include "core/base/file_io.h"
#include "core/base/sha256.h"

#include <nlohmann/json.hpp>

namespace lantai::core {

std::map<std::string, std::string> readNarrationSidecar(const std::filesystem::path& packRoot) {
    std::map<std::string, std::string> out;
    const auto text = readFile(packRoot / kNarrationSidecar);
    if (!text) return out;
    const auto parsed = nlohmann::json::parse(*text, nullptr, false);
    if (!parsed.is_object()) return out;
    const auto files = parsed.find("files");
    if (files == parsed.end() || !files->is_object()) return out;
    for (const auto& [file, entry] : files->items())
        if (entry.is_object() && entry.contains("audio_sha256") &&
            entry["audio_sha256"].is_string())
            out[file] = entry["audio_sha256"].get<std::string>();
    return out;
}

bool isSyntheticNarration(const std::filesystem::path& packRoot,
                          const std::map<std::string, std::string>& sidecar,
                          const std::string& file) {
    const auto entry = sidecar.find(file);
    if (file.empty() || entry == sidecar.end() || entry->second.empty()) return false;
    const auto sha = sha256File(packRoot / file);
    return sha && *sha == entry->second;
}

} // namespace lantai::core
