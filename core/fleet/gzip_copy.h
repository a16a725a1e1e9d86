// core/fleet: a gzip copy of a text object beside it (objects/ab/cdef….gz) — nginx's
// gzip_static sends it to clients that accept gzip, so a booth receives a manifest in ~40%
#pragma once

#include "core/base/result.h"

#include <filesystem>
#include <string_view>

namespace lantai::core {

// The gzip (RFC 1952) form of `data`, level 9.
std::string gzipBytes(std::string_view data);
// Writes `file`.gz with gzipBytes(`data`) unless it exists (objects are written once).
Status writeGzipCopy(const std::filesystem::path& file, std::string_view data);

} // namespace lantai::core
