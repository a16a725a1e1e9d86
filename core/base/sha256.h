// core/base: SHA-256 of files and buffers (libsodium), as lower-case hex
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::core {

std::string sha256Hex(std::string_view data);
// Streams the file; nullopt (with `error`) when it cannot be read.
std::optional<std::string> sha256File(const std::filesystem::path& file, std::string& error);

} // namespace lantai::core
