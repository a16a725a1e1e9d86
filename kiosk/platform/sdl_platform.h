// kiosk/platform: SDL2 window + OpenGL 3 context + input translated into platform events
#pragma once

#include "core/base/display_rotation.h"
#include "kiosk/platform/rotated_frame.h"
#include "kiosk/runtime/input_event.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct SDL_Window;
union SDL_Event;

namespace lantai::kiosk {

struct PlatformOptions {
    bool fullscreen = true;
    int width = 1920; // windowed size (fullscreen uses the desktop size)
    int height = 1080;
    std::string title = "Lantai 兰台";
    int rotation = 0; // display.rotation: 0, 90, 180 or 270 degrees clockwise
};

// What the event pump reports: input for the runtime (SDL mouse and finger events become pointer
// events in LOGICAL pixels — the window's pixels turned back by display.rotation, see
// core/base/display_rotation.h; the mouse is pointer 0, fingers get their SDL finger id + 1;
// touch-generated mouse events are dropped; keys carry their SDL_Keycode), or a window event.
struct PlatformEvent {
    enum class Type { Input, Resize, Quit, Wake, Expose };
    Type type = Type::Wake;
    InputEvent input; // Type::Input
};

// Threading: everything on the main thread except wake(), which any thread may call (the
// runtime's decode workers and mpv's callbacks use it to end a wait).
class SdlPlatform {
  public:
    SdlPlatform() = default;
    ~SdlPlatform();
    SdlPlatform(const SdlPlatform&) = delete;
    SdlPlatform& operator=(const SdlPlatform&) = delete;

    // Two steps so that work can overlap window creation: initVideo() starts SDL and says how
    // big the (logical) frame will be; openWindow() creates the window with its GL context.
    bool initVideo(const PlatformOptions& options, std::string& error);
    int predictedWidth() const { return logicalWidth(); }
    int predictedHeight() const { return logicalHeight(); }
    // With a rotation, false when its framebuffer cannot be made (error says why).
    bool openWindow(std::string& error);
    // Waits up to timeoutMs (< 0: forever, 0: poll) for the first event, then drains the queue.
    std::vector<PlatformEvent> waitEvents(int timeoutMs);
    // A frame: beginFrame() binds the framebuffer the runtime draws its logical frame into (the
    // window's own at rotation 0; else the rotation's, see rotated_frame.h); endFrame() puts it on
    // the window's back buffer (the rotation's pass; nothing at 0), where a screenshot reads the
    // PHYSICAL picture; swapBuffers() shows it.
    void beginFrame();
    void endFrame();
    void swapBuffers();
    // The window's size in PHYSICAL pixels (W H of `resize W H`, a screenshot's size).
    void resize(int width, int height);
    int width() const { return m_width; }
    int height() const { return m_height; }
    // The layout's size (what the runtime draws and hit-tests): the window's, its sides swapped
    // at 90 and 270 degrees.
    int logicalWidth() const { return static_cast<int>(m_rotation.logicalWidth()); }
    int logicalHeight() const { return static_cast<int>(m_rotation.logicalHeight()); }
    const core::DisplayRotation& rotation() const { return m_rotation; }
    void wake();
    SDL_Window* window() const { return m_window; }
    const std::string& glRenderer() const { return m_glRenderer; }

  private:
    void translate(const SDL_Event& event, std::vector<PlatformEvent>& out);
    void updateSize();
    void setPhysicalSize(int width, int height);
    // Fullscreen: the pointer stays hidden until a mouse really clicks or moves (touch screens
    // often also announce a mouse, cage#299), and hides again at the next touch.
    void pointerUsed(bool mouse);

    SDL_Window* m_window = nullptr;
    void* m_glContext = nullptr;
    std::uint32_t m_wakeEvent = 0;
    int m_width = 0;
    int m_height = 0;
    core::DisplayRotation m_rotation{0, 0, 0};
    std::unique_ptr<RotatedFrame> m_rotatedFrame; // only when display.rotation is not 0
    std::string m_glRenderer;
    PlatformOptions m_options;
    bool m_cursorShown = false;
};

} // namespace lantai::kiosk
