// kiosk/ui: the navigation bar (back · home · title · 大字/Aa · language), top or bottom
#include "kiosk/ui/top_bar.h"

#include "kiosk/ui/buttons.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;
using core::Rect;

namespace {

float buttonHeight(const UiContext& ui) {
    return std::max(ui.touchMin(), ui.px(9.0f));
}

// At least the theme's width, wider when the label needs it (large text).
float buttonWidth(UiContext& ui, std::string_view label) {
    const float minimum = std::max(ui.touchMin() * 1.6f, ui.px(15.0f));
    return std::max(minimum, textWidth(ui, core::FontRole::Button, label) + ui.px(4));
}

} // namespace

float navBarHeight(const UiContext& ui) {
    return buttonHeight(ui) + ui.px(ui.theme->layout.spacing) * 2;
}

Rect topBar(UiContext& ui, std::string_view title, const TopBarActions& actions) {
    const float h = buttonHeight(ui);
    const float pad = ui.px(ui.theme->layout.spacing);
    const float barH = h + pad * 2;
    const float lineW = std::max(1.0f, ui.px(0.12f));
    // The buttons' row: along the top, or along the bottom edge of the reach band.
    const float y = ui.navAtBottom ? ui.height - barH + pad : pad;
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, barH), ui.color(ColorRole::Background));
    if (ui.navAtBottom)
        ui.draw->AddRectFilled(ImVec2(0, ui.height - barH), ImVec2(ui.width, ui.height),
                               ui.color(ColorRole::Background));
    float left = pad;
    float right = ui.width - pad;
    // Language toggle on the right: shows the language you can switch to.
    const std::string& langLabel = ui.ui("lang.switch");
    const float langW = buttonWidth(ui, langLabel);
    button(ui, "lang", {right - langW, y, langW, h}, langLabel, ButtonKind::Ghost,
           actions.toggleLanguage);
    right -= langW + pad;
    if (actions.toggleLargeText) {
        const std::string& label = ui.ui("a11y.text_size");
        const float w = buttonWidth(ui, label);
        // On: drawn as a primary (filled) button, so the state shows without reading.
        button(ui, "text-size", {right - w, y, w, h}, label,
               ui.largeText ? ButtonKind::Primary : ButtonKind::Ghost, actions.toggleLargeText);
        right -= w + pad;
    }
    const auto leftButton = [&](const std::string& id, std::string_view label,
                                const std::function<void()>& action) {
        const float w = buttonWidth(ui, label);
        button(ui, id, {left, y, w, h}, label, ButtonKind::Secondary, action);
        left += w + pad;
    };
    if (actions.back) leftButton("back", ui.ui("nav.back"), actions.back);
    if (actions.home) leftButton("home", ui.ui("nav.home"), actions.home);
    for (const NavButton& extra : actions.extra)
        leftButton(extra.id, extra.label, extra.action);
    if (ui.navAtBottom) {
        // Title alone along the top, the buttons' bar along the bottom.
        drawTextLine(ui, {pad * 2, pad, ui.width - pad * 4, h}, title, core::FontRole::Heading,
                     ui.color(ColorRole::TitleOnBackground), TextAlign::Center, "top-bar:title");
        const float top = ui.height - barH;
        ui.draw->AddLine(ImVec2(pad, top), ImVec2(ui.width - pad, top),
                         ui.color(ColorRole::Border, 0.6f), lineW);
        const float titleBottom = title.empty() ? 0 : barH;
        if (!title.empty())
            ui.draw->AddLine(ImVec2(pad, barH - 1), ImVec2(ui.width - pad, barH - 1),
                             ui.color(ColorRole::Border, 0.6f), lineW);
        return {0, titleBottom, ui.width, top - titleBottom};
    }
    drawTextLine(ui, {left + pad, y, right - left - pad * 2, h}, title, core::FontRole::Heading,
                 ui.color(ColorRole::TitleOnBackground), TextAlign::Center, "top-bar:title");
    ui.draw->AddLine(ImVec2(pad, barH - 1), ImVec2(ui.width - pad, barH - 1),
                     ui.color(ColorRole::Border, 0.6f), lineW);
    return {0, barH, ui.width, ui.height - barH};
}

Rect standardTopBar(UiContext& ui, KioskState& state, std::string_view title, bool showBack,
                    std::vector<NavButton> extra) {
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
    actions.toggleLargeText = state.toggleLargeText;
    actions.extra = std::move(extra);
    return topBar(ui, title, actions);
}

} // namespace lantai::kiosk
