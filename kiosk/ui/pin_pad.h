// kiosk/ui: the number pad for PINs (the teacher's class contest, staff mode) — 3×4 touch keys
#pragma once

#include "kiosk/ui/ui_context.h"

#include <functional>
#include <string>

namespace lantai::kiosk {

struct PinPadActions {
    std::function<void(char)> digit;
    std::function<void()> clear;
    std::function<void()> submit;
};

// Keys 1–9, Clear, 0, OK in a 3×4 grid centred in `area` from `top` down, sized to fit. Tap
// targets are `<prefix>:<digit>`, `<prefix>-clear` and `<prefix>-ok` ("pin:4", "pin-ok").
// `enabled` false draws the keys as ghosts that do nothing (a back-off wait runs).
void drawPinPad(UiContext& ui, const core::Rect& area, float top, const std::string& prefix,
                const PinPadActions& actions, bool enabled = true);

} // namespace lantai::kiosk
