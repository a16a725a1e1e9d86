// core/visit: touch/mouse gestures (tap, double tap, long press, drag, swipe, pinch) and inertia
#pragma once

#include "core/base/geometry2d.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace lantai::core {

// Distances and speeds are in reference pixels of a 1080-pixel-high screen; pixelScale
// multiplies all of them (forScreenHeight(2160) doubles them for a 4K panel).
struct GestureConfig {
    double pixelScale = 1.0;
    double tapSlop = 12.0;           // a press moving further than this is a drag, not a tap
    double doubleTapSlop = 48.0;     // the second tap lands at most this far from the first
    double doubleTapWindow = 0.300;  // s, first release -> second press
    double longPressTime = 0.600;    // s, held without moving
    double swipeMinVelocity = 900.0; // px/s along the main axis at release
    double swipeMinDistance = 48.0;  // px along the main axis from press to release
    double velocityWindow = 0.100;   // s of motion used for the release velocity
    double wheelZoomStep = 1.2;      // zoom factor per wheel notch

    static GestureConfig forScreenHeight(double heightPx);
};

enum class GestureType {
    Tap,        // every tap, as soon as the finger lifts (buttons); tapCount 1 or 2
    SingleTap,  // a tap confirmed not to start a double tap (doubleTapWindow later; viewers)
    DoubleTap,  // right after the Tap with tapCount 2; position = the first tap's
    LongPress,  // held still for longPressTime; that press then gives no Tap or Drag
    DragStart,  // one finger moved past the slop; position = where it went down
    Drag,       // position = finger now, delta = movement since the previous Drag event
    DragEnd,    // finger lifted (or a second finger came down); velocity = release velocity
    Swipe,      // after a DragEnd that was fast and long enough; direction, velocity
    PinchStart, // two fingers down; position = their midpoint
    Pinch,      // position = midpoint now, delta = midpoint movement, scale = distance ratio
    PinchEnd,   // one of the two fingers lifted; velocity = the midpoint's velocity
    WheelZoom,  // mouse wheel; position = pointer, scale = zoom factor (> 1 zooms in)
};

enum class SwipeDirection { None, Left, Right, Up, Down };

struct Gesture {
    GestureType type = GestureType::Tap;
    Vec2 position;
    Vec2 delta;                                      // Drag, Pinch (first Drag includes the slop)
    double scale = 1.0;                              // Pinch (since previous Pinch), WheelZoom
    Vec2 velocity;                                   // DragEnd, Swipe, PinchEnd (px/s)
    SwipeDirection direction = SwipeDirection::None; // Swipe
    int tapCount = 0;                                // Tap
    double time = 0.0;                               // s, the event (or deadline) that caused it
};

// Release velocity from the last `window` seconds of samples. A gap of more than `stopGap`
// between samples (the finger rested before lifting) ends the history: velocity 0.
class VelocityTracker {
  public:
    explicit VelocityTracker(double window = 0.100, double stopGap = 0.040)
        : m_window(window), m_stopGap(stopGap) {}
    void reset() { m_samples.clear(); }
    void add(double time, Vec2 position);
    Vec2 velocity(double now) const;

  private:
    struct Sample {
        double time;
        Vec2 position;
    };
    double m_window;
    double m_stopGap;
    std::deque<Sample> m_samples;
};

// Feed every pointer event (pixel coordinates: multiply SDL's normalised finger coordinates by
// the window size; the mouse is pointer id 0 with the left button as the finger; skip SDL's
// touch-synthesised mouse events). Call update(now) once per frame for the timers (long press,
// single-tap confirmation), then takeGestures(). All times are seconds on one clock (e.g. SDL
// event timestamp / 1000 and SDL_GetTicks() / 1000 for update).
//
// One finger: tap / double tap / long press / drag (+ swipe). Two fingers: pinch; a drag in
// progress ends (without a swipe) when the second finger lands. After a pinch, the finger left
// on the glass can drag again (no tap, no swipe). Further fingers are ignored.
//
// Threading/ownership: not thread-safe; use from the thread that polls events. Never reads a
// clock.
class GestureRecognizer {
  public:
    using PointerId = std::int64_t;

    explicit GestureRecognizer(GestureConfig config = {});

    void pointerDown(PointerId id, Vec2 position, double time);
    void pointerMove(PointerId id, Vec2 position, double time); // unknown ids (hover) ignored
    void pointerUp(PointerId id, Vec2 position, double time);
    // `notches` > 0 = wheel away from the user = zoom in (SDL's wheel.y / preciseY).
    void wheel(Vec2 position, double notches, double time);
    // Focus lost, screen changed: ends a drag or pinch (velocity 0) and forgets every finger and
    // any pending tap.
    void cancelAll(double time);
    // Fires due timers: LongPress, SingleTap.
    void update(double now);

    // Gestures recognised since the last call, oldest first.
    std::vector<Gesture> takeGestures();

    // True while a finger is down or a tap waits for confirmation: keep frames coming.
    bool wantsFrames() const;
    // Absolute time of the next timer (long press, single-tap confirmation); +inf when none.
    double nextDeadline() const;
    int pointerCount() const { return static_cast<int>(m_pointers.size()); }
    const GestureConfig& config() const { return m_config; }

  private:
    enum class Mode { Idle, Press, Dragging, LongPressed, Pinching, Resting };
    struct Pointer {
        PointerId id = 0;
        Vec2 down;
        Vec2 position;
    };
    struct PendingTap {
        bool active = false;
        bool secondPressDown = false; // a second press started within the window
        Vec2 position;
        double upTime = 0.0;
    };

    double px(double referencePixels) const { return referencePixels * m_config.pixelScale; }
    Pointer* find(PointerId id);
    void emit(Gesture g) { m_out.push_back(g); }
    void emitSimple(GestureType type, Vec2 position, double time);
    void checkLongPress(double now);
    void confirmPendingTap(double time); // emits SingleTap for the pending first tap
    void expirePendingTap(double now);
    void singleMove(Pointer& p, double time);
    void startPinch(double time);
    void endDrag(Vec2 position, double time, Vec2 velocity, bool allowSwipe);
    Vec2 pinchCenter() const;
    double pinchDistance() const;

    GestureConfig m_config;
    std::vector<Pointer> m_pointers; // in press order; the pinch uses the first two
    Mode m_mode = Mode::Idle;
    double m_pressTime = 0.0;
    Vec2 m_anchor;   // where the current single-finger press (or resting finger) started
    Vec2 m_lastDrag; // position of the last Drag event
    bool m_swipeAllowed = true;
    VelocityTracker m_tracker;
    Vec2 m_pinchCenter;
    double m_pinchDistance = 0.0;
    PendingTap m_pending;
    std::vector<Gesture> m_out;
};

struct InertiaConfig {
    double decayRate = 3.0;   // 1/s: velocity(t) = v0 * e^(-decayRate * t); travel = v0 / rate
    double stopSpeed = 20.0;  // px/s: below this the motion stops
    double maxSpeed = 8000.0; // px/s: flings are capped to this
    double velocityWindow = 0.100;
};

// Kinetic scrolling after a drag: track positions while the finger moves (or pass DragEnd's
// velocity to fling), then update(dt) each frame and apply the returned offset.
//
// Threading/ownership: a plain value type; never reads a clock.
class InertiaScroller {
  public:
    explicit InertiaScroller(InertiaConfig config = {});

    // Finger down: stops any motion and starts a new history.
    void grab(double time, Vec2 position);
    void track(double time, Vec2 position);
    // Finger up: starts moving with the velocity of the last velocityWindow seconds.
    void release(double time);
    void fling(Vec2 velocity);
    // Offset to apply for the next dt seconds (exact integral of the decaying velocity).
    Vec2 update(double dt);
    void stop();
    // Zero the velocity on an axis that hit a bound (e.g. ZoomViewport::panBy applied less).
    void stopAxis(bool x, bool y);
    bool isMoving() const { return m_moving; }
    Vec2 velocity() const { return m_velocity; }

  private:
    InertiaConfig m_config;
    VelocityTracker m_tracker;
    Vec2 m_velocity;
    bool m_moving = false;
};

} // namespace lantai::core
