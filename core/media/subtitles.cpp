// core/media: subtitles — format by extension, WebVTT export, cue lookup by time
#include "core/media/subtitles.h"

#include "core/media/subtitle_parse.h"

#include <algorithm>

namespace lantai::core {

std::optional<SubtitleFormat> subtitleFormatOf(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string ext(path.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext == "srt") return SubtitleFormat::Srt;
    if (ext == "vtt") return SubtitleFormat::WebVtt;
    return std::nullopt;
}

SubtitleParseResult parseSubtitles(std::string_view text, const std::string& file,
                                   SubtitleFormat format) {
    return format == SubtitleFormat::Srt ? parseSrt(text, file) : parseVtt(text, file);
}

std::string toWebVtt(const std::vector<SubtitleCue>& cues) {
    std::string out = "WEBVTT\n";
    for (const auto& cue : cues) {
        out += "\n" + subtitle_parse::formatTime(cue.startMs, '.') + " --> " +
               subtitle_parse::formatTime(std::max(cue.endMs, cue.startMs), '.') + "\n";
        std::size_t start = 0;
        while (start <= cue.text.size()) {
            const std::size_t end = std::min(cue.text.find('\n', start), cue.text.size());
            std::string line;
            for (std::size_t i = start; i < end; ++i) {
                const char c = cue.text[i];
                if (c == '&')
                    line += "&amp;";
                else if (c == '<')
                    line += "&lt;";
                else if (c == '>')
                    line += "&gt;";
                else if (c != '\r')
                    line += c;
            }
            // A blank line would end the cue: leave it out.
            if (line.find_first_not_of(" \t\f\v") != std::string::npos) out += line + "\n";
            start = end + 1;
        }
    }
    return out;
}

const SubtitleCue* cueAt(const std::vector<SubtitleCue>& cues, std::int64_t ms) {
    auto it =
        std::upper_bound(cues.begin(), cues.end(), ms,
                         [](std::int64_t t, const SubtitleCue& cue) { return t < cue.startMs; });
    for (std::size_t looked = 0; it != cues.begin() && looked < kSubtitleOverlapLookback;
         ++looked) {
        --it;
        if (ms < it->endMs) return &*it;
    }
    return nullptr;
}

} // namespace lantai::core
