// kiosk/ui: still-there overlay and out-of-service screen
#include "kiosk/ui/overlay_screens.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/text_layout.h"

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

void drawStillThereOverlay(UiContext& ui, KioskState& state, double countdownTotalSeconds) {
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height), ui.color(ColorRole::Overlay));
    const float w = std::min(ui.width * 0.8f, ui.px(90));
    const float h = std::min(ui.height * 0.6f, ui.px(55));
    // Centred in the reach band (the whole screen in landscape).
    const Rect band = ui.reach;
    const Rect card{(ui.width - w) / 2, float(band.y + (band.h - h) / 2), w, h};
    const float pad = ui.px(ui.theme->layout.padding) * 1.5f;
    ui.draw->AddRectFilled(minOf(card), maxOf(card), ui.color(ColorRole::Surface),
                           ui.px(ui.theme->layout.rounding) * 1.5f);
    double y = card.y + pad;
    TextBlock title;
    title.role = FontRole::Title;
    title.color = ui.color(ColorRole::Text);
    title.align = TextAlign::Center;
    y += drawTextBlock(ui, {card.x + pad, y, card.w - pad * 2, card.h}, ui.ui("idle.still_there"),
                       title);
    TextBlock count;
    count.role = FontRole::Body;
    count.color = ui.color(ColorRole::TextMuted);
    count.align = TextAlign::Center;
    y += drawTextBlock(ui, {card.x + pad, y, card.w - pad * 2, card.h},
                       core::uiCount("idle.countdown", state.stillThereSeconds, ui.language),
                       count) +
         pad * 0.5;
    // Countdown bar.
    const float frac = countdownTotalSeconds > 0
                           ? static_cast<float>(state.stillThereSeconds / countdownTotalSeconds)
                           : 0;
    const Rect track{card.x + pad, y, card.w - pad * 2, ui.px(1.2f)};
    ui.draw->AddRectFilled(minOf(track), maxOf(track), ui.color(ColorRole::TimerTrack),
                           ui.px(0.6f));
    ui.draw->AddRectFilled(
        minOf(track),
        ImVec2(float(track.x + track.w * std::clamp(frac, 0.0f, 1.0f)), float(track.bottom())),
        ui.color(ColorRole::TimerBar), ui.px(0.6f));
    const float bh = ui.touchMin() * 1.1f;
    const Rect continueButton{card.x + pad, card.bottom() - pad - bh, card.w - pad * 2, bh};
    // Tapping anywhere continues the visit; the button says so explicitly.
    ui.addTarget("still-there", band, state.continueVisit);
    button(ui, "continue", continueButton, ui.ui("idle.continue"), ButtonKind::Primary,
           state.continueVisit);
}

void OutOfServiceScreen::draw(UiContext& ui, KioskState& state) {
    drawBackground(ui);
    const float pad = ui.px(6);
    double y = ui.height * 0.18;
    const double w = ui.width - pad * 2;
    auto block = [&](std::string_view text, FontRole role, ColorRole color) {
        TextBlock style;
        style.role = role;
        style.color = ui.color(color);
        style.align = TextAlign::Center;
        y += drawTextBlock(ui, {pad, y, w, ui.height}, text, style) + ui.px(1.5f);
    };
    block(core::uiText("service.out_of_service", core::Language::Zh) + " · " +
              core::uiText("service.out_of_service", core::Language::En),
          FontRole::Title, ColorRole::TitleOnBackground);
    block(core::uiText("service.come_back", core::Language::Zh), FontRole::Heading,
          ColorRole::TextOnBackground);
    block(core::uiText("service.come_back", core::Language::En), FontRole::Heading,
          ColorRole::TextOnBackground);
    y += ui.px(2);
    if (!state.serviceReasonZh.empty())
        block(state.serviceReasonZh, FontRole::Body, ColorRole::TextOnBackgroundMuted);
    if (!state.serviceReason.empty())
        block(state.serviceReason, FontRole::Body, ColorRole::TextOnBackgroundMuted);
    y += ui.px(2);
    block(core::uiText("service.ask_staff", core::Language::Zh) + "  " +
              core::uiText("service.ask_staff", core::Language::En),
          FontRole::Caption, ColorRole::TextOnBackgroundMuted);
}

} // namespace lantai::kiosk
