// kiosk/render: IIIF info.json loading, tile selection and drawing with coarser-level fallback,
// fitted images
#include "kiosk/render/deep_zoom_renderer.h"

#include "core/base/file_io.h"
#include "core/media/asset_probe.h"
#include "kiosk/render/image_decoder.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

namespace lantai::kiosk {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxInfoJsonBytes = 1u << 20;

// ---- loading -----------------------------------------------------------------------------------

std::optional<IiifImage> loadTiled(const fs::path& packRoot, const core::DerivedImage& derived,
                                   std::string* reason) {
    const fs::path dir = packRoot / "derived" / derived.iiif;
    const auto text = core::readFile(dir / "info.json", kMaxInfoJsonBytes);
    if (!text) {
        *reason = text.error().message;
        return std::nullopt;
    }
    std::string error;
    auto pyramid = parseIiifInfo(*text, &error);
    if (!pyramid) {
        *reason = (dir / "info.json").string() + ": " + error;
        return std::nullopt;
    }
    IiifImage image;
    image.pyramid = std::move(*pyramid);
    image.iiifDir = dir;
    image.hasTiles = true;
    return image;
}

// Header-only size of the original, after EXIF orientation.
std::optional<IiifImage> loadOriginal(const fs::path& file, std::string* reason) {
    const core::ProbeResult probe = core::probeFile(file);
    const std::string name = file.string();
    if (!probe.problem.empty()) {
        *reason = name + ": " + probe.problem;
        return std::nullopt;
    }
    if (probe.kind != core::AssetKind::Jpeg && probe.kind != core::AssetKind::Png &&
        probe.kind != core::AssetKind::Gif) {
        *reason = name + ": " +
                  (core::isImageKind(probe.kind) ? std::string(core::assetKindName(probe.kind)) +
                                                       " images need the pack's derivatives"
                                                 : std::string("not an image file"));
        return std::nullopt;
    }
    if (!probe.size || probe.size->pixelCount() > kMaxDecodePixels) {
        *reason = name + ": image size unreadable or above the 300 megapixel limit";
        return std::nullopt;
    }
    int width = static_cast<int>(probe.size->width);
    int height = static_cast<int>(probe.size->height);
    if (probe.kind == core::AssetKind::Jpeg) {
        std::vector<std::uint8_t> head(core::kProbePrefixBytes);
        std::ifstream in(file, std::ios::binary);
        in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
        if (jpegExifOrientation(head) >= 5) std::swap(width, height);
    }
    IiifImage image;
    image.pyramid = core::TilePyramid{width, height, std::max(width, height), {1}};
    image.hasTiles = false;
    image.fallbackFile = file;
    return image;
}

// ---- drawing -----------------------------------------------------------------------------------

ImVec2 toIm(core::Vec2 v) {
    return {static_cast<float>(v.x), static_cast<float>(v.y)};
}

std::string tileKey(const IiifImage& image, const core::TileRef& tile) {
    return (image.iiifDir / tile.path).string();
}

// Without tiles: a quick small decode (JPEG 1/8 DCT scale) stands in while the big one decodes.
constexpr int kFallbackPreviewDimension = 512;

std::string fallbackKey(const IiifImage& image, int maxDimension) {
    return image.fallbackFile.string() + "#max" + std::to_string(maxDimension);
}

// Draws `uv` of `texture` over the full-resolution `region`. Both corners go through
// imageToView, so neighbouring regions share exactly the same screen edge (no hairline gaps).
void drawRegion(ImDrawList* list, const core::ZoomViewport& viewport, const Texture& texture,
                const core::Rect& region, const core::Rect& uv) {
    list->AddImage(texture.imguiId(), toIm(viewport.imageToView({region.x, region.y})),
                   toIm(viewport.imageToView({region.right(), region.bottom()})),
                   ImVec2(static_cast<float>(uv.x), static_cast<float>(uv.y)),
                   ImVec2(static_cast<float>(uv.right()), static_cast<float>(uv.bottom())));
}

void fillRegion(ImDrawList* list, const core::ZoomViewport& viewport, const core::Rect& region,
                ImU32 colour) {
    list->AddRectFilled(toIm(viewport.imageToView({region.x, region.y})),
                        toIm(viewport.imageToView({region.right(), region.bottom()})), colour);
}

// Under a tile that is not resident: the nearest coarser level whose covering tiles are all
// resident, cropped to the tile; else the placeholder.
void drawCoverage(ImDrawList* list, const core::ZoomViewport& viewport, const IiifImage& image,
                  TextureCache& cache, const core::TileRef& tile, ImU32 placeholderColour) {
    const std::vector<core::TileRef> coverage = core::coarserCoverage(image.pyramid, tile);
    const core::Rect region = tile.region();
    std::vector<std::pair<const core::TileRef*, const Texture*>> level;
    for (std::size_t i = 0; i < coverage.size();) {
        std::size_t end = i;
        while (end < coverage.size() && coverage[end].scaleFactor == coverage[i].scaleFactor)
            ++end;
        level.clear();
        bool complete = true;
        for (std::size_t k = i; k < end && complete; ++k) {
            const Texture* texture = cache.resident(tileKey(image, coverage[k]));
            complete = texture != nullptr;
            level.emplace_back(&coverage[k], texture);
        }
        if (complete) {
            for (const auto& [cover, texture] : level) {
                const core::Rect part = core::intersect(cover->region(), region);
                if (!part.empty())
                    drawRegion(list, viewport, *texture, part, core::textureSubRect(*cover, part));
            }
            return;
        }
        i = end;
    }
    fillRegion(list, viewport, region, placeholderColour);
}

void drawTiled(ImDrawList* list, const core::ZoomViewport& viewport, const IiifImage& image,
               TextureCache& cache, ImU32 placeholderColour, const DeepZoomOptions& options,
               DrawResult& result) {
    const core::TilePyramid& pyramid = image.pyramid;
    const int chosen =
        core::chooseScaleFactor(pyramid.scaleFactors, viewport.zoom(), options.maxTexelSize);
    const double marginPx =
        std::max(0.0, options.prefetchTiles) * pyramid.tileSize * chosen * viewport.zoom();
    const core::VisibleTiles visible =
        viewport.visibleTiles(pyramid, marginPx, options.maxTexelSize);
    const core::Rect onScreen = viewport.visibleImageRegion();
    result.scaleFactor = visible.scaleFactor;

    // The coarsest level first: something to show from the first frame, and the last resort
    // under every missing tile.
    const int coarsest =
        *std::max_element(pyramid.scaleFactors.begin(), pyramid.scaleFactors.end());
    bool coarsestFailed = false;
    if (coarsest != visible.scaleFactor) {
        for (const core::TileRef& tile : core::tilesInRegion(pyramid, coarsest, onScreen)) {
            const std::string key = tileKey(image, tile);
            if (!cache.get(key, image.iiifDir / tile.path, 0) && cache.failed(key) &&
                !coarsestFailed) {
                coarsestFailed = true;
                result.error = cache.error(key);
            }
        }
    }

    int priority = 1;
    std::vector<const core::TileRef*> prefetch;
    for (const core::TileRef& tile : visible.tiles) { // nearest the centre first
        if (core::intersect(tile.region(), onScreen).empty()) {
            prefetch.push_back(&tile);
            continue;
        }
        const std::string key = tileKey(image, tile);
        if (const Texture* texture = cache.get(key, image.iiifDir / tile.path, priority++)) {
            drawRegion(list, viewport, *texture, tile.region(), core::Rect{0, 0, 1, 1});
            ++result.tilesDrawn;
            continue;
        }
        ++result.tilesMissing;
        if (coarsest == visible.scaleFactor && cache.failed(key) && !coarsestFailed) {
            coarsestFailed = true;
            result.error = cache.error(key);
        }
        drawCoverage(list, viewport, image, cache, tile, placeholderColour);
    }
    for (const core::TileRef* tile : prefetch)
        cache.get(tileKey(image, *tile), image.iiifDir / tile->path, priority++);
    result.sharp = result.tilesMissing == 0;
    // A broken pyramid base matters only while nothing finer is on screen.
    result.failed = coarsestFailed && result.tilesDrawn == 0;
    if (!result.failed) result.error.clear();
}

void drawOriginal(ImDrawList* list, const core::ZoomViewport& viewport, const IiifImage& image,
                  TextureCache& cache, ImU32 placeholderColour, DrawResult& result) {
    const std::string key = fallbackKey(image, kFallbackMaxDimension);
    const core::Rect whole{0, 0, double(image.pyramid.width), double(image.pyramid.height)};
    const Texture* texture = cache.resident(key);
    if (!texture) {
        const std::string previewKey = fallbackKey(image, kFallbackPreviewDimension);
        const Texture* preview =
            cache.get(previewKey, image.fallbackFile, 0, kFallbackPreviewDimension);
        texture = cache.get(key, image.fallbackFile, 1, kFallbackMaxDimension);
        if (!texture) {
            if (preview) {
                drawRegion(list, viewport, *preview, whole, core::Rect{0, 0, 1, 1});
            } else {
                fillRegion(list, viewport, whole, placeholderColour);
            }
            result.tilesMissing = 1;
            if (cache.failed(key) && cache.failed(previewKey)) {
                result.failed = true;
                result.error = cache.error(key);
            }
            return;
        }
    }
    drawRegion(list, viewport, *texture, whole, core::Rect{0, 0, 1, 1});
    const int longest = std::max(image.pyramid.width, image.pyramid.height);
    const int shown = std::max(1, std::max(texture->width, texture->height));
    result.scaleFactor = std::max(1, (longest + shown - 1) / shown);
    result.tilesDrawn = 1;
    result.sharp = true;
}

} // namespace

std::optional<core::TilePyramid> parseIiifInfo(std::string_view json, std::string* error) {
    auto fail = [error](std::string message) -> std::optional<core::TilePyramid> {
        if (error) *error = std::move(message);
        return std::nullopt;
    };
    const nlohmann::json info = nlohmann::json::parse(json, nullptr, false);
    if (info.is_discarded() || !info.is_object()) return fail("not valid JSON");
    auto positive = [](const nlohmann::json& object, const char* field, int& out) {
        const auto it = object.find(field);
        if (it == object.end() || !it->is_number_integer()) return false;
        const auto v = it->get<long long>();
        if (v <= 0 || v > 1'000'000) return false;
        out = static_cast<int>(v);
        return true;
    };
    core::TilePyramid pyramid;
    if (!positive(info, "width", pyramid.width) || !positive(info, "height", pyramid.height))
        return fail("width and height must be positive integers");
    const auto tiles = info.find("tiles");
    if (tiles == info.end() || !tiles->is_array() || tiles->empty() || !(*tiles)[0].is_object())
        return fail("no \"tiles\" entry");
    const nlohmann::json& tile = (*tiles)[0];
    if (!positive(tile, "width", pyramid.tileSize) || pyramid.tileSize < 16 ||
        pyramid.tileSize > 8192)
        return fail("tiles[0].width must be an integer from 16 to 8192");
    int tileHeight = pyramid.tileSize;
    if (tile.contains("height") &&
        (!positive(tile, "height", tileHeight) || tileHeight != pyramid.tileSize))
        return fail("only square tiles are supported");
    const auto factors = tile.find("scaleFactors");
    if (factors == tile.end() || !factors->is_array() || factors->empty())
        return fail("tiles[0].scaleFactors must be a non-empty array");
    pyramid.scaleFactors.clear();
    for (const auto& f : *factors) {
        if (!f.is_number_integer() || f.get<long long>() < 1 || f.get<long long>() > 65536)
            return fail("tiles[0].scaleFactors must hold integers from 1 to 65536");
        pyramid.scaleFactors.push_back(f.get<int>());
    }
    std::sort(pyramid.scaleFactors.begin(), pyramid.scaleFactors.end());
    pyramid.scaleFactors.erase(
        std::unique(pyramid.scaleFactors.begin(), pyramid.scaleFactors.end()),
        pyramid.scaleFactors.end());
    return pyramid;
}

std::optional<IiifImage> loadIiifImage(const fs::path& packRoot, const core::DerivedImage* derived,
                                       const fs::path& imageFile, std::string* warning) {
    std::string why = "the pack has no derivatives for it";
    if (derived && !derived->iiif.empty()) {
        if (auto tiled = loadTiled(packRoot, *derived, &why)) {
            tiled->fallbackFile = imageFile.is_absolute() ? imageFile : packRoot / imageFile;
            return tiled;
        }
    }
    const fs::path original = imageFile.is_absolute() ? imageFile : packRoot / imageFile;
    std::string reason;
    auto image = loadOriginal(original, &reason);
    if (warning) {
        *warning = image
                       ? original.string() + ": " + why + "; showing the original downscaled to " +
                             std::to_string(kFallbackMaxDimension) + " px (run `lantai build`)"
                       : reason;
    }
    return image;
}

DrawResult drawDeepZoom(ImDrawList* drawList, const core::ZoomViewport& viewport,
                        const IiifImage& image, TextureCache& cache, ImU32 placeholderColour,
                        const DeepZoomOptions& options) {
    DrawResult result;
    const core::Rect view = viewport.viewRect();
    if (!drawList || view.empty() || image.pyramid.width <= 0 || image.pyramid.height <= 0 ||
        image.pyramid.scaleFactors.empty())
        return result;
    drawList->PushClipRect(toIm({view.x, view.y}), toIm({view.right(), view.bottom()}), true);
    if (image.hasTiles) {
        drawTiled(drawList, viewport, image, cache, placeholderColour, options, result);
    } else {
        drawOriginal(drawList, viewport, image, cache, placeholderColour, result);
    }
    drawList->PopClipRect();
    return result;
}

FitPlacement fitImage(ImVec2 min, ImVec2 max, int imageWidth, int imageHeight, ImageFit fit) {
    FitPlacement p{min, max, ImVec2(0, 0), ImVec2(1, 1)};
    const float rw = max.x - min.x;
    const float rh = max.y - min.y;
    if (imageWidth <= 0 || imageHeight <= 0 || !(rw > 0.0f) || !(rh > 0.0f)) return p;
    const float iw = static_cast<float>(imageWidth);
    const float ih = static_cast<float>(imageHeight);
    if (fit == ImageFit::Contain) {
        const float scale = std::min(rw / iw, rh / ih);
        const float w = iw * scale;
        const float h = ih * scale;
        p.min = ImVec2(min.x + (rw - w) * 0.5f, min.y + (rh - h) * 0.5f);
        p.max = ImVec2(p.min.x + w, p.min.y + h);
        return p;
    }
    const float imageAspect = iw / ih;
    const float rectAspect = rw / rh;
    if (imageAspect > rectAspect) { // wider: crop left and right
        const float extent = rectAspect / imageAspect;
        p.uvMin.x = (1.0f - extent) * 0.5f;
        p.uvMax.x = p.uvMin.x + extent;
    } else { // taller: crop top and bottom
        const float extent = imageAspect / rectAspect;
        p.uvMin.y = (1.0f - extent) * 0.5f;
        p.uvMax.y = p.uvMin.y + extent;
    }
    return p;
}

void drawImageFit(ImDrawList* drawList, ImVec2 min, ImVec2 max, const Texture* texture,
                  ImageFit fit, ImU32 placeholderColour, float rounding, ImU32 tint) {
    if (!drawList) return;
    if (!texture) {
        drawList->AddRectFilled(min, max, placeholderColour, rounding);
        return;
    }
    const FitPlacement p = fitImage(min, max, texture->width, texture->height, fit);
    if (rounding > 0.0f) {
        drawList->AddImageRounded(texture->imguiId(), p.min, p.max, p.uvMin, p.uvMax, tint,
                                  rounding);
    } else {
        drawList->AddImage(texture->imguiId(), p.min, p.max, p.uvMin, p.uvMax, tint);
    }
}

} // namespace lantai::kiosk
