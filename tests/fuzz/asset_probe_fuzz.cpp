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
    // Only images, audio-only files (a truncated Ogg page, a WAV without "fmt ") and Unknown carry
    // problems; Text and video containers never do.
    const bool audioOnly = isAudioKind(r.kind) && !isVideoKind(r.kind);
    if (!r.problem.empty() && !(isImageKind(r.kind) || audioOnly || r.kind == AssetKind::Unknown))
        std::abort();
    if (r.kind == AssetKind::Unknown && r.problem.empty()) std::abort();
    return 0;
}
