// core/base: HTML character references (&lt; &amp; &#NN; ...) decoded to UTF-8
#include "core/base/html_entities.h"

#include "core/base/utf8.h"

namespace lantai::core {

namespace {

struct Entity {
    const char* name;
    char32_t codePoint;
};

constexpr Entity kEntities[] = {
    {"lt", U'<'},          {"gt", U'>'},          {"amp", U'&'},        {"quot", U'"'},
    {"apos", U'\''},       {"nbsp", U' '},        {"mdash", U'\u2014'}, {"ndash", U'\u2013'},
    {"hellip", U'\u2026'}, {"ldquo", U'\u201C'},  {"rdquo", U'\u201D'}, {"lsquo", U'\u2018'},
    {"rsquo", U'\u2019'},  {"middot", U'\u00B7'}, {"copy", U'\u00A9'},  {"times", U'\u00D7'},
    {"divide", U'\u00F7'}, {"deg", U'\u00B0'},
};

} // namespace

std::string decodeEntities(std::string_view text) {
    if (text.find('&') == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '&') {
            out += text[i++];
            continue;
        }
        const std::size_t semi = text.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += text[i++];
            continue;
        }
        const std::string_view name = text.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            bool ok = !digits.empty();
            unsigned long value = 0;
            for (const char d : digits) {
                int v = -1;
                if (d >= '0' && d <= '9')
                    v = d - '0';
                else if (hex && d >= 'a' && d <= 'f')
                    v = d - 'a' + 10;
                else if (hex && d >= 'A' && d <= 'F')
                    v = d - 'A' + 10;
                if (v < 0 || value > 0x10FFFF) {
                    ok = false;
                    break;
                }
                value = value * (hex ? 16u : 10u) + static_cast<unsigned long>(v);
            }
            // Control characters other than tab and line feed stay as written (&#13; would be a
            // line end the kiosk does not draw).
            const bool control =
                (value < 0x20 && value != '\t' && value != '\n') || (value >= 0x7F && value < 0xA0);
            if (ok && value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF) &&
                !control)
                cp = static_cast<char32_t>(value);
        } else {
            for (const auto& entity : kEntities)
                if (name == entity.name) cp = entity.codePoint;
        }
        if (cp == 0) {
            out += text[i++];
            continue;
        }
        appendUtf8(out, cp);
        i = semi + 1;
    }
    return out;
}

} // namespace lantai::core
