// kiosk/ui: touch buttons (theme colours by kind and pressed state)
#include "kiosk/ui/buttons.h"

#include "kiosk/ui/text_layout.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;

void button(UiContext& ui, const std::string& id, const core::Rect& rect, std::string_view label,
            ButtonKind kind, std::function<void()> action) {
    const bool down = ui.pressed(rect);
    ColorRole fill = ColorRole::Accent, text = ColorRole::TextOnAccent;
    if (kind == ButtonKind::Primary && down) fill = ColorRole::AccentPressed;
    if (kind != ButtonKind::Primary) {
        fill = down ? ColorRole::SecondaryPressed : ColorRole::Secondary;
        text = ColorRole::TextOnSecondary;
    }
    const float rounding = ui.px(ui.theme->layout.rounding);
    if (kind == ButtonKind::Ghost && !down) {
        ui.draw->AddRect(minOf(rect), maxOf(rect), ui.color(ColorRole::Border), rounding, 0,
                         std::max(1.0f, ui.px(ui.theme->layout.borderWidth)));
    } else {
        ui.draw->AddRectFilled(minOf(rect), maxOf(rect), ui.color(fill), rounding);
    }
    const ImU32 textColor =
        kind == ButtonKind::Ghost && !down ? ui.color(ColorRole::TextOnBackground) : ui.color(text);
    drawTextLine(ui, {rect.x + ui.px(1), rect.y, rect.w - ui.px(2), rect.h}, label,
                 core::FontRole::Button, textColor, TextAlign::Center, id);
    ui.addTarget(id, rect, std::move(action));
}

} // namespace lantai::kiosk
