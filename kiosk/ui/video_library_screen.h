// kiosk/ui: the video library — posters, titles, durations and the chapter each video belongs to
#pragma once

#include "kiosk/ui/card_grid.h"
#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

class VideoLibraryScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
    bool onGesture(const core::Gesture& gesture, UiContext&, KioskState&) override {
        return m_grid.onGesture(gesture);
    }
    bool animating(const KioskState&) const override { return m_grid.animating(); }
    void advance(double dt, KioskState&) override { m_grid.advance(dt); }
    void reset() override { m_grid.reset(); }

  private:
    CardGrid m_grid;
};

} // namespace lantai::kiosk
