// core/base: a display turned by 0/90/180/270 degrees — the logical (layout) size and the mapping
// of physical window coordinates to logical ones and back (pure maths, no GL)
#pragma once

#include "core/base/geometry2d.h"

namespace lantai::core {

// `display.rotation`: how far the kiosk turns its picture CLOCKWISE on the physical screen. The
// runtime lays out and hit-tests in LOGICAL pixels (a 1920x1080 panel at 90 or 270 is a
// 1080x1920 portrait layout); the window, SDL's mouse events (pixels) and finger events
// (0..1 of the window) are PHYSICAL. Where the logical top edge ends up:
//   0   top          (no rotation)
//   90  right edge   (for a panel stood up by turning it counter-clockwise)
//   180 bottom edge  (a panel hung upside down)
//   270 left edge    (for a panel stood up by turning it clockwise)
// Coordinates are continuous: a point, not a pixel index; (0, 0) is the top-left corner.
class DisplayRotation {
  public:
    // Degrees, one of 0, 90, 180, 270 (anything else counts as 0; the settings table only allows
    // these). physicalWidth/Height: the window's drawable size in pixels.
    DisplayRotation(int degrees, double physicalWidth, double physicalHeight);

    int degrees() const { return m_degrees; }
    bool turnsSides() const { return m_degrees == 90 || m_degrees == 270; }
    double physicalWidth() const { return m_width; }
    double physicalHeight() const { return m_height; }
    // The layout's size: the physical size, its sides swapped at 90 and 270.
    double logicalWidth() const { return turnsSides() ? m_height : m_width; }
    double logicalHeight() const { return turnsSides() ? m_width : m_height; }

    // A point of the physical window (a mouse event's pixels) in the logical layout.
    Vec2 toLogical(Vec2 physical) const;
    // A finger's normalised position (0..1 of the physical window, SDL's tfinger.x/y) in the
    // logical layout.
    Vec2 normalizedToLogical(Vec2 normalized) const;
    // Where a logical point appears on the physical window (the inverse of toLogical).
    Vec2 toPhysical(Vec2 logical) const;

  private:
    int m_degrees = 0;
    double m_width = 0;
    double m_height = 0;
};

// True for 0, 90, 180 and 270.
constexpr bool isDisplayRotation(long long degrees) {
    return degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270;
}

} // namespace lantai::core
