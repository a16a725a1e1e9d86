// core/base: small file helpers — whole-file read with a size cap, atomic write (temp + rename)
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace lantai::core {

// Reads a whole file. Fails (with an English reason in `error`) when it cannot be opened,
// is a directory, or is larger than `maxBytes`.
bool readFile(const std::filesystem::path& file, std::string& out, std::string& error,
              std::size_t maxBytes = 64u << 20);

// Writes `data` to a temporary file beside `file`, flushes it and renames it over `file`, so
// readers see either the old or the new content, never a torn one.
bool writeFileAtomic(const std::filesystem::path& file, const std::string& data,
                     std::string& error);

} // namespace lantai::core
