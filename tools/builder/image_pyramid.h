// tools/builder: IIIF Image API 3.0 level-0 static tile pyramid + thumbnail writer (libvips)
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace lantai::core {

struct PyramidOptions {
    int tileSize = 512;       // square tiles, "tiles"[0].width in info.json
    int jpegQuality = 85;     // tiles, sizes and thumbnail
    int maxListedSize = 2048; // "sizes" lists full images whose longer side is at most this
    int thumbLongest = 480;   // thumbnail longest side (never upscaled)
    int maxLongest = 0;       // > 0: the image is first shrunk so its longer side is at most this
                              // (the web export's "limited" policy); 0 = full resolution
};

struct PyramidResult {
    bool ok = false;
    std::string error; // English, names the file and what failed
    int width = 0;     // after EXIF orientation is applied
    int height = 0;
    int tileCount = 0;                      // tiles over all scale factors
    std::vector<int> scaleFactors;          // 1, 2, 4, ... as written to info.json
    std::vector<std::pair<int, int>> sizes; // ascending, as written to info.json
};

// One-time libvips initialisation (thread-safe, idempotent; VIPS_INIT with argv0 "lantai").
// Also disables the libvips operation cache (a long-running editor would otherwise see stale
// pixels when a source file is replaced under the same name). Call before building. Never
// call vips_shutdown() while a build may still run.
bool initImageLibrary(std::string* error);

// Writes <iiifDir>/info.json ("id" = iiifId exactly as given, e.g. "iiif/images_a_jpg"), every
// tile <iiifDir>/<x>,<y>,<w>,<h>/<tw>,<th>/0/default.jpg for every scale factor,
// <iiifDir>/full/<w>,<h>/0/default.jpg for every entry of "sizes" (and for the one-tile level),
// <iiifDir>/full/max/0/default.jpg when the whole image fits in one tile, and the thumbnail
// JPEG at thumbPath (longest side thumbLongest, never upscaled).
// Everything is written into a temporary sibling directory that is renamed into place at the
// end, so a crash never leaves a half-written pyramid that looks complete. On failure nothing
// is left behind (an existing older pyramid at iiifDir is kept). Thread-safe: several images
// may be built concurrently (each build already uses all libvips worker threads).
PyramidResult buildImagePyramid(const std::filesystem::path& source,
                                const std::filesystem::path& iiifDir, const std::string& iiifId,
                                const std::filesystem::path& thumbPath,
                                const PyramidOptions& opt = {});

// Checks an existing pyramid: info.json parses and is well formed, and every tile and full-size
// image it implies exists and starts like a JPEG. Returns the missing/bad paths relative to
// iiifDir ("info.json" itself when it is missing or malformed); empty = complete.
// Does not need libvips.
std::vector<std::string> verifyPyramid(const std::filesystem::path& iiifDir);

} // namespace lantai::core
