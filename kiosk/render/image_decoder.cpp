// kiosk/render: JPEG via libjpeg-turbo (DCT-domain scaling, EXIF orientation), PNG/GIF via
// stb_image, area downscale
#include "kiosk/render/image_decoder.h"

#include "core/base/file_io.h"
#include "core/base/utf8.h"
#include "core/media/asset_probe.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <new>
#include <turbojpeg.h>

// stb_image is compiled here, once, with static linkage (libimgui's pkg-config also links the
// Debian libstb.so; STB_IMAGE_STATIC keeps the two from meeting). Only the formats that reach it.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_GIF
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

namespace lantai::kiosk {

namespace {

DecodedImage failure(std::string_view name, std::string problem) {
    DecodedImage out;
    out.error = std::string(name) + ": " + std::move(problem);
    return out;
}

bool tooLarge(std::uint64_t width, std::uint64_t height) {
    return width * height > kMaxDecodePixels;
}

std::string tooLargeMessage(std::uint64_t width, std::uint64_t height) {
    return "image is " + std::to_string(width) + " x " + std::to_string(height) +
           " pixels, above the 300 megapixel limit (refused as a possible decompression bomb)";
}

// ---- EXIF orientation --------------------------------------------------------------------------

std::uint32_t readUint(const std::uint8_t* p, int bytes, bool bigEndian) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) {
        const int shift = bigEndian ? 8 * (bytes - 1 - i) : 8 * i;
        v |= std::uint32_t{p[i]} << shift;
    }
    return v;
}

// Orientation tag (0x0112) in IFD0 of an "Exif\0\0" APP1 payload; 1 when absent.
int orientationFromExif(const std::uint8_t* data, std::size_t size) {
    if (size < 14 || std::memcmp(data, "Exif\0\0", 6) != 0) return 1;
    const std::uint8_t* tiff = data + 6;
    const std::size_t tiffSize = size - 6;
    bool big = false;
    if (tiff[0] == 'M' && tiff[1] == 'M')
        big = true;
    else if (!(tiff[0] == 'I' && tiff[1] == 'I'))
        return 1;
    if (readUint(tiff + 2, 2, big) != 42) return 1;
    const std::uint32_t ifd = readUint(tiff + 4, 4, big);
    if (ifd > tiffSize || tiffSize - ifd < 2) return 1;
    const std::uint32_t count = readUint(tiff + ifd, 2, big);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t entry = ifd + 2 + std::size_t{i} * 12;
        if (entry + 12 > tiffSize) return 1;
        if (readUint(tiff + entry, 2, big) != 0x0112) continue;
        if (readUint(tiff + entry + 2, 2, big) != 3) return 1; // SHORT
        const std::uint32_t v = readUint(tiff + entry + 8, 2, big);
        return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
    }
    return 1;
}

// Rotates/mirrors RGBA pixels so that EXIF orientation `o` becomes 1.
void applyOrientation(DecodedImage& image, int o) {
    if (o <= 1 || o > 8 || image.pixels.empty()) return;
    const int w = image.width;
    const int h = image.height;
    const bool swap = o >= 5;
    const int ow = swap ? h : w;
    const int oh = swap ? w : h;
    std::vector<std::uint8_t> out(image.pixels.size());
    const auto* src = reinterpret_cast<const std::uint32_t*>(image.pixels.data());
    auto* dst = reinterpret_cast<std::uint32_t*>(out.data());
    for (int y = 0; y < oh; ++y) {
        for (int x = 0; x < ow; ++x) {
            int sx = x, sy = y;
            switch (o) {
            case 2:
                sx = w - 1 - x;
                break;
            case 3:
                sx = w - 1 - x;
                sy = h - 1 - y;
                break;
            case 4:
                sy = h - 1 - y;
                break;
            case 5:
                sx = y;
                sy = x;
                break;
            case 6:
                sx = y;
                sy = h - 1 - x;
                break;
            case 7:
                sx = w - 1 - y;
                sy = h - 1 - x;
                break;
            case 8:
                sx = w - 1 - y;
                sy = x;
                break;
            default:
                break;
            }
            dst[std::size_t(y) * ow + x] = src[std::size_t(sy) * w + sx];
        }
    }
    image.pixels = std::move(out);
    image.width = ow;
    image.height = oh;
}

// ---- JPEG (libjpeg-turbo) ----------------------------------------------------------------------

struct TjDeleter {
    void operator()(void* h) const { tjDestroy(h); }
};

DecodedImage decodeJpeg(std::span<const std::uint8_t> bytes, std::string_view name,
                        int maxDimension) {
    std::unique_ptr<void, TjDeleter> tj(tjInitDecompress());
    if (!tj) return failure(name, "cannot start the JPEG decoder");
    auto* buf = const_cast<unsigned char*>(bytes.data());
    const auto size = static_cast<unsigned long>(bytes.size());
    int width = 0, height = 0, subsamp = 0, colorspace = 0;
    if (tjDecompressHeader3(tj.get(), buf, size, &width, &height, &subsamp, &colorspace) != 0)
        return failure(name, std::string("not a readable JPEG (") + tjGetErrorStr2(tj.get()) + ")");
    if (width <= 0 || height <= 0) return failure(name, "JPEG declares an empty image");
    if (tooLarge(std::uint64_t(width), std::uint64_t(height)))
        return failure(name, tooLargeMessage(std::uint64_t(width), std::uint64_t(height)));

    int targetW = width, targetH = height;
    fitWithin(width, height, maxDimension, targetW, targetH);
    // The coarsest 1/2^k DCT scale whose output is still at least the target size.
    tjscalingfactor scale{1, 1};
    if (targetW < width || targetH < height) {
        int count = 0;
        const tjscalingfactor* factors = tjGetScalingFactors(&count);
        for (int i = 0; factors && i < count; ++i) {
            const tjscalingfactor f = factors[i];
            if (f.num != 1 || (f.denom != 2 && f.denom != 4 && f.denom != 8)) continue;
            if (TJSCALED(width, f) >= targetW && TJSCALED(height, f) >= targetH &&
                f.denom > scale.denom)
                scale = f;
        }
    }
    const int scaledW = TJSCALED(width, scale);
    const int scaledH = TJSCALED(height, scale);

    const bool cmyk = colorspace == TJCS_CMYK || colorspace == TJCS_YCCK;
    DecodedImage out;
    out.width = scaledW;
    out.height = scaledH;
    out.pixels.resize(std::size_t(scaledW) * std::size_t(scaledH) * 4);
    const int flags = TJFLAG_LIMITSCANS; // refuses progressive files with absurd scan counts
    if (tjDecompress2(tj.get(), buf, size, out.pixels.data(), scaledW, 0, scaledH,
                      cmyk ? TJPF_CMYK : TJPF_RGBA, flags) != 0) {
        const std::string message = tjGetErrorStr2(tj.get());
        // Like libvips' fail_on=error (what `lantai build` uses): a truncated file is an error,
        // other libjpeg warnings ("Corrupt JPEG data: ...") still give a usable image.
        if (tjGetErrorCode(tj.get()) != TJERR_WARNING)
            return failure(name, "cannot decode JPEG (" + message + ")");
        if (message.find("Premature end of JPEG file") != std::string::npos)
            return failure(name, "JPEG file is truncated");
        out.warning = std::string(name) + ": " + message;
    }
    if (cmyk) {
        // Adobe (inverted) CMYK, as Photoshop writes it; an approximation without the ICC
        // profile (the pack builder converts properly).
        for (std::size_t i = 0; i < out.pixels.size(); i += 4) {
            const unsigned k = out.pixels[i + 3];
            for (std::size_t c = 0; c < 3; ++c)
                out.pixels[i + c] = static_cast<std::uint8_t>((out.pixels[i + c] * k + 127) / 255);
            out.pixels[i + 3] = 255;
        }
    }
    if (scaledW != targetW || scaledH != targetH) out = boxDownscale(out, targetW, targetH);

    const int orientation = jpegExifOrientation(bytes);
    applyOrientation(out, orientation);
    out.sourceWidth = orientation >= 5 ? height : width;
    out.sourceHeight = orientation >= 5 ? width : height;
    return out;
}

// ---- PNG / GIF (stb_image) ---------------------------------------------------------------------

struct StbiDeleter {
    void operator()(stbi_uc* p) const { stbi_image_free(p); }
};

DecodedImage decodeStb(std::span<const std::uint8_t> bytes, std::string_view name,
                       int maxDimension) {
    const int len = static_cast<int>(bytes.size()); // <= kMaxDecodeFileBytes < INT_MAX
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(bytes.data(), len, &width, &height, &channels))
        return failure(name,
                       "cannot read image header (" + core::validUtf8(stbi_failure_reason()) + ")");
    if (tooLarge(std::uint64_t(width), std::uint64_t(height)))
        return failure(name, tooLargeMessage(std::uint64_t(width), std::uint64_t(height)));
    std::unique_ptr<stbi_uc, StbiDeleter> pixels(
        stbi_load_from_memory(bytes.data(), len, &width, &height, &channels, 4));
    if (!pixels)
        return failure(name,
                       "cannot decode image (" + core::validUtf8(stbi_failure_reason()) + ")");

    DecodedImage out;
    out.width = out.sourceWidth = width;
    out.height = out.sourceHeight = height;
    const std::size_t n = std::size_t(width) * std::size_t(height) * 4;
    out.pixels.assign(pixels.get(), pixels.get() + n);
    pixels.reset();
    if (channels == 2 || channels == 4) {
        for (std::size_t i = 3; i < n && out.opaque; i += 4)
            out.opaque = out.pixels[i] == 255;
    }
    int targetW = width, targetH = height;
    fitWithin(width, height, maxDimension, targetW, targetH);
    if (targetW != width || targetH != height) {
        DecodedImage small = boxDownscale(out, targetW, targetH);
        small.sourceWidth = width;
        small.sourceHeight = height;
        return small;
    }
    return out;
}

DecodedImage decode(std::span<const std::uint8_t> bytes, std::string_view name, int maxDimension) {
    const core::ProbeResult probe = core::probeBytes(bytes);
    switch (probe.kind) {
    case core::AssetKind::Jpeg:
        return decodeJpeg(bytes, name, maxDimension);
    case core::AssetKind::Png:
    case core::AssetKind::Gif:
        return decodeStb(bytes, name, maxDimension);
    case core::AssetKind::Webp:
    case core::AssetKind::Tiff:
        return failure(
            name, std::string(core::assetKindName(probe.kind)) +
                      " images are shown only from the pack's derivatives; run `lantai build`");
    default:
        return failure(name,
                       bytes.empty() ? "file is empty" : "not an image file (JPEG, PNG or GIF)");
    }
}

} // namespace

int jpegExifOrientation(std::span<const std::uint8_t> bytes) {
    const std::size_t n = bytes.size();
    if (n < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) return 1;
    std::size_t pos = 2;
    while (pos + 4 <= n) {
        if (bytes[pos] != 0xFF) return 1;
        const std::uint8_t marker = bytes[pos + 1];
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) return 1; // image data / end: no EXIF before it
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            pos += 2;
            continue;
        }
        const std::size_t length = readUint(&bytes[pos + 2], 2, true);
        if (length < 2 || pos + 2 + length > n) return 1;
        if (marker == 0xE1) {
            const int o = orientationFromExif(&bytes[pos + 4], length - 2);
            if (o != 1) return o;
        }
        pos += 2 + length;
    }
    return 1;
}

void fitWithin(int width, int height, int maxDimension, int& outWidth, int& outHeight) {
    outWidth = width;
    outHeight = height;
    if (maxDimension <= 0 || width <= 0 || height <= 0 || std::max(width, height) <= maxDimension)
        return;
    const double scale = double(maxDimension) / std::max(width, height);
    outWidth = std::clamp(static_cast<int>(std::lround(width * scale)), 1, maxDimension);
    outHeight = std::clamp(static_cast<int>(std::lround(height * scale)), 1, maxDimension);
}

DecodedImage boxDownscale(const DecodedImage& source, int width, int height) {
    DecodedImage out;
    out.sourceWidth = source.sourceWidth;
    out.sourceHeight = source.sourceHeight;
    out.opaque = source.opaque;
    out.warning = source.warning;
    const int sw = source.width;
    const int sh = source.height;
    if (width < 1 || height < 1 || width > sw || height > sh ||
        source.pixels.size() != std::size_t(sw) * std::size_t(sh) * 4) {
        out.error = "boxDownscale: invalid size";
        return out;
    }
    // Per destination column/row: the source pixels it covers and the covered fraction of each.
    struct Span {
        int first = 0;
        int count = 0;
        std::size_t weights = 0; // offset into the weight array
    };
    auto spans = [](int src, int dst, std::vector<Span>& list, std::vector<float>& weights) {
        const double step = double(src) / dst;
        list.resize(std::size_t(dst));
        for (int d = 0; d < dst; ++d) {
            const double a = d * step;
            const double b = std::min(double(src), (d + 1) * step);
            const int first = std::min(src - 1, static_cast<int>(std::floor(a)));
            const int last = std::clamp(static_cast<int>(std::ceil(b)) - 1, first, src - 1);
            list[std::size_t(d)] = {first, last - first + 1, weights.size()};
            for (int s = first; s <= last; ++s) {
                const double cover = std::min(b, s + 1.0) - std::max(a, double(s));
                weights.push_back(static_cast<float>(std::max(0.0, cover) / step));
            }
        }
    };
    std::vector<Span> columns, rows;
    std::vector<float> columnWeights, rowWeights;
    spans(sw, width, columns, columnWeights);
    spans(sh, height, rows, rowWeights);

    const bool opaque = source.opaque;
    std::vector<float> row(std::size_t(width) * 4), acc(std::size_t(width) * 4);
    out.width = width;
    out.height = height;
    out.pixels.resize(std::size_t(width) * std::size_t(height) * 4);
    int rowInBuffer = -1; // the source row `row` holds (a boundary row serves two output rows)
    for (int dy = 0; dy < height; ++dy) {
        std::fill(acc.begin(), acc.end(), 0.0f);
        const Span& rs = rows[std::size_t(dy)];
        for (int k = 0; k < rs.count; ++k) {
            const float wy = rowWeights[rs.weights + std::size_t(k)];
            const int sy = rs.first + k;
            if (sy == rowInBuffer) {
                for (std::size_t i = 0; i < acc.size(); ++i)
                    acc[i] += wy * row[i];
                continue;
            }
            rowInBuffer = sy;
            const std::uint8_t* src = source.pixels.data() + std::size_t(sy) * std::size_t(sw) * 4;
            // Horizontal pass of one source row; colour premultiplied by alpha unless opaque.
            for (int dx = 0; dx < width; ++dx) {
                const Span& cs = columns[std::size_t(dx)];
                float r = 0, g = 0, b = 0, a = 0;
                for (int j = 0; j < cs.count; ++j) {
                    const std::uint8_t* p = src + std::size_t(cs.first + j) * 4;
                    const float w = columnWeights[cs.weights + std::size_t(j)];
                    const float pa = opaque ? w : w * p[3];
                    r += pa * p[0];
                    g += pa * p[1];
                    b += pa * p[2];
                    a += w * p[3];
                }
                float* o = &row[std::size_t(dx) * 4];
                o[0] = r;
                o[1] = g;
                o[2] = b;
                o[3] = a;
            }
            for (std::size_t i = 0; i < acc.size(); ++i)
                acc[i] += wy * row[i];
        }
        std::uint8_t* dst = out.pixels.data() + std::size_t(dy) * std::size_t(width) * 4;
        for (int dx = 0; dx < width; ++dx) {
            const float* a = &acc[std::size_t(dx) * 4];
            const float alpha = a[3];
            const float norm = opaque ? 1.0f : (alpha > 0.0f ? 1.0f / alpha : 0.0f);
            for (int c = 0; c < 3; ++c)
                dst[dx * 4 + c] =
                    static_cast<std::uint8_t>(std::clamp(a[c] * norm + 0.5f, 0.0f, 255.0f));
            dst[dx * 4 + 3] = static_cast<std::uint8_t>(std::clamp(alpha + 0.5f, 0.0f, 255.0f));
        }
    }
    return out;
}

DecodedImage decodeImageBytes(std::span<const std::uint8_t> bytes, std::string_view name,
                              int maxDimension) {
    try {
        if (bytes.size() > kMaxDecodeFileBytes) return failure(name, "file is larger than 1 GiB");
        return decode(bytes, name, maxDimension);
    } catch (const std::bad_alloc&) {
        return failure(name, "out of memory while decoding");
    } catch (const std::exception& e) {
        return failure(name, std::string("cannot decode (") + e.what() + ")");
    }
}

DecodedImage decodeImageFile(const std::filesystem::path& file, int maxDimension) {
    const std::string name = file.string();
    try {
        const auto data = core::readFile(file, kMaxDecodeFileBytes);
        if (!data) return failure(name, data.error().message);
        return decodeImageBytes({reinterpret_cast<const std::uint8_t*>(data->data()), data->size()},
                                name, maxDimension);
    } catch (const std::bad_alloc&) {
        return failure(name, "out of memory while reading");
    }
}

} // namespace lantai::kiosk
