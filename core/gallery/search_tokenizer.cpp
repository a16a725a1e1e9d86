// core/gallery: the cloud-gallery search tokeniser (CJK bigrams, ASCII words, fnv1a32 shards)
#include "core/gallery/search_tokenizer.h"

#include "core/base/utf8.h"

#include <algorithm>

namespace lantai::core {
namespace {

bool isCjk(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

bool isWordChar(char32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

void addUnique(std::vector<std::string>& tokens, std::string token) {
    if (std::find(tokens.begin(), tokens.end(), token) == tokens.end())
        tokens.push_back(std::move(token));
}

// A CJK run as its characters' UTF-8 spellings -> bigrams, or the lone character.
void addCjkRun(std::vector<std::string>& tokens, const std::vector<std::string>& run) {
    if (run.size() == 1) {
        addUnique(tokens, run[0]);
        return;
    }
    for (std::size_t i = 0; i + 1 < run.size(); ++i)
        addUnique(tokens, run[i] + run[i + 1]);
}

} // namespace

std::vector<std::string> searchTokens(std::string_view text) {
    std::vector<std::string> tokens;
    std::string word;
    std::vector<std::string> cjkRun;
    auto flush = [&] {
        if (!word.empty()) addUnique(tokens, std::move(word));
        word.clear();
        if (!cjkRun.empty()) addCjkRun(tokens, cjkRun);
        cjkRun.clear();
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = nextCodePoint(text, pos);
        if (isWordChar(cp)) {
            if (!cjkRun.empty()) flush();
            word.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
        } else if (isCjk(cp)) {
            if (!word.empty()) flush();
            cjkRun.emplace_back(text.substr(start, pos - start));
        } else {
            flush();
        }
    }
    flush();
    return tokens;
}

std::uint32_t fnv1a32(std::string_view bytes) {
    std::uint32_t hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace lantai::core
