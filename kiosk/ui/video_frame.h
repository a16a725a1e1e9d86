// kiosk/ui: video frames on screen — letterboxing at the video's aspect ratio, bars in the
// theme's media backdrop, frames drawn without blending
#pragma once

#include "kiosk/ui/ui_context.h"

namespace lantai::kiosk {

// The largest rect of aspect width:height centred in `area` (`area` itself while unknown).
core::Rect letterboxRect(const core::Rect& area, int width, int height);
// The bars: `area` minus `inner` (nothing is drawn twice: fill rate matters on llvmpipe).
void drawLetterboxBars(UiContext& ui, const core::Rect& area, const core::Rect& inner);

// An opaque GL texture (a video frame, rows top to bottom) stretched over `rect`, drawn without
// blending.
void drawOpaqueImage(UiContext& ui, unsigned texture, const core::Rect& rect);

} // namespace lantai::kiosk
