// kiosk/platform: SDL2 window + OpenGL 3 context + input translated into platform events
#pragma once

#include "kiosk/runtime/input_event.h"

#include <cstdint>
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
};

// What the event pump reports: input for the runtime (SDL mouse and finger events become pointer
// events in window pixels — the mouse is pointer 0, fingers get their SDL finger id + 1;
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
    // big the window will be; openWindow() creates it with its GL context.
    bool initVideo(const PlatformOptions& options, std::string& error);
    int predictedWidth() const { return m_width; }
    int predictedHeight() const { return m_height; }
    bool openWindow(std::string& error);
    // Waits up to timeoutMs (< 0: forever, 0: poll) for the first event, then drains the queue.
    std::vector<PlatformEvent> waitEvents(int timeoutMs);
    void swapBuffers();
    void resize(int width, int height);
    int width() const { return m_width; }
    int height() const { return m_height; }
    void wake();
    SDL_Window* window() const { return m_window; }
    const std::string& glRenderer() const { return m_glRenderer; }

  private:
    void translate(const SDL_Event& event, std::vector<PlatformEvent>& out);
    void updateSize();
    // Fullscreen: the pointer stays hidden until a mouse really clicks or moves (touch screens
    // often also announce a mouse, cage#299), and hides again at the next touch.
    void pointerUsed(bool mouse);

    SDL_Window* m_window = nullptr;
    void* m_glContext = nullptr;
    std::uint32_t m_wakeEvent = 0;
    int m_width = 0;
    int m_height = 0;
    std::string m_glRenderer;
    PlatformOptions m_options;
    bool m_cursorShown = false;
};

} // namespace lantai::kiosk
