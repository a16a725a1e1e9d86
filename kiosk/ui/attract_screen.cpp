// kiosk/ui: attract loop screen
#include "ui/attract_screen.h"

#include "lantai/core/ui_strings.h"
#include "ui/widgets.h"

#include <cmath>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;

bool AttractScreen::animating(const KioskState&) const {
    return m_slideStart >= 0 && m_now - m_slideStart < kFadeSeconds;
}

double AttractScreen::secondsUntilChange(double now) const {
    if (m_slideStart < 0) return 0;
    return std::max(0.0, m_slideStart + m_slideSeconds - now);
}

void AttractScreen::draw(UiContext& ui, KioskState& state) {
    m_now = ui.time;
    const auto playlist = state.pack->effectiveAttract();
    m_slideSeconds = std::max(2, state.pack->kiosk.attractSlideS);
    if (m_slideStart < 0) m_slideStart = ui.time;
    if (!playlist.empty() && ui.time - m_slideStart >= m_slideSeconds) {
        m_slide = (m_slide + 1) % static_cast<int>(playlist.size());
        m_slideStart = ui.time;
    }
    drawBackground(ui);
    const core::Rect screen{0, 0, ui.width, ui.height};
    const float fade = static_cast<float>(std::clamp((ui.time - m_slideStart) / kFadeSeconds, 0.0, 1.0));

    const core::Item* item = nullptr;
    if (!playlist.empty()) {
        const auto& entry = playlist[static_cast<std::size_t>(m_slide) % playlist.size()];
        // Videos join the loop with the video issue; until then a video entry shows its item/poster.
        if (entry.kind == core::AttractEntry::Kind::Item) item = state.pack->findItem(entry.id);
        else if (const auto* video = state.pack->findVideo(entry.id); video && !video->item.empty())
            item = state.pack->findItem(video->item);
    }
    if (item && !item->images.empty()) {
        const int longest = static_cast<int>(std::max(ui.width, ui.height));
        drawImageFile(ui, item->images.front().file, screen, ImageFit::Cover, longest);
        // Fade in from the background colour.
        if (fade < 1.0f) ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height), ui.color(ColorRole::Background, 1.0f - fade));
    }
    // Caption band at the bottom: item title and the call to action.
    const float band = ui.height * (ui.portrait ? 0.24f : 0.30f);
    ui.draw->AddRectFilledMultiColor(ImVec2(0, ui.height - band * 1.4f), ImVec2(ui.width, ui.height), 0, 0,
                                     ui.color(ColorRole::Overlay), ui.color(ColorRole::Overlay));
    ui.draw->AddRectFilled(ImVec2(0, ui.height - band), ImVec2(ui.width, ui.height), ui.color(ColorRole::Overlay));
    const float pad = ui.px(4);
    float y = ui.height - band + pad * 0.6f;
    TextBlock title;
    title.role = FontRole::Heading;
    title.color = ui.color(ColorRole::TextOnOverlay);
    title.align = TextAlign::Center;
    title.maxLines = 2;
    const std::string packTitle = ui.text(state.pack->title);
    y += drawTextBlock(ui, {pad, y, ui.width - pad * 2, band}, item ? ui.text(item->title) : packTitle, title);
    // "触摸屏幕开始参观 · Touch to start" — both languages always, gently pulsing.
    const float pulse = 1.0f; // static: an idle kiosk must not redraw between slides
    TextBlock cta;
    cta.role = FontRole::Title;
    cta.color = ui.color(ColorRole::TextOnOverlay, pulse);
    cta.align = TextAlign::Center;
    cta.maxLines = 2;
    drawTextBlock(ui, {pad, y + pad * 0.3f, ui.width - pad * 2, band}, core::uiText("attract.touch_to_start", core::Language::Zh) + " · " +
                                                               core::uiText("attract.touch_to_start", core::Language::En), cta);
    // The pack title across the top.
    TextBlock header;
    header.role = FontRole::Heading;
    header.color = ui.color(ColorRole::TitleOnBackground);
    header.align = TextAlign::Center;
    header.maxLines = 1;
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.fontSize(FontRole::Heading) * 2.2f), ui.color(ColorRole::Overlay));
    drawTextBlock(ui, {pad, ui.fontSize(FontRole::Heading) * 0.45f, ui.width - pad * 2, ui.fontSize(FontRole::Heading) * 1.5f},
                  packTitle, header);
    ui.addTarget("attract", screen, state.startVisit);
}

} // namespace lantai::kiosk
