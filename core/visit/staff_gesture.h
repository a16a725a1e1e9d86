// core/visit: the hidden staff gesture — taps in one screen corner, the last one held (pure logic)
#pragma once

#include "core/base/geometry2d.h"

#include <cstdint>
#include <vector>

namespace lantai::core {

// Taps in the top-left corner square, then a press in it held still: a visitor tapping the
// corner by chance never holds the last touch (kiosk-satellite#120: taps alone open staff panels
// by accident). Distances in viewport pixels.
struct StaffGestureConfig {
    double cornerSize = 80.0;   // the square at the top-left corner, pixels
    int touches = 4;            // presses in all, the last one the hold
    double windowSeconds = 3.0; // from the first press to the start of the hold
    double holdSeconds = 1.0;   // the last press, held without moving
    double tapMaxSeconds = 0.5; // a press released before this counts as a tap
    double slop = 24.0;         // a press moving further is not a tap nor a hold
};

// Feed every raw pointer event (before any other use of it: the touch that wakes the kiosk
// counts) and call update(now) on the host's clock; update() returns true once when the gesture
// completes (the hold reached holdSeconds). A second finger, a press outside the corner, a press
// that moves or a slow tap start over.
//
// Threading/ownership: a value type used from one thread; never reads a clock.
class StaffGestureRecognizer {
  public:
    using PointerId = std::int64_t;

    explicit StaffGestureRecognizer(StaffGestureConfig config = {}) : m_config(config) {}

    void pointerDown(PointerId id, Vec2 position, double time);
    void pointerMove(PointerId id, Vec2 position, double time);
    void pointerUp(PointerId id, Vec2 position, double time);
    // True once, when the held press reaches holdSeconds after enough taps.
    bool update(double now);
    // When update() may next return true (the running hold's end); +inf when none.
    double nextDeadline() const;
    // Taps counted toward the gesture so far (for tests and the state report).
    int tapsCounted() const { return static_cast<int>(m_taps.size()); }
    void reset();
    const StaffGestureConfig& config() const { return m_config; }

  private:
    bool inCorner(Vec2 position) const;
    void dropOldTaps(double now);

    StaffGestureConfig m_config;
    std::vector<double> m_taps; // press times of the taps counted
    bool m_pressing = false;
    PointerId m_pointer = 0;
    Vec2 m_pressAt;
    double m_pressTime = 0;
    int m_down = 0; // pointers down (any position)
};

} // namespace lantai::core
