// tools/builder: `lantai build` — validate a pack, then write derived/ (IIIF tiles, thumbnails,
// index, charset)
#pragma once

#include "core/base/diagnostic.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace lantai::core {

struct BuildProgress {
    std::size_t done = 0;  // images finished (built or reused)
    std::size_t total = 0; // images in the pack
    std::string current;   // pack path of the image just finished
    bool reused = false;   // its derivatives were up to date
};

// Threading: the callback is called from worker threads, one call at a time (serialised).
struct BuildOptions {
    int jobs = 0; // images built in parallel; 0 = number of CPU cores
    std::function<void(const BuildProgress&)> onProgress;
};

struct BuildReport {
    Diagnostics diagnostics; // validation diagnostics plus build failures (code build.failed)
    bool ok = false;
    std::size_t images = 0;
    std::size_t imagesBuilt = 0;
    std::size_t imagesReused = 0;
    std::size_t tiles = 0; // tiles written in this run
    std::size_t files = 0; // source files listed in derived/index.json
    std::size_t characters = 0;
    double seconds = 0;
};

// Validates the pack and, when it has no errors, writes its derivatives under
// `<pack>/derived/` as content/FORMAT.md describes. Incremental: an image whose sha256 is
// unchanged and whose pyramid is complete is reused. Stale derivatives are removed.
BuildReport buildPack(const std::filesystem::path& packDir, const BuildOptions& options = {});

// derived/ key of a pack image path: every character outside [A-Za-z0-9_-] becomes '_'.
std::string derivedKeyForPath(const std::string& relativePath);

} // namespace lantai::core
