// kiosk/platform: reads back the GL framebuffer and writes it as a PNG (for tests and humans)
#pragma once

#include <filesystem>
#include <string>

namespace lantai::kiosk {

// Reads the current back buffer (width x height) and writes an RGB PNG. Call after rendering,
// before swapping. The kiosk calls it after SdlPlatform::endFrame(): the PHYSICAL window, with
// display.rotation's turn applied — what a visitor sees. Returns false with `error` set on
// failure.
bool writeScreenshotPng(const std::filesystem::path& file, int width, int height,
                        std::string& error);

} // namespace lantai::kiosk
