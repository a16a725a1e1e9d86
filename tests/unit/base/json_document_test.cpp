// tests: JsonDocument — value positions (line:column in code points), syntax errors, BOM, bad UTF-8
#include "core/base/json_document.h"

#include <gtest/gtest.h>
#include <string>

namespace lantai::core {
namespace {

struct Pos {
    int line;
    int column;
};

::testing::AssertionResult at(const JsonDocument& doc, const std::string& pointer, Pos want) {
    const auto got = doc.positionOf(pointer);
    if (got.line == want.line && got.column == want.column) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "\"" << pointer << "\" is at " << got.line << ":" << got.column << ", expected "
           << want.line << ":" << want.column;
}

JsonDocument parseOk(const std::string& text) {
    Diagnostics diagnostics;
    auto doc = JsonDocument::parse(text, "t.json", diagnostics);
    EXPECT_TRUE(doc.valid());
    EXPECT_TRUE(diagnostics.empty());
    return doc;
}

TEST(JsonDocument, MembersArePositionedAtTheirKey) {
    const auto doc = parseOk("{\n"
                             "  \"id\": \"a\",\n"
                             "  \"title\": {\n"
                             "    \"zh\": \"兰台\",\n"
                             "    \"en\": \"Lantai\"\n"
                             "  },\n"
                             "\t\"n\":1\n"
                             "}\n");
    EXPECT_TRUE(at(doc, "", {1, 1}));
    EXPECT_TRUE(at(doc, "/id", {2, 3}));
    EXPECT_TRUE(at(doc, "/title", {3, 3}));
    EXPECT_TRUE(at(doc, "/title/zh", {4, 5}));
    EXPECT_TRUE(at(doc, "/title/en", {5, 5}));
    EXPECT_TRUE(at(doc, "/n", {7, 2}));
    EXPECT_EQ(doc.root()["title"]["zh"], "兰台");
}

TEST(JsonDocument, ArrayElementsArePositionedAtTheirFirstCharacter) {
    const auto doc = parseOk("{\"a\": [1, \"two\", true,\n"
                             "  null, 12.5e3, -7,\n"
                             "  {\"b\": []}, [\"x\"],\n"
                             "  \"q\\\"uote\", \"last\"]}");
    EXPECT_TRUE(at(doc, "/a", {1, 2}));
    EXPECT_TRUE(at(doc, "/a/0", {1, 8}));
    EXPECT_TRUE(at(doc, "/a/1", {1, 11}));
    EXPECT_TRUE(at(doc, "/a/2", {1, 18}));
    EXPECT_TRUE(at(doc, "/a/3", {2, 3}));
    EXPECT_TRUE(at(doc, "/a/4", {2, 9}));
    EXPECT_TRUE(at(doc, "/a/5", {2, 17}));
    EXPECT_TRUE(at(doc, "/a/6", {3, 3}));
    EXPECT_TRUE(at(doc, "/a/6/b", {3, 4}));
    EXPECT_TRUE(at(doc, "/a/7", {3, 14}));
    EXPECT_TRUE(at(doc, "/a/7/0", {3, 15}));
    EXPECT_TRUE(at(doc, "/a/8", {4, 3}));
    EXPECT_TRUE(at(doc, "/a/9", {4, 14}));
}

TEST(JsonDocument, ColumnsCountCodePointsNotBytes) {
    // 名称 and 兰台 are 3 bytes each in UTF-8 but one column each; so is 𝄞 (4 bytes).
    const auto doc = parseOk("{\"名称\": \"兰台\", \"id\": 5,\n"
                             " \"𝄞\": [\"档案\", \"馆\"]}");
    EXPECT_TRUE(at(doc, "/名称", {1, 2}));
    EXPECT_TRUE(at(doc, "/id", {1, 14}));
    EXPECT_TRUE(at(doc, "/𝄞", {2, 2}));
    EXPECT_TRUE(at(doc, "/𝄞/0", {2, 8}));
    EXPECT_TRUE(at(doc, "/𝄞/1", {2, 14}));
}

TEST(JsonDocument, KeysWithSlashAndTildeAreEscapedInPointers) {
    const auto doc = parseOk("{\"a/b\": 1,\n \"c~d\": {\"e\\\"f\": 2}}");
    EXPECT_TRUE(at(doc, "/a~1b", {1, 2}));
    EXPECT_TRUE(at(doc, "/c~0d", {2, 2}));
    EXPECT_TRUE(at(doc, "/c~0d/e\"f", {2, 10}));
    EXPECT_EQ(escapePointerToken("a/b~c"), "a~1b~0c");
}

TEST(JsonDocument, UnknownPointersFallBackToTheNearestAncestor) {
    const auto doc = parseOk("{\n  \"items\": [\n    {\"id\": \"x\"}\n  ]\n}");
    EXPECT_TRUE(at(doc, "/items/0/title", {3, 5}));
    EXPECT_TRUE(at(doc, "/items/7", {2, 3}));
    EXPECT_TRUE(at(doc, "/nothing/at/all", {1, 1}));
    const auto none = doc.positionOf("not-a-pointer");
    EXPECT_EQ(none.line, 0);
    EXPECT_EQ(none.column, 0);
}

TEST(JsonDocument, EmptyContainersAndScalarRoots) {
    const auto doc = parseOk("  [ [], {}, [ ] ]");
    EXPECT_TRUE(at(doc, "", {1, 3}));
    EXPECT_TRUE(at(doc, "/0", {1, 5}));
    EXPECT_TRUE(at(doc, "/1", {1, 9}));
    EXPECT_TRUE(at(doc, "/2", {1, 13}));
    const auto scalar = parseOk("\n  \"just a string\"  \n");
    EXPECT_TRUE(at(scalar, "", {2, 3}));
}

TEST(JsonDocument, SyntaxErrorGivesLineAndColumn) {
    Diagnostics diagnostics;
    const auto doc = JsonDocument::parse("{\n  \"a\": 1,\n}\n", "pack.json", diagnostics);
    EXPECT_FALSE(doc.valid());
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const auto& d = diagnostics.items()[0];
    EXPECT_EQ(d.code, "json.syntax");
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_EQ(d.file, "pack.json");
    EXPECT_EQ(d.pointer, "");
    EXPECT_EQ(d.line, 3);
    EXPECT_EQ(d.column, 1);
    EXPECT_FALSE(d.message.empty());
    EXPECT_FALSE(d.messageZh.empty());
}

TEST(JsonDocument, SyntaxErrorColumnCountsCodePoints) {
    Diagnostics diagnostics;
    JsonDocument::parse("{\"名\": \"档案\" \"x\": 1}", "t.json", diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, "json.syntax");
    EXPECT_EQ(diagnostics.items()[0].line, 1);
    // The unexpected string "x" spans columns 12-14; nlohmann stops at its last character.
    EXPECT_GE(diagnostics.items()[0].column, 12);
    EXPECT_LE(diagnostics.items()[0].column, 14);
}

TEST(JsonDocument, TruncatedAndEmptyInputAreSyntaxErrors) {
    for (const std::string text :
         {"", "   ", "{", "{\"a\":", "[1, 2", "{\"a\": \"unterminated}", "nul", "{} {}",
          "{\"a\": 1} x", "// comment\n{}", "{'a': 1}", "[1,]"}) {
        Diagnostics diagnostics;
        const auto doc = JsonDocument::parse(text, "t.json", diagnostics);
        EXPECT_FALSE(doc.valid()) << text;
        ASSERT_EQ(diagnostics.items().size(), 1u) << text;
        EXPECT_EQ(diagnostics.items()[0].code, "json.syntax") << text;
        EXPECT_GE(diagnostics.items()[0].line, 1) << text;
    }
}

TEST(JsonDocument, NumberTooLargeForADoubleIsASyntaxErrorNotAnException) {
    // nlohmann throws out_of_range (not parse_error) for 1e400; found by fuzz/pack_parser.
    Diagnostics diagnostics;
    JsonDocument doc;
    EXPECT_NO_THROW(doc =
                        JsonDocument::parse("{\n  \"weight\": 1e400\n}", "pack.json", diagnostics));
    EXPECT_FALSE(doc.valid());
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const auto& d = diagnostics.items()[0];
    EXPECT_EQ(d.code, "json.syntax");
    EXPECT_EQ(d.line, 2);
    EXPECT_GE(d.column, 13);
    EXPECT_LE(d.column, 18);
    EXPECT_NE(d.message.find("1e400"), std::string::npos) << d.message;
    EXPECT_EQ(d.message.find("[json.exception"), std::string::npos) << d.message;
}

TEST(JsonDocument, ByteOrderMarkIsAcceptedAndNotAColumn) {
    const auto doc = parseOk("\xEF\xBB\xBF{\"a\": 1,\n \"b\": [true]}");
    EXPECT_EQ(doc.root()["a"], 1);
    EXPECT_TRUE(at(doc, "", {1, 1}));
    EXPECT_TRUE(at(doc, "/a", {1, 2}));
    EXPECT_TRUE(at(doc, "/b", {2, 2}));
    EXPECT_TRUE(at(doc, "/b/0", {2, 8}));

    Diagnostics diagnostics;
    JsonDocument::parse("\xEF\xBB\xBF{\"a\" 1}", "t.json", diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, "json.syntax");
    EXPECT_EQ(diagnostics.items()[0].line, 1);
    EXPECT_EQ(diagnostics.items()[0].column, 6);
}

TEST(JsonDocument, InvalidUtf8IsAnEncodingError) {
    // "République" saved as Latin-1: é is the single byte 0xE9.
    Diagnostics diagnostics;
    const auto doc =
        JsonDocument::parse("{\n  \"en\": \"R\xE9publique\"\n}", "pack.json", diagnostics);
    EXPECT_FALSE(doc.valid());
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const auto& d = diagnostics.items()[0];
    EXPECT_EQ(d.code, "json.encoding");
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_EQ(d.file, "pack.json");
    EXPECT_EQ(d.line, 2);
    EXPECT_EQ(d.column, 11);
}

TEST(JsonDocument, OverlongSurrogateAndTruncatedSequencesAreEncodingErrors) {
    for (const std::string& bad :
         {std::string("{\"a\": \"\xC0\xAF\"}"), std::string("{\"a\": \"\xED\xA0\x80\"}"),
          std::string("{\"a\": \"\xE6\xA1\"}"), std::string("{\"a\": \"\xF4\x90\x80\x80\"}"),
          std::string("\xFF\xFE{}")}) {
        Diagnostics diagnostics;
        EXPECT_FALSE(JsonDocument::parse(bad, "t.json", diagnostics).valid());
        ASSERT_EQ(diagnostics.items().size(), 1u);
        EXPECT_EQ(diagnostics.items()[0].code, "json.encoding");
    }
}

TEST(JsonDocument, EscapedSurrogatePairsAreFine) {
    const auto doc = parseOk("{\"k\": \"\\ud834\\udd1e\", \"z\": \"\\u5170\"}");
    EXPECT_EQ(doc.root()["k"], "𝄞");
    EXPECT_EQ(doc.root()["z"], "兰");
    EXPECT_TRUE(at(doc, "/z", {1, 23}));
}

TEST(JsonDocument, DeepNestingDoesNotCrash) {
    const std::string deep = std::string(20000, '[') + std::string(20000, ']');
    Diagnostics diagnostics;
    const auto doc = JsonDocument::parse(deep, "t.json", diagnostics);
    EXPECT_TRUE(doc.valid());
    EXPECT_EQ(doc.positionOf("/0/0/0").column, 4);
}

TEST(JsonDocument, AMemberNamedTwiceIsPositionedAtTheValueKept) {
    // The DOM keeps the last value; its position is the last key's.
    const auto doc = parseOk("{\"a\": 1,\n \"b\": [true],\n \"a\": 2}");
    EXPECT_EQ(doc.root()["a"], 2);
    EXPECT_TRUE(at(doc, "/a", {3, 2}));
    EXPECT_TRUE(at(doc, "/b/0", {2, 8}));
    // Unknown pointers fall back to the nearest ancestor that is known.
    EXPECT_TRUE(at(doc, "/b/7/x", {2, 2}));
    EXPECT_TRUE(at(doc, "/nothing", {1, 1}));
}

TEST(JsonDocument, ParseOwnedGivesWhatParseGives) {
    const std::string text = "\xEF\xBB\xBF{\n  \"x\": {\"y\": [1, 2]}\n}";
    Diagnostics diagnostics;
    const auto owned = JsonDocument::parseOwned(text, "t.json", diagnostics);
    ASSERT_TRUE(owned.valid());
    EXPECT_TRUE(at(owned, "/x/y/1", {2, 18}));
    EXPECT_EQ(owned.root(), parseOk(text).root());
}

} // namespace
} // namespace lantai::core
