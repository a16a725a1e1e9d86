// tests: audio probe — MP3 (ID3, frame sync), Ogg, WAV, FLAC signatures and the header problems
// a copy cut short leaves; real files written by espeak-ng and ffmpeg (dependencies of the build)
#include "core/media/asset_probe.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes bytes(std::string_view s) {
    return Bytes(s.begin(), s.end());
}

Bytes le32(std::uint32_t v) {
    return {std::uint8_t(v), std::uint8_t(v >> 8), std::uint8_t(v >> 16), std::uint8_t(v >> 24)};
}

void append(Bytes& a, const Bytes& b) {
    a.insert(a.end(), b.begin(), b.end());
}

Bytes wav(std::uint32_t dataBytes, bool fmtFirst = true) {
    Bytes out = bytes("RIFF");
    append(out, le32(36 + dataBytes));
    append(out, bytes("WAVE"));
    Bytes fmt = bytes("fmt ");
    append(fmt, le32(16));
    append(fmt, {1, 0, 1, 0, 0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0, 2, 0, 16, 0});
    Bytes data = bytes("data");
    append(data, le32(dataBytes));
    data.resize(data.size() + dataBytes);
    append(out, fmtFirst ? fmt : data);
    append(out, fmtFirst ? data : fmt);
    return out;
}

TEST(AudioProbe, CompleteWavIsAudio) {
    const auto r = probeBytes(wav(100));
    EXPECT_EQ(r.kind, AssetKind::Wav);
    EXPECT_TRUE(r.problem.empty()) << r.problem;
    EXPECT_TRUE(isAudioKind(r.kind));
    EXPECT_FALSE(isImageKind(r.kind));
    EXPECT_STREQ(assetKindName(r.kind), "wav");
}

TEST(AudioProbe, WavCutShortNamesTheSizes) {
    Bytes cut = wav(1000);
    cut.resize(300);
    const auto r = probeBytes(cut);
    EXPECT_EQ(r.kind, AssetKind::Wav);
    EXPECT_NE(r.problem.find("1044"), std::string::npos) << r.problem;
    EXPECT_NE(r.problem.find("300"), std::string::npos) << r.problem;
}

TEST(AudioProbe, WavWithoutFormatBeforeDataIsDamaged) {
    EXPECT_FALSE(probeBytes(wav(10, false)).problem.empty());
}

TEST(AudioProbe, WebpIsStillAnImage) {
    Bytes webp = bytes("RIFF");
    append(webp, le32(30));
    append(webp, bytes("WEBPVP8L"));
    EXPECT_NE(probeBytes(webp).kind, AssetKind::Wav);
}

TEST(AudioProbe, Id3TagThenFrames) {
    Bytes mp3 = bytes("ID3");
    append(mp3, {4, 0, 0, 0, 0, 0, 10});
    mp3.resize(mp3.size() + 10);
    append(mp3, {0xFF, 0xFB, 0x90, 0x64});
    mp3.resize(mp3.size() + 400);
    EXPECT_EQ(probeBytes(mp3).kind, AssetKind::Mp3);
    EXPECT_TRUE(probeBytes(mp3).problem.empty());
    mp3.resize(15); // the tag's declared 10 bytes are not all there
    EXPECT_FALSE(probeBytes(mp3).problem.empty());
}

TEST(AudioProbe, BareMpegFrame) {
    Bytes mp3 = {0xFF, 0xFB, 0x90, 0x64};
    mp3.resize(417);
    EXPECT_EQ(probeBytes(mp3).kind, AssetKind::Mp3);
    // A reserved bitrate index is no frame header, and neither is UTF-16LE text (FF FE).
    EXPECT_NE(probeBytes(Bytes{0xFF, 0xFB, 0xF0, 0x64, 0, 0}).kind, AssetKind::Mp3);
    EXPECT_NE(probeBytes(Bytes{0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00}).kind, AssetKind::Mp3);
}

TEST(AudioProbe, OggAndFlac) {
    Bytes ogg = bytes("OggS");
    append(ogg, {0, 2});
    ogg.resize(26);
    ogg.push_back(1);
    ogg.push_back(19);
    ogg.resize(ogg.size() + 19);
    EXPECT_EQ(probeBytes(ogg).kind, AssetKind::Ogg);
    EXPECT_TRUE(probeBytes(ogg).problem.empty());
    ogg[4] = 3;
    EXPECT_FALSE(probeBytes(ogg).problem.empty());
    EXPECT_FALSE(probeBytes(bytes("OggS\0\2")).problem.empty());
    Bytes flac = bytes("fLaC");
    flac.resize(42);
    EXPECT_EQ(probeBytes(flac).kind, AssetKind::Flac);
}

TEST(AudioProbe, TextWithAnAudioNameIsNotAudio) {
    EXPECT_FALSE(isAudioKind(probeBytes(bytes("not audio at all\n")).kind));
}

// Real files: what `lantai build --narrate` writes (espeak-ng's WAV, ffmpeg's Ogg Opus).
TEST(AudioProbe, EspeakAndFfmpegOutput) {
    ASSERT_EQ(std::system("command -v espeak-ng >/dev/null 2>&1"), 0)
        << "espeak-ng is not installed (deploy/install-deps.sh installs it)";
    const std::string dir = testing::TempDir();
    const std::string wavFile = dir + "/lantai-probe.wav", oggFile = dir + "/lantai-probe.ogg";
    ASSERT_EQ(std::system(("espeak-ng -v en -w " + wavFile + " 'archive' 2>/dev/null").c_str()), 0);
    const auto w = probeFile(wavFile);
    EXPECT_EQ(w.kind, AssetKind::Wav);
    EXPECT_TRUE(w.problem.empty()) << w.problem;
    if (std::system("command -v ffmpeg >/dev/null 2>&1") != 0) return;
    ASSERT_EQ(
        std::system(
            ("ffmpeg -v error -y -i " + wavFile + " -c:a libopus -b:a 32k " + oggFile).c_str()),
        0);
    const auto o = probeFile(oggFile);
    EXPECT_EQ(o.kind, AssetKind::Ogg);
    EXPECT_TRUE(o.problem.empty()) << o.problem;
}

} // namespace
} // namespace lantai::core
