// tests: subtitles — SRT and WebVTT parsing (good files, edge cases, broken cues), toWebVtt, cueAt
#include "core/media/subtitles.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lantai::core {
namespace {

struct Cue {
    std::int64_t startMs;
    std::int64_t endMs;
    std::string text;
    int line;
};

std::string listDiagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += "  " + formatDiagnostic(d, false) + "\n";
    return out.empty() ? "  (none)\n" : out;
}

void expectCues(const SubtitleParseResult& result, const std::vector<Cue>& expected) {
    ASSERT_EQ(result.cues.size(), expected.size()) << listDiagnostics(result.diagnostics);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE("cue " + std::to_string(i));
        EXPECT_EQ(result.cues[i].startMs, expected[i].startMs);
        EXPECT_EQ(result.cues[i].endMs, expected[i].endMs);
        EXPECT_EQ(result.cues[i].text, expected[i].text);
        EXPECT_EQ(result.cues[i].line, expected[i].line);
    }
}

// Test names from the table's `name` column.
template <class T> std::string caseName(const testing::TestParamInfo<T>& param) {
    return param.param.name;
}

// ---- good files ------------------------------------------------------------------------------

struct GoodCase {
    const char* name;
    SubtitleFormat format;
    std::string input;
    std::vector<Cue> cues;
};

const SubtitleFormat kSrt = SubtitleFormat::Srt;
const SubtitleFormat kVtt = SubtitleFormat::WebVtt;

std::vector<GoodCase> goodCases() {
    return {
        {"srt_basic",
         kSrt,
         "1\n00:00:01,000 --> 00:00:02,500\n你好\n\n2\n00:00:03,000 --> 00:00:04,000\nHello\n",
         {{1000, 2500, "你好", 2}, {3000, 4000, "Hello", 6}}},
        {"srt_bom_crlf",
         kSrt,
         "\xEF\xBB\xBF"
         "1\r\n00:00:01,000 --> 00:00:02,000\r\nline one\r\nline two\r\n\r\n",
         {{1000, 2000, "line one\nline two", 2}}},
        {"srt_cr_only",
         kSrt,
         "1\r00:00:01,000 --> 00:00:02,000\rA\r\r2\r00:00:02,000 --> 00:00:03,000\rB",
         {{1000, 2000, "A", 2}, {2000, 3000, "B", 6}}},
        {"srt_dot_millis_and_long_hours",
         kSrt,
         "1\n100:00:00.001 --> 100:00:01.999\nx\n",
         {{360000001, 360001999, "x", 2}}},
        {"srt_one_digit_hour", kSrt, "1\n0:00:01,000 --> 0:00:02,000\nx\n", {{1000, 2000, "x", 2}}},
        {"srt_tags_stripped",
         kSrt,
         "1\n00:00:01,000 --> 00:00:02,000\n<i>斜体</i> and <b>bold</b>\n<font "
         "color=\"#ff0000\">红</font> a < b\n",
         {{1000, 2000, "斜体 and bold\n红 a < b", 2}}},
        {"srt_ass_override_removed",
         kSrt,
         "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}top line\n",
         {{1000, 2000, "top line", 2}}},
        {"srt_entities_kept",
         kSrt,
         "1\n00:00:01,000 --> 00:00:02,000\nAT&amp;T\n",
         {{1000, 2000, "AT&amp;T", 2}}},
        {"srt_no_number_and_coordinates",
         kSrt,
         "00:00:01,000 --> 00:00:02,000  X1:10 X2:20 Y1:5 Y2:9\nx\n",
         {{1000, 2000, "x", 1}}},
        {"srt_leading_blank_lines_and_spaces",
         kSrt,
         "\n\n  \n7\n00:00:01,000-->00:00:02,000\nx   \n\n\n",
         {{1000, 2000, "x", 5}}},
        {"srt_empty_text_and_empty_tag_line",
         kSrt,
         "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n<i></i>\nkept\n",
         {{1000, 2000, "", 2}, {2000, 3000, "kept", 5}}},
        {"srt_out_of_order_sorted",
         kSrt,
         "1\n00:00:05,000 --> 00:00:06,000\nB\n\n2\n00:00:01,000 --> 00:00:02,000\nA\n",
         {{1000, 2000, "A", 6}, {5000, 6000, "B", 2}}},
        {"srt_zero_length_and_overlap",
         kSrt,
         "1\n00:00:01,000 --> 00:00:01,000\nz\n\n2\n00:00:00,500 --> 00:00:09,000\nlong\n",
         {{500, 9000, "long", 6}, {1000, 1000, "z", 2}}},
        {"srt_arrow_text_kept",
         kSrt,
         "1\n00:00:01,000 --> 00:00:02,000\nA --> B\n",
         {{1000, 2000, "A --> B", 2}}},
        {"vtt_basic",
         kVtt,
         "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n\n00:00:03.000 --> 00:00:04.500\n世界\n",
         {{1000, 2000, "Hello", 3}, {3000, 4500, "世界", 6}}},
        {"vtt_header_text_bom_crlf",
         kVtt,
         "\xEF\xBB\xBFWEBVTT - 示例\r\nKind: captions\r\nLanguage: zh\r\n\r\n00:01.000 --> "
         "00:02.000\r\nx\r\n",
         {{1000, 2000, "x", 5}}},
        {"vtt_tab_after_signature",
         kVtt,
         "WEBVTT\tfile\n\n00:01.000 --> 00:02.000\nx\n",
         {{1000, 2000, "x", 3}}},
        {"vtt_identifiers_and_settings",
         kVtt,
         "WEBVTT\n\nintro\n00:01.000 --> 00:02.000 align:start position:10% line:0\nx\n\n"
         "2\n00:02.000 --> 00:03.000 size:50%\ny\n",
         {{1000, 2000, "x", 4}, {2000, 3000, "y", 8}}},
        {"vtt_note_style_region_skipped",
         kVtt,
         "WEBVTT\n\nNOTE this is a comment\nspanning lines\n\nSTYLE\n::cue { color: red }\n\n"
         "REGION\nid:fred width:40%\n\nNOTE\n\n00:01.000 --> 00:02.000\nx\n",
         {{1000, 2000, "x", 14}}},
        {"vtt_tags_and_entities",
         kVtt,
         "WEBVTT\n\n00:01.000 --> 00:02.000\n<v 讲解员>欢迎</v> <c.red>&lt;档案&gt;</c> &amp; "
         "<00:01.500>more&nbsp;\n"
         "<ruby>兰<rt>lan</rt></ruby>&#20848;&#x53F0;\n",
         {{1000, 2000, "欢迎 <档案> & more\n兰lan兰台", 3}}},
        {"vtt_arrow_in_text_starts_new_cue",
         kVtt,
         "WEBVTT\n\n00:01.000 --> 00:02.000\nx\n00:02.000 --> 00:03.000\ny\n",
         {{1000, 2000, "x", 3}, {2000, 3000, "y", 5}}},
        {"vtt_only_signature_line_then_cue_no_trailing_newline",
         kVtt,
         "WEBVTT\n\n00:01.000 --> 00:02.000\nx",
         {{1000, 2000, "x", 3}}},
    };
}

class GoodSubtitles : public testing::TestWithParam<GoodCase> {};

TEST_P(GoodSubtitles, ParsesWithoutDiagnostics) {
    const auto& c = GetParam();
    const auto result = parseSubtitles(c.input, "clip.sub", c.format);
    EXPECT_TRUE(result.diagnostics.empty()) << listDiagnostics(result.diagnostics);
    expectCues(result, c.cues);
}

INSTANTIATE_TEST_SUITE_P(Table, GoodSubtitles, testing::ValuesIn(goodCases()), caseName<GoodCase>);

// ---- broken files ----------------------------------------------------------------------------

struct BrokenCase {
    const char* name;
    std::string input;
    int line;         // of the first diagnostic
    int column;       // 0 = not checked
    std::size_t cues; // cues still read
    const char* says; // part of the English message
};

std::vector<BrokenCase> brokenSrt() {
    const std::string good = "\n\n9\n00:00:09,000 --> 00:00:10,000\nlast\n"; // one more good cue
    return {
        {"missing_arrow", "1\n00:00:01,000 - 00:00:02,000\nx\n" + good, 2, 1, 1,
         "expected a time range like 00:00:01,000 --> 00:00:02,000"},
        {"number_only", "1\n\n2\n00:00:01,000 --> 00:00:02,000\nx\n", 2, 1, 1,
         "expected a time range"},
        {"text_without_timing", "1\n00:00:01,000 --> 00:00:02,000\nx\n\nstray text\n" + good, 5, 1,
         2, "expected a time range"},
        {"number_then_text", "1\nHello\n" + good, 2, 1, 1, "expected a time range"},
        {"no_millis", "1\n00:00:01 --> 00:00:02,000\nx\n" + good, 2, 1, 1,
         "\"00:00:01\" is not a time like 00:00:01,000"},
        {"two_digit_millis", "1\n00:00:01,50 --> 00:00:02,000\nx\n" + good, 2, 1, 1,
         "is not a time"},
        {"vtt_style_no_hours", "1\n00:01,000 --> 00:02,000\nx\n" + good, 2, 1, 1, "is not a time"},
        {"minutes_60", "1\n00:60:00,000 --> 01:00:01,000\nx\n" + good, 2, 1, 1,
         "minutes and seconds must be below 60"},
        {"seconds_75_in_end", "1\n00:00:01,000 --> 00:00:75,000\nx\n" + good, 2, 18, 1,
         "must be below 60"},
        {"bad_end_column", "1\n00:00:01,000 --> 0O:00:02,000\nx\n" + good, 2, 18, 1,
         "\"0O:00:02,000\" is not a time"},
        {"end_missing", "1\n00:00:01,000 -->\nx\n" + good, 2, 17, 1, "expected a time like"},
        {"end_before_start", "1\n00:00:05,000 --> 00:00:04,000\nx\n" + good, 2, 1, 1,
         "ends (00:00:04,000) before it starts (00:00:05,000)"},
        {"junk_after_end", "1\n00:00:01,000 --> 00:00:02,000x\nx\n" + good, 2, 18, 1,
         "is not a time"},
        {"missing_blank_line",
         "1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n", 5,
         1, 2, "an empty line is missing"},
        {"chinese_token", "1\n字幕 00:00:01,000 --> 00:00:02,000\nx\n" + good, 2, 1, 1,
         "\"字幕\" is not a time"},
        {"hours_too_long", "1\n1234567:00:00,000 --> 1234567:00:01,000\nx\n" + good, 2, 1, 1,
         "is not a time"},
        {"empty_file", "", 0, 0, 0, "has no subtitles"},
        {"only_blank_lines", "\n \r\n\t\n", 0, 0, 0, "has no subtitles"},
        {"crlf_line_numbers",
         "1\r\n00:00:01,000 --> 00:00:02,000\r\nx\r\n\r\n2\r\n00:00:02.000 --> "
         "00:00:0x,000\r\ny\r\n",
         6, 18, 1, "is not a time"},
    };
}

std::vector<BrokenCase> brokenVtt() {
    const std::string good = "\n\n00:09.000 --> 00:10.000\nlast\n";
    return {
        {"no_signature", "00:01.000 --> 00:02.000\nx\n", 1, 1, 0,
         "the first line must be \"WEBVTT\""},
        {"signature_glued", "WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n", 1, 1, 0,
         "must be \"WEBVTT\""},
        {"lowercase_signature", "webvtt\n\n00:01.000 --> 00:02.000\nx\n", 1, 1, 0,
         "must be \"WEBVTT\""},
        {"srt_given_as_vtt", "1\n00:00:01,000 --> 00:00:02,000\nx\n", 1, 1, 0,
         "must be \"WEBVTT\""},
        {"header_without_blank", "WEBVTT\n00:01.000 --> 00:02.000\nx\n" + good, 2, 1, 2,
         "an empty line must separate"},
        {"comma_millis", "WEBVTT\n\n00:01,000 --> 00:02.000\nx\n" + good, 3, 1, 1,
         "\"00:01,000\" is not a time like 00:00:01.000"},
        {"one_digit_hour", "WEBVTT\n\n0:00:01.000 --> 0:00:02.000\nx\n" + good, 3, 1, 1,
         "is not a time"},
        {"one_digit_minute", "WEBVTT\n\n0:01.000 --> 00:02.000\nx\n" + good, 3, 1, 1,
         "is not a time"},
        {"seconds_60", "WEBVTT\n\n00:60.000 --> 01:02.000\nx\n" + good, 3, 1, 1,
         "must be below 60"},
        {"missing_arrow_spaces_only", "WEBVTT\n\n00:01.000 00:02.000\nx\n" + good, 4, 1, 1,
         "expected a time range like 00:00:01.000 --> 00:00:02.000"},
        {"arrow_typo", "WEBVTT\n\n00:01.000 -> 00:02.000\nx\n" + good, 4, 1, 1,
         "expected a time range"},
        {"end_garbage", "WEBVTT\n\n00:01.000 --> 00:02.000align:start\nx\n" + good, 3, 15, 1,
         "is not a time"},
        {"end_before_start", "WEBVTT\n\n00:05.000 --> 00:04.000\nx\n" + good, 3, 1, 1,
         "before it starts"},
        {"identifier_alone", "WEBVTT\n\nintro\n" + good, 4, 1, 1, "expected a time range"},
        {"identifier_then_text", "WEBVTT\n\nintro\nHello\n" + good, 4, 1, 1,
         "expected a time range"},
        {"blank_line_inside_cue",
         "WEBVTT\n\n00:01.000 --> 00:02.000\nfirst\n\nsecond paragraph\nmore\n" + good, 7, 1, 2,
         "expected a time range"},
        {"arrow_line_in_text_is_bad_cue", "WEBVTT\n\n00:01.000 --> 00:02.000\nx\nA --> B\n" + good,
         5, 1, 2, "\"A\" is not a time"},
        {"missing_start", "WEBVTT\n\n --> 00:02.000\nx\n" + good, 3, 2, 1,
         "expected a time like 00:00:01.000"},
        {"no_cues", "WEBVTT\n\nNOTE nothing here\n", 0, 0, 0, "has no subtitles"},
    };
}

void checkBroken(const BrokenCase& c, const SubtitleParseResult& result) {
    ASSERT_FALSE(result.diagnostics.empty()) << "no diagnostic";
    const Diagnostic& d = result.diagnostics.items().front();
    EXPECT_EQ(d.code, "subtitle.parse_error");
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_EQ(d.file, "videos/clip.sub");
    EXPECT_EQ(d.pointer, "");
    EXPECT_EQ(d.line, c.line) << listDiagnostics(result.diagnostics);
    if (c.column) {
        EXPECT_EQ(d.column, c.column) << listDiagnostics(result.diagnostics);
    }
    EXPECT_NE(d.message.find(c.says), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("videos/clip.sub"), std::string::npos) << d.message;
    EXPECT_NE(d.messageZh.find("videos/clip.sub"), std::string::npos) << d.messageZh;
    if (c.line) {
        EXPECT_NE(d.message.find("line " + std::to_string(c.line) + ":"), std::string::npos)
            << d.message;
        EXPECT_NE(d.messageZh.find("第 " + std::to_string(c.line) + " 行"), std::string::npos)
            << d.messageZh;
    }
    EXPECT_EQ(result.cues.size(), c.cues) << listDiagnostics(result.diagnostics);
    EXPECT_FALSE(result.ok());
}

class BrokenSrt : public testing::TestWithParam<BrokenCase> {};
class BrokenVtt : public testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenSrt, ReportsTheLine) {
    checkBroken(GetParam(), parseSrt(GetParam().input, "videos/clip.sub"));
}

TEST_P(BrokenVtt, ReportsTheLine) {
    checkBroken(GetParam(), parseVtt(GetParam().input, "videos/clip.sub"));
}

INSTANTIATE_TEST_SUITE_P(Table, BrokenSrt, testing::ValuesIn(brokenSrt()), caseName<BrokenCase>);
INSTANTIATE_TEST_SUITE_P(Table, BrokenVtt, testing::ValuesIn(brokenVtt()), caseName<BrokenCase>);

TEST(Subtitles, BrokenCueIsSkippedAndTheRestRead) {
    const auto result =
        parseSrt("1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n00:00:0x,000 --> 00:00:03,000\nb\n\n"
                 "3\n00:00:03,000 --> 00:00:04,000\nc\n\n4\nno timing\n",
                 "a.srt");
    expectCues(result, {{1000, 2000, "a", 2}, {3000, 4000, "c", 10}});
    ASSERT_EQ(result.diagnostics.items().size(), 2u) << listDiagnostics(result.diagnostics);
    EXPECT_EQ(result.diagnostics.items()[0].line, 6);
    EXPECT_EQ(result.diagnostics.items()[1].line, 14);
}

TEST(Subtitles, MissingBlankLineDropsTheCueNumberFromTheText) {
    const auto result = parseSrt(
        "1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n",
        "a.srt");
    expectCues(result, {{1000, 2000, "first", 2}, {3000, 4000, "second", 5}});
}

TEST(Subtitles, ErrorsAreCappedPerFile) {
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += "junk\n\n";
    const auto result = parseSrt(text, "a.srt");
    ASSERT_EQ(result.diagnostics.items().size(), 51u);
    EXPECT_EQ(result.diagnostics.items().back().line, 0);
    EXPECT_NE(result.diagnostics.items().back().message.find("only the first 50"),
              std::string::npos);
}

TEST(Subtitles, MessagesAreValidUtf8ForBrokenBytes) {
    const auto result = parseSrt("1\n\xE5\xAD 00:00:01,000 --> 00:00:02,000\nx\n", "a.srt");
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_NO_THROW((void)diagnosticsToJson(result.diagnostics).dump());
}

TEST(Subtitles, FormatByExtension) {
    EXPECT_EQ(subtitleFormatOf("videos/a.zh.srt"), SubtitleFormat::Srt);
    EXPECT_EQ(subtitleFormatOf("A.SRT"), SubtitleFormat::Srt);
    EXPECT_EQ(subtitleFormatOf("b.Vtt"), SubtitleFormat::WebVtt);
    EXPECT_EQ(subtitleFormatOf("b.txt"), std::nullopt);
    EXPECT_EQ(subtitleFormatOf("srt"), std::nullopt);
}

// ---- WebVTT export ---------------------------------------------------------------------------

TEST(ToWebVtt, WritesTimesAndEscapesText) {
    const std::vector<SubtitleCue> cues = {{0, 1500, "a < b & c > d", 0},
                                           {3723004, 3725000, "两行\n\nsecond -->", 0},
                                           {-5, -1, "negative", 0}};
    EXPECT_EQ(toWebVtt(cues), "WEBVTT\n\n"
                              "00:00:00.000 --> 00:00:01.500\na &lt; b &amp; c &gt; d\n\n"
                              "01:02:03.004 --> 01:02:05.000\n两行\nsecond --&gt;\n\n"
                              "00:00:00.000 --> 00:00:00.000\nnegative\n");
    EXPECT_EQ(toWebVtt({}), "WEBVTT\n");
}

TEST(ToWebVtt, SrtToVttRoundTripKeepsEveryCue) {
    const std::string srt =
        "\xEF\xBB\xBF"
        "1\r\n00:00:00,500 --> 00:00:04,000\r\n示例视频：<i>走进档案</i>\r\n如何观看 a<b & "
        "c>d\r\n\r\n"
        "2\r\n00:00:04,000 --> 00:00:08,000\r\nAT&amp;T --> {\\an8}top\r\n\r\n"
        "3\r\n123:59:59.999 --> 124:00:00,000\r\n\r\n"
        "4\r\n00:00:01,000 --> 00:00:02,000 X1:1\r\n  indented\r\n<b></b>\r\nlast\r\n";
    const auto parsed = parseSrt(srt, "a.srt");
    ASSERT_TRUE(parsed.diagnostics.empty()) << listDiagnostics(parsed.diagnostics);
    ASSERT_EQ(parsed.cues.size(), 4u);
    const auto again = parseVtt(toWebVtt(parsed.cues), "a.vtt");
    EXPECT_TRUE(again.diagnostics.empty())
        << listDiagnostics(again.diagnostics) << toWebVtt(parsed.cues);
    ASSERT_EQ(again.cues.size(), parsed.cues.size());
    for (std::size_t i = 0; i < parsed.cues.size(); ++i) {
        EXPECT_EQ(again.cues[i].startMs, parsed.cues[i].startMs) << i;
        EXPECT_EQ(again.cues[i].endMs, parsed.cues[i].endMs) << i;
        EXPECT_EQ(again.cues[i].text, parsed.cues[i].text) << i;
    }
    EXPECT_EQ(parsed.cues[1].text, "  indented\nlast");
}

TEST(ToWebVtt, VttRoundTripKeepsEveryCue) {
    const std::string vtt =
        "WEBVTT\n\nNOTE x\n\n00:01.000 --> 00:02.000 line:0\n&lt;i&gt; &amp;amp; <i>x</i>\n\n"
        "id\n00:02.000 --> 00:03.000\n--&gt; arrow\n";
    const auto parsed = parseVtt(vtt, "a.vtt");
    ASSERT_TRUE(parsed.ok()) << listDiagnostics(parsed.diagnostics);
    const auto again = parseVtt(toWebVtt(parsed.cues), "b.vtt");
    ASSERT_EQ(again.cues.size(), 2u) << listDiagnostics(again.diagnostics);
    EXPECT_EQ(again.cues[0].text, "<i> &amp; x");
    EXPECT_EQ(again.cues[1].text, "--> arrow");
}

// ---- cueAt -----------------------------------------------------------------------------------

TEST(CueAt, FindsTheShowingCue) {
    const std::vector<SubtitleCue> cues = {
        {1000, 2000, "a", 0}, {2000, 3000, "b", 0}, {5000, 6000, "c", 0}};
    EXPECT_EQ(cueAt(cues, 0), nullptr);
    EXPECT_EQ(cueAt(cues, 999), nullptr);
    EXPECT_EQ(cueAt(cues, 1000)->text, "a");
    EXPECT_EQ(cueAt(cues, 1999)->text, "a");
    EXPECT_EQ(cueAt(cues, 2000)->text, "b"); // end is exclusive
    EXPECT_EQ(cueAt(cues, 3000), nullptr);
    EXPECT_EQ(cueAt(cues, 4000), nullptr);
    EXPECT_EQ(cueAt(cues, 5500)->text, "c");
    EXPECT_EQ(cueAt(cues, 6000), nullptr);
    EXPECT_EQ(cueAt(cues, -1), nullptr);
    EXPECT_EQ(cueAt({}, 0), nullptr);
}

TEST(CueAt, OverlappingCuesPreferTheLatestStart) {
    const std::vector<SubtitleCue> cues = {
        {0, 10000, "long", 0}, {2000, 3000, "short", 0}, {4000, 4000, "zero", 0}};
    EXPECT_EQ(cueAt(cues, 2500)->text, "short");
    EXPECT_EQ(cueAt(cues, 3500)->text, "long"); // the earlier cue still shows
    EXPECT_EQ(cueAt(cues, 4000)->text, "long"); // a zero-length cue never shows
    EXPECT_EQ(cueAt(cues, 10000), nullptr);
}

TEST(CueAt, ManyCuesByBinarySearch) {
    std::vector<SubtitleCue> cues;
    for (int i = 0; i < 10000; ++i)
        cues.push_back({i * 1000LL, i * 1000LL + 800, std::to_string(i), 0});
    for (int i = 0; i < 10000; i += 997) {
        ASSERT_NE(cueAt(cues, i * 1000LL + 400), nullptr);
        EXPECT_EQ(cueAt(cues, i * 1000LL + 400)->text, std::to_string(i));
        EXPECT_EQ(cueAt(cues, i * 1000LL + 900), nullptr);
    }
}

} // namespace
} // namespace lantai::core
