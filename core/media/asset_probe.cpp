// core/media: asset probe — signature sniffing and header-only image size reading, hostile-input
// safe
#include "core/media/asset_probe.h"

#include "core/media/audio_probe.h"
#include "core/media/byte_source.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace lantai::core {
namespace {

using namespace std::string_view_literals;

ProbeResult failed(AssetKind kind, std::string problem) {
    return {kind, std::nullopt, std::move(problem)};
}

ProbeResult sized(AssetKind kind, std::uint64_t width, std::uint64_t height) {
    static constexpr const char* kLabels[] = {"?", "JPEG", "PNG", "GIF", "WebP", "TIFF"};
    static_assert(static_cast<int>(AssetKind::Tiff) == 5, "kLabels follows AssetKind");
    if (width == 0 || height == 0)
        return failed(kind,
                      std::string(kLabels[static_cast<int>(kind)]) + " width or height is zero");
    return {
        kind, ImageSize{static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height)}, {}};
}

std::string at(std::uint64_t offset) {
    return " at offset " + std::to_string(offset);
}

// JPEG: walk the marker segments from SOI to the first SOFn (never into entropy-coded data).
ProbeResult probeJpeg(ByteSource& src) {
    constexpr auto kind = AssetKind::Jpeg;
    constexpr int kMaxMarkers = 10000;
    constexpr int kMaxFillBytes = 65536;
    const auto noSof = [] { return failed(kind, "JPEG has no SOF marker before end of file"); };
    std::uint64_t pos = 2; // after FF D8
    int fill = 0;
    for (int markers = 0; markers < kMaxMarkers; ++markers) {
        std::uint8_t b[8];
        if (!src.read(pos, {b, 1})) return noSof();
        if (b[0] != 0xFF) return failed(kind, "JPEG marker expected" + at(pos));
        do { // skip fill bytes FF FF ...
            if (!src.read(++pos, {b, 1})) return noSof();
            if (b[0] == 0xFF && ++fill > kMaxFillBytes)
                return failed(kind, "JPEG has too many fill bytes");
        } while (b[0] == 0xFF);
        const std::uint8_t code = b[0];
        const std::uint64_t markerAt = pos - 1;
        ++pos;
        if (code == 0x01 || (code >= 0xD0 && code <= 0xD7)) continue; // TEM, RSTn: no length
        if (code == 0x00) return failed(kind, "JPEG has an invalid marker FF 00" + at(markerAt));
        if (code == 0xD8) return failed(kind, "JPEG has a second SOI marker" + at(markerAt));
        if (code == 0xD9) return failed(kind, "JPEG ends (EOI) before its SOF marker");
        if (code == 0xDA) return failed(kind, "JPEG scan data (SOS) starts before its SOF marker");
        if (!src.read(pos, {b, 2})) return failed(kind, "JPEG segment truncated" + at(markerAt));
        const std::uint32_t length = be16(b);
        if (length < 2)
            return failed(kind, "JPEG segment has invalid length " + std::to_string(length) +
                                    at(markerAt));
        if (length > src.size() - pos) return failed(kind, "JPEG segment truncated" + at(markerAt));
        const bool sof =
            code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
        if (!sof) {
            pos += length;
            continue;
        }
        if (length < 8 || !src.read(pos, {b, 8})) return failed(kind, "JPEG SOF segment truncated");
        if (length != 8 + 3 * std::uint32_t{b[7]} || b[7] == 0)
            return failed(kind, "JPEG SOF segment length does not match its component count");
        return sized(kind, be16(b + 5), be16(b + 3));
    }
    return failed(kind, "JPEG has too many markers before SOF");
}

// PNG: the first chunk must be a complete IHDR (length, type, 13 data bytes and CRC present).
ProbeResult probePng(ByteSource& src) {
    constexpr auto kind = AssetKind::Png;
    std::uint8_t b[25];
    if (!src.read(8, {b, 8})) return failed(kind, "PNG IHDR chunk truncated");
    if (std::memcmp(b + 4, "IHDR", 4) != 0) return failed(kind, "PNG first chunk is not IHDR");
    if (be32(b) != 13)
        return failed(kind,
                      "PNG IHDR chunk has length " + std::to_string(be32(b)) + ", expected 13");
    if (src.size() < 33 || !src.read(8, {b, 25})) return failed(kind, "PNG IHDR chunk truncated");
    const std::uint32_t width = be32(b + 8), height = be32(b + 12);
    if (width > 0x7fffffffu || height > 0x7fffffffu)
        return failed(kind, "PNG width or height exceeds 2^31-1");
    const std::uint8_t depth = b[16], colour = b[17];
    const bool depthOk =
        colour == 0   ? (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)
        : colour == 3 ? (depth == 1 || depth == 2 || depth == 4 || depth == 8)
                      : (colour == 2 || colour == 4 || colour == 6) && (depth == 8 || depth == 16);
    if (!depthOk)
        return failed(kind, "PNG IHDR has invalid bit depth " + std::to_string(depth) +
                                " for colour type " + std::to_string(colour));
    if (b[18] != 0 || b[19] != 0 || b[20] > 1)
        return failed(kind, "PNG IHDR has an unknown compression, filter or interlace method");
    return sized(kind, width, height);
}

ProbeResult probeGif(ByteSource& src) {
    std::uint8_t b[4];
    if (!src.read(6, b)) return failed(AssetKind::Gif, "GIF logical screen descriptor truncated");
    return sized(AssetKind::Gif, le16(b), le16(b + 2));
}

// WebP: RIFF header, then the first chunk VP8 (lossy), VP8L (lossless) or VP8X (extended).
ProbeResult probeWebp(ByteSource& src) {
    constexpr auto kind = AssetKind::Webp;
    std::uint8_t b[18];
    if (!src.read(12, {b, 8})) return failed(kind, "WebP first chunk header truncated");
    const std::uint32_t chunkSize = le32(b + 4);
    std::string name = fourcc(b);
    const std::size_t need = name == "VP8L" ? 5 : 10;
    if (name != "VP8 " && name != "VP8L" && name != "VP8X")
        return failed(kind, "WebP first chunk '" + name + "' is not VP8, VP8L or VP8X");
    if (name == "VP8 ") name = "VP8";
    if (chunkSize < need) return failed(kind, "WebP " + name + " chunk is too short");
    if (!src.read(20, {b, need})) return failed(kind, "WebP " + name + " chunk truncated");
    if (name == "VP8X")
        return sized(kind, le24(b + 4) + std::uint64_t{1}, le24(b + 7) + std::uint64_t{1});
    if (name == "VP8L") {
        if (b[0] != 0x2f) return failed(kind, "WebP VP8L signature byte is missing");
        const std::uint32_t bits = le32(b + 1);
        if (bits >> 29 != 0) return failed(kind, "WebP VP8L version is not 0");
        return sized(kind, (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    }
    if ((b[0] & 1) != 0) return failed(kind, "WebP VP8 frame is not a key frame");
    if (b[3] != 0x9d || b[4] != 0x01 || b[5] != 0x2a)
        return failed(kind, "WebP VP8 start code is missing");
    return sized(kind, le16(b + 6) & 0x3fff, le16(b + 8) & 0x3fff);
}

// TIFF and BigTIFF: ImageWidth (256) and ImageLength (257) from the first IFD.
ProbeResult probeTiff(ByteSource& src) {
    constexpr auto kind = AssetKind::Tiff;
    constexpr std::uint64_t kMaxEntries = 4096;
    std::uint8_t b[20];
    const bool little = src.head()[0] == 'I';
    const auto u16 = [little](const std::uint8_t* p) { return little ? le16(p) : be16(p); };
    const auto u32 = [little](const std::uint8_t* p) { return little ? le32(p) : be32(p); };
    const auto u64 = [little](const std::uint8_t* p) { return little ? le64(p) : be64(p); };
    const bool big = src.head()[2 + (little ? 0 : 1)] == 43;
    const std::size_t headerSize = big ? 16 : 8, countSize = big ? 8 : 2, entrySize = big ? 20 : 12;
    if (!src.read(0, {b, headerSize})) return failed(kind, "TIFF header truncated");
    if (big && (u16(b + 4) != 8 || u16(b + 6) != 0))
        return failed(kind, "BigTIFF header is invalid");
    const std::uint64_t ifd = big ? u64(b + 8) : u32(b + 4);
    if (ifd < headerSize)
        return failed(kind, "TIFF first IFD offset " + std::to_string(ifd) + " is invalid");
    if (ifd >= src.size())
        return failed(kind,
                      "TIFF first IFD offset " + std::to_string(ifd) + " is outside the file");
    if (!src.read(ifd, {b, countSize})) return failed(kind, "TIFF first IFD truncated");
    const std::uint64_t count = big ? u64(b) : u16(b);
    if (count == 0) return failed(kind, "TIFF first IFD has no entries");
    if (count > kMaxEntries)
        return failed(kind, "TIFF first IFD has too many entries (" + std::to_string(count) + ")");
    if (count * entrySize > src.size() - ifd - countSize)
        return failed(kind, "TIFF first IFD truncated");
    std::uint64_t dims[2] = {0, 0};
    bool found[2] = {false, false};
    for (std::uint64_t i = 0; i < count && !(found[0] && found[1]); ++i) {
        if (!src.read(ifd + countSize + i * entrySize, {b, entrySize}))
            return failed(kind, "TIFF first IFD truncated");
        const std::uint32_t tag = u16(b), type = u16(b + 2);
        if (tag != 256 && tag != 257) continue;
        const char* field = tag == 256 ? "ImageWidth" : "ImageLength";
        const std::uint64_t n = big ? u64(b + 4) : u32(b + 4);
        const std::uint8_t* value = b + (big ? 12 : 8);
        if (n != 1)
            return failed(kind, std::string("TIFF ") + field + " does not have exactly one value");
        if (type == 3)
            dims[tag - 256] = u16(value);
        else if (type == 4)
            dims[tag - 256] = u32(value);
        else if (type == 16 && big)
            dims[tag - 256] = u64(value);
        else
            return failed(kind, std::string("TIFF ") + field + " has unsupported type " +
                                    std::to_string(type));
        if (dims[tag - 256] > 0xffffffffu)
            return failed(kind, std::string("TIFF ") + field + " is too large");
        found[tag - 256] = true;
    }
    if (!found[0] || !found[1])
        return failed(kind, "TIFF first IFD has no ImageWidth or ImageLength");
    return sized(kind, dims[0], dims[1]);
}

// Text: valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF) and no NUL in the
// head. A sequence cut by the end of the head is fine when the data goes on.
ProbeResult probeText(std::span<const std::uint8_t> head, std::uint64_t total) {
    if (total == 0) return failed(AssetKind::Unknown, "file is empty");
    if (head.size() >= 2 &&
        ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        return failed(AssetKind::Unknown, "text is UTF-16 (byte order mark), not UTF-8");
    const auto invalid = [](std::size_t i) {
        return failed(AssetKind::Unknown,
                      "unrecognised data: invalid UTF-8 at byte " + std::to_string(i));
    };
    for (std::size_t i = 0; i < head.size();) {
        const std::uint8_t c = head[i];
        if (c == 0)
            return failed(AssetKind::Unknown, "unrecognised binary data (NUL byte" + at(i) + ")");
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0xC2 || c > 0xF4) return invalid(i); // continuation, overlong lead, > U+10FFFF
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        // Allowed range of the second byte: excludes overlongs, surrogates and > U+10FFFF.
        const std::uint8_t lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        const std::uint8_t hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        for (std::size_t k = 1; k < len; ++k) {
            if (i + k >= head.size())
                return head.size() < total ? ProbeResult{AssetKind::Text, {}, {}} : invalid(i);
            const std::uint8_t d = head[i + k];
            if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF)) return invalid(i);
        }
        i += len;
    }
    return {AssetKind::Text, std::nullopt, {}};
}

ProbeResult probeSource(ByteSource& src) {
    const auto head = src.head();
    const auto has = [head](std::string_view sig, std::size_t offset = 0) {
        return head.size() >= offset + sig.size() &&
               std::memcmp(head.data() + offset, sig.data(), sig.size()) == 0;
    };
    if (has("\xFF\xD8\xFF"sv)) return probeJpeg(src);
    if (has("\x89PNG\r\n\x1A\n"sv)) return probePng(src);
    if (has("GIF87a"sv) || has("GIF89a"sv)) return probeGif(src);
    if (has("RIFF"sv) && has("WEBP"sv, 8)) return probeWebp(src);
    if (has("II*\0"sv) || has("MM\0*"sv) || has("II+\0"sv) || has("MM\0+"sv)) return probeTiff(src);
    if (has("ftyp"sv, 4)) return {AssetKind::IsoMedia, std::nullopt, {}};
    if (has("\x1A\x45\xDF\xA3"sv)) return {AssetKind::Matroska, std::nullopt, {}};
    if (auto audio = probeAudioHeader(src)) return std::move(*audio);
    return probeText(head, src.size());
}

} // namespace

const char* assetKindName(AssetKind kind) {
    switch (kind) {
    case AssetKind::Jpeg:
        return "jpeg";
    case AssetKind::Png:
        return "png";
    case AssetKind::Gif:
        return "gif";
    case AssetKind::Webp:
        return "webp";
    case AssetKind::Tiff:
        return "tiff";
    case AssetKind::IsoMedia:
        return "isomedia";
    case AssetKind::Matroska:
        return "matroska";
    case AssetKind::Mp3:
        return "mp3";
    case AssetKind::Ogg:
        return "ogg";
    case AssetKind::Wav:
        return "wav";
    case AssetKind::Flac:
        return "flac";
    case AssetKind::Text:
        return "text";
    case AssetKind::Unknown:
        break;
    }
    return "unknown";
}

bool isImageKind(AssetKind kind) {
    return kind == AssetKind::Jpeg || kind == AssetKind::Png || kind == AssetKind::Gif ||
           kind == AssetKind::Webp || kind == AssetKind::Tiff;
}

bool isVideoKind(AssetKind kind) {
    return kind == AssetKind::IsoMedia || kind == AssetKind::Matroska;
}

bool isAudioKind(AssetKind kind) {
    return kind == AssetKind::Mp3 || kind == AssetKind::Ogg || kind == AssetKind::Wav ||
           kind == AssetKind::Flac || kind == AssetKind::IsoMedia || kind == AssetKind::Matroska;
}

ProbeResult probeBytes(std::span<const std::uint8_t> bytes) {
    SpanSource src(bytes);
    return probeSource(src);
}

ProbeResult probeFile(const std::filesystem::path& file) {
    FileSource src;
    if (auto error = openProbeFile(file, src); !error.empty())
        return failed(AssetKind::Unknown, "cannot read file: " + error);
    ProbeResult result = probeSource(src);
    if (!src.error().empty()) return failed(AssetKind::Unknown, "cannot read file: " + src.error());
    return result;
}

} // namespace lantai::core
