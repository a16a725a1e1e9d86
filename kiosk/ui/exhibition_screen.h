// kiosk/ui: an exhibition — title, introduction and its chapters as cards
#pragma once

#include "kiosk/ui/card_grid.h"
#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

class ExhibitionScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
    bool onGesture(const core::Gesture& g, UiContext&, KioskState&) override {
        return m_grid.onGesture(g);
    }
    bool animating(const KioskState&) const override { return m_grid.animating(); }
    void advance(double dt, KioskState&) override { m_grid.advance(dt); }
    void reset() override {
        m_grid.reset();
        m_shownExhibition = -1;
    }

  private:
    CardGrid m_grid;
    int m_shownExhibition = -1;
};

} // namespace lantai::kiosk
