// kiosk/ui: the screen background — the theme's pattern (回纹 fret bands) over the cleared colour
#pragma once

#include "kiosk/ui/ui_context.h"

namespace lantai::kiosk {

// Draws the theme's background pattern; the plain `background` colour is the frame's clear
// colour (the app's glClear), so nothing is drawn for a theme without a pattern.
void drawBackground(UiContext& ui);

} // namespace lantai::kiosk
