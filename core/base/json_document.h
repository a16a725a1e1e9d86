// core/base: a parsed JSON file that remembers where each value sits (JSON pointer -> line:column)
#pragma once

#include "core/base/diagnostic.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

struct TextPosition {
    int line = 0;   // 1-based, 0 = unknown
    int column = 0; // 1-based, in code points
};

// Parses JSON text into a DOM and records the position of every object member and array
// element, so diagnostics about values can carry line:column. On a syntax error or invalid
// UTF-8 the document is not valid and one diagnostic (json.syntax / json.encoding) is added.
class JsonDocument {
  public:
    static JsonDocument parse(std::string_view text, const std::string& file,
                              Diagnostics& diagnostics);
    // The same, keeping `text` itself instead of a copy (a large quiz bank is held once).
    static JsonDocument parseOwned(std::string text, const std::string& file,
                                   Diagnostics& diagnostics);

    bool valid() const { return m_valid; }
    const nlohmann::json& root() const { return m_root; }
    const std::string& file() const { return m_file; }

    // Position of the value at `pointer` (member key position for object members); falls back
    // to the nearest ancestor that has one. {0,0} when nothing is known.
    TextPosition positionOf(const std::string& pointer) const;
    TextPosition positionOfOffset(std::size_t offset) const;

  private:
    bool m_valid = false;
    nlohmann::json m_root;
    std::string m_file;
    std::vector<std::size_t> m_lineStarts;
    std::string m_text;
    // Built lazily by positionOf(); documents are used from one thread at a time. The offset of
    // every value by a 64-bit hash of its pointer, sorted: 16 bytes a value where a map of the
    // pointers took ~120 (a 20 MB bank has a million values). Two pointers of one document with
    // the same hash (odds ~1e-8 for a million values) would only swap their line:column.
    struct PointerOffset {
        std::uint64_t hash = 0;
        std::size_t offset = 0;
    };
    void buildOffsets() const;
    mutable bool m_offsetsBuilt = false;
    mutable std::vector<PointerOffset> m_offsets;
};

// Escapes one reference token for use in a JSON pointer (RFC 6901: ~ -> ~0, / -> ~1).
std::string escapePointerToken(std::string_view token);

} // namespace lantai::core
