// core/gallery: the cloud-gallery search tokeniser (CJK bigrams, ASCII words, fnv1a32 shards) —
// tools/gallery/SITE.md
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// Tokens of `text`, deduplicated in order of first appearance. ASCII letters/digits form
// lower-cased words; a run of CJK characters (U+3400–4DBF, U+4E00–9FFF, U+F900–FAFF,
// U+20000–2FA1F) gives its overlapping bigrams, or the character itself when the run is one
// character long; every other code point separates runs. The browser tokenises queries the
// same way (tests/web/search_tokens.json pins both sides).
std::vector<std::string> searchTokens(std::string_view text);

// FNV-1a 32-bit over the bytes (offset basis 2166136261, prime 16777619).
std::uint32_t fnv1a32(std::string_view bytes);

// The index shard a token lives in: fnv1a32(token) % shardCount (shardCount >= 1).
inline std::uint32_t searchShard(std::string_view token, std::uint32_t shardCount) {
    return fnv1a32(token) % shardCount;
}

} // namespace lantai::core
