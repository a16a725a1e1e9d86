// core/media: video container probe — top-level ISO-BMFF boxes and Matroska/WebM EBML elements,
// headers only
#pragma once

#include "core/media/asset_probe.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace lantai::core {

enum class VideoContainerProblem {
    None,
    Truncated,  // a box or element (or its header) runs past the end of the file
    NoMoov,     // MP4/MOV: every top-level box is complete but none is 'moov'
    Corrupt,    // an impossible size or id, or too many top-level boxes
    Unreadable, // I/O error
};

struct VideoContainerResult {
    AssetKind kind = AssetKind::Unknown; // IsoMedia, Matroska, or Unknown: not a video container
    VideoContainerProblem problem = VideoContainerProblem::None;
    // With a problem: what and where, one clause in each language without a final full stop,
    // e.g. "the 'mdat' box at byte 40 declares 1048576 bytes but only 512 follow".
    std::string detail;
    std::string detailZh;
    std::uint64_t topLevelCount = 0; // boxes (or EBML elements) walked
    double durationSeconds = 0; // MP4/MOV: from the movie header ('mvhd' in 'moov'); 0 when unknown
};

// Most top-level boxes or elements walked before a file is called corrupt (a fragmented MP4
// has two per fragment: a few thousand for an hour).
inline constexpr std::uint64_t kMaxTopLevelBoxes = 100000;

// MP4/MOV (an 'ftyp' box at byte 4): walks the top-level boxes from byte 0 by their headers
// (32-bit size, 64-bit largesize when size is 1, size 0 = to the end of the file) and checks
// that each ends inside the file and that one is 'moov'. WebM/MKV (EBML magic): checks that
// the EBML header element and the top-level elements after it (one must be a Segment) end
// inside the file; an unknown-size element runs to the end. Anything else: kind Unknown, no
// problem. Pure; never reads outside `bytes`.
VideoContainerResult probeVideoContainerBytes(std::span<const std::uint8_t> bytes);

// The same on a file, reading the first 64 KiB and then only box and element headers (seeks):
// never the whole file, which may be hundreds of megabytes.
VideoContainerResult probeVideoContainerFile(const std::filesystem::path& file);

} // namespace lantai::core
