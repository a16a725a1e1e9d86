// core/media: audio file headers (see audio_probe.h), hostile-input safe
#include "core/media/audio_probe.h"

#include <cstring>
#include <string>
#include <string_view>

namespace lantai::core {
namespace {

using namespace std::string_view_literals;

ProbeResult ok(AssetKind kind) {
    return {kind, std::nullopt, {}};
}

ProbeResult bad(AssetKind kind, std::string problem) {
    return {kind, std::nullopt, std::move(problem)};
}

// RIFF/WAVE: the RIFF chunk must end inside the file and hold a "fmt " chunk before "data".
ProbeResult probeWav(ByteSource& src) {
    constexpr auto kind = AssetKind::Wav;
    std::uint8_t b[8];
    if (!src.read(4, {b, 4})) return bad(kind, "WAV header truncated");
    const std::uint64_t riffEnd = std::uint64_t{le32(b)} + 8;
    if (riffEnd > src.size())
        return bad(kind, "WAV RIFF chunk declares " + std::to_string(riffEnd) +
                             " bytes but the file has " + std::to_string(src.size()));
    bool format = false;
    for (std::uint64_t pos = 12; pos + 8 <= riffEnd;) {
        if (!src.read(pos, {b, 8})) return bad(kind, "WAV chunk header truncated");
        const std::uint64_t size = le32(b + 4);
        if (std::memcmp(b, "fmt ", 4) == 0) format = true;
        if (std::memcmp(b, "data", 4) == 0)
            return format ? ok(kind) : bad(kind, "WAV data chunk comes before its fmt chunk");
        pos += 8 + size + (size & 1);
    }
    return bad(kind, "WAV file has no data chunk");
}

// ID3v2 tag (10-byte header, syncsafe size) followed by the audio frames.
ProbeResult probeId3(ByteSource& src) {
    constexpr auto kind = AssetKind::Mp3;
    std::uint8_t b[10];
    if (!src.read(0, {b, 10})) return bad(kind, "MP3 ID3 tag header truncated");
    if ((b[6] | b[7] | b[8] | b[9]) & 0x80) return bad(kind, "MP3 ID3 tag size is not syncsafe");
    const std::uint64_t size =
        std::uint64_t{b[6]} << 21 | std::uint64_t{b[7]} << 14 | std::uint64_t{b[8]} << 7 | b[9];
    if (10 + size >= src.size())
        return bad(kind, "MP3 ID3 tag runs to the end of the file (no audio)");
    return ok(kind);
}

// An Ogg page header: "OggS", version 0, then the segment table inside the file.
ProbeResult probeOgg(ByteSource& src) {
    constexpr auto kind = AssetKind::Ogg;
    std::uint8_t b[27];
    if (!src.read(0, {b, 27})) return bad(kind, "Ogg page header truncated");
    if (b[4] != 0) return bad(kind, "Ogg page header has unknown version " + std::to_string(b[4]));
    if (27 + std::uint64_t{b[26]} > src.size()) return bad(kind, "Ogg segment table truncated");
    return ok(kind);
}

// An MPEG audio Layer III frame header (an MP3 without ID3 tag). Layers I and II are not taken:
// FF FE, the UTF-16LE byte order mark, would read as a Layer I frame.
bool mpegFrameSync(std::span<const std::uint8_t> head) {
    if (head.size() < 4 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0) return false;
    const int version = (head[1] >> 3) & 3, layer = (head[1] >> 1) & 3;
    const int bitrate = head[2] >> 4, rate = (head[2] >> 2) & 3;
    return version != 1 && layer == 1 && bitrate != 0 && bitrate != 15 && rate != 3;
}

} // namespace

std::optional<ProbeResult> probeAudioHeader(ByteSource& src) {
    const auto head = src.head();
    const auto has = [head](std::string_view sig, std::size_t offset = 0) {
        return head.size() >= offset + sig.size() &&
               std::memcmp(head.data() + offset, sig.data(), sig.size()) == 0;
    };
    if (has("RIFF"sv) && has("WAVE"sv, 8)) return probeWav(src);
    if (has("ID3"sv)) return probeId3(src);
    if (has("OggS"sv)) return probeOgg(src);
    if (has("fLaC"sv)) return ok(AssetKind::Flac);
    if (mpegFrameSync(head)) return ok(AssetKind::Mp3);
    return std::nullopt;
}

} // namespace lantai::core
