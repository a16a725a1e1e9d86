// kiosk/render: deep-zoom drawing of IIIF tile pyramids (coarser level under loading tiles) and
// fitted thumbnails
#pragma once

#include "core/iiif/tile_geometry.h"
#include "core/pack/derived_index.h"
#include "core/visit/zoom_viewport.h"
#include "kiosk/render/texture_cache.h"

#include <filesystem>
#include <imgui.h>
#include <optional>
#include <string>
#include <string_view>

namespace lantai::kiosk {

// Without derivatives the original is decoded and shrunk to at most this many pixels on its
// longer side (one texture; fine on every GL 3.3 GPU).
inline constexpr int kFallbackMaxDimension = 4096;

// One image ready for deep zoom: its tile pyramid (content/FORMAT.md "Derived files") or, when
// the pack has no usable derivatives, the original file shown as a single downscaled texture.
struct IiifImage {
    core::TilePyramid pyramid;     // full-resolution size (after EXIF orientation), tiles
    std::filesystem::path iiifDir; // folder of info.json; tile paths are relative to it
    bool hasTiles = false;
    std::filesystem::path fallbackFile; // the original; drawn when !hasTiles
};

// Reads derived/<derived->iiif>/info.json under packRoot. When `derived` is null or its
// info.json is missing or damaged, falls back to the original `imageFile` (relative to packRoot
// or absolute) with hasTiles = false and a warning for the log in *warning. nullopt (reason in
// *warning) when neither is usable: the original is missing, unreadable, not JPEG/PNG/GIF or
// above the pixel limit. Reads headers only (main thread is fine).
std::optional<IiifImage> loadIiifImage(const std::filesystem::path& packRoot,
                                       const core::DerivedImage* derived,
                                       const std::filesystem::path& imageFile,
                                       std::string* warning);

// The pyramid an IIIF Image API 3.0 info.json describes (width, height, tiles[0].width and
// scaleFactors; square tiles only). nullopt with a reason in *error when it is unusable.
std::optional<core::TilePyramid> parseIiifInfo(std::string_view json, std::string* error);

struct DeepZoomOptions {
    double maxTexelSize = 1.0;  // see core::chooseScaleFactor (1 = never blurrier than the screen)
    double prefetchTiles = 1.0; // tiles of the chosen level requested around the view
};

struct DrawResult {
    bool sharp = false;  // every on-screen tile of the chosen level is drawn
    int scaleFactor = 1; // chosen level (fallback: how much the original was shrunk)
    int tilesDrawn = 0;  // on-screen tiles of the chosen level drawn at their own resolution
    int tilesMissing = 0;
    bool failed = false; // nothing can be shown (the coarsest level or the original failed)
    std::string error;   // why, naming the file (for the log; the UI shows its own note)
};

// Draws the image in the viewport's view rect (clipped to it). For the current zoom it draws
// the chosen level's on-screen tiles that are resident; under each missing one it draws the
// nearest coarser resident level (cropped), or a placeholderColour rectangle before anything
// has loaded, so the view is never blank. Requests, most urgent first: the coarsest level,
// the on-screen tiles nearest the centre first, then a prefetch ring of about one tile.
// Without tiles, a 512 px preview of the original stands in while the kFallbackMaxDimension
// version decodes. On failure the placeholder covers the image and the caller draws its note
// over it.
//
// Threading: main thread, after the frame's TextureCache::beginFrame() (uploads may come before
// or after it), before the ImGui render.
DrawResult drawDeepZoom(ImDrawList* drawList, const core::ZoomViewport& viewport,
                        const IiifImage& image, TextureCache& cache, ImU32 placeholderColour,
                        const DeepZoomOptions& options = {});

enum class ImageFit {
    Contain, // whole image inside the rect, letterboxed, centred
    Cover,   // fills the rect, centred crop via texture coordinates
};

struct FitPlacement {
    ImVec2 min, max;     // where the image goes on screen
    ImVec2 uvMin, uvMax; // which part of the texture
};

// Pure geometry of drawImageFit (an image of imageWidth x imageHeight into [min, max]).
FitPlacement fitImage(ImVec2 min, ImVec2 max, int imageWidth, int imageHeight, ImageFit fit);

// Draws `texture` fitted into [min, max] (thumbnails, cards); a placeholderColour rectangle when
// texture is null. rounding > 0 rounds the corners of what is drawn.
void drawImageFit(ImDrawList* drawList, ImVec2 min, ImVec2 max, const Texture* texture,
                  ImageFit fit, ImU32 placeholderColour, float rounding = 0.0f,
                  ImU32 tint = IM_COL32_WHITE);

} // namespace lantai::kiosk
