// tests: video container probe — MP4/MOV top-level boxes and WebM/MKV EBML elements, bytes and
// files
#include "core/base/file_io.h"
#include "core/media/video_container_probe.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace lantai::core {
namespace {

using P = VideoContainerProblem;

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

std::string be64(std::uint64_t v) {
    return be32(static_cast<std::uint32_t>(v >> 32)) + be32(static_cast<std::uint32_t>(v));
}

std::string box(const std::string& type, const std::string& payload = "") {
    return be32(static_cast<std::uint32_t>(8 + payload.size())) + type + payload;
}

const std::string kFtyp = box("ftyp", "isom" + be32(0x200) + "isomiso2mp41");
const std::string kEbml =
    std::string("\x1A\x45\xDF\xA3\x84", 5) + "\x42\x82\x81w"; // header with 4 bytes
const std::string kSegmentId = "\x18\x53\x80\x67";

struct Case {
    const char* name;
    std::string bytes;
    AssetKind kind;
    P problem;
    const char* detail; // part of the English detail ("" = none expected)
};

std::vector<Case> cases() {
    const std::string mdat = box("mdat", std::string(16, '\0'));
    return {
        {"mp4_faststart", kFtyp + box("moov", box("mvhd")) + mdat, AssetKind::IsoMedia, P::None,
         ""},
        {"mp4_moov_at_end", kFtyp + box("free") + mdat + box("moov"), AssetKind::IsoMedia, P::None,
         ""},
        {"mp4_largesize_mdat", kFtyp + box("moov") + be32(1) + "mdat" + be64(16 + 4) + "abcd",
         AssetKind::IsoMedia, P::None, ""},
        {"mp4_size_zero_to_end", kFtyp + box("moov") + be32(0) + "mdat" + std::string(100, 'x'),
         AssetKind::IsoMedia, P::None, ""},
        {"mp4_truncated_mdat", kFtyp + box("moov") + be32(4096) + "mdat" + std::string(8, '\0'),
         AssetKind::IsoMedia, P::Truncated,
         "the 'mdat' box at byte 36 declares 4096 bytes but only 16 follow"},
        {"mp4_truncated_moov_at_end", kFtyp + mdat + be32(1000) + "moov" + "abc",
         AssetKind::IsoMedia, P::Truncated, "'moov' box"},
        {"mp4_truncated_largesize",
         kFtyp + box("moov") + be32(1) + "mdat" + be64(1ull << 40) + "ab", AssetKind::IsoMedia,
         P::Truncated, "declares 1099511627776 bytes"},
        {"mp4_huge_largesize_no_overflow", kFtyp + be32(1) + "mdat" + be64(~0ull),
         AssetKind::IsoMedia, P::Truncated, "'mdat'"},
        {"mp4_header_cut", kFtyp + box("moov") + std::string(2, '\0'), AssetKind::IsoMedia,
         P::Truncated, "ends inside the header that starts at byte 36"},
        {"mp4_largesize_header_cut", kFtyp + box("moov") + be32(1) + "mdat" + std::string(2, '\0'),
         AssetKind::IsoMedia, P::Truncated, "inside the header"},
        {"mp4_no_moov", kFtyp + box("free") + mdat, AssetKind::IsoMedia, P::NoMoov,
         "none of its top-level boxes ('ftyp', 'free', 'mdat') is 'moov'"},
        {"mp4_only_ftyp", kFtyp, AssetKind::IsoMedia, P::NoMoov, "('ftyp')"},
        {"mp4_moov_nested_only", kFtyp + box("wide", box("moov")), AssetKind::IsoMedia, P::NoMoov,
         "'wide'"},
        {"mp4_size_below_header", kFtyp + be32(4) + "moov", AssetKind::IsoMedia, P::Corrupt,
         "impossible size 4"},
        {"mp4_largesize_below_header", kFtyp + be32(1) + "moov" + be64(12), AssetKind::IsoMedia,
         P::Corrupt, "impossible size 12"},
        {"mkv_ok", kEbml + kSegmentId + "\x84" + "abcd", AssetKind::Matroska, P::None, ""},
        {"mkv_unknown_size_segment",
         kEbml + kSegmentId + "\x01\xFF\xFF\xFF\xFF\xFF\xFF\xFF" + "data", AssetKind::Matroska,
         P::None, ""},
        {"mkv_void_then_segment", kEbml + "\xEC\x81" + "x" + kSegmentId + "\x80",
         AssetKind::Matroska, P::None, ""},
        {"mkv_header_truncated", std::string("\x1A\x45\xDF\xA3\x9F", 5) + "\x42\x82",
         AssetKind::Matroska, P::Truncated,
         "the EBML header at byte 0 declares 31 bytes but only 2 follow"},
        {"mkv_header_size_cut", std::string("\x1A\x45\xDF\xA3\x01\x00", 6), AssetKind::Matroska,
         P::Truncated, "inside the header"},
        {"mkv_segment_truncated", kEbml + kSegmentId + std::string("\x42\x00", 2) + "abc",
         AssetKind::Matroska, P::Truncated,
         "the Segment element at byte 9 declares 512 bytes but only 3 follow"},
        {"mkv_no_segment_after_header", kEbml, AssetKind::Matroska, P::Truncated,
         "no Segment element"},
        {"mkv_no_segment_only_void", kEbml + "\xEC\x80", AssetKind::Matroska, P::Truncated,
         "no Segment element"},
        {"mkv_invalid_id", kEbml + std::string("\x00\x81x", 3), AssetKind::Matroska, P::Corrupt,
         "at byte 9 is invalid"},
        {"mkv_header_unknown_size", std::string("\x1A\x45\xDF\xA3\xFF", 5) + "abcd",
         AssetKind::Matroska, P::Corrupt, "byte 0 is invalid"},
        {"not_video_png", std::string("\x89PNG\r\n\x1A\n", 8), AssetKind::Unknown, P::None, ""},
        {"not_video_empty", "", AssetKind::Unknown, P::None, ""},
    };
}

// Test names from the table's `name` column.
template <class T> std::string caseName(const testing::TestParamInfo<T>& param) {
    return param.param.name;
}

class VideoContainer : public testing::TestWithParam<Case> {};

VideoContainerResult probe(const std::string& bytes) {
    return probeVideoContainerBytes(
        {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

TEST_P(VideoContainer, Bytes) {
    const auto& c = GetParam();
    const auto r = probe(c.bytes);
    EXPECT_EQ(r.kind, c.kind);
    EXPECT_EQ(r.problem, c.problem) << r.detail;
    EXPECT_NE(r.detail.find(c.detail), std::string::npos) << r.detail;
    EXPECT_EQ(r.detail.empty(), c.problem == P::None) << r.detail;
    EXPECT_EQ(r.detailZh.empty(), c.problem == P::None) << r.detailZh;
}

TEST_P(VideoContainer, FileGivesTheSameResult) {
    const auto& c = GetParam();
    const auto file = std::filesystem::temp_directory_path() /
                      ("lantai-video-probe-" + std::to_string(::getpid()) + "-" + c.name);
    ASSERT_TRUE(writeFileAtomic(file, c.bytes));
    const auto fromFile = probeVideoContainerFile(file);
    const auto fromBytes = probe(c.bytes);
    std::filesystem::remove(file);
    EXPECT_EQ(fromFile.kind, fromBytes.kind);
    EXPECT_EQ(fromFile.problem, fromBytes.problem);
    EXPECT_EQ(fromFile.detail, fromBytes.detail);
    EXPECT_EQ(fromFile.topLevelCount, fromBytes.topLevelCount);
}

INSTANTIATE_TEST_SUITE_P(Table, VideoContainer, testing::ValuesIn(cases()), caseName<Case>);

TEST(VideoContainerFile, LargeFileIsWalkedBySeekingPastTheBoxes) {
    // 200 MB of mdat (sparse on most file systems) between ftyp and moov: only headers are read.
    const auto file = std::filesystem::temp_directory_path() /
                      ("lantai-video-big-" + std::to_string(::getpid()) + ".mp4");
    const std::uint64_t mdatSize = 200ull << 20;
    {
        std::string head = kFtyp + be32(static_cast<std::uint32_t>(mdatSize)) + "mdat";
        ASSERT_TRUE(writeFileAtomic(file, head));
        std::filesystem::resize_file(file, kFtyp.size() + mdatSize);
        FILE* f = std::fopen(file.c_str(), "ab");
        ASSERT_NE(f, nullptr);
        const std::string moov = box("moov");
        std::fwrite(moov.data(), 1, moov.size(), f);
        std::fclose(f);
    }
    const auto r = probeVideoContainerFile(file);
    std::filesystem::resize_file(file, kFtyp.size() + 4096); // now the mdat runs past the end
    const auto cut = probeVideoContainerFile(file);
    std::filesystem::remove(file);
    EXPECT_EQ(r.problem, P::None) << r.detail;
    EXPECT_EQ(r.topLevelCount, 3u);
    EXPECT_EQ(cut.problem, P::Truncated);
}

TEST(VideoContainerFile, MissingFileIsUnreadable) {
    const auto r = probeVideoContainerFile("/nonexistent/lantai/video.mp4");
    EXPECT_EQ(r.problem, P::Unreadable);
    EXPECT_FALSE(r.detail.empty());
    EXPECT_FALSE(r.detailZh.empty());
}

TEST(VideoContainer, TooManyBoxesIsCorrupt) {
    std::string bytes = kFtyp + box("moov");
    for (std::uint64_t i = 0; i < kMaxTopLevelBoxes; ++i)
        bytes += box("free");
    const auto r = probe(bytes);
    EXPECT_EQ(r.problem, P::Corrupt);
    EXPECT_NE(r.detail.find("more than 100000"), std::string::npos);
}

TEST(VideoContainer, DurationFromTheMovieHeader) {
    // mvhd version 0: flags, creation, modification, timescale 1000, duration 8500 (+ the rest).
    const std::string v0 = box("mvhd", std::string(4, '\0') + be32(0) + be32(0) + be32(1000) +
                                           be32(8500) + std::string(80, '\0'));
    // version 1: 64-bit times and duration, timescale 90000, 2 minutes.
    const std::string v1 =
        box("mvhd", std::string("\x01\0\0\0", 4) + be64(0) + be64(0) + be32(90000) +
                        be64(90000ull * 120) + std::string(80, '\0'));
    EXPECT_DOUBLE_EQ(probe(kFtyp + box("moov", v0) + box("mdat")).durationSeconds, 8.5);
    EXPECT_DOUBLE_EQ(
        probe(kFtyp + box("moov", box("iods", "abcd") + v1) + box("mdat")).durationSeconds, 120.0);
    // Unknown duration (all ones), zero timescale, a movie header cut short: 0, no problem.
    const std::string unknown = box("mvhd", std::string(4, '\0') + be32(0) + be32(0) + be32(1000) +
                                                be32(0xffffffffu) + std::string(80, '\0'));
    const std::string noScale = box("mvhd", std::string(4, '\0') + be32(0) + be32(0) + be32(0) +
                                                be32(5) + std::string(80, '\0'));
    EXPECT_EQ(probe(kFtyp + box("moov", unknown)).durationSeconds, 0);
    EXPECT_EQ(probe(kFtyp + box("moov", noScale)).durationSeconds, 0);
    const auto shortHeader = probe(kFtyp + box("moov", box("mvhd", "ab")));
    EXPECT_EQ(shortHeader.durationSeconds, 0);
    EXPECT_EQ(shortHeader.problem, P::None);
}

} // namespace
} // namespace lantai::core
