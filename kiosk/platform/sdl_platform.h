// kiosk/platform: SDL2 window + OpenGL 3 context + input translated into platform events
#pragma once

#include "core/base/geometry2d.h"

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

// Unified input: SDL mouse and finger events become pointer events in window pixels (the mouse
// is pointer 0; fingers get their SDL finger id + 1). Touch-generated mouse events are dropped.
struct PlatformEvent {
    enum class Type { PointerDown, PointerMove, PointerUp, Wheel, Key, Resize, Quit, Wake, Expose };
    Type type = Type::Wake;
    std::int64_t pointer = 0;
    core::Vec2 position;
    double wheel = 0;
    int key = 0; // SDL_Keycode
    bool ctrl = false, alt = false, shift = false;
    // When the event happened on the kiosk clock (seconds), for replayed input; < 0: now. A busy
    // frame must not turn a scripted 120 ms swipe into a slow drag.
    double time = -1;
};

// Threading: everything on the main thread except wake(), which any thread may call (the
// decode pool and, later, mpv's callbacks use it to end a wait).
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

    SDL_Window* m_window = nullptr;
    void* m_glContext = nullptr;
    std::uint32_t m_wakeEvent = 0;
    int m_width = 0;
    int m_height = 0;
    std::string m_glRenderer;
    PlatformOptions m_options;
};

} // namespace lantai::kiosk
