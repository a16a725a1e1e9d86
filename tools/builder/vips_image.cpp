// tools/builder: libvips plumbing of the pyramid writer (colour, bit depth, alpha, resize, JPEG)
#include "tools/builder/vips_image.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace lantai::core::imaging {

namespace fs = std::filesystem;

namespace {

// True when an embedded ICC profile describes sRGB (its description mentions sRGB), so the
// per-pixel transform can be skipped.
bool profileLooksSrgb(const unsigned char* data, size_t size) {
    if (size < 132) return false;
    auto be32 = [&](size_t at) -> uint32_t {
        return (uint32_t(data[at]) << 24) | (uint32_t(data[at + 1]) << 16) |
               (uint32_t(data[at + 2]) << 8) | uint32_t(data[at + 3]);
    };
    const uint32_t count = be32(128);
    for (uint32_t i = 0; i < count && 132 + 12 * (i + 1) <= size; ++i) {
        const size_t entry = 132 + 12 * size_t(i);
        if (std::memcmp(data + entry, "desc", 4) != 0) continue;
        const size_t offset = be32(entry + 4);
        const size_t length = be32(entry + 8);
        if (offset > size || length > size - offset) return false;
        // 'desc' (ASCII) or 'mluc' (UTF-16BE): look for "sRGB" in either encoding.
        const unsigned char* d = data + offset;
        for (size_t k = 0; k + 4 <= length; ++k)
            if (std::memcmp(d + k, "sRGB", 4) == 0) return true;
        for (size_t k = 0; k + 8 <= length; ++k)
            if (d[k] == 0 && d[k + 1] == 's' && d[k + 2] == 0 && d[k + 3] == 'R' && d[k + 4] == 0 &&
                d[k + 5] == 'G' && d[k + 6] == 0 && d[k + 7] == 'B')
                return true;
        return false;
    }
    return false;
}

enum class ColourFix { None, EmbeddedProfile, Cmyk };

ColourFix colourFixNeeded(VipsImage* image) {
    if (vips_image_get_interpretation(image) == VIPS_INTERPRETATION_CMYK) return ColourFix::Cmyk;
    if (vips_image_get_typeof(image, VIPS_META_ICC_NAME)) {
        const void* data = nullptr;
        size_t size = 0;
        if (vips_image_get_blob(image, VIPS_META_ICC_NAME, &data, &size) == 0 &&
            !profileLooksSrgb(static_cast<const unsigned char*>(data), size))
            return ColourFix::EmbeddedProfile;
    }
    return ColourFix::None;
}

} // namespace

std::string takeVipsError() {
    char* raw = vips_error_buffer_copy();
    std::string msg = raw ? raw : "";
    g_free(raw);
    std::replace(msg.begin(), msg.end(), '\n', ' ');
    while (!msg.empty() && msg.back() == ' ')
        msg.pop_back();
    return msg.empty() ? std::string("unknown libvips error") : msg;
}

Failure vipsFailure(const fs::path& file, const std::string& what) {
    return Failure{file.string() + ": " + what + ": " + takeVipsError()};
}

int orientationOf(VipsImage* image) {
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) &&
        vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation) != 0) {
        vips_error_clear();
        orientation = 1;
    }
    return orientation;
}

ImageRef openSource(const fs::path& source, VipsAccess access, Failure* failure) {
    VipsSource* src = vips_source_new_from_file(source.c_str());
    if (!src) {
        *failure = vipsFailure(source, "cannot open image file");
        return {};
    }
    VipsImage* image = vips_image_new_from_source(src, "", "access", access, "fail_on",
                                                  VIPS_FAIL_ON_ERROR, nullptr);
    g_object_unref(src);
    if (!image) {
        *failure = vipsFailure(source, "cannot read image (not a supported image or corrupt)");
        return {};
    }
    return ImageRef(image);
}

bool makeJpegReady(ImageRef& image, const fs::path& source, Failure* failure) {
    ImageRef next;
    {
        const ColourFix fix = colourFixNeeded(image.get());
        if (fix != ColourFix::None) {
            const int rc =
                fix == ColourFix::Cmyk
                    ? vips_icc_transform(image.get(), next.out(), "srgb", "embedded", TRUE,
                                         "input_profile", "cmyk", "depth", 8, nullptr)
                    : vips_icc_transform(image.get(), next.out(), "srgb", "embedded", TRUE, "depth",
                                         8, nullptr);
            if (rc == 0) {
                image = std::move(next);
            } else if (fix == ColourFix::Cmyk) {
                *failure = vipsFailure(source, "cannot convert CMYK image to sRGB");
                return false;
            } else {
                vips_error_clear(); // broken embedded profile: use the pixels as they are
            }
        }
    }
    VipsImage* in = image.get();
    const VipsInterpretation interpretation = vips_image_get_interpretation(in);
    const bool otherSpace =
        interpretation == VIPS_INTERPRETATION_LAB || interpretation == VIPS_INTERPRETATION_LABQ ||
        interpretation == VIPS_INTERPRETATION_LABS || interpretation == VIPS_INTERPRETATION_LCH ||
        interpretation == VIPS_INTERPRETATION_CMC || interpretation == VIPS_INTERPRETATION_XYZ ||
        interpretation == VIPS_INTERPRETATION_YXY || interpretation == VIPS_INTERPRETATION_scRGB ||
        interpretation == VIPS_INTERPRETATION_HSV;
    if (vips_image_get_format(in) != VIPS_FORMAT_UCHAR || otherSpace) {
        const VipsInterpretation target =
            in->Bands < 3 ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
        if (vips_colourspace(in, next.out(), target, nullptr) != 0) {
            *failure = vipsFailure(source, "cannot convert image to 8-bit sRGB");
            return false;
        }
        image = std::move(next);
        in = image.get();
        if (vips_image_get_format(in) != VIPS_FORMAT_UCHAR) {
            if (vips_cast_uchar(in, next.out(), nullptr) != 0) {
                *failure = vipsFailure(source, "cannot convert image to 8 bits");
                return false;
            }
            image = std::move(next);
            in = image.get();
        }
    }
    if (vips_image_hasalpha(in)) {
        const double white[3] = {255, 255, 255};
        VipsArrayDouble* bg = vips_array_double_new(white, std::min(in->Bands - 1, 3));
        const int rc = vips_flatten(in, next.out(), "background", bg, nullptr);
        vips_area_unref(VIPS_AREA(bg));
        if (rc != 0) {
            *failure = vipsFailure(source, "cannot flatten alpha channel");
            return false;
        }
        image = std::move(next);
        in = image.get();
    }
    if (in->Bands == 2 || in->Bands > 3) { // odd band counts JPEG cannot hold
        if (vips_extract_band(in, next.out(), 0, "n", in->Bands > 3 ? 3 : 1, nullptr) != 0) {
            *failure = vipsFailure(source, "cannot select image bands");
            return false;
        }
        image = std::move(next);
    }
    return true;
}

bool resizeExact(VipsImage* in, int w, int h, ImageRef* out) {
    if (in->Xsize == w && in->Ysize == h) {
        g_object_ref(in);
        out->reset(in);
        return true;
    }
    ImageRef t;
    if (vips_thumbnail_image(in, t.out(), w, "height", h, "size", VIPS_SIZE_FORCE, nullptr) != 0)
        return false;
    if (t.get()->Xsize == w && t.get()->Ysize == h) {
        *out = std::move(t);
        return true;
    }
    return vips_embed(t.get(), out->out(), 0, 0, w, h, "extend", VIPS_EXTEND_COPY, nullptr) == 0;
}

bool saveJpeg(VipsImage* image, const fs::path& path, int quality) {
    return vips_jpegsave(image, path.c_str(), "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                         nullptr) == 0;
}

} // namespace lantai::core::imaging
