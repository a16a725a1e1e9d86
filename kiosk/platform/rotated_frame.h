// kiosk/platform: display.rotation on the GPU — the runtime draws its logical frame into a
// framebuffer object, which is drawn turned onto the physical window
#pragma once

#include "core/base/display_rotation.h"

#include <string>

namespace lantai::kiosk {

// Only made for a rotation of 90, 180 or 270 degrees: at 0 the runtime draws straight into the
// window and nothing here runs (no framebuffer object, no extra pass).
//
// OpenGL: every call needs the window's GL 3.3 core context current (the main thread). The
// texture has the LOGICAL size; begin() binds its framebuffer (the runtime then sets its own
// viewport); present() binds the window's framebuffer (0), sets the viewport to the physical
// size and draws one quad with blending, scissoring and depth off, leaving the quad's program,
// vertex array and texture unbound again. Pixels are copied 1:1 (nearest sampling: a quarter
// turn maps whole pixels onto whole pixels).
class RotatedFrame {
  public:
    RotatedFrame() = default;
    ~RotatedFrame();
    RotatedFrame(const RotatedFrame&) = delete;
    RotatedFrame& operator=(const RotatedFrame&) = delete;

    // (Re)creates the texture for `rotation`'s logical size (the window's size changed).
    bool resize(const core::DisplayRotation& rotation, std::string& error);
    void begin() const;
    void present() const;

  private:
    bool buildProgram(std::string& error);

    core::DisplayRotation m_rotation{0, 0, 0};
    unsigned m_fbo = 0;
    unsigned m_texture = 0;
    unsigned m_program = 0;
    unsigned m_vertexArray = 0;
    int m_texCoordsUniform = -1;
    float m_texCoords[8] = {}; // per corner of the window's quad: where it samples the frame
};

} // namespace lantai::kiosk
