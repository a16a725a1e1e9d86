// core/script: kiosk script parser (line-based, '#' comments)
#include "core/script/kiosk_script.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace lantai::core {

const char* scriptCommandName(ScriptCommandType type) {
    switch (type) {
    case ScriptCommandType::Wait:
        return "wait";
    case ScriptCommandType::WaitIdle:
        return "wait-idle";
    case ScriptCommandType::Tap:
        return "tap";
    case ScriptCommandType::DoubleTap:
        return "doubletap";
    case ScriptCommandType::LongPress:
        return "longpress";
    case ScriptCommandType::Drag:
        return "drag";
    case ScriptCommandType::Swipe:
        return "swipe";
    case ScriptCommandType::RightClick:
        return "rightclick";
    case ScriptCommandType::Fingers:
        return "fingers";
    case ScriptCommandType::CloseWindow:
        return "close-window";
    case ScriptCommandType::SdlTap:
        return "sdl-tap";
    case ScriptCommandType::Pinch:
        return "pinch";
    case ScriptCommandType::Wheel:
        return "wheel";
    case ScriptCommandType::Key:
        return "key";
    case ScriptCommandType::Screenshot:
        return "screenshot";
    case ScriptCommandType::Advance:
        return "advance";
    case ScriptCommandType::Resize:
        return "resize";
    case ScriptCommandType::Quit:
        return "quit";
    case ScriptCommandType::QuizAnswer:
        return "quiz-answer";
    case ScriptCommandType::Type:
        return "type";
    case ScriptCommandType::Drop:
        return "drop";
    }
    return "?";
}

bool isEditorOnlyCommand(ScriptCommandType type) {
    return type == ScriptCommandType::Type || type == ScriptCommandType::Drop;
}

namespace {

struct Token {
    std::string text;
    int column;
};

std::vector<Token> tokenize(std::string_view line) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        if (i >= line.size() || line[i] == '#') break;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            ++i;
        out.push_back({std::string(line.substr(start, i - start)), static_cast<int>(start + 1)});
    }
    return out;
}

bool parseNumber(const std::string& s, double& out) {
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc() && ptr == end && std::isfinite(out);
}

class LineParser {
  public:
    LineParser(std::vector<Token> tokens, std::string_view text, int line, const std::string& file,
               Diagnostics& diagnostics)
        : m_tokens(std::move(tokens)), m_text(text), m_line(line), m_file(file),
          m_diagnostics(diagnostics) {}

    bool error(std::size_t tokenIndex, const std::string& message) {
        // A missing argument is reported where it belongs: just after the last token.
        const int column =
            tokenIndex < m_tokens.size() ? m_tokens[tokenIndex].column
            : m_tokens.empty()
                ? 1
                : m_tokens.back().column + static_cast<int>(m_tokens.back().text.size()) + 1;
        m_diagnostics.add({Severity::Error, "script.syntax", m_file, "", m_line, column, message,
                           "脚本错误：" + message});
        return false;
    }

    bool number(std::size_t index, double& out, const char* what) {
        if (index >= m_tokens.size()) return error(index, std::string("missing ") + what);
        if (!parseNumber(m_tokens[index].text, out))
            return error(index, std::string("expected a number for ") + what + ", found \"" +
                                    m_tokens[index].text + "\"");
        return true;
    }

    bool coord(std::size_t index, ScriptCoord& out, const char* what) {
        if (index >= m_tokens.size()) return error(index, std::string("missing ") + what);
        std::string text = m_tokens[index].text;
        out.percent = !text.empty() && text.back() == '%';
        if (out.percent) text.pop_back();
        if (!parseNumber(text, out.value))
            return error(index, std::string("expected pixels or a percentage for ") + what +
                                    ", found \"" + m_tokens[index].text + "\"");
        return true;
    }

    // A point is "@target" (one token) or "X Y" (two tokens). Advances `index`.
    bool point(std::size_t& index, ScriptPoint& out) {
        if (index < m_tokens.size() && m_tokens[index].text.starts_with("@")) {
            out.target = m_tokens[index].text.substr(1);
            if (out.target.empty()) return error(index, "empty target name after '@'");
            ++index;
            return true;
        }
        if (!coord(index, out.x, "x") || !coord(index + 1, out.y, "y")) return false;
        index += 2;
        return true;
    }

    // "left|right|up|down [POINT]" from `index` to the end of the line (swipe, fingers).
    bool directionAndPoint(std::size_t index, ScriptCommand& cmd) {
        if (index >= m_tokens.size())
            return error(index, "missing direction (left, right, up or down)");
        cmd.text = m_tokens[index].text;
        if (cmd.text != "left" && cmd.text != "right" && cmd.text != "up" && cmd.text != "down")
            return error(index,
                         "direction must be left, right, up or down, found \"" + cmd.text + "\"");
        ++index;
        if (index < m_tokens.size()) {
            cmd.points.emplace_back();
            if (!point(index, cmd.points.back())) return false;
        }
        return noMore(index);
    }

    bool noMore(std::size_t index) {
        if (index < m_tokens.size())
            return error(index, "unexpected \"" + m_tokens[index].text + "\"");
        return true;
    }

    bool parse(ScriptCommand& cmd) {
        const std::string& name = m_tokens[0].text;
        cmd.line = m_line;
        std::size_t i = 1;
        auto optionalNumber = [&](double& out, double fallback, const char* what) {
            if (i < m_tokens.size()) return number(i++, out, what);
            out = fallback;
            return true;
        };
        if (name == "wait") {
            cmd.type = ScriptCommandType::Wait;
            return number(i++, cmd.number, "milliseconds") && noMore(i);
        }
        if (name == "wait-idle") {
            cmd.type = ScriptCommandType::WaitIdle;
            return optionalNumber(cmd.number, 10000, "milliseconds") && noMore(i);
        }
        if (name == "tap" || name == "doubletap" || name == "longpress") {
            cmd.type = name == "tap"         ? ScriptCommandType::Tap
                       : name == "doubletap" ? ScriptCommandType::DoubleTap
                                             : ScriptCommandType::LongPress;
            cmd.points.emplace_back();
            if (!point(i, cmd.points.back())) return false;
            if (cmd.type == ScriptCommandType::LongPress)
                return optionalNumber(cmd.number, 900, "milliseconds") && noMore(i);
            return noMore(i);
        }
        if (name == "rightclick") {
            cmd.type = ScriptCommandType::RightClick;
            cmd.points.emplace_back();
            return point(i, cmd.points.back()) && noMore(i);
        }
        if (name == "sdl-tap") {
            cmd.type = ScriptCommandType::SdlTap;
            if (i >= m_tokens.size() ||
                (m_tokens[i].text != "finger" && m_tokens[i].text != "mouse"))
                return error(i, "sdl-tap: finger or mouse");
            cmd.text = m_tokens[i++].text;
            cmd.points.emplace_back();
            return point(i, cmd.points.back()) && noMore(i);
        }
        if (name == "close-window") {
            cmd.type = ScriptCommandType::CloseWindow;
            return noMore(i);
        }
        if (name == "fingers") {
            cmd.type = ScriptCommandType::Fingers;
            if (!number(i++, cmd.number, "finger count")) return false;
            if (cmd.number < 1 || cmd.number > 5) return error(i - 1, "fingers: 1 to 5");
            return directionAndPoint(i, cmd);
        }
        if (name == "drag") {
            cmd.type = ScriptCommandType::Drag;
            cmd.points.resize(2);
            return point(i, cmd.points[0]) && point(i, cmd.points[1]) &&
                   optionalNumber(cmd.number, 300, "milliseconds") && noMore(i);
        }
        if (name == "swipe") {
            cmd.type = ScriptCommandType::Swipe;
            return directionAndPoint(i, cmd);
        }
        if (name == "pinch") {
            cmd.type = ScriptCommandType::Pinch;
            cmd.points.emplace_back();
            if (!point(i, cmd.points.back()) || !number(i++, cmd.number, "scale")) return false;
            if (cmd.number <= 0) return error(i - 1, "scale must be positive");
            return optionalNumber(cmd.number2, 400, "milliseconds") && noMore(i);
        }
        if (name == "wheel") {
            cmd.type = ScriptCommandType::Wheel;
            cmd.points.emplace_back();
            return point(i, cmd.points.back()) && number(i++, cmd.number, "notches") && noMore(i);
        }
        if (name == "key") {
            cmd.type = ScriptCommandType::Key;
            if (i >= m_tokens.size()) return error(i, "missing key name");
            std::string key = m_tokens[i].text;
            for (;;) {
                if (key.starts_with("ctrl+")) {
                    cmd.ctrl = true;
                    key = key.substr(5);
                } else if (key.starts_with("alt+")) {
                    cmd.alt = true;
                    key = key.substr(4);
                } else if (key.starts_with("shift+")) {
                    cmd.shift = true;
                    key = key.substr(6);
                } else
                    break;
            }
            if (key.empty()) return error(i, "missing key name after modifier");
            cmd.text = key;
            return noMore(i + 1);
        }
        if (name == "screenshot") {
            cmd.type = ScriptCommandType::Screenshot;
            if (i >= m_tokens.size()) return error(i, "missing screenshot name");
            cmd.text = m_tokens[i].text;
            for (char c : cmd.text)
                if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                      c == '.'))
                    return error(i,
                                 "screenshot names may use letters, digits, '-', '_' and '.' only");
            return noMore(i + 1);
        }
        if (name == "advance") {
            cmd.type = ScriptCommandType::Advance;
            return number(i++, cmd.number, "seconds") && noMore(i);
        }
        if (name == "resize") {
            cmd.type = ScriptCommandType::Resize;
            return number(i, cmd.number, "width") && number(i + 1, cmd.number2, "height") &&
                   noMore(i + 2);
        }
        if (name == "quiz-answer") {
            cmd.type = ScriptCommandType::QuizAnswer;
            if (i >= m_tokens.size() ||
                (m_tokens[i].text != "correct" && m_tokens[i].text != "wrong"))
                return error(i, "quiz-answer needs \"correct\" or \"wrong\"");
            cmd.text = m_tokens[i].text;
            return noMore(i + 1);
        }
        if (name == "type") {
            // The rest of the line after one space, literally ('#' and spaces included).
            cmd.type = ScriptCommandType::Type;
            if (i >= m_tokens.size()) return error(i, "missing text to type");
            std::string_view rest = m_text.substr(static_cast<std::size_t>(m_tokens[i].column - 1));
            while (!rest.empty() && rest.back() == '\r')
                rest.remove_suffix(1);
            cmd.text = std::string(rest);
            return true;
        }
        if (name == "drop") {
            cmd.type = ScriptCommandType::Drop;
            if (i >= m_tokens.size()) return error(i, "missing path to drop");
            for (; i < m_tokens.size(); ++i)
                cmd.paths.push_back(m_tokens[i].text);
            return true;
        }
        if (name == "quit") {
            cmd.type = ScriptCommandType::Quit;
            return noMore(i);
        }
        return error(0, "unknown command \"" + name +
                            "\" (known: wait, wait-idle, tap, doubletap, longpress, drag, swipe, "
                            "pinch, fingers, rightclick, sdl-tap, close-window, wheel, key, "
                            "screenshot, advance, resize, quiz-answer, type, drop, quit)");
    }

  private:
    std::vector<Token> m_tokens;
    std::string_view m_text; // the whole line
    int m_line;
    const std::string& m_file;
    Diagnostics& m_diagnostics;
};

} // namespace

KioskScript parseKioskScript(std::string_view text, const std::string& fileName,
                             Diagnostics& diagnostics) {
    KioskScript script;
    int lineNumber = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = text.find('\n', pos);
        const std::string_view line =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        ++lineNumber;
        auto tokens = tokenize(line);
        if (!tokens.empty()) {
            ScriptCommand cmd;
            if (LineParser(std::move(tokens), line, lineNumber, fileName, diagnostics).parse(cmd))
                script.commands.push_back(std::move(cmd));
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
    }
    return script;
}

} // namespace lantai::core
