// core/pack: reading derived/index.json (what `lantai build` wrote) — used by the kiosk, exporter
// and `lantai info`
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace lantai::core {

struct DerivedImage {
    std::string key;
    int width = 0;
    int height = 0;
    std::string sha256;
    std::string thumb; // relative to derived/
    std::string iiif;  // relative to derived/ (folder holding info.json)
};

struct DerivedIndex {
    std::string builtBy;
    std::map<std::string, DerivedImage> images; // by pack path
    std::map<std::string, std::pair<std::uintmax_t, std::string>>
        files; // pack path -> size, sha256
};

// nullopt when the pack has not been built (or the index is unreadable; `error` says why).
std::optional<DerivedIndex> readDerivedIndex(const std::filesystem::path& packRoot,
                                             std::string* error = nullptr);

} // namespace lantai::core
