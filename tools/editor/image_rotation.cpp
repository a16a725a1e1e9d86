// tools/editor: quarter turns of image files (tjTransform, else decode + turn + encode)
#include "tools/editor/image_rotation.h"

#include "core/base/file_io.h"
#include "core/media/asset_probe.h"
#include "kiosk/render/image_decoder.h"

#include <cstring>
#include <memory>
#include <span>
#include <stb_image_write.h>
#include <turbojpeg.h>

namespace lantai::editor {

namespace {

core::Diagnostic rotationError(const std::filesystem::path& file, const std::string& problem,
                               const std::string& problemZh) {
    return core::operationalError("edit.rotate", file.string(),
                                  "Cannot rotate " + file.string() + ": " + problem + ".",
                                  "无法旋转 " + file.string() + "：" + problemZh + "。");
}

struct TjDeleter {
    void operator()(void* handle) const { tjDestroy(handle); }
};

bool isJpeg(const std::string& bytes) {
    return bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
           static_cast<unsigned char>(bytes[1]) == 0xD8;
}

// tjTransform with TJXOPT_PERFECT: fails (nullopt) when the image is not whole blocks.
std::optional<std::string> losslessTurn(const std::string& bytes, bool clockwise) {
    std::unique_ptr<void, TjDeleter> tj(tjInitTransform());
    if (!tj) return std::nullopt;
    tjtransform transform;
    std::memset(&transform, 0, sizeof transform);
    transform.op = clockwise ? TJXOP_ROT90 : TJXOP_ROT270;
    transform.options = TJXOPT_PERFECT;
    unsigned char* out = nullptr;
    unsigned long outSize = 0;
    auto* in = reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data()));
    if (tjTransform(tj.get(), in, bytes.size(), 1, &out, &outSize, &transform, 0) != 0) {
        if (out) tjFree(out);
        return std::nullopt;
    }
    std::string turned(reinterpret_cast<const char*>(out), outSize);
    tjFree(out);
    return turned;
}

kiosk::DecodedImage turnPixels(const kiosk::DecodedImage& image, bool clockwise) {
    kiosk::DecodedImage out;
    out.width = image.height;
    out.height = image.width;
    out.opaque = image.opaque;
    out.pixels.resize(image.pixels.size());
    const auto* src = reinterpret_cast<const std::uint32_t*>(image.pixels.data());
    auto* dst = reinterpret_cast<std::uint32_t*>(out.pixels.data());
    const std::size_t w = static_cast<std::size_t>(image.width);
    const std::size_t h = static_cast<std::size_t>(image.height);
    for (std::size_t y = 0; y < h; ++y)
        for (std::size_t x = 0; x < w; ++x) {
            // Clockwise: (x, y) -> (h-1-y, x); counter-clockwise: (x, y) -> (y, w-1-x).
            const std::size_t to = clockwise ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
            dst[to] = src[y * w + x];
        }
    return out;
}

core::Result<std::string> encodeJpeg(const kiosk::DecodedImage& image,
                                     const std::filesystem::path& file) {
    std::unique_ptr<void, TjDeleter> tj(tjInitCompress());
    unsigned char* out = nullptr;
    unsigned long outSize = 0;
    if (!tj || tjCompress2(tj.get(), image.pixels.data(), image.width, 0, image.height, TJPF_RGBA,
                           &out, &outSize, TJSAMP_420, 95, 0) != 0) {
        if (out) tjFree(out);
        return rotationError(file, "the JPEG encoder failed", "JPEG 编码失败");
    }
    std::string bytes(reinterpret_cast<const char*>(out), outSize);
    tjFree(out);
    return bytes;
}

core::Result<std::string> encodePng(const kiosk::DecodedImage& image,
                                    const std::filesystem::path& file) {
    std::string bytes;
    const auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                                   static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &bytes, image.width, image.height, 4, image.pixels.data(),
                                image.width * 4))
        return rotationError(file, "the PNG encoder failed", "PNG 编码失败");
    return bytes;
}

} // namespace

core::Result<std::string> rotateImageFile(const std::filesystem::path& file, bool clockwise) {
    auto bytes = core::readFile(file);
    if (!bytes) return bytes.error();
    const bool jpeg = isJpeg(*bytes);
    if (jpeg) {
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes->data());
        if (kiosk::jpegExifOrientation(std::span(data, bytes->size())) == 1)
            if (auto turned = losslessTurn(*bytes, clockwise)) return std::move(*turned);
    }
    const kiosk::DecodedImage decoded = kiosk::decodeImageBytes(
        std::span(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size()),
        file.string());
    if (!decoded.ok())
        return rotationError(file, decoded.error + " (JPEG, PNG and GIF can be rotated)",
                             "无法解码（可旋转 JPEG、PNG、GIF）");
    const kiosk::DecodedImage turned = turnPixels(decoded, clockwise);
    return jpeg ? encodeJpeg(turned, file) : encodePng(turned, file);
}

std::string rotatedFileName(const std::string& name) {
    const std::filesystem::path path(name);
    std::string ext = path.extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".gif") return path.stem().string() + ".png";
    return name;
}

} // namespace lantai::editor
