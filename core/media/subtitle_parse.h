// core/media: what the SRT and WebVTT parsers share — timing lines, cue text cleaning, diagnostics
#pragma once

#include "core/base/source_text.h"
#include "core/media/subtitles.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lantai::core::subtitle_parse {

enum class Style { Srt, Vtt };

// At most this many errors are listed per file; one more diagnostic says there are more.
inline constexpr std::size_t kMaxErrors = 50;

// "HH:MM:SS<separator>mmm", hours at least two digits; negative times are written as 0.
std::string formatTime(std::int64_t ms, char separator);

// One cue text line as plain text: tags (and SRT {\...} codes) removed, WebVTT character
// references decoded, line breaks from references made spaces, trailing white space trimmed.
std::string cleanTextLine(std::string_view line, Style style);

// True for a line of digits (an SRT cue number), white space around it allowed.
bool isCueNumber(std::string_view line);

// Reads one subtitle file line by line and collects its cues and diagnostics into `result`.
// Line indexes are 0-based; diagnostics carry 1-based line:column.
class CueReader {
  public:
    CueReader(std::string_view raw, const std::string& file, SubtitleParseResult& result,
              Style style);
    std::size_t lineCount() const { return m_source.lineCount(); }
    std::string_view line(std::size_t index) const { return m_source.line(index); }
    bool blank(std::size_t index) const;
    bool hasArrow(std::size_t index) const {
        return line(index).find("-->") != std::string_view::npos;
    }
    // The first blank line at or after `index` (or lineCount()).
    std::size_t blockEnd(std::size_t index) const;
    // The first non-blank line at or after `index` (or lineCount()).
    std::size_t nextBlock(std::size_t index) const;

    void error(std::size_t index, std::size_t byteInLine, const std::string& what,
               const std::string& whatZh);
    // "expected a time range like 00:00:01,000 --> 00:00:02,000" on line `index`.
    void expectedTiming(std::size_t index);
    // Reads the cue whose timing line is `timing`: its text runs to the next blank line (or, in
    // WebVTT, to a line with "-->"; in SRT to a valid timing line, reported as a missing empty
    // line). A broken timing line is reported and its block skipped. Returns the next line.
    std::size_t readCue(std::size_t timing);
    // The end: "no cues" when there are none and nothing else was wrong; cues sorted.
    void finish();

  private:
    bool parseTiming(std::size_t index, bool report, std::int64_t& start, std::int64_t& end);
    std::string example() const;

    SourceText m_source;
    const std::string& m_file;
    SubtitleParseResult& m_result;
    Style m_style;
    std::size_t m_errors = 0;
};

} // namespace lantai::core::subtitle_parse
