// core/catalogue: scanning pack.json's text for its chapters and items (no JSON tree)
#include "core/catalogue/pack_json_spans.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace lantai::core {

namespace {

// Walks JSON text value by value. Offsets are byte offsets into the text; every step checks its
// bounds and throws std::runtime_error on text that is not JSON.
class Scanner {
  public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    char at(std::size_t p) const {
        if (p >= m_text.size()) throw std::runtime_error("unexpected end of pack.json");
        return m_text[p];
    }

    std::size_t skipSpace(std::size_t p) const {
        while (p < m_text.size() &&
               (m_text[p] == ' ' || m_text[p] == '\t' || m_text[p] == '\n' || m_text[p] == '\r'))
            ++p;
        return p;
    }

    // `p` at the opening quote; returns the offset after the closing one.
    std::size_t stringEnd(std::size_t p) const {
        for (++p;; ++p) {
            const char c = at(p);
            if (c == '\\')
                ++p;
            else if (c == '"')
                return p + 1;
        }
    }

    // The string token at `p`, decoded.
    std::string stringValue(std::size_t p) const {
        const std::size_t end = stringEnd(p);
        const std::string_view token = m_text.substr(p, end - p);
        if (token.find('\\') == std::string_view::npos)
            return std::string(token.substr(1, token.size() - 2));
        return nlohmann::json::parse(token).get<std::string>();
    }

    // `p` at a value; returns the offset after it.
    std::size_t valueEnd(std::size_t p) const {
        const char c = at(p);
        if (c == '"') return stringEnd(p);
        if (c != '{' && c != '[') {
            while (p < m_text.size() && m_text[p] != ',' && m_text[p] != '}' && m_text[p] != ']' &&
                   m_text[p] != ' ' && m_text[p] != '\t' && m_text[p] != '\n' && m_text[p] != '\r')
                ++p;
            return p;
        }
        int depth = 0;
        for (;; ++p) {
            const char d = at(p);
            if (d == '"') {
                p = stringEnd(p) - 1;
            } else if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0) return p + 1;
            }
        }
    }

    // `p` at '{': calls member(key, valueOffset) for each member, which returns the offset after
    // the value. Returns the offset after '}'.
    template <class Member> std::size_t members(std::size_t p, Member&& member) const {
        p = skipSpace(p + 1);
        if (at(p) == '}') return p + 1;
        for (;;) {
            if (at(p) != '"') throw std::runtime_error("a member name was expected");
            const std::string key = stringValue(p);
            p = skipSpace(stringEnd(p));
            if (at(p) != ':') throw std::runtime_error("':' was expected");
            p = skipSpace(member(key, skipSpace(p + 1)));
            if (at(p) == '}') return p + 1;
            if (at(p) != ',') throw std::runtime_error("',' or '}' was expected");
            p = skipSpace(p + 1);
        }
    }

    // `p` at '[': calls element(valueOffset) for each element (returns the offset after it).
    template <class Element> std::size_t elements(std::size_t p, Element&& element) const {
        p = skipSpace(p + 1);
        if (at(p) == ']') return p + 1;
        for (;;) {
            p = skipSpace(element(p));
            if (at(p) == ']') return p + 1;
            if (at(p) != ',') throw std::runtime_error("',' or ']' was expected");
            p = skipSpace(p + 1);
        }
    }

    // [begin, end) with the line it starts on: `indent` is the white space that starts the line;
    // ownLine when nothing else stands before the value on it.
    TextSpan span(std::size_t begin, std::size_t end) const {
        std::size_t lineStart = begin;
        while (lineStart > 0 && m_text[lineStart - 1] != '\n')
            --lineStart;
        const std::string_view before = m_text.substr(lineStart, begin - lineStart);
        const std::size_t text = before.find_first_not_of(" \t");
        return {begin, end, std::string(before.substr(0, text)), text == std::string_view::npos};
    }

  private:
    std::string_view m_text;
};

} // namespace

std::vector<MemberSpan> scanObjectMembers(std::string_view text, std::size_t objectBegin) {
    const Scanner s(text);
    if (s.at(objectBegin) != '{') throw std::runtime_error("an object was expected");
    std::vector<MemberSpan> out;
    s.members(objectBegin, [&](const std::string& key, std::size_t v) {
        const std::size_t end = s.valueEnd(v);
        out.push_back({key, s.span(v, end)});
        return end;
    });
    return out;
}

PackJsonSpans scanPackJsonSpans(std::string_view text) {
    const Scanner s(text);
    PackJsonSpans out;
    const auto scanItems = [&](std::size_t list, std::size_t chapter) {
        return s.elements(list, [&](std::size_t p) {
            if (s.at(p) != '{') return s.valueEnd(p);
            std::string id;
            const std::size_t end = s.members(p, [&](const std::string& key, std::size_t v) {
                if (key == "id" && s.at(v) == '"') id = s.stringValue(v);
                return s.valueEnd(v);
            });
            out.items.emplace(id, PackJsonItem{chapter, s.span(p, end)});
            return end;
        });
    };
    const auto scanChapters = [&](std::size_t list, std::vector<std::size_t>& found) {
        return s.elements(list, [&](std::size_t p) {
            if (s.at(p) != '{') return s.valueEnd(p);
            const std::size_t index = out.chapters.size();
            PackJsonChapter chapter;
            const std::size_t end = s.members(p, [&](const std::string& key, std::size_t v) {
                if (key == "id" && s.at(v) == '"') chapter.id = s.stringValue(v);
                if (key == "items" && s.at(v) == '[') return scanItems(v, index);
                return s.valueEnd(v);
            });
            chapter.span = s.span(p, end);
            out.chapters.push_back(std::move(chapter));
            found.push_back(index);
            return end;
        });
    };
    const std::size_t root = s.skipSpace(0);
    if (s.at(root) != '{') throw std::runtime_error("pack.json is not an object");
    s.members(root, [&](const std::string& key, std::size_t v) {
        if (key != "exhibitions" || s.at(v) != '[') return s.valueEnd(v);
        return s.elements(v, [&](std::size_t p) {
            if (s.at(p) != '{') return s.valueEnd(p);
            std::string exhibition;
            std::vector<std::size_t> found;
            const std::size_t end = s.members(p, [&](const std::string& k, std::size_t w) {
                if (k == "id" && s.at(w) == '"') exhibition = s.stringValue(w);
                if (k == "chapters" && s.at(w) == '[') return scanChapters(w, found);
                return s.valueEnd(w);
            });
            for (std::size_t index : found)
                out.chapters[index].exhibition = exhibition;
            return end;
        });
    });
    return out;
}

} // namespace lantai::core
