// tests: libFuzzer target — bytes as an Aiken quiz file through the importer, its invariants and a
// GIFT export round trip
#include "quiz_fuzz_common.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = lantai::core::importAiken(text, "fuzz.aiken", quiz_fuzz::options());
    quiz_fuzz::checkResult(result, text);
    quiz_fuzz::checkGiftRoundTrip(result);
    return 0;
}
