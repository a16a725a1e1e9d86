// tools/gallery/export: HTML escaping and small text-to-markup helpers for the cloud-gallery pages
#include "tools/gallery/export/html.h"

#include "core/base/utf8.h"

namespace lantai::core::web {

std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string paragraphs(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find("\n\n", pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view para = text.substr(pos, end - pos);
        while (!para.empty() && (para.front() == '\n' || para.front() == '\r'))
            para.remove_prefix(1);
        while (!para.empty() && (para.back() == '\n' || para.back() == '\r' || para.back() == ' '))
            para.remove_suffix(1);
        if (!para.empty()) {
            std::string escaped = esc(para);
            std::string withBreaks;
            for (const char c : escaped) {
                if (c == '\r') continue;
                if (c == '\n')
                    withBreaks += "<br>";
                else
                    withBreaks += c;
            }
            out += "<p>" + withBreaks + "</p>";
        }
        pos = end + 2;
    }
    return out;
}

std::string excerpt(std::string_view text, std::size_t maxChars) {
    std::string out;
    std::size_t count = 0;
    std::size_t pos = 0;
    bool space = false;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = nextCodePoint(text, pos);
        if (cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t') {
            space = !out.empty();
            continue;
        }
        if (count == maxChars) return out + "…";
        if (space) {
            out += ' ';
            ++count;
            space = false;
        }
        out.append(text.substr(start, pos - start));
        ++count;
    }
    return out;
}

} // namespace lantai::core::web
