// kiosk/ui: the staff screen — the PIN pad, then health, packs, export, volume, tallies, restart
// and power off, every label in Chinese and English at once
#pragma once

#include "kiosk/ui/staff_controller.h"
#include "kiosk/ui/ui_context.h"

namespace lantai::kiosk {

// Draws over everything (the visitor screen is not drawn while staff mode is open). `now` is the
// host's clock (the back-off countdown).
void drawStaffScreen(UiContext& ui, StaffController& staff, double now);

} // namespace lantai::kiosk
