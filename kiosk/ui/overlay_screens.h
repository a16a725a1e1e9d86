// kiosk/ui: the "还在吗？/Still there?" countdown overlay and the "暂停服务/out of service" screen
#pragma once

#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

// Dims the screen and asks whether the visitor is still there; tapping anywhere continues.
void drawStillThereOverlay(UiContext& ui, KioskState& state, double countdownTotalSeconds);

// Shown when no valid pack can be loaded: the reason in both languages, keeps running.
class OutOfServiceScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
};

} // namespace lantai::kiosk
