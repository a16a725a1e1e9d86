// kiosk/ui: the navigation bar (back · home · title · 大字/Aa · language), top or bottom
#include "kiosk/ui/top_bar.h"

#include "kiosk/ui/buttons.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>
#include <string>
#include <vector>

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

// The title: one line when it fits, else wrapped — the bar grows to hold the lines (long English
// titles, large text). Along the top of a portrait screen, where nothing is tapped, up to three.
struct TitleLayout {
    TextBlock style;
    float height = 0; // of its lines; 0 without a title
    bool oneLine = true;
};

TitleLayout layoutTitle(UiContext& ui, std::string_view title, float width) {
    TitleLayout layout;
    layout.style.role = core::FontRole::Heading;
    layout.style.color = ui.color(ColorRole::TitleOnBackground);
    layout.style.align = TextAlign::Center;
    layout.style.lineSpacing = 1.15f;
    layout.style.maxLines = ui.navAtBottom ? 3 : 2;
    layout.style.where = "top-bar:title";
    if (title.empty()) return layout;
    const float lineH = ui.fontSize(core::FontRole::Heading) * layout.style.lineSpacing;
    const float wrapped = measureTextBlock(ui, width, title, layout.style);
    layout.oneLine = wrapped < lineH * 1.5f;
    layout.height = layout.oneLine ? ui.fontSize(core::FontRole::Heading) * 1.2f : wrapped;
    return layout;
}

void drawTitle(UiContext& ui, const Rect& box, std::string_view title, const TitleLayout& layout) {
    if (layout.oneLine) {
        drawTextLine(ui, box, title, core::FontRole::Heading, layout.style.color, TextAlign::Center,
                     layout.style.where);
        return;
    }
    drawTextBlock(ui, {box.x, box.y + (box.h - layout.height) / 2, box.w, layout.height}, title,
                  layout.style);
}

} // namespace

Rect topBar(UiContext& ui, std::string_view title, const TopBarActions& actions) {
    const float h = buttonHeight(ui);
    const float pad = ui.px(ui.theme->layout.spacing);
    const float lineW = std::max(1.0f, ui.px(0.12f));
    // The buttons, right to left (language, 大字/Aa) and left to right (back, home, extras).
    struct Placed {
        std::string id;
        std::string_view label;
        float x, w;
        ButtonKind kind;
        std::function<void()> action;
    };
    std::vector<Placed> buttons;
    float left = pad;
    float right = ui.width - pad;
    // Language toggle on the right: shows the language you can switch to.
    const std::string& langLabel = ui.ui("lang.switch");
    const float langW = buttonWidth(ui, langLabel);
    buttons.push_back(
        {"lang", langLabel, right - langW, langW, ButtonKind::Ghost, actions.toggleLanguage});
    right -= langW + pad;
    if (actions.toggleLargeText) {
        const std::string& label = ui.ui("a11y.text_size");
        const float w = buttonWidth(ui, label);
        // On: drawn as a primary (filled) button, so the state shows without reading.
        buttons.push_back({"text-size", label, right - w, w,
                           ui.largeText ? ButtonKind::Primary : ButtonKind::Ghost,
                           actions.toggleLargeText});
        right -= w + pad;
    }
    const auto leftButton = [&](const std::string& id, std::string_view label,
                                const std::function<void()>& action,
                                ButtonKind kind = ButtonKind::Secondary) {
        const float w = buttonWidth(ui, label);
        buttons.push_back({id, label, left, w, kind, action});
        left += w + pad;
    };
    if (actions.back) leftButton("back", ui.ui("nav.back"), actions.back);
    if (actions.home) leftButton("home", ui.ui("nav.home"), actions.home);
    for (const NavButton& extra : actions.extra)
        leftButton(extra.id, extra.label, extra.action, extra.kind);

    // Along the top the title shares the row with the buttons; with the navigation at the bottom
    // it has the top edge to itself.
    const Rect titleSpace = ui.navAtBottom ? Rect{pad * 2, pad, ui.width - pad * 4, h}
                                           : Rect{left + pad, pad, right - left - pad * 2, h};
    const TitleLayout titleLayout = layoutTitle(ui, title, static_cast<float>(titleSpace.w));
    const float rowH = std::max(h, titleLayout.height);
    const float titleBarH = rowH + pad * 2;
    const Rect titleBox{titleSpace.x, pad, titleSpace.w, rowH};
    const float buttonsBarH = h + pad * 2;
    // The buttons' row: along the top (centred beside the title), or along the bottom edge.
    const float y = ui.navAtBottom ? ui.height - buttonsBarH + pad : pad + (rowH - h) / 2;
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, titleBarH),
                           ui.color(ColorRole::Background));
    if (ui.navAtBottom)
        ui.draw->AddRectFilled(ImVec2(0, ui.height - buttonsBarH), ImVec2(ui.width, ui.height),
                               ui.color(ColorRole::Background));
    for (const Placed& b : buttons)
        button(ui, b.id, {b.x, y, b.w, h}, b.label, b.kind, b.action);
    drawTitle(ui, titleBox, title, titleLayout);
    if (ui.navAtBottom) {
        const float top = ui.height - buttonsBarH;
        ui.draw->AddLine(ImVec2(pad, top), ImVec2(ui.width - pad, top),
                         ui.color(ColorRole::Border, 0.6f), lineW);
        const float titleBottom = title.empty() ? 0 : titleBarH;
        if (!title.empty())
            ui.draw->AddLine(ImVec2(pad, titleBarH - 1), ImVec2(ui.width - pad, titleBarH - 1),
                             ui.color(ColorRole::Border, 0.6f), lineW);
        return {0, titleBottom, ui.width, top - titleBottom};
    }
    ui.draw->AddLine(ImVec2(pad, titleBarH - 1), ImVec2(ui.width - pad, titleBarH - 1),
                     ui.color(ColorRole::Border, 0.6f), lineW);
    return {0, titleBarH, ui.width, ui.height - titleBarH};
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
