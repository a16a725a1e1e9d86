// kiosk/ui: what tells a visitor a panel scrolls — a fade at each clipped edge and a thin
// position indicator
#pragma once

#include "kiosk/ui/ui_context.h"

namespace lantai::kiosk {

// Over `viewport` (the visible part of content that scrolls vertically, `scroll` of
// `maxScroll` pixels): a fade into `fadeTo` (the panel's own colour) along the top edge when
// content lies above, along the bottom edge when content lies below, and a thumb along the right
// edge showing where the view is. Nothing when everything fits (maxScroll <= 0).
void drawScrollHints(UiContext& ui, const core::Rect& viewport, double scroll, double maxScroll,
                     core::ColorRole fadeTo);

} // namespace lantai::kiosk
