// core/media: asset probe — sniff what a file's bytes are and read image dimensions without
// decoding
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace lantai::core {

enum class AssetKind {
    Unknown,
    Jpeg,
    Png,
    Gif,
    Webp,
    Tiff,
    IsoMedia, // mp4, mov, m4v: an "ftyp" box at offset 4
    Matroska, // mkv, webm: EBML magic 1A 45 DF A3
    Mp3,      // an ID3v2 tag or an MPEG audio frame header
    Ogg,      // Ogg Vorbis or Opus: "OggS"
    Wav,      // RIFF/WAVE
    Flac,     // "fLaC"
    Text,     // valid UTF-8 without NUL bytes in the inspected prefix (a BOM is fine)
};

// Lower-case stable name: "unknown", "jpeg", "png", "gif", "webp", "tiff", "isomedia",
// "matroska", "mp3", "ogg", "wav", "flac", "text".
const char* assetKindName(AssetKind kind);
bool isImageKind(AssetKind kind); // Jpeg, Png, Gif, Webp, Tiff
bool isVideoKind(AssetKind kind); // IsoMedia, Matroska
// What narration may be: Mp3, Ogg, Wav, Flac, and IsoMedia (M4A) and Matroska (WebM audio).
bool isAudioKind(AssetKind kind);

struct ImageSize {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::uint64_t pixelCount() const { return std::uint64_t{width} * height; }
    friend bool operator==(const ImageSize&, const ImageSize&) = default;
};

struct ProbeResult {
    AssetKind kind = AssetKind::Unknown;
    // Set for images whose header declares a valid (non-zero) size and only when `problem`
    // is empty. Huge sizes are reported as they are: the validator applies the pixel limit.
    std::optional<ImageSize> size;
    // Empty = fine. Otherwise a short English reason, e.g. "PNG IHDR chunk truncated".
    // With an image kind it means the header is truncated or corrupt; with Unknown it says
    // why the bytes are not text ("file is empty", "invalid UTF-8 at byte 12", ...).
    // probeFile reports I/O failures as "cannot read file: ...".
    std::string problem;
};

// How many leading bytes decide the kind and the Text check (probeFile reads at most this
// much up front; JPEG and TIFF headers are then followed with seeks).
inline constexpr std::size_t kProbePrefixBytes = 64 * 1024;

// Probes an in-memory file image. Pure; never reads outside `bytes`.
ProbeResult probeBytes(std::span<const std::uint8_t> bytes);

// Probes a file on disk, reading only what the header needs: the first 64 KiB, then for JPEG
// the marker segments up to SOF and for TIFF the first IFD (with seeks, never the whole file).
// Gives the same result as probeBytes on the whole file content.
ProbeResult probeFile(const std::filesystem::path& file);

} // namespace lantai::core
