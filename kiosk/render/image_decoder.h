// kiosk/render: image file -> RGBA8 pixels (libjpeg-turbo for JPEG, stb_image for PNG/GIF),
// optional downscale
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::kiosk {

// Declared sizes above this are refused before any pixel is decoded (decompression bomb), the
// same limit as the validator's `image.too_large`.
inline constexpr std::uint64_t kMaxDecodePixels = 300'000'000;
// Files larger than this are not read at all.
inline constexpr std::size_t kMaxDecodeFileBytes = std::size_t{1} << 30;

// RGBA8, straight (not premultiplied) alpha, rows top to bottom without padding.
struct DecodedImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 4 bytes
    // The full size the file declares, after EXIF orientation (equal to width/height unless a
    // maxDimension made the decoder shrink it).
    int sourceWidth = 0;
    int sourceHeight = 0;
    bool opaque = true;  // every alpha byte is 255 (JPEG always; PNG/GIF may have alpha)
    std::string error;   // empty on success; else names the file and the problem (English)
    std::string warning; // success, but the data was not clean (e.g. "Corrupt JPEG data: ...")

    bool ok() const { return error.empty(); }
    std::size_t byteSize() const { return pixels.size(); }
};

// Decodes a JPEG (libjpeg-turbo), PNG or GIF (first frame, stb_image) file into RGBA8. JPEG
// EXIF orientation is applied. With maxDimension > 0 the result's longer side is at most
// maxDimension: JPEGs are decoded at 1/2, 1/4 or 1/8 scale in the DCT domain first (the
// smallest scale still at least maxDimension), then everything is box-downscaled (area
// average, alpha-weighted). Never throws and never crashes on truncated or corrupt input: the
// problem is returned in `error`. Truncated JPEGs are errors (like `lantai build`); other
// libjpeg warnings decode with `warning` set. WebP and TIFF originals are refused with a hint
// to run `lantai build` (the pack builder turns every image into JPEG tiles).
//
// Threading: a pure function; safe to call from any number of threads at once.
DecodedImage decodeImageFile(const std::filesystem::path& file, int maxDimension = 0);
// The same for bytes in memory; `name` is used in messages.
DecodedImage decodeImageBytes(std::span<const std::uint8_t> bytes, std::string_view name,
                              int maxDimension = 0);

// The EXIF orientation (1..8) of a JPEG's APP1 segment, 1 when absent or unreadable. Reads only
// the marker segments before the image data, never past `bytes`.
int jpegExifOrientation(std::span<const std::uint8_t> bytes);

// Area-average resample of an RGBA8 image to exactly width x height (both >= 1, at most the
// source size). Transparent pixels do not darken their neighbours (alpha-weighted).
DecodedImage boxDownscale(const DecodedImage& source, int width, int height);

// The size that fits `width` x `height` into maxDimension on the longer side, keeping the aspect
// (unchanged when it already fits or maxDimension <= 0).
void fitWithin(int width, int height, int maxDimension, int& outWidth, int& outHeight);

} // namespace lantai::kiosk
