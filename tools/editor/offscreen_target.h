// tools/editor: a framebuffer object with a colour texture — where the editor's kiosk runtimes
// (the preview, "check every screen") draw
#pragma once

#include <functional>
#include <string>

namespace lantai::editor {

// Ownership: the GL objects. Threading: the main thread with the editor's GL context current
// (also when destroyed).
class OffscreenTarget {
  public:
    OffscreenTarget() = default;
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    // (Re)allocates the texture at `width` x `height` RGBA8; false with `error` when the
    // framebuffer is incomplete.
    bool resize(int width, int height, std::string& error);
    // Runs `draw` with the framebuffer bound, then binds again what was bound before.
    void draw(const std::function<void()>& draw) const;
    // Deletes the GL objects (resize() makes them again).
    void release();
    unsigned texture() const { return m_texture; }

  private:
    unsigned m_fbo = 0, m_texture = 0;
};

} // namespace lantai::editor
