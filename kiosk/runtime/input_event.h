// kiosk/runtime: input as the kiosk runtime takes it — pointers (mouse, fingers, scripted
// fingers), wheel and keys in viewport pixels, from whatever window or preview hosts the runtime
#pragma once

#include "core/base/geometry2d.h"

#include <cstdint>

namespace lantai::kiosk {

// One pointer or key event. Pointer ids are the host's: the SDL platform gives the mouse 0 and
// fingers their finger id + 1; scripts use ids no device uses. Positions are pixels of the
// runtime's viewport, origin top left.
struct InputEvent {
    enum class Type { PointerDown, PointerMove, PointerUp, Wheel, Key };
    Type type = Type::PointerMove;
    std::int64_t pointer = 0;
    core::Vec2 position;
    double wheel = 0; // notches, positive zooms in
    // Key: the host's key code (SDL_Keycode from the SDL platform) and modifiers. The runtime
    // treats every key as visitor activity; quit keys are the host's business.
    int key = 0;
    bool ctrl = false, alt = false, shift = false;
    // When the event happened on the host's clock (seconds), for replayed input; < 0: at the
    // `now` of the call that delivers it. A busy frame must not turn a scripted 120 ms swipe
    // into a slow drag.
    double time = -1;
};

} // namespace lantai::kiosk
