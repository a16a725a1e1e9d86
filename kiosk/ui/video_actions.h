// kiosk/ui: starting a video for the visitor — what the video library and an item's "watch the
// video" button do
#pragma once

#include "kiosk/ui/screens.h"

#include <string>

namespace lantai::kiosk {

// Opens the player screen for a video of the pack and starts it for the visitor (sound on, the
// visitor's subtitle language). False when the pack has no such video or no player.
bool openVideoForVisitor(KioskState& state, const std::string& videoId);

} // namespace lantai::kiosk
