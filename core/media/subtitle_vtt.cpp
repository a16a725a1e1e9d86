// core/media: WebVTT subtitle parser — the WEBVTT header, cues, and NOTE/STYLE/REGION blocks
// skipped
#include "core/media/subtitle_parse.h"

namespace lantai::core {
namespace {

// "NOTE", "STYLE" or "REGION" alone or followed by white space: a block that is not a cue.
bool isSkippedBlock(std::string_view line) {
    for (const std::string_view keyword : {"NOTE", "STYLE", "REGION"})
        if (line.starts_with(keyword) &&
            (line.size() == keyword.size() || line[keyword.size()] == ' ' ||
             line[keyword.size()] == '\t'))
            return true;
    return false;
}

} // namespace

SubtitleParseResult parseVtt(std::string_view text, const std::string& file) {
    using namespace subtitle_parse;
    SubtitleParseResult result;
    CueReader reader(text, file, result, Style::Vtt);
    const std::size_t count = reader.lineCount();
    const std::string_view first = reader.line(0);
    if (!first.starts_with("WEBVTT") || (first.size() > 6 && first[6] != ' ' && first[6] != '\t')) {
        reader.error(0, 0, "the first line must be \"WEBVTT\"; this is not a WebVTT file",
                     "第一行必须是 \"WEBVTT\"；这不是 WebVTT 文件");
        return result;
    }
    std::size_t i = 1;
    for (; i < count && !reader.blank(i); ++i) // header lines (metadata), up to an empty line
        if (reader.hasArrow(i)) {
            reader.error(i, 0, "an empty line must separate the WEBVTT header from the first cue",
                         "WEBVTT 文件头与第一条字幕之间必须有一个空行");
            break;
        }
    for (i = reader.nextBlock(i); i < count; i = reader.nextBlock(i)) {
        // A block: NOTE/STYLE/REGION (skipped), or [identifier] timing line, text lines.
        if (!reader.hasArrow(i) && isSkippedBlock(reader.line(i))) {
            i = reader.blockEnd(i);
        } else if (reader.hasArrow(i)) {
            i = reader.readCue(i);
        } else if (i + 1 < count && !reader.blank(i + 1) && reader.hasArrow(i + 1)) {
            i = reader.readCue(i + 1);
        } else {
            reader.expectedTiming(i + 1 < count ? i + 1 : i);
            i = reader.blockEnd(i);
        }
    }
    reader.finish();
    return result;
}

} // namespace lantai::core
