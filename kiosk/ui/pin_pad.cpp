// kiosk/ui: the number pad for PINs (the teacher's class contest, staff mode) — 3×4 touch keys
#include "kiosk/ui/pin_pad.h"

#include "kiosk/ui/buttons.h"

#include <algorithm>

namespace lantai::kiosk {

void drawPinPad(UiContext& ui, const core::Rect& area, float top, const std::string& prefix,
                const PinPadActions& actions, bool enabled) {
    const float key =
        std::min(ui.touchMin() * 1.5f, (static_cast<float>(area.bottom()) - top) / 4.6f);
    const float gap = ui.px(ui.theme->layout.spacing);
    const float x0 = static_cast<float>(area.x + (area.w - (key * 3 + gap * 2)) / 2);
    const char* keys = "123456789C0K";
    for (int i = 0; i < 12; ++i) {
        const core::Rect r{x0 + float(i % 3) * (key + gap), top + float(i / 3) * (key + gap), key,
                           key};
        const char k = keys[i];
        const ButtonKind digitKind = enabled ? ButtonKind::Secondary : ButtonKind::Ghost;
        if (k == 'C')
            button(ui, prefix + "-clear", r, ui.ui("quiz.pin_clear"), ButtonKind::Ghost,
                   actions.clear);
        else if (k == 'K')
            button(ui, prefix + "-ok", r, ui.ui("quiz.pin_ok"),
                   enabled ? ButtonKind::Primary : ButtonKind::Ghost, actions.submit);
        else
            button(ui, prefix + ":" + k, r, std::string(1, k), digitKind,
                   [digit = actions.digit, k] { digit(k); });
    }
}

} // namespace lantai::kiosk
