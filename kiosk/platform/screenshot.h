// kiosk/platform: reads back the GL framebuffer and writes it as a PNG (for tests and humans)
#pragma once

#include <filesystem>
#include <string>

namespace lantai::kiosk {

// Reads the current back buffer (width x height) and writes an RGB PNG. Call after rendering,
// before swapping. Returns false with `error` set on failure.
bool writeScreenshotPng(const std::filesystem::path& file, int width, int height,
                        std::string& error);

} // namespace lantai::kiosk
