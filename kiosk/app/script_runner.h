// kiosk/app: replays a kiosk script (--script) as timed pointer/key events through the normal input
// path
#pragma once

#include "core/base/display_rotation.h"
#include "core/script/kiosk_script.h"
#include "kiosk/platform/sdl_platform.h"

#include <deque>
#include <optional>
#include <string>

namespace lantai::kiosk {

// What the runner needs from the app. Events it injects go through exactly the same handling
// as SDL input (gesture recogniser, tap targets, visitor session).
class ScriptHost {
  public:
    virtual ~ScriptHost() = default;
    virtual void injectEvent(const PlatformEvent& event) = 0;
    virtual std::optional<core::Vec2> targetCenter(const std::string& id) = 0;
    virtual bool isIdle() = 0; // nothing animating, loading or pending
    virtual void requestScreenshot(const std::string& name) = 0;
    virtual bool screenshotPending() = 0;
    virtual void advanceClock(double seconds) = 0;
    virtual double clockNow() = 0; // seconds, including advances
    virtual void resizeWindow(int width, int height) = 0;
    virtual core::Vec2 windowSize() = 0; // LOGICAL pixels: what scripted pointers are in
    // The physical window and display.rotation (sdl-tap, rightclick: events in SDL's queue are
    // physical).
    virtual core::DisplayRotation display() = 0;
    virtual void stepCompleted(int index, const core::ScriptCommand& command) = 0;
    virtual void scriptError(const std::string& message) = 0;
    // The tap targets to press to answer the quiz question on screen correctly (or wrongly),
    // "submit" included for multiple choice; empty when no question is waiting for an answer.
    virtual std::vector<std::string> quizAnswerTargets(bool correct) = 0;
};

// Threading: main thread only; `update` is called once per loop iteration.
class ScriptRunner {
  public:
    ScriptRunner(core::KioskScript script, ScriptHost& host)
        : m_script(std::move(script)), m_host(host) {}

    // Runs what is due now (the host's clock); returns seconds until it needs to run again
    // (0 = next iteration), or a negative value when finished.
    double update();
    bool finished() const { return m_index >= m_script.commands.size(); }
    bool quitRequested() const { return m_quit; }
    int errors() const { return m_errors; }
    std::size_t step() const { return m_index; }

  private:
    // A press or release pushed into SDL's queue at physical window coordinates (sdl-tap).
    struct SdlPointer {
        bool finger = true; // false: the mouse's left button
        bool down = true;
        core::Vec2 physical;
    };
    struct Timed {
        double at;
        PlatformEvent event;
        std::string target; // resolved when delivered (targets appear as the screen changes)
        std::optional<SdlPointer> sdl; // instead of `event`: through SDL and the platform
    };
    bool start(const core::ScriptCommand& command, double now);
    std::optional<core::Vec2> resolve(const core::ScriptPoint& point, int line);
    void pointer(double at, InputEvent::Type type, std::int64_t id, core::Vec2 position);
    static void pushSdlPointer(const SdlPointer& pointer, const core::DisplayRotation& display);
    void finishCommand(double now);

    core::KioskScript m_script;
    ScriptHost& m_host;
    std::size_t m_index = 0;
    bool m_started = false;
    double m_commandStart = 0;
    double m_doneAt = 0; // wait: when the command ends
    double m_settleUntil = -1;
    std::deque<Timed> m_events;
    bool m_quit = false;
    int m_errors = 0;
};

} // namespace lantai::kiosk
