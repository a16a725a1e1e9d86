// tests/unit: UTF-8 helpers — validation, and repairing messages that carry raw bytes
#include "core/base/utf8.h"

#include <gtest/gtest.h>

namespace lantai::core {
namespace {

TEST(Utf8, ValidTextIsKeptAsItIs) {
    EXPECT_EQ(validUtf8("兰台 Lantai ✓"), "兰台 Lantai ✓");
    EXPECT_EQ(validUtf8(""), "");
}

TEST(Utf8, EveryInvalidByteBecomesOneReplacementCharacter) {
    // stb_image names a corrupt PNG's chunk by its four raw bytes.
    const std::string message = std::string("\x9f\xff\x00\x41", 4) + " PNG chunk not known";
    const std::string repaired = validUtf8(message);
    EXPECT_FALSE(findInvalidUtf8(repaired).has_value());
    EXPECT_EQ(repaired, std::string("\xEF\xBF\xBD\xEF\xBF\xBD\x00"
                                    "A PNG chunk not known",
                                    28));
    EXPECT_EQ(validUtf8("\xE5\x85"), "\xEF\xBF\xBD\xEF\xBF\xBD"); // truncated 兰
}

} // namespace
} // namespace lantai::core
