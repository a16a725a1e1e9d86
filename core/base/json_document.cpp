// core/base: JSON parsing with value positions (DOM parse, then a SAX pass that tracks value
// offsets)
#include "core/base/json_document.h"

#include "core/base/utf8.h"

#include <algorithm>
#include <iterator>

namespace lantai::core {

namespace {

// FNV-1a, 64 bits.
std::uint64_t pointerHash(std::string_view pointer) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : pointer) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// SAX consumer that only records positions; the DOM comes from a normal parse. It walks its
// own cursor through the (already validated) text in step with the SAX events, so each value's
// position is where its first character is, independent of how far the lexer looked ahead.
class PositionRecorder {
  public:
    using Offsets = std::vector<std::pair<std::uint64_t, std::size_t>>;
    PositionRecorder(std::string_view text, Offsets& out) : m_text(text), m_out(out) {}

    bool null() { return scalar(); }
    bool boolean(bool) { return scalar(); }
    bool number_integer(nlohmann::json::number_integer_t) { return scalar(); }
    bool number_unsigned(nlohmann::json::number_unsigned_t) { return scalar(); }
    bool number_float(nlohmann::json::number_float_t, const std::string&) { return scalar(); }
    bool string(std::string&) { return scalar(); }
    bool binary(nlohmann::json::binary_t&) { return scalar(); }
    bool start_object(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(true); }
    bool end_array() { return close(); }
    bool key(std::string& key) {
        if (m_stack.empty()) return false;
        auto& frame = m_stack.back();
        frame.childPointer = frame.pointer + "/" + escapePointerToken(key);
        const std::size_t start = skipToToken();
        put(frame.childPointer, start);
        m_pos = skipString(start);
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception&) {
        return false;
    }

  private:
    struct Frame {
        std::string pointer;
        bool isArray = false;
        std::size_t nextIndex = 0;
        std::string childPointer;
    };

    // Skips whitespace and the separators between tokens; returns the next token's offset.
    std::size_t skipToToken() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
            ++m_pos;
        }
        return m_pos;
    }

    // Offset just past the string token starting (with its quote) at `start`.
    std::size_t skipString(std::size_t start) const {
        std::size_t i = start + 1;
        while (i < m_text.size()) {
            if (m_text[i] == '\\')
                i += 2;
            else if (m_text[i] == '"')
                return i + 1;
            else
                ++i;
        }
        return m_text.size();
    }

    void put(std::string_view pointer, std::size_t offset) {
        m_out.emplace_back(pointerHash(pointer), offset);
    }

    std::string record(std::size_t valueOffset) {
        if (m_stack.empty()) {
            put("", valueOffset);
            return "";
        }
        auto& frame = m_stack.back();
        if (frame.isArray) {
            std::string pointer = frame.pointer + "/" + std::to_string(frame.nextIndex++);
            put(pointer, valueOffset);
            return pointer;
        }
        return frame.childPointer; // object member: position recorded at its key
    }

    bool scalar() {
        const std::size_t start = skipToToken();
        record(start);
        if (start < m_text.size() && m_text[start] == '"') {
            m_pos = skipString(start);
        } else {
            while (m_pos < m_text.size()) {
                const char c = m_text[m_pos];
                if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' ||
                    c == '\r')
                    break;
                ++m_pos;
            }
        }
        return true;
    }
    bool open(bool isArray) {
        const std::size_t start = skipToToken();
        std::string pointer = record(start);
        m_pos = start + 1;
        m_stack.push_back(Frame{std::move(pointer), isArray, 0, {}});
        return true;
    }
    bool close() {
        skipToToken();
        ++m_pos; // the closing bracket
        if (!m_stack.empty()) m_stack.pop_back();
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    Offsets& m_out;
    std::vector<Frame> m_stack;
};

// SAX consumer that accepts everything and remembers where the parser gave up.
struct ErrorLocator {
    bool found = false;
    std::size_t position = 0;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(nlohmann::json::number_integer_t) { return true; }
    bool number_unsigned(nlohmann::json::number_unsigned_t) { return true; }
    bool number_float(nlohmann::json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(nlohmann::json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool key(std::string&) { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::json::exception&) {
        found = true;
        position = at;
        return false;
    }
};

// nlohmann's messages look like "[json.exception.parse_error.101] parse error at line 1,
// column 2: syntax error ..." or "[json.exception.out_of_range.406] number overflow ...";
// keep the part after the prefix and the (byte-based) line/column.
std::string errorDetail(const std::string& what) {
    std::string detail = what;
    if (const auto bracket = detail.find("] ");
        detail.starts_with("[json.exception.") && bracket != std::string::npos)
        detail.erase(0, bracket + 2);
    if (detail.starts_with("parse error"))
        if (const auto colon = detail.find(": "); colon != std::string::npos)
            detail.erase(0, colon + 2);
    return detail;
}

} // namespace

std::string escapePointerToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

JsonDocument JsonDocument::parse(std::string_view text, const std::string& file,
                                 Diagnostics& diagnostics) {
    return parseOwned(std::string(text), file, diagnostics);
}

JsonDocument JsonDocument::parseOwned(std::string owned, const std::string& file,
                                      Diagnostics& diagnostics) {
    JsonDocument doc;
    doc.m_file = file;
    doc.m_text = std::move(owned);
    const std::string_view text = doc.m_text;
    doc.m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') doc.m_lineStarts.push_back(i + 1);

    std::size_t bomSkip = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    if (auto bad = findInvalidUtf8(text)) {
        const auto pos = doc.positionOfOffset(*bad);
        diagnostics.add({Severity::Error, "json.encoding", file, "", pos.line, pos.column,
                         "The file is not valid UTF-8 text (byte " + std::to_string(*bad) +
                             "). Save it as UTF-8.",
                         "文件不是有效的 UTF-8 文本（第 " + std::to_string(*bad) +
                             " 字节）。请以 UTF-8 编码保存。"});
        return doc;
    }
    const std::string_view body = text.substr(bomSkip);
    try {
        doc.m_root = nlohmann::json::parse(body.begin(), body.end());
    } catch (const nlohmann::json::exception& e) {
        // parse_error carries the byte; other failures (out_of_range.406: a number such as
        // 1e400 that does not fit a double) do not, so locate the failure with a SAX pass.
        ErrorLocator locator;
        nlohmann::json::sax_parse(body.begin(), body.end(), &locator);
        std::size_t byte = locator.found ? locator.position : 0;
        if (const auto* parseError = dynamic_cast<const nlohmann::json::parse_error*>(&e))
            byte = parseError->byte;
        const auto pos = doc.positionOfOffset(bomSkip + (byte > 0 ? byte - 1 : 0));
        diagnostics.add({Severity::Error, "json.syntax", file, "", pos.line, pos.column,
                         "JSON syntax error: " + errorDetail(e.what()),
                         "JSON 语法错误：" + errorDetail(e.what())});
        return doc;
    }
    // The pointer -> offset index is built on the first positionOf() call: most documents load
    // without a single diagnostic and never need it (it costs as much as the parse itself).
    doc.m_valid = true;
    return doc;
}

void JsonDocument::buildOffsets() const {
    if (m_offsetsBuilt) return;
    m_offsetsBuilt = true;
    const std::size_t bomSkip = std::string_view(m_text).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const std::string_view body = std::string_view(m_text).substr(bomSkip);
    PositionRecorder::Offsets recorded;
    PositionRecorder recorder(body, recorded);
    nlohmann::json::sax_parse(body.begin(), body.end(), &recorder);
    // A member named twice keeps its last position, as a map assigned in order would.
    std::stable_sort(recorded.begin(), recorded.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    m_offsets.clear();
    m_offsets.reserve(recorded.size());
    for (std::size_t i = 0; i < recorded.size(); ++i)
        if (i + 1 == recorded.size() || recorded[i + 1].first != recorded[i].first)
            m_offsets.push_back({recorded[i].first, recorded[i].second + bomSkip});
}

TextPosition JsonDocument::positionOfOffset(std::size_t offset) const {
    if (m_lineStarts.empty()) return {};
    offset = std::min(offset, m_text.size());
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto lineIndex = static_cast<std::size_t>(std::distance(m_lineStarts.begin(), it)) - 1;
    std::size_t lineStart = m_lineStarts[lineIndex];
    // A UTF-8 byte order mark is not a visible column.
    if (lineIndex == 0 && std::string_view(m_text).substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3)
        lineStart = 3;
    const auto column =
        codePointCount(std::string_view(m_text).substr(lineStart, offset - lineStart));
    return {static_cast<int>(lineIndex + 1), static_cast<int>(column + 1)};
}

TextPosition JsonDocument::positionOf(const std::string& pointer) const {
    if (!m_valid) return {};
    buildOffsets();
    std::string p = pointer;
    while (true) {
        const std::uint64_t hash = pointerHash(p);
        const auto it = std::lower_bound(
            m_offsets.begin(), m_offsets.end(), hash,
            [](const PointerOffset& entry, std::uint64_t h) { return entry.hash < h; });
        if (it != m_offsets.end() && it->hash == hash) return positionOfOffset(it->offset);
        if (p.empty()) return {};
        const auto slash = p.rfind('/');
        if (slash == std::string::npos) return {}; // not a JSON pointer
        p.erase(slash);
    }
}

} // namespace lantai::core
