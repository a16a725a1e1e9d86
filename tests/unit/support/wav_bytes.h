// tests: a small, complete WAV file in memory — real audio for narration tests (the probe reads
// the bytes, not the name)
#pragma once

#include <cstdint>
#include <string>

namespace lantai::test {

// A complete 16-bit mono 22.05 kHz WAV of `samples` silent samples.
inline std::string wavBytes(std::uint32_t samples) {
    const auto le32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v & 0xff), static_cast<char>(v >> 8 & 0xff),
                           static_cast<char>(v >> 16 & 0xff), static_cast<char>(v >> 24)};
    };
    const std::uint32_t data = samples * 2;
    std::string out = "RIFF" + le32(36 + data) + "WAVEfmt " + le32(16);
    out += std::string("\x01\x00\x01\x00", 4) + le32(22050) + le32(44100) +
           std::string("\x02\x00\x10\x00", 4);
    out += "data" + le32(data) + std::string(data, '\0');
    return out;
}

} // namespace lantai::test
