// tools/cli: what `lantai pack install` checks in a staged pack beyond hashes — the validator, and
// every image decodes
#pragma once

#include "core/base/result.h"

#include <filesystem>

namespace lantai::cli {

// The pack loads and validates (errors refuse it; videos are probed by the validator's
// container checks), and every image the pack references decodes with libvips (every pixel,
// failing on any decoder error). The first problem is the error (code content.invalid or
// content.image_undecodable), naming the file.
core::Status checkPackContent(const std::filesystem::path& packDir);

} // namespace lantai::cli
