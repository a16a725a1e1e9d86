// kiosk/ui: video frames on screen (letterboxing, bars, unblended frames)
#include "kiosk/ui/video_frame.h"

#include <GL/gl.h>
#include <cstdint>

namespace lantai::kiosk {

using core::Rect;

namespace {
void disableBlending(const ImDrawList*, const ImDrawCmd*) {
    glDisable(GL_BLEND);
}
} // namespace

Rect letterboxRect(const Rect& area, int width, int height) {
    if (width <= 0 || height <= 0 || area.w <= 0 || area.h <= 0) return area;
    const double aspect = double(width) / double(height);
    if (area.w / area.h > aspect) {
        const double w = area.h * aspect;
        return {area.x + (area.w - w) / 2, area.y, w, area.h};
    }
    const double h = area.w / aspect;
    return {area.x, area.y + (area.h - h) / 2, area.w, h};
}

void drawLetterboxBars(UiContext& ui, const Rect& area, const Rect& inner) {
    const ImU32 black = ui.color(core::ColorRole::MediaBackdrop);
    const float l = static_cast<float>(area.x), t = static_cast<float>(area.y);
    const float r = static_cast<float>(area.right()), b = static_cast<float>(area.bottom());
    const float il = static_cast<float>(inner.x), it = static_cast<float>(inner.y);
    const float ir = static_cast<float>(inner.right()), ib = static_cast<float>(inner.bottom());
    if (it > t) ui.draw->AddRectFilled(ImVec2(l, t), ImVec2(r, it), black);
    if (ib < b) ui.draw->AddRectFilled(ImVec2(l, ib), ImVec2(r, b), black);
    if (il > l) ui.draw->AddRectFilled(ImVec2(l, it), ImVec2(il, ib), black);
    if (ir < r) ui.draw->AddRectFilled(ImVec2(ir, it), ImVec2(r, ib), black);
}

void drawOpaqueImage(UiContext& ui, unsigned texture, const Rect& rect) {
    // Video frames are opaque: blending them would only cost fill rate (a lot of it on llvmpipe).
    ui.draw->AddCallback(disableBlending, nullptr);
    ui.draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)),
                      minOf(rect), maxOf(rect));
    ui.draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

} // namespace lantai::kiosk
