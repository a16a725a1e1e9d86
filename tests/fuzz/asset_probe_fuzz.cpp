// fuzz: libFuzzer target for the asset probe — probeBytes on arbitrary bytes, checking invariants
#include "core/media/asset_probe.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

using namespace lantai::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ProbeResult r = probeBytes(std::span<const std::uint8_t>(data, size));
    // A size is only reported for an image without a problem, and is never zero.
    if (r.size && (!isImageKind(r.kind) || !r.problem.empty() || r.size->pixelCount() == 0))
        std::abort();
    if (isImageKind(r.kind) && r.problem.empty() && !r.size) std::abort();
    // Only images and Unknown carry problems; Text/video never do.
    if (!r.problem.empty() && !(isImageKind(r.kind) || r.kind == AssetKind::Unknown)) std::abort();
    if (r.kind == AssetKind::Unknown && r.problem.empty()) std::abort();
    return 0;
}
