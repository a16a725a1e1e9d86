// kiosk/ui: shared widgets — background, buttons, the top bar (back · home · language), cards,
// images
#pragma once

#include "kiosk/render/deep_zoom_renderer.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/ui_context.h"

#include <functional>
#include <string>

namespace lantai::kiosk {

enum class ButtonKind { Primary, Secondary, Ghost };

void drawBackground(UiContext& ui);

// A touch button: rounded fill, centred label, pressed feedback, registered as tap target `id`.
void button(UiContext& ui, const std::string& id, const core::Rect& rect, std::string_view label,
            ButtonKind kind, std::function<void()> action);

struct TopBarActions {
    std::function<void()> back; // empty: no back button
    std::function<void()> home; // empty: no home button
    std::function<void()> toggleLanguage;
};

// The bar along the top of every visitor screen; returns the content area below it.
core::Rect topBar(UiContext& ui, std::string_view title, const TopBarActions& actions);

// Draws an image file scaled to cover (crop) or fit `rect`, from the texture cache; a calm
// placeholder (with a note when the image is broken) until it is loaded.
void drawImageFile(UiContext& ui, const std::string& packPath, const core::Rect& rect, ImageFit fit,
                   int wantLongestSide, float rounding = 0);

// The file to show for a pack image at about `longestSide` pixels: a thumbnail or one of the
// IIIF "sizes" from derived/, else the original (decoded downscaled).
std::string displayFileFor(const UiContext& ui, const std::string& packPath, int longestSide,
                           int* maxDimension);

// The largest rect of aspect width:height centred in `area` (`area` itself while unknown).
core::Rect letterboxRect(const core::Rect& area, int width, int height);
// Black bars: `area` minus `inner` (nothing is drawn twice: fill rate matters on llvmpipe).
void drawLetterboxBars(UiContext& ui, const core::Rect& area, const core::Rect& inner);

// An opaque GL texture (a video frame, rows top to bottom) stretched over `rect`, drawn without
// blending.
void drawOpaqueImage(UiContext& ui, unsigned texture, const core::Rect& rect);

// "Nothing here yet" under a grid's header, centred; returns the height used.
float drawEmptyNote(UiContext& ui, const core::Rect& box, std::string_view text);

// A small pill with the badge label.
float drawBadge(UiContext& ui, core::Vec2 topLeft, std::string_view label);

} // namespace lantai::kiosk
