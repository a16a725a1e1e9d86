// kiosk/ui: a kinetic-scrolling grid of image cards (chapters of an exhibition, items of a chapter)
#pragma once

#include "core/visit/gesture_recognizer.h"
#include "kiosk/ui/screens.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lantai::kiosk {

struct Card {
    std::string id;    // tap target id, e.g. "item:demo-1-01"
    std::string image; // pack path of the cover image (may be empty)
    std::string title;
    std::string subtitle; // date, item count ...
    std::string badge;    // optional badge label on the image
    std::function<void()> action;
};

// Vertical grid with drag-to-scroll and inertia; the header (drawn by the caller through
// `drawHeader`, returning its height) scrolls with the cards. Threading: main thread only.
class CardGrid {
  public:
    void draw(UiContext& ui, const core::Rect& area, const std::vector<Card>& cards,
              const std::function<float(UiContext&, const core::Rect&)>& drawHeader);
    bool onGesture(const core::Gesture& gesture);
    void advance(double dt);
    bool animating() const { return m_scroller.isMoving() || m_dragging; }
    void reset();
    double scroll() const { return m_scroll; }
    double maxScroll() const { return m_maxScroll; }

  private:
    core::InertiaScroller m_scroller;
    core::Rect m_area;
    double m_scroll = 0;
    double m_maxScroll = 0;
    bool m_dragging = false;
};

// "Nothing here yet" under a grid's header, centred; returns the height used.
float drawEmptyNote(UiContext& ui, const core::Rect& box, std::string_view text);

} // namespace lantai::kiosk
