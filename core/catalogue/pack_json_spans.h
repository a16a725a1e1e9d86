// core/catalogue: where pack.json's chapters and items sit in its text (byte ranges, found by a
// scan that builds no JSON tree), so an import can rewrite those and copy the rest as it is
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lantai::core {

// A JSON value's place in the text: [begin, end), and the line it starts on.
struct TextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string indent;   // the white space that starts the line
    bool ownLine = false; // nothing but `indent` stands before the value on its line
};

struct PackJsonChapter {
    std::string exhibition; // the exhibition's id
    std::string id;
    TextSpan span; // the chapter object
};

struct PackJsonItem {
    std::size_t chapter = 0; // index into PackJsonSpans::chapters
    TextSpan span;           // the item object
};

struct PackJsonSpans {
    std::vector<PackJsonChapter> chapters;               // document order
    std::unordered_map<std::string, PackJsonItem> items; // by id (the first, should two share one)
};

// A member of an object: its name, and its value's span (`indent` there: the white space that
// starts the line the value is on).
struct MemberSpan {
    std::string name;
    TextSpan value;
};

// The members of the object that starts at `objectBegin` ('{'), in order. Throws
// std::runtime_error as scanPackJsonSpans does.
std::vector<MemberSpan> scanObjectMembers(std::string_view text, std::size_t objectBegin);

// Scans pack.json's text: /exhibitions/*/chapters/* and their /items/* objects with their ids.
// Throws std::runtime_error when the text is not JSON of that shape where it matters (the
// caller's text was read by the loader before, so this means it is not that text).
PackJsonSpans scanPackJsonSpans(std::string_view text);

} // namespace lantai::core
