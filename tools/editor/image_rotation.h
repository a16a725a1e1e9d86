// tools/editor: turning an image file by 90° — losslessly for JPEG (libjpeg-turbo's
// tjTransform), else decoded, turned and encoded again (JPEG or PNG)
#pragma once

#include "core/base/result.h"

#include <filesystem>
#include <string>

namespace lantai::editor {

// The bytes of `file` turned a quarter clockwise (`clockwise`) or counter-clockwise. A JPEG
// whose size is a whole number of blocks and has no EXIF orientation is turned in the DCT
// domain (no quality lost, the markers kept); other JPEGs are decoded with their EXIF
// orientation applied, turned and encoded at quality 95; PNG and GIF become PNG. Other formats
// are refused (name the file and the reason). Any thread: a pure function of the file.
core::Result<std::string> rotateImageFile(const std::filesystem::path& file, bool clockwise);

// The name a turned copy gets in the pack: the same name (a GIF's with .png).
std::string rotatedFileName(const std::string& name);

} // namespace lantai::editor
