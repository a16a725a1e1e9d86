// core/media: subtitles — SRT and WebVTT parsing with line:column diagnostics, WebVTT export, cue
// lookup
#pragma once

#include "core/base/diagnostic.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// One subtitle shown from startMs (inclusive) to endMs (exclusive). `text` is plain text:
// formatting tags (<i>, <b>, <u>, <font ...>, WebVTT <c.x>, <v Name>, <00:01.000> ...) and SRT
// {\an8}-style override codes removed, WebVTT character references (&amp; &lt; ...) decoded,
// lines joined with '\n' (no empty lines, no trailing spaces). `line` is the 1-based line of
// the cue's timing line in the source (0 for cues made in code).
struct SubtitleCue {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::string text;
    int line = 0;
};

// Policy: a broken cue is reported as an error (code `subtitle.parse_error`, file:line:column)
// and skipped; the other cues are still returned, so a player can show them. A file with no cue
// at all, and a WebVTT file without its "WEBVTT" first line (no cues are read), are errors.
// The pack validator lists them all as warnings (a broken clip must not take a whole exhibition
// off the booth; see content/FORMAT.md).
struct SubtitleParseResult {
    std::vector<SubtitleCue> cues; // sorted by startMs (stable: file order for equal starts)
    Diagnostics diagnostics;
    bool ok() const { return !diagnostics.hasErrors(); }
};

enum class SubtitleFormat { Srt, WebVtt };

// By extension, case-insensitive: ".srt" or ".vtt"; nullopt otherwise.
std::optional<SubtitleFormat> subtitleFormatOf(std::string_view path);

// The whole file in memory: UTF-8 with or without BOM, LF, CRLF or CR line ends. `file` names
// the file in diagnostics (relative to the pack). Never throws on any input.
//
// SRT: blocks separated by empty lines: an optional cue number, "HH:MM:SS,mmm --> HH:MM:SS,mmm"
// (',' or '.' before the milliseconds, hours one or more digits; anything after the end time,
// such as SRT position coordinates, is ignored), then the text lines.
// WebVTT: "WEBVTT" first line and header, then cues "[id]" + "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm
// [settings]" + text (settings ignored); NOTE, STYLE and REGION blocks are skipped.
SubtitleParseResult parseSrt(std::string_view text, const std::string& file);
SubtitleParseResult parseVtt(std::string_view text, const std::string& file);
SubtitleParseResult parseSubtitles(std::string_view text, const std::string& file,
                                   SubtitleFormat format);

// A WebVTT file ("WEBVTT", then one cue per block: "HH:MM:SS.mmm --> HH:MM:SS.mmm" and the text
// with '&', '<' and '>' escaped; blank text lines left out, negative times written as 0).
// parseVtt(toWebVtt(cues)) gives the same times and texts.
std::string toWebVtt(const std::vector<SubtitleCue>& cues);

// The cue showing at `ms` (startMs <= ms < endMs) in cues sorted by startMs, or nullptr.
// Binary search; where cues overlap, the latest-starting one showing wins, looking back at most
// kSubtitleOverlapLookback cues (an earlier cue still showing under more later-starting cues
// than that is not found).
inline constexpr std::size_t kSubtitleOverlapLookback = 16;
const SubtitleCue* cueAt(const std::vector<SubtitleCue>& cues, std::int64_t ms);

} // namespace lantai::core
