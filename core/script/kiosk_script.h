// core/script: the kiosk's test/demo script format (--script FILE): timed touch/mouse/key input,
// screenshots
#pragma once

#include "core/base/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace lantai::core {

// A coordinate in a script: pixels, or a percentage of the window's width/height ("50%"), so
// one script works in landscape and portrait.
struct ScriptCoord {
    double value = 0;
    bool percent = false;
    double resolve(double extent) const { return percent ? value * extent / 100.0 : value; }
};

struct ScriptPoint {
    ScriptCoord x;
    ScriptCoord y;
    std::string target; // "@id": the centre of the hit target with this id (resolved at run time)
};

enum class ScriptCommandType {
    Wait,        // wait MS
    WaitIdle,    // wait-idle [MS]: until nothing loads or animates (at most MS, default 10000)
    Tap,         // tap POINT
    DoubleTap,   // doubletap POINT
    LongPress,   // longpress POINT [MS]: held MS (default 900)
    Drag,        // drag POINT POINT [MS]
    Swipe,       // swipe left|right|up|down [POINT]
    Pinch,       // pinch POINT SCALE [MS]
    RightClick,  // rightclick POINT: the mouse's right button, through the window system's queue
    Fingers,     // fingers N left|right|up|down [POINT]: N fingers swiping together
    CloseWindow, // close-window: the window manager asks the window to close (Alt+F4, ×)
    SdlTap,      // sdl-tap finger|mouse POINT: a tap in SDL's queue at PHYSICAL window coordinates
    Wheel,       // wheel POINT NOTCHES
    Key,         // key [ctrl+|alt+|shift+]NAME
    Screenshot,  // screenshot NAME
    Advance,     // advance SECONDS: moves the kiosk clock forward (idle timeout without waiting)
    Resize,      // resize W H
    Quit,        // quit: end the script (and the kiosk with --exit-after-script)
    QuizAnswer,  // quiz-answer correct|wrong: taps the right (or a wrong) answer, and Submit if
                 // needed
    Type,        // type TEXT: the rest of the line, as typed through the input method (editor)
    Drop,        // drop PATH...: files or folders dropped from the file manager (editor)
};

// Commands only the editor plays (the kiosk has no text fields and takes no drops).
bool isEditorOnlyCommand(ScriptCommandType type);

const char* scriptCommandName(ScriptCommandType type);

struct ScriptCommand {
    ScriptCommandType type = ScriptCommandType::Wait;
    int line = 0;
    std::vector<ScriptPoint> points;
    double number = 0;  // ms for wait/drag/pinch, scale, notches, seconds, or width
    double number2 = 0; // height for resize
    std::string text;   // key name, screenshot name, swipe direction, typed text, finger|mouse
    std::vector<std::string> paths; // drop
    bool ctrl = false, alt = false, shift = false;
};

struct KioskScript {
    std::vector<ScriptCommand> commands;
};

// Parses a script. Unknown commands and bad arguments become diagnostics (file, line:column);
// the returned script holds every command that parsed.
KioskScript parseKioskScript(std::string_view text, const std::string& fileName,
                             Diagnostics& diagnostics);

} // namespace lantai::core
