// kiosk/ui: the card of a file that cannot be played (see problem_card.h)
#include "kiosk/ui/problem_card.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

void drawProblemCard(UiContext& ui, const Rect& card, const std::string& headingKey,
                     const VideoProblem& problem, const std::string& buttonId,
                     const std::string& buttonLabel, std::function<void()> action) {
    const float pad = ui.px(ui.theme->layout.padding);
    const float rounding = ui.px(ui.theme->layout.rounding);
    ui.draw->AddRectFilled(minOf(card), maxOf(card), ui.color(ColorRole::Surface), rounding);
    ui.draw->AddRectFilled(
        minOf(card),
        ImVec2(static_cast<float>(card.right()), static_cast<float>(card.y) + ui.px(1.2f)),
        ui.color(ColorRole::Danger), rounding, ImDrawFlags_RoundCornersTop);
    double y = card.y + pad;
    TextBlock heading;
    heading.role = FontRole::Heading;
    heading.color = ui.color(ColorRole::Text);
    heading.align = TextAlign::Center;
    // Both languages always: staff and visitors of either language read the card.
    y += drawTextBlock(ui, {card.x + pad, y, card.w - pad * 2, card.h},
                       core::uiText(headingKey, core::Language::Zh), heading);
    y += drawTextBlock(ui, {card.x + pad, y, card.w - pad * 2, card.h},
                       core::uiText(headingKey, core::Language::En), heading) +
         pad * 0.5;
    TextBlock body;
    body.role = FontRole::Body;
    body.color = ui.color(ColorRole::Text);
    body.align = TextAlign::Center;
    y += drawTextBlock(ui, {card.x + pad, y, card.w - pad * 2, card.h}, problem.zh, body);
    y += drawTextBlock(ui, {card.x + pad, y, card.w - pad * 2, card.h}, problem.en, body) +
         pad * 0.5;
    TextBlock file;
    file.role = FontRole::Caption;
    file.color = ui.color(ColorRole::TextMuted);
    file.align = TextAlign::Center;
    y += drawTextBlock(ui, {card.x + pad, y, card.w - pad * 2, card.h}, problem.file, file) + pad;
    const float touch = ui.touchMin();
    const float w = std::max(touch * 3, textWidth(ui, FontRole::Button, buttonLabel) + ui.px(6));
    button(ui, buttonId,
           {card.center().x - w / 2, std::min(y, card.bottom() - touch - pad), w, touch},
           buttonLabel, ButtonKind::Primary, std::move(action));
}

} // namespace lantai::kiosk
