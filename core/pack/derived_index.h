// core/pack: reading derived/index.json (what `lantai build` wrote) — used by the kiosk, exporter
// and `lantai info`
#pragma once

#include "core/base/result.h"

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

inline constexpr const char* kPackNotBuilt = "pack.not_built";    // no derived/index.json
inline constexpr const char* kDerivedDamaged = "derived.damaged"; // unreadable or not the format

// The index `lantai build` wrote, or why there is none (kPackNotBuilt, kDerivedDamaged, a file
// error for a derived/index.json that cannot be read).
Result<DerivedIndex> readDerivedIndex(const std::filesystem::path& packRoot);

} // namespace lantai::core
