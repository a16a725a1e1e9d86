// kiosk/ui: the top bar (back · home · title · language switch)
#include "kiosk/ui/top_bar.h"

#include "kiosk/ui/buttons.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;
using core::Rect;

Rect topBar(UiContext& ui, std::string_view title, const TopBarActions& actions) {
    const float h = std::max(ui.touchMin(), ui.px(9.0f));
    const float pad = ui.px(ui.theme->layout.spacing);
    const float bw = std::max(ui.touchMin() * 1.6f, ui.px(15.0f));
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, h + pad * 2),
                           ui.color(ColorRole::Background));
    float left = pad;
    float right = ui.width - pad;
    const float y = pad;
    // Language toggle on the right: shows the language you can switch to.
    const Rect lang{right - bw, y, bw, h};
    button(ui, "lang", lang, ui.ui("lang.switch"), ButtonKind::Ghost, actions.toggleLanguage);
    right -= bw + pad;
    if (actions.back) {
        button(ui, "back", {left, y, bw, h}, ui.ui("nav.back"), ButtonKind::Secondary,
               actions.back);
        left += bw + pad;
    }
    if (actions.home) {
        button(ui, "home", {left, y, bw, h}, ui.ui("nav.home"), ButtonKind::Secondary,
               actions.home);
        left += bw + pad;
    }
    drawTextLine(ui, {left + pad, y, right - left - pad * 2, h}, title, core::FontRole::Heading,
                 ui.color(ColorRole::TitleOnBackground), TextAlign::Center, "top-bar:title");
    const float bottom = h + pad * 2;
    ui.draw->AddLine(ImVec2(pad, bottom - 1), ImVec2(ui.width - pad, bottom - 1),
                     ui.color(ColorRole::Border, 0.6f), std::max(1.0f, ui.px(0.12f)));
    return {0, bottom, ui.width, ui.height - bottom};
}

Rect standardTopBar(UiContext& ui, KioskState& state, std::string_view title, bool showBack) {
    TopBarActions actions;
    if (showBack)
        actions.back = [&state] {
            if (state.returnToQuiz && state.nav.screen() == core::KioskScreen::Item) {
                state.returnToQuiz = false;
                state.nav.showQuiz(); // back to the answer the visitor came from
            } else {
                state.nav.back();
            }
        };
    actions.home = [&state] { state.nav.showHome(); };
    actions.toggleLanguage = state.toggleLanguage;
    return topBar(ui, title, actions);
}

} // namespace lantai::kiosk
