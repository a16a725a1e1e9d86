// tests: libFuzzer target — bytes as a WebVTT file through parseVtt, its invariants and a WebVTT
// round trip
#include "subtitle_fuzz_common.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = lantai::core::parseVtt(text, "fuzz.vtt");
    subtitle_fuzz::checkResult(result, text);
    subtitle_fuzz::checkWebVttRoundTrip(result);
    return 0;
}
