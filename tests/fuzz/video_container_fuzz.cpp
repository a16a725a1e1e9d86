// tests: libFuzzer target — probeVideoContainerBytes on arbitrary bytes, checking its invariants
#include "core/base/utf8.h"
#include "core/media/asset_probe.h"
#include "core/media/video_container_probe.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

using namespace lantai::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    const VideoContainerResult r = probeVideoContainerBytes(bytes);
    // Not a container: nothing to say. A problem always comes with a detail in both languages.
    if (r.kind == AssetKind::Unknown &&
        (r.problem != VideoContainerProblem::None || r.topLevelCount != 0))
        std::abort();
    if ((r.problem == VideoContainerProblem::None) != r.detail.empty() ||
        r.detail.empty() != r.detailZh.empty())
        std::abort();
    if (findInvalidUtf8(r.detail) || findInvalidUtf8(r.detailZh)) std::abort();
    if (r.problem == VideoContainerProblem::Unreadable || r.topLevelCount > kMaxTopLevelBoxes)
        std::abort();
    if (r.problem == VideoContainerProblem::NoMoov && r.kind != AssetKind::IsoMedia) std::abort();
    // Whatever the asset probe calls a video, this probe walks as the same container.
    const AssetKind kind = probeBytes(bytes).kind;
    if (isVideoKind(kind) && kind != r.kind) std::abort();
    return 0;
}
