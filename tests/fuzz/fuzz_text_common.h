// tests: helpers for the fuzz targets of text parsers (abort with a message, count lines)
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz_text {

// Prints "<target> fuzz: <what>" and the detail, then aborts (libFuzzer saves the input).
[[noreturn]] inline void failure(const char* target, const char* what, const std::string& detail) {
    std::fprintf(stderr, "%s fuzz: %s\n%s\n", target, what, detail.c_str());
    std::abort();
}

// Lines as the parsers count them: LF, CRLF or CR end a line; the last line may be empty.
inline std::size_t lineCount(std::string_view text) {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
            ++lines;
    return lines;
}

} // namespace fuzz_text
