// core/base: 2-D vector and axis-aligned rectangle in doubles (gestures, zoom viewport)
#pragma once

#include <cmath>

namespace lantai::core {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;

    constexpr Vec2 operator+(Vec2 o) const { return {x + o.x, y + o.y}; }
    constexpr Vec2 operator-(Vec2 o) const { return {x - o.x, y - o.y}; }
    constexpr Vec2 operator*(double s) const { return {x * s, y * s}; }
    constexpr Vec2 operator/(double s) const { return {x / s, y / s}; }
    constexpr Vec2& operator+=(Vec2 o) {
        x += o.x;
        y += o.y;
        return *this;
    }
    constexpr bool operator==(const Vec2&) const = default;
    double length() const { return std::hypot(x, y); }
};

// x, y = top-left corner; empty when w or h <= 0.
struct Rect {
    double x = 0.0;
    double y = 0.0;
    double w = 0.0;
    double h = 0.0;

    constexpr double right() const { return x + w; }
    constexpr double bottom() const { return y + h; }
    constexpr bool empty() const { return !(w > 0.0 && h > 0.0); }
    constexpr Vec2 center() const { return {x + w * 0.5, y + h * 0.5}; }
    constexpr bool contains(Vec2 p) const {
        return p.x >= x && p.x < right() && p.y >= y && p.y < bottom();
    }
    constexpr bool operator==(const Rect&) const = default;
};

// The overlap of two rectangles (w/h 0 when they do not overlap).
constexpr Rect intersect(const Rect& a, const Rect& b) {
    const double x0 = a.x > b.x ? a.x : b.x;
    const double y0 = a.y > b.y ? a.y : b.y;
    const double x1 = a.right() < b.right() ? a.right() : b.right();
    const double y1 = a.bottom() < b.bottom() ? a.bottom() : b.bottom();
    return {x0, y0, x1 > x0 ? x1 - x0 : 0.0, y1 > y0 ? y1 - y0 : 0.0};
}

} // namespace lantai::core
