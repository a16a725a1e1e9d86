// kiosk/ui: pack images on screen — the right derivative for a size, from the texture cache,
// with a calm placeholder until it is loaded
#pragma once

#include "kiosk/render/deep_zoom_renderer.h"
#include "kiosk/ui/ui_context.h"

#include <string>

namespace lantai::kiosk {

// Draws an image file scaled to cover (crop) or fit `rect`, from the texture cache; a calm
// placeholder (with a note when the image is broken) until it is loaded.
void drawImageFile(UiContext& ui, const std::string& packPath, const core::Rect& rect, ImageFit fit,
                   int wantLongestSide, float rounding = 0);

// The file to show for a pack image at about `longestSide` pixels: a thumbnail or one of the
// IIIF "sizes" from derived/, else the original (decoded downscaled).
std::string displayFileFor(const UiContext& ui, const std::string& packPath, int longestSide,
                           int* maxDimension);

} // namespace lantai::kiosk
