// kiosk/ui: the screen background pattern (回纹 fret bands along the top and bottom edges)
#include "kiosk/ui/background.h"

#include <algorithm>

namespace lantai::kiosk {

void drawBackground(UiContext& ui) {
    // The plain colour is the frame's glClear (KioskApp::frame): a full-screen quad through
    // ImGui's blended, textured shader costs a software rasteriser 2 megapixels a frame.
    const auto& bg = ui.theme->background;
    if (bg.pattern == core::BackgroundPattern::Fret && bg.patternColor.a > 0) {
        // 回纹 (fret) bands along the top and bottom edges: a row of interlocking square spirals.
        const ImU32 col = imColor(bg.patternColor);
        const float cell = ui.px(2.2f);
        const float t = std::max(1.0f, cell * 0.14f);
        for (float band : {ui.px(0.6f), ui.height - ui.px(0.6f) - cell}) {
            for (float x = 0; x < ui.width; x += cell) {
                const ImVec2 o(x, band);
                ui.draw->AddLine(ImVec2(o.x, o.y + cell), ImVec2(o.x, o.y), col, t);
                ui.draw->AddLine(ImVec2(o.x, o.y), ImVec2(o.x + cell * 0.8f, o.y), col, t);
                ui.draw->AddLine(ImVec2(o.x + cell * 0.8f, o.y),
                                 ImVec2(o.x + cell * 0.8f, o.y + cell * 0.6f), col, t);
                ui.draw->AddLine(ImVec2(o.x + cell * 0.8f, o.y + cell * 0.6f),
                                 ImVec2(o.x + cell * 0.3f, o.y + cell * 0.6f), col, t);
                ui.draw->AddLine(ImVec2(o.x + cell * 0.3f, o.y + cell * 0.6f),
                                 ImVec2(o.x + cell * 0.3f, o.y + cell * 0.3f), col, t);
            }
        }
    }
}

} // namespace lantai::kiosk
