// kiosk/platform: SDL2 window, GL context and input translation
#include "kiosk/platform/sdl_platform.h"

#include "core/base/log.h"

#include <GL/gl.h>
#include <SDL.h>

namespace lantai::kiosk {

SdlPlatform::~SdlPlatform() {
    m_rotatedFrame.reset(); // its GL objects go while the context exists
    if (m_glContext) SDL_GL_DeleteContext(m_glContext);
    if (m_window) SDL_DestroyWindow(m_window);
    if (m_window || m_wakeEvent) SDL_Quit();
}

bool SdlPlatform::initVideo(const PlatformOptions& options, std::string& error) {
    m_options = options;
    // Touch screens: we handle fingers ourselves; no synthetic mouse<->touch duplicates.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start SDL video: ") + SDL_GetError();
        return false;
    }
    setPhysicalSize(options.width, options.height);
    SDL_DisplayMode mode;
    if (options.fullscreen && SDL_GetDesktopDisplayMode(0, &mode) == 0)
        setPhysicalSize(mode.w, mode.h);
    return true;
}

void SdlPlatform::setPhysicalSize(int width, int height) {
    m_width = width;
    m_height = height;
    m_rotation = core::DisplayRotation(m_options.rotation, width, height);
}

bool SdlPlatform::openWindow(std::string& error) {
    const PlatformOptions& options = m_options;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_BORDERLESS;
    if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    m_window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                SDL_WINDOWPOS_CENTERED, options.width, options.height, flags);
    if (!m_window) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return false;
    }
    m_glContext = SDL_GL_CreateContext(m_window);
    if (!m_glContext) {
        error = std::string("cannot create an OpenGL 3.3 context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(m_window, m_glContext);
    SDL_GL_SetSwapInterval(1);
    if (const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER)))
        m_glRenderer = renderer;
    m_wakeEvent = SDL_RegisterEvents(1);
    m_cursorShown = !options.fullscreen;
    SDL_ShowCursor(m_cursorShown ? SDL_ENABLE : SDL_DISABLE);
    updateSize();
    if (m_rotation.degrees() == 0) return true; // drawn straight into the window
    m_rotatedFrame = std::make_unique<RotatedFrame>();
    return m_rotatedFrame->resize(m_rotation, error);
}

void SdlPlatform::updateSize() {
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(m_window, &width, &height);
    const bool changed = width != m_width || height != m_height;
    setPhysicalSize(width, height);
    std::string error;
    if (m_rotatedFrame && changed && !m_rotatedFrame->resize(m_rotation, error))
        core::logError("display.rotation: " + error);
}

void SdlPlatform::beginFrame() {
    if (m_rotatedFrame) m_rotatedFrame->begin();
}

void SdlPlatform::endFrame() {
    if (m_rotatedFrame) m_rotatedFrame->present();
}

void SdlPlatform::resize(int width, int height) {
    SDL_SetWindowSize(m_window, width, height);
    updateSize();
}

void SdlPlatform::wake() {
    if (!m_wakeEvent) return;
    SDL_Event event{};
    event.type = m_wakeEvent;
    SDL_PushEvent(&event); // thread-safe per SDL docs
}

void SdlPlatform::swapBuffers() {
    SDL_GL_SwapWindow(m_window);
}

void SdlPlatform::pointerUsed(bool mouse) {
    if (!m_options.fullscreen || mouse == m_cursorShown) return;
    m_cursorShown = mouse;
    SDL_ShowCursor(mouse ? SDL_ENABLE : SDL_DISABLE);
}

void SdlPlatform::translate(const SDL_Event& e, std::vector<PlatformEvent>& out) {
    PlatformEvent event;
    event.type = PlatformEvent::Type::Input;
    InputEvent& ev = event.input;
    using I = InputEvent::Type;
    const SDL_Keymod mods = SDL_GetModState();
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e.button.which == SDL_TOUCH_MOUSEID) return;
        pointerUsed(true);
        if (e.button.button != SDL_BUTTON_LEFT) return;
        ev.type = e.type == SDL_MOUSEBUTTONDOWN ? I::PointerDown : I::PointerUp;
        ev.position = m_rotation.toLogical({double(e.button.x), double(e.button.y)});
        break;
    case SDL_MOUSEMOTION:
        if (e.motion.which == SDL_TOUCH_MOUSEID) return;
        pointerUsed(true);
        ev.type = I::PointerMove;
        ev.position = m_rotation.toLogical({double(e.motion.x), double(e.motion.y)});
        break;
    case SDL_MOUSEWHEEL: {
        if (e.wheel.which == SDL_TOUCH_MOUSEID) return;
        int x = 0, y = 0;
        SDL_GetMouseState(&x, &y);
        ev.type = I::Wheel;
        ev.position = m_rotation.toLogical({double(x), double(y)});
        ev.wheel = e.wheel.preciseY;
        break;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        if (e.type == SDL_FINGERDOWN) pointerUsed(false);
        ev.type = e.type == SDL_FINGERDOWN ? I::PointerDown
                  : e.type == SDL_FINGERUP ? I::PointerUp
                                           : I::PointerMove;
        ev.pointer = static_cast<std::int64_t>(e.tfinger.fingerId) + 1;
        ev.position = m_rotation.normalizedToLogical({double(e.tfinger.x), double(e.tfinger.y)});
        break;
    case SDL_KEYDOWN:
        ev.type = I::Key;
        ev.key = e.key.keysym.sym;
        ev.ctrl = (mods & KMOD_CTRL) != 0;
        ev.alt = (mods & KMOD_ALT) != 0;
        ev.shift = (mods & KMOD_SHIFT) != 0;
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            e.window.event == SDL_WINDOWEVENT_RESIZED) {
            updateSize();
            event.type = PlatformEvent::Type::Resize;
        } else if (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
                   e.window.event == SDL_WINDOWEVENT_SHOWN) {
            event.type = PlatformEvent::Type::Expose;
        } else {
            return;
        }
        break;
    case SDL_QUIT:
        event.type = PlatformEvent::Type::Quit;
        break;
    default:
        if (m_wakeEvent && e.type == m_wakeEvent) {
            event.type = PlatformEvent::Type::Wake;
            break;
        }
        return;
    }
    out.push_back(event);
}

std::vector<PlatformEvent> SdlPlatform::waitEvents(int timeoutMs) {
    std::vector<PlatformEvent> out;
    SDL_Event event;
    const int got = timeoutMs < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeoutMs);
    if (got) {
        translate(event, out);
        while (SDL_PollEvent(&event))
            translate(event, out);
    }
    return out;
}

} // namespace lantai::kiosk
