// core/media: what the SRT and WebVTT parsers share — timing lines, cue text cleaning, diagnostics
#include "core/media/subtitle_parse.h"

#include "core/base/html_entities.h"
#include "core/base/utf8.h"

#include <algorithm>

namespace lantai::core::subtitle_parse {
namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::size_t skipSpace(std::string_view s, std::size_t pos) {
    while (pos < s.size() && isSpace(s[pos]))
        ++pos;
    return pos;
}

// The digits at `pos`: their count, and their value when there are at most 9 of them.
struct Digits {
    std::size_t count = 0;
    std::int64_t value = 0;
};

Digits readDigits(std::string_view s, std::size_t& pos) {
    Digits d;
    for (; pos < s.size() && isDigit(s[pos]); ++pos, ++d.count)
        if (d.count < 9) d.value = d.value * 10 + (s[pos] - '0');
    return d;
}

enum class TimeError { None, Format, Range };

// One timestamp at `pos`. SRT: H+:MM:SS,mmm (or .mmm). WebVTT: [HH+:]MM:SS.mmm. Hours have at
// most 6 digits. On success `pos` is just after the milliseconds.
TimeError readTime(std::string_view s, std::size_t& pos, Style style, std::int64_t& ms) {
    const Digits first = readDigits(s, pos);
    if (first.count == 0 || pos >= s.size() || s[pos] != ':') return TimeError::Format;
    ++pos;
    const Digits second = readDigits(s, pos);
    if (second.count != 2) return TimeError::Format;
    std::int64_t hours = 0, minutes = first.value, seconds = second.value;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        const Digits third = readDigits(s, pos);
        if (third.count != 2 || first.count > 6 || (style == Style::Vtt && first.count < 2))
            return TimeError::Format;
        hours = first.value;
        minutes = second.value;
        seconds = third.value;
    } else if (style == Style::Srt || first.count != 2) {
        return TimeError::Format;
    }
    if (pos >= s.size() || !(s[pos] == '.' || (style == Style::Srt && s[pos] == ',')))
        return TimeError::Format;
    ++pos;
    const Digits millis = readDigits(s, pos);
    if (millis.count != 3) return TimeError::Format;
    if (minutes > 59 || seconds > 59) return TimeError::Range;
    ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis.value;
    return TimeError::None;
}

// The text at `pos` up to white space, at most 40 bytes, as valid UTF-8 (for messages).
std::string tokenAt(std::string_view s, std::size_t pos) {
    std::size_t end = pos;
    while (end < s.size() && !isSpace(s[end]) && end - pos < 40)
        ++end;
    const std::string_view raw = s.substr(pos, end - pos);
    std::string out;
    for (std::size_t i = 0; i < raw.size();)
        appendUtf8(out, nextCodePoint(raw, i));
    return out;
}

} // namespace

std::string formatTime(std::int64_t ms, char separator) {
    ms = std::max<std::int64_t>(ms, 0);
    const auto two = [](std::int64_t v) {
        return std::string(v < 10 ? "0" : "") + std::to_string(v);
    };
    const std::int64_t millis = ms % 1000, seconds = ms / 1000 % 60, minutes = ms / 60000 % 60;
    const std::string m = std::to_string(millis);
    return two(ms / 3600000) + ":" + two(minutes) + ":" + two(seconds) + separator +
           std::string(3 - m.size(), '0') + m;
}

std::string cleanTextLine(std::string_view line, Style style) {
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
        const char c = line[i];
        if (c == '<') {
            // WebVTT: every '<' opens a tag (to '>' or the end of the line). SRT: only "<x" or
            // "</x" closed on the same line; "a < b" is text.
            std::size_t k = i + 1;
            if (style == Style::Srt && k < line.size() && line[k] == '/') ++k;
            const std::size_t close = line.find('>', k);
            if (style == Style::Vtt) {
                if (close == std::string_view::npos) break;
                i = close + 1;
                continue;
            }
            if (k < line.size() && isAsciiAlpha(line[k]) && close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        } else if (style == Style::Srt && c == '{' && i + 1 < line.size() && line[i + 1] == '\\') {
            if (const std::size_t close = line.find('}', i); close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        out += c;
        ++i;
    }
    if (style == Style::Vtt) out = decodeEntities(out);
    std::replace_if(
        out.begin(), out.end(), [](char ch) { return ch == '\n' || ch == '\r'; }, ' ');
    while (!out.empty() && isSpace(out.back()))
        out.pop_back();
    return out;
}

bool isCueNumber(std::string_view line) {
    std::size_t pos = skipSpace(line, 0);
    const Digits digits = readDigits(line, pos);
    return digits.count > 0 && skipSpace(line, pos) == line.size();
}

CueReader::CueReader(std::string_view raw, const std::string& file, SubtitleParseResult& result,
                     Style style)
    : m_source(raw), m_file(file), m_result(result), m_style(style) {}

bool CueReader::blank(std::size_t index) const {
    return skipSpace(line(index), 0) == line(index).size();
}

std::size_t CueReader::blockEnd(std::size_t index) const {
    while (index < lineCount() && !blank(index))
        ++index;
    return index;
}

std::size_t CueReader::nextBlock(std::size_t index) const {
    while (index < lineCount() && blank(index))
        ++index;
    return index;
}

std::string CueReader::example() const {
    return m_style == Style::Srt ? "00:00:01,000 --> 00:00:02,000"
                                 : "00:00:01.000 --> 00:00:02.000";
}

void CueReader::error(std::size_t index, std::size_t byteInLine, const std::string& what,
                      const std::string& whatZh) {
    if (++m_errors > kMaxErrors) {
        if (m_errors == kMaxErrors + 1)
            m_result.diagnostics.add({Severity::Error, "subtitle.parse_error", m_file, "", 0, 0,
                                      "The subtitle file \"" + m_file +
                                          "\" has more problems; only the first " +
                                          std::to_string(kMaxErrors) + " are listed.",
                                      "字幕文件 \"" + m_file + "\" 还有更多问题，只列出了前 " +
                                          std::to_string(kMaxErrors) + " 个。"});
        return;
    }
    const int lineNumber = static_cast<int>(index) + 1;
    const int column = m_source.columnOf(m_source.lineStart(index) + byteInLine);
    m_result.diagnostics.add(
        {Severity::Error, "subtitle.parse_error", m_file, "", lineNumber, column,
         "The subtitle file \"" + m_file + "\", line " + std::to_string(lineNumber) + ": " + what +
             ".",
         "字幕文件 \"" + m_file + "\" 第 " + std::to_string(lineNumber) + " 行：" + whatZh + "。"});
}

void CueReader::expectedTiming(std::size_t index) {
    error(index, 0, "expected a time range like " + example(), "应为时间范围，例如 " + example());
}

bool CueReader::parseTiming(std::size_t index, bool report, std::int64_t& start,
                            std::int64_t& end) {
    const std::string_view s = line(index);
    const std::string like = example().substr(0, 12);
    const auto badTime = [&](std::size_t pos, TimeError why) {
        if (!report) return false;
        const std::string token = tokenAt(s, pos);
        if (token.empty() || token.starts_with("-->"))
            error(index, pos, "expected a time like " + like, "应为时间，例如 " + like);
        else if (why == TimeError::Range)
            error(index, pos,
                  "\"" + token + "\" is not a valid time: minutes and seconds must be below 60",
                  "\"" + token + "\" 不是有效时间：分钟和秒数必须小于 60");
        else
            error(index, pos, "\"" + token + "\" is not a time like " + like,
                  "\"" + token + "\" 不是形如 " + like + " 的时间");
        return false;
    };
    std::size_t pos = skipSpace(s, 0);
    std::size_t at = pos;
    if (const TimeError why = readTime(s, pos, m_style, start); why != TimeError::None)
        return badTime(at, why);
    pos = skipSpace(s, pos);
    if (!s.substr(pos).starts_with("-->")) {
        if (report)
            error(index, pos,
                  "expected \"-->\" between the start and the end time (" + example() + ")",
                  "开始时间与结束时间之间应为 \"-->\"（" + example() + "）");
        return false;
    }
    pos = at = skipSpace(s, pos + 3);
    if (const TimeError why = readTime(s, pos, m_style, end); why != TimeError::None)
        return badTime(at, why);
    if (pos < s.size() && !isSpace(s[pos])) return badTime(at, TimeError::Format);
    if (end < start) {
        if (report) {
            const char sep = m_style == Style::Srt ? ',' : '.';
            error(index, skipSpace(s, 0),
                  "the cue ends (" + formatTime(end, sep) + ") before it starts (" +
                      formatTime(start, sep) + ")",
                  "字幕的结束时间（" + formatTime(end, sep) + "）早于开始时间（" +
                      formatTime(start, sep) + "）");
        }
        return false;
    }
    return true;
}

std::size_t CueReader::readCue(std::size_t timing) {
    SubtitleCue cue;
    cue.line = static_cast<int>(timing) + 1;
    if (!parseTiming(timing, true, cue.startMs, cue.endMs)) return blockEnd(timing);
    std::string before; // the text without its last line (an SRT cue number, see below)
    std::size_t last = lineCount();
    std::size_t next = timing + 1;
    for (std::int64_t s = 0, e = 0; next < lineCount() && !blank(next); ++next) {
        if (m_style == Style::Vtt ? hasArrow(next) : parseTiming(next, false, s, e)) {
            if (m_style == Style::Srt) {
                error(next, 0, "an empty line is missing before this cue", "此字幕之前缺少空行");
                if (last != lineCount() && isCueNumber(line(last))) cue.text = before;
            }
            break;
        }
        const std::string text = cleanTextLine(line(next), m_style);
        if (text.empty()) continue;
        before = cue.text;
        last = next;
        cue.text += (cue.text.empty() ? "" : "\n") + text;
    }
    m_result.cues.push_back(std::move(cue));
    return next;
}

void CueReader::finish() {
    if (m_result.cues.empty() && m_errors == 0)
        m_result.diagnostics.add({Severity::Error, "subtitle.parse_error", m_file, "", 0, 0,
                                  "The subtitle file \"" + m_file + "\" has no subtitles (cues).",
                                  "字幕文件 \"" + m_file + "\" 中没有任何字幕。"});
    std::stable_sort(
        m_result.cues.begin(), m_result.cues.end(),
        [](const SubtitleCue& a, const SubtitleCue& b) { return a.startMs < b.startMs; });
}

} // namespace lantai::core::subtitle_parse
