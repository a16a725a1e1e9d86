// core/media: video container probe — top-level ISO-BMFF boxes and Matroska/WebM EBML elements,
// headers only
#include "core/media/video_container_probe.h"

#include "core/media/byte_source.h"

#include <cstring>

namespace lantai::core {
namespace {

using Problem = VideoContainerProblem;

constexpr std::uint64_t kEbmlHeaderId = 0x1A45DFA3;
constexpr std::uint64_t kSegmentId = 0x18538067;

VideoContainerResult problem(VideoContainerResult result, Problem kind, std::string detail,
                             std::string detailZh) {
    result.problem = kind;
    result.detail = std::move(detail);
    result.detailZh = std::move(detailZh);
    return result;
}

std::string num(std::uint64_t n) {
    return std::to_string(n);
}

// "<what> at byte <offset> declares <size> bytes but only <available> follow".
VideoContainerResult overrun(VideoContainerResult result, const std::string& what,
                             const std::string& whatZh, std::uint64_t offset, std::uint64_t size,
                             std::uint64_t available) {
    return problem(std::move(result), Problem::Truncated,
                   what + " at byte " + num(offset) + " declares " + num(size) +
                       " bytes but only " + num(available) + " follow",
                   "位于第 " + num(offset) + " 字节的" + whatZh + "声明长度为 " + num(size) +
                       " 字节，但其后只有 " + num(available) + " 字节");
}

VideoContainerResult headerCut(VideoContainerResult result, std::uint64_t offset) {
    return problem(std::move(result), Problem::Truncated,
                   "the file ends inside the header that starts at byte " + num(offset),
                   "文件在第 " + num(offset) + " 字节开始的头部中间结束");
}

VideoContainerResult tooMany(VideoContainerResult result) {
    return problem(std::move(result), Problem::Corrupt,
                   "it has more than " + num(kMaxTopLevelBoxes) + " top-level boxes",
                   "顶层结构超过 " + num(kMaxTopLevelBoxes) + " 个");
}

// The movie's length from the 'mvhd' box among the children of 'moov' (between `begin` and
// `end`): its timescale and duration, version 0 (32-bit) or 1 (64-bit). 0 when absent or odd.
double movieDurationSeconds(ByteSource& src, std::uint64_t begin, std::uint64_t end) {
    constexpr int kMaxChildren = 64; // mvhd comes first in practice
    std::uint64_t pos = begin;
    for (int i = 0; i < kMaxChildren && pos + 8 <= end; ++i) {
        std::uint8_t h[8];
        if (!src.read(pos, {h, 8})) return 0;
        const std::uint64_t size = be32(h);
        if (size < 8 || size > end - pos) return 0;
        if (fourcc(h + 4) == "mvhd") {
            std::uint8_t b[36] = {};
            if (size < 8 + 36 || !src.read(pos + 8, {b, 36})) return 0;
            const bool v1 = b[0] == 1;
            const std::uint64_t timescale = be32(b + (v1 ? 20 : 12));
            const std::uint64_t duration = v1 ? be64(b + 24) : be32(b + 16);
            const bool unknown = v1 ? duration == ~std::uint64_t{0} : duration == 0xffffffffu;
            return timescale == 0 || unknown
                       ? 0
                       : static_cast<double>(duration) / static_cast<double>(timescale);
        }
        pos += size;
    }
    return 0;
}

// ISO-BMFF (MP4, MOV): the top-level box headers, one after the other from byte 0.
VideoContainerResult walkIsoMedia(ByteSource& src) {
    VideoContainerResult result;
    result.kind = AssetKind::IsoMedia;
    const std::uint64_t fileSize = src.size();
    std::string types;
    bool moov = false;
    for (std::uint64_t pos = 0; pos < fileSize;) {
        if (result.topLevelCount == kMaxTopLevelBoxes) return tooMany(std::move(result));
        std::uint8_t b[16];
        if (!src.read(pos, {b, 8})) return headerCut(std::move(result), pos);
        const std::string type = fourcc(b + 4);
        std::uint64_t size = be32(b);
        std::uint64_t headerSize = 8;
        if (size == 1) {
            if (!src.read(pos, {b, 16})) return headerCut(std::move(result), pos);
            size = be64(b + 8);
            headerSize = 16;
        } else if (size == 0) {
            size = fileSize - pos;
        }
        const std::string what = "the '" + type + "' box", whatZh = " '" + type + "' 盒";
        if (size < headerSize)
            return problem(std::move(result), Problem::Corrupt,
                           what + " at byte " + num(pos) + " has the impossible size " + num(size),
                           "位于第 " + num(pos) + " 字节的" + whatZh + "长度 " + num(size) +
                               " 无效");
        if (size > fileSize - pos)
            return overrun(std::move(result), what, whatZh, pos, size, fileSize - pos);
        ++result.topLevelCount;
        if (type == "moov" && !moov)
            result.durationSeconds = movieDurationSeconds(src, pos + headerSize, pos + size);
        moov = moov || type == "moov";
        if (result.topLevelCount <= 8) types += (types.empty() ? "'" : ", '") + type + "'";
        pos += size;
    }
    if (!moov) {
        if (result.topLevelCount > 8) types += ", ...";
        return problem(std::move(result), Problem::NoMoov,
                       "none of its top-level boxes (" + types + ") is 'moov'",
                       "其顶层盒（" + types + "）中没有 'moov'");
    }
    return result;
}

enum class VintStatus { Ok, Cut, Invalid };

// An EBML variable-length integer at `pos`: an element id (marker bit kept, 1-4 bytes) or a
// data size (marker bit removed, 1-8 bytes; all value bits set = unknown size).
struct Vint {
    std::uint64_t value = 0;
    std::uint64_t length = 0;
    bool unknown = false;
};

VintStatus readVint(ByteSource& src, std::uint64_t pos, bool id, Vint& out) {
    std::uint8_t b[8];
    if (!src.read(pos, {b, 1})) return VintStatus::Cut;
    if (b[0] == 0) return VintStatus::Invalid;
    std::size_t length = 1;
    while (!(b[0] & (0x80u >> (length - 1))))
        ++length;
    if (id && length > 4) return VintStatus::Invalid;
    if (!src.read(pos, {b, length})) return VintStatus::Cut;
    const std::uint64_t marker = 0x80u >> (length - 1);
    std::uint64_t value = id ? b[0] : (b[0] & (marker - 1));
    std::uint64_t allOnes = marker - 1;
    for (std::size_t i = 1; i < length; ++i) {
        value = value << 8 | b[i];
        allOnes = allOnes << 8 | 0xFF;
    }
    out = {value, length, !id && value == allOnes};
    return VintStatus::Ok;
}

std::string hexId(std::uint64_t id) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string s;
    for (int shift = 28; shift >= 0; shift -= 4)
        if ((id >> shift) != 0 || shift == 0) s += kDigits[(id >> shift) & 0xF];
    return "0x" + s;
}

// Matroska, WebM: the EBML header element, then the top-level elements (one a Segment).
VideoContainerResult walkMatroska(ByteSource& src) {
    VideoContainerResult result;
    result.kind = AssetKind::Matroska;
    const std::uint64_t fileSize = src.size();
    bool segment = false;
    for (std::uint64_t pos = 0; pos < fileSize;) {
        if (result.topLevelCount == kMaxTopLevelBoxes) return tooMany(std::move(result));
        Vint id, size;
        VintStatus status = readVint(src, pos, true, id);
        if (status == VintStatus::Ok) status = readVint(src, pos + id.length, false, size);
        if (status == VintStatus::Cut) return headerCut(std::move(result), pos);
        const bool header = pos == 0;
        const std::string what = header                   ? "the EBML header"
                                 : id.value == kSegmentId ? "the Segment element"
                                                          : "the element " + hexId(id.value);
        const std::string whatZh = header                   ? " EBML 头"
                                   : id.value == kSegmentId ? " Segment 元素"
                                                            : "元素 " + hexId(id.value);
        if (status == VintStatus::Invalid ||
            (header && (id.value != kEbmlHeaderId || size.unknown)))
            return problem(std::move(result), Problem::Corrupt,
                           "the element header at byte " + num(pos) + " is invalid",
                           "第 " + num(pos) + " 字节处的元素头无效");
        ++result.topLevelCount;
        segment = segment || id.value == kSegmentId;
        const std::uint64_t dataStart = pos + id.length + size.length;
        if (size.unknown) break; // runs to the end of the file (a live recording)
        if (size.value > fileSize - dataStart)
            return overrun(std::move(result), what, whatZh, pos, size.value, fileSize - dataStart);
        pos = dataStart + size.value;
    }
    if (!segment)
        return problem(std::move(result), Problem::Truncated,
                       "the file has no Segment element (the video itself) after its EBML header",
                       "文件在 EBML 头之后没有 Segment 元素（视频本身）");
    return result;
}

VideoContainerResult probeSource(ByteSource& src) {
    const auto head = src.head();
    if (head.size() >= 8 && std::memcmp(head.data() + 4, "ftyp", 4) == 0) return walkIsoMedia(src);
    if (head.size() >= 4 && std::memcmp(head.data(), "\x1A\x45\xDF\xA3", 4) == 0)
        return walkMatroska(src);
    return {};
}

} // namespace

VideoContainerResult probeVideoContainerBytes(std::span<const std::uint8_t> bytes) {
    SpanSource src(bytes);
    return probeSource(src);
}

VideoContainerResult probeVideoContainerFile(const std::filesystem::path& file) {
    const auto unreadable = [](const std::string& why) {
        return problem({}, Problem::Unreadable, "cannot read the file: " + why,
                       "无法读取文件：" + why);
    };
    FileSource src;
    if (auto error = openProbeFile(file, src); !error.empty()) return unreadable(error);
    VideoContainerResult result = probeSource(src);
    if (!src.error().empty()) return unreadable(src.error());
    return result;
}

} // namespace lantai::core
