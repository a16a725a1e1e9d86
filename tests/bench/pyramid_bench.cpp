// tests/bench: builds one image's IIIF pyramid + thumbnail with buildImagePyramid (timed by
// build_vs_vips.sh)
#include "tools/builder/image_pyramid.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: lantai_pyramid_bench SOURCE OUT_DIR [--tile-size N] [--quality Q]\n"
                 "writes OUT_DIR/iiif/bench/... and OUT_DIR/thumbs/bench.jpg\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::filesystem::path source = argv[1];
    const std::filesystem::path out = argv[2];
    lantai::core::PyramidOptions opt;
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage();
        if (arg == "--tile-size")
            opt.tileSize = std::atoi(argv[++i]);
        else if (arg == "--quality")
            opt.jpegQuality = std::atoi(argv[++i]);
        else
            return usage();
    }

    std::string error;
    if (!lantai::core::initImageLibrary(&error)) {
        std::fprintf(stderr, "lantai_pyramid_bench: %s\n", error.c_str());
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    const lantai::core::PyramidResult r = lantai::core::buildImagePyramid(
        source, out / "iiif" / "bench", "iiif/bench", out / "thumbs" / "bench.jpg", opt);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r.ok) {
        std::fprintf(stderr, "lantai_pyramid_bench: %s\n", r.error.c_str());
        return 1;
    }
    std::printf("%dx%d: %d tiles, %zu scale factors, %zu sizes in %.2f s\n", r.width, r.height,
                r.tileCount, r.scaleFactors.size(), r.sizes.size(), seconds);
    return 0;
}
