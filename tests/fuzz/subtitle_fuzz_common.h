// tests: checks shared by the subtitle fuzz targets (result invariants, toWebVtt -> parseVtt round
// trip)
#pragma once

#include "core/base/utf8.h"
#include "core/media/subtitles.h"
#include "fuzz_text_common.h"

#include <string>
#include <string_view>

namespace subtitle_fuzz {

using namespace lantai::core;

using fuzz_text::lineCount;

[[noreturn]] inline void failure(const char* what, const std::string& detail) {
    fuzz_text::failure("subtitle", what, detail);
}

// What every parse result must satisfy, errors or not.
inline void checkResult(const SubtitleParseResult& result, std::string_view input) {
    const std::size_t lines = lineCount(input);
    for (const auto& d : result.diagnostics.items()) {
        if (d.code != "subtitle.parse_error" || d.message.empty() || d.messageZh.empty() ||
            d.file.empty())
            failure("incomplete diagnostic", formatDiagnostic(d, false));
        if (findInvalidUtf8(d.message) || findInvalidUtf8(d.messageZh))
            failure("message is not UTF-8", d.message);
        if (d.line < 0 || d.column < 0 || static_cast<std::size_t>(d.line) > lines ||
            (d.line == 0 && d.column != 0))
            failure("diagnostic position outside the file", formatDiagnostic(d, false));
    }
    if (result.diagnostics.items().size() > 51) failure("too many diagnostics", "");
    for (std::size_t i = 0; i < result.cues.size(); ++i) {
        const auto& cue = result.cues[i];
        if (cue.startMs < 0 || cue.endMs < cue.startMs) failure("bad cue times", cue.text);
        if (i > 0 && result.cues[i - 1].startMs > cue.startMs) failure("cues not sorted", cue.text);
        if (cue.line < 1 || static_cast<std::size_t>(cue.line) > lines)
            failure("cue line outside the file", cue.text);
        if (cue.text.find('\r') != std::string::npos ||
            cue.text.find("\n\n") != std::string::npos || cue.text.starts_with('\n') ||
            cue.text.ends_with('\n'))
            failure("cue text has an empty line", cue.text);
        if (const SubtitleCue* at = cueAt(result.cues, cue.startMs);
            at && !(at->startMs <= cue.startMs && cue.startMs < at->endMs))
            failure("cueAt returned a cue not showing", cue.text);
    }
}

// toWebVtt -> parseVtt gives the same cues (times and texts) without a diagnostic.
inline void checkWebVttRoundTrip(const SubtitleParseResult& result) {
    const std::string vtt = toWebVtt(result.cues);
    const auto again = parseVtt(vtt, "again.vtt");
    checkResult(again, vtt);
    if (again.cues.size() != result.cues.size()) failure("round trip changed the cue count", vtt);
    if (!result.cues.empty() && !again.diagnostics.empty())
        failure("exported WebVTT has diagnostics",
                formatDiagnostic(again.diagnostics.items().front(), false) + "\n" + vtt);
    for (std::size_t i = 0; i < result.cues.size(); ++i) {
        const auto& a = result.cues[i];
        const auto& b = again.cues[i];
        if (a.startMs != b.startMs || a.endMs != b.endMs || a.text != b.text)
            failure("round trip changed a cue", a.text + "\n---\n" + b.text + "\n---\n" + vtt);
    }
}

} // namespace subtitle_fuzz
