// kiosk/ui: the home screen — exhibition title, organiser, one tile per section that has content
#pragma once

#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

class HomeScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
};

} // namespace lantai::kiosk
