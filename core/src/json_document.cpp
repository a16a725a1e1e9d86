// core: JSON parsing with value positions (SAX pass over a counting iterator)
#include "lantai/core/json_document.h"

#include "lantai/core/utf8.h"

#include <algorithm>
#include <iterator>

namespace lantai::core {

namespace {

// Input iterator over a char buffer that publishes how far the parser has read, so SAX
// callbacks know the byte offset just past the token they are told about.
struct CountingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* m_pos = nullptr;
    const char** m_furthest = nullptr;

    reference operator*() const { return *m_pos; }
    CountingIterator& operator++() {
        ++m_pos;
        if (m_pos > *m_furthest) *m_furthest = m_pos;
        return *this;
    }
    CountingIterator operator++(int) {
        auto copy = *this;
        ++*this;
        return copy;
    }
    bool operator==(const CountingIterator& other) const { return m_pos == other.m_pos; }
    bool operator!=(const CountingIterator& other) const { return m_pos != other.m_pos; }
};

// SAX consumer that only records positions; the DOM comes from a normal parse.
class PositionRecorder {
public:
    PositionRecorder(const char* base, const char** furthest, std::unordered_map<std::string, std::size_t>& out)
        : m_base(base), m_furthest(furthest), m_out(out) {}

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
        auto& frame = m_stack.back();
        frame.childPointer = frame.pointer + "/" + escapePointerToken(key);
        // The key ends where the parser is now; step back to its opening quote.
        m_out[frame.childPointer] = keyStart(offset());
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception&) { return false; }

private:
    struct Frame {
        std::string pointer;
        bool isArray = false;
        std::size_t nextIndex = 0;
        std::string childPointer;
    };

    std::size_t offset() const { return static_cast<std::size_t>(*m_furthest - m_base); }

    std::size_t keyStart(std::size_t end) const {
        // end is just past the closing quote (or one further); find the opening quote.
        std::size_t i = end;
        while (i > 0 && m_base[i - 1] != '"') --i;          // closing quote
        if (i == 0) return 0;
        --i;
        while (i > 0) {
            --i;
            if (m_base[i] == '"') {
                std::size_t backslashes = 0;
                for (std::size_t j = i; j > 0 && m_base[j - 1] == '\\'; --j) ++backslashes;
                if (backslashes % 2 == 0) return i;
            }
        }
        return 0;
    }

    std::string currentChildPointer(std::size_t valueOffset) {
        if (m_stack.empty()) {
            m_out[""] = valueOffset;
            return "";
        }
        auto& frame = m_stack.back();
        if (frame.isArray) {
            std::string pointer = frame.pointer + "/" + std::to_string(frame.nextIndex++);
            m_out[pointer] = valueOffset;
            return pointer;
        }
        return frame.childPointer; // object member: position recorded at its key
    }

    bool scalar() {
        // Offset is just past the token; good enough for line:column of a one-line scalar.
        const std::size_t end = offset();
        currentChildPointer(end > 0 ? end - 1 : 0);
        return true;
    }
    bool open(bool isArray) {
        const std::size_t at = offset() > 0 ? offset() - 1 : 0;
        std::string pointer = currentChildPointer(at);
        m_stack.push_back(Frame{std::move(pointer), isArray, 0, {}});
        return true;
    }
    bool close() {
        m_stack.pop_back();
        return true;
    }

    const char* m_base;
    const char** m_furthest;
    std::unordered_map<std::string, std::size_t>& m_out;
    std::vector<Frame> m_stack;
};

} // namespace

std::string escapePointerToken(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

JsonDocument JsonDocument::parse(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    JsonDocument doc;
    doc.m_file = file;
    doc.m_text.assign(text);
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
    } catch (const nlohmann::json::parse_error& e) {
        const auto pos = doc.positionOfOffset(bomSkip + (e.byte > 0 ? e.byte - 1 : 0));
        std::string what = e.what();
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
        const auto colon = what.find(": ", what.find("parse error"));
        const std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
        diagnostics.add({Severity::Error, "json.syntax", file, "", pos.line, pos.column,
                         "JSON syntax error: " + detail, "JSON 语法错误：" + detail});
        return doc;
    }
    const char* base = body.data();
    const char* furthest = base;
    PositionRecorder recorder(base, &furthest, doc.m_offsets);
    CountingIterator first{base, &furthest};
    CountingIterator last{base + body.size(), &furthest};
    nlohmann::json::sax_parse(first, last, &recorder);
    if (bomSkip)
        for (auto& [pointer, offset] : doc.m_offsets) offset += bomSkip;
    doc.m_valid = true;
    return doc;
}

TextPosition JsonDocument::positionOfOffset(std::size_t offset) const {
    if (m_lineStarts.empty()) return {};
    offset = std::min(offset, m_text.size());
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const auto lineIndex = static_cast<std::size_t>(std::distance(m_lineStarts.begin(), it)) - 1;
    const std::size_t lineStart = m_lineStarts[lineIndex];
    const auto column = codePointCount(std::string_view(m_text).substr(lineStart, offset - lineStart));
    return {static_cast<int>(lineIndex + 1), static_cast<int>(column + 1)};
}

TextPosition JsonDocument::positionOf(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        if (auto it = m_offsets.find(p); it != m_offsets.end()) return positionOfOffset(it->second);
        if (p.empty()) return {};
        p.erase(p.rfind('/'));
    }
}

} // namespace lantai::core
