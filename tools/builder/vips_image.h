// tools/builder: libvips plumbing of the pyramid writer — an owning image handle, error text,
// opening a source, making it JPEG-ready (sRGB, 8 bits, no alpha), exact resize, JPEG save
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vips/vips.h>

namespace lantai::core::imaging {

// Owns one VipsImage reference (move-only; unrefs on destruction).
class ImageRef {
  public:
    ImageRef() = default;
    explicit ImageRef(VipsImage* image) : m_image(image) {}
    ImageRef(const ImageRef&) = delete;
    ImageRef& operator=(const ImageRef&) = delete;
    ImageRef(ImageRef&& other) noexcept : m_image(std::exchange(other.m_image, nullptr)) {}
    ImageRef& operator=(ImageRef&& other) noexcept {
        if (this != &other) {
            reset();
            m_image = std::exchange(other.m_image, nullptr);
        }
        return *this;
    }
    ~ImageRef() { reset(); }

    void reset(VipsImage* image = nullptr) {
        if (m_image) g_object_unref(m_image);
        m_image = image;
    }
    VipsImage* get() const { return m_image; }
    VipsImage** out() {
        reset();
        return &m_image;
    }
    explicit operator bool() const { return m_image != nullptr; }

  private:
    VipsImage* m_image = nullptr;
};

// What went wrong, in English: "<file>: <what>: <libvips detail>".
struct Failure {
    std::string message;
};

// Takes (and clears) the libvips error buffer as one line.
std::string takeVipsError();
// The failure of `what` on `file`, with (and clearing) the libvips error buffer.
Failure vipsFailure(const std::filesystem::path& file, const std::string& what);

// The EXIF orientation libvips read (1 when absent or unreadable).
int orientationOf(VipsImage* image);

// Opens `source` with the given access pattern (sequential keeps memory flat; random is needed
// to rotate); fails on decoder errors.
ImageRef openSource(const std::filesystem::path& source, VipsAccess access, Failure* failure);

// Makes an image JPEG-ready: CMYK and non-sRGB embedded profiles converted to sRGB (tile
// metadata is stripped, so the pixels must be sRGB), 8 bits, alpha flattened onto white.
bool makeJpegReady(ImageRef& image, const std::filesystem::path& source, Failure* failure);

// Resizes to exactly w x h (aspect may change by the rounding of ceil(W/s)).
bool resizeExact(VipsImage* in, int w, int h, ImageRef* out);

// Baseline JPEG at `quality`, metadata stripped, optimised Huffman tables.
bool saveJpeg(VipsImage* image, const std::filesystem::path& path, int quality);

} // namespace lantai::core::imaging
