// tests: libFuzzer target — bytes as an SRT file through parseSrt, its invariants and a WebVTT
// round trip
#include "subtitle_fuzz_common.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = lantai::core::parseSrt(text, "fuzz.srt");
    subtitle_fuzz::checkResult(result, text);
    subtitle_fuzz::checkWebVttRoundTrip(result);
    return 0;
}
