// core/base: the display rotation's coordinate maths (physical window <-> logical layout)
#include "core/base/display_rotation.h"

namespace lantai::core {

DisplayRotation::DisplayRotation(int degrees, double physicalWidth, double physicalHeight)
    : m_degrees(isDisplayRotation(degrees) ? degrees : 0), m_width(physicalWidth),
      m_height(physicalHeight) {}

// The picture is turned clockwise by m_degrees: at 90 the logical top-left corner is the
// physical top-right one and the logical x axis runs down the physical right edge.
Vec2 DisplayRotation::toPhysical(Vec2 p) const {
    switch (m_degrees) {
    case 90:
        return {m_width - p.y, p.x};
    case 180:
        return {m_width - p.x, m_height - p.y};
    case 270:
        return {p.y, m_height - p.x};
    default:
        return p;
    }
}

Vec2 DisplayRotation::toLogical(Vec2 p) const {
    switch (m_degrees) {
    case 90:
        return {p.y, m_width - p.x};
    case 180:
        return {m_width - p.x, m_height - p.y};
    case 270:
        return {m_height - p.y, p.x};
    default:
        return p;
    }
}

Vec2 DisplayRotation::normalizedToLogical(Vec2 normalized) const {
    return toLogical({normalized.x * m_width, normalized.y * m_height});
}

} // namespace lantai::core
