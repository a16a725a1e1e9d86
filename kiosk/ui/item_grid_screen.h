// kiosk/ui: a chapter's items as a kinetic-scrolling thumbnail grid
#pragma once

#include "kiosk/ui/card_grid.h"
#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

class ItemGridScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
    bool onGesture(const core::Gesture& g, UiContext&, KioskState&) override {
        return m_grid.onGesture(g);
    }
    bool animating(const KioskState&) const override { return m_grid.animating(); }
    void advance(double dt, KioskState&) override { m_grid.advance(dt); }
    void reset() override {
        m_grid.reset();
        m_shownChapter = {-1, -1};
    }
    const CardGrid& grid() const { return m_grid; }

  private:
    CardGrid m_grid;
    std::pair<int, int> m_shownChapter{-1, -1};
};

// The date line of an item card and caption panel: formatted date or era text.
std::string itemDateText(const UiContext& ui, const core::Item& item);

} // namespace lantai::kiosk
