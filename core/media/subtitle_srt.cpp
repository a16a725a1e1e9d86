// core/media: SRT (SubRip) subtitle parser — numbered blocks of a timing line and text
#include "core/media/subtitle_parse.h"

namespace lantai::core {

SubtitleParseResult parseSrt(std::string_view text, const std::string& file) {
    using namespace subtitle_parse;
    SubtitleParseResult result;
    CueReader reader(text, file, result, Style::Srt);
    const std::size_t count = reader.lineCount();
    for (std::size_t i = reader.nextBlock(0); i < count; i = reader.nextBlock(i)) {
        // A block: [cue number] timing line, text lines. The number is optional and not checked
        // (players ignore it); a block without a timing line is reported where it belongs.
        if (reader.hasArrow(i)) {
            i = reader.readCue(i);
        } else if (i + 1 < count && reader.hasArrow(i + 1)) {
            i = reader.readCue(i + 1);
        } else {
            reader.expectedTiming(isCueNumber(reader.line(i)) && i + 1 < count ? i + 1 : i);
            i = reader.blockEnd(i);
        }
    }
    reader.finish();
    return result;
}

} // namespace lantai::core
