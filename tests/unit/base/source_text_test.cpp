// tests: SourceText — lines (LF, CRLF, CR, BOM) and byte offset -> line:column in characters
#include "core/base/source_text.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace lantai::core {
namespace {

std::vector<std::string> linesOf(const SourceText& source) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < source.lineCount(); ++i)
        out.emplace_back(source.line(i));
    return out;
}

using Lines = std::vector<std::string>;

TEST(SourceText, EveryLineEndEndsALine) {
    EXPECT_EQ(linesOf(SourceText("")), Lines{""});
    EXPECT_EQ(linesOf(SourceText("a")), Lines{"a"});
    EXPECT_EQ(linesOf(SourceText("a\n")), (Lines{"a", ""}));
    EXPECT_EQ(linesOf(SourceText("a\nb\r\nc\rd")), (Lines{"a", "b", "c", "d"}));
    // LF then CR is two line ends; CR then LF is one.
    EXPECT_EQ(linesOf(SourceText("a\n\rb")), (Lines{"a", "", "b"}));
    EXPECT_EQ(linesOf(SourceText("\r\r\n\n")), (Lines{"", "", "", ""}));
    EXPECT_EQ(linesOf(SourceText("\r\n\r\n")), (Lines{"", "", ""}));
    EXPECT_EQ(linesOf(SourceText("x\r")), (Lines{"x", ""}));
}

TEST(SourceText, ByteOrderMarkIsNotText) {
    const SourceText source("\xEF\xBB\xBF"
                            "题目\r\n第二行");
    EXPECT_EQ(source.text(), "题目\r\n第二行");
    EXPECT_EQ(linesOf(source), (Lines{"题目", "第二行"}));
    EXPECT_EQ(source.lineStart(1), 8u);
}

TEST(SourceText, OffsetsBecomeLineAndColumnInCharacters) {
    const SourceText source("ab\r\n题目x\n\rz");
    EXPECT_EQ(source.lineOf(0), 1);
    EXPECT_EQ(source.columnOf(1), 2);
    EXPECT_EQ(source.lineOf(4), 2);
    EXPECT_EQ(source.columnOf(4), 1);
    EXPECT_EQ(source.columnOf(10), 3); // "x" after two 3-byte characters
    EXPECT_EQ(source.lineOf(12), 3);   // the line between LF and CR
    EXPECT_EQ(source.lineOf(13), 4);
    EXPECT_EQ(source.columnOf(13), 1);
    EXPECT_EQ(source.lineOf(99), 4); // past the end: the last line
}

} // namespace
} // namespace lantai::core
