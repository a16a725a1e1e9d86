// kiosk/ui: badges (badge / text_on_badge)
#include "kiosk/ui/badge.h"

#include "kiosk/ui/text_layout.h"

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;

float drawBadge(UiContext& ui, core::Vec2 topLeft, std::string_view label) {
    const float size = ui.fontSize(FontRole::Caption);
    const float padX = ui.px(1.0f);
    const float w = textWidth(ui, FontRole::Caption, label) + padX * 2;
    const float h = size * 1.5f;
    const ImVec2 a = toIm(topLeft);
    ui.draw->AddRectFilled(a, ImVec2(a.x + w, a.y + h), ui.color(ColorRole::Badge), h / 2);
    drawText(ui, FontRole::Caption, size, ImVec2(a.x + padX, a.y + (h - size) / 2),
             ui.color(ColorRole::TextOnBadge), label);
    return w;
}

} // namespace lantai::kiosk
