// kiosk/ui: scroll hints — edge fades and the position indicator of scrolling panels and grids
#include "kiosk/ui/scroll_hints.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;

void drawScrollHints(UiContext& ui, const core::Rect& viewport, double scroll, double maxScroll,
                     ColorRole fadeTo) {
    if (maxScroll <= 0 || viewport.empty()) return;
    const float x0 = static_cast<float>(viewport.x);
    const float x1 = static_cast<float>(viewport.right());
    const float y0 = static_cast<float>(viewport.y);
    const float y1 = static_cast<float>(viewport.bottom());
    // Fades: about one line of body text deep, never more than a quarter of the panel.
    const float fade = std::min(ui.fontSize(core::FontRole::Body) * 1.6f, (y1 - y0) * 0.25f);
    const ImU32 solid = ui.color(fadeTo);
    const ImU32 clear = ui.color(fadeTo, 0.0f);
    if (scroll > 0.5)
        ui.draw->AddRectFilledMultiColor(ImVec2(x0, y0), ImVec2(x1, y0 + fade), solid, solid, clear,
                                         clear);
    if (scroll < maxScroll - 0.5)
        ui.draw->AddRectFilledMultiColor(ImVec2(x0, y1 - fade), ImVec2(x1, y1), clear, clear, solid,
                                         solid);
    // Position indicator: a track and a thumb as tall as the visible share of the content.
    const float inset = ui.px(0.6f);
    const float trackH = (y1 - y0) - inset * 2;
    const float barW = std::max(3.0f, ui.px(0.5f));
    const float x = x1 - inset - barW;
    const float share = static_cast<float>(viewport.h / (viewport.h + maxScroll));
    const float thumbH = std::max(ui.px(4), trackH * share);
    const float thumbY =
        y0 + inset +
        (trackH - thumbH) * static_cast<float>(std::clamp(scroll / maxScroll, 0.0, 1.0));
    ui.draw->AddRectFilled(ImVec2(x, y0 + inset), ImVec2(x + barW, y1 - inset),
                           ui.color(ColorRole::Border, 0.25f), barW * 0.5f);
    // The thumb in the muted text colour of the panel it sits on: a contrast-checked pair
    // (WCAG 1.4.11 wants 3:1 for graphics that tell something; Border is decorative).
    const ColorRole thumb =
        fadeTo == ColorRole::Background ? ColorRole::TextOnBackgroundMuted : ColorRole::TextMuted;
    ui.draw->AddRectFilled(ImVec2(x, thumbY), ImVec2(x + barW, thumbY + thumbH), ui.color(thumb),
                           barW * 0.5f);
}

} // namespace lantai::kiosk
