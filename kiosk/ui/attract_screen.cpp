// kiosk/ui: attract loop screen
#include "kiosk/ui/attract_screen.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/images.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/video_controller.h"
#include "kiosk/ui/video_frame.h"

#include <cmath>
#include <cstdint>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;

bool AttractScreen::animating(const KioskState&) const {
    return m_slideStart >= 0 && m_now - m_slideStart < kFadeSeconds;
}

double AttractScreen::secondsUntilChange(double now) const {
    if (m_slideStart < 0) return 0;
    if (m_videoShowing && m_entryDurationS <= 0) return -1; // the video's end moves on
    return std::max(0.0, m_slideStart + m_slideSeconds - now);
}

bool AttractScreen::prepareVideo(KioskState& state, const core::AttractEntry& entry) {
    if (entry.kind != core::AttractEntry::Kind::Video || !state.video || !state.video->available())
        return false;
    const core::Video* video = state.pack->findVideo(entry.id);
    if (!video) return false;
    VideoController& player = *state.video;
    if (player.videoId() != video->id || !player.inAttract())
        player.playInAttract(*video, entry.muted);
    // A video that cannot play shows its item or poster for a normal slide time instead.
    return !player.problem();
}

void AttractScreen::advanceSlide(UiContext& ui, KioskState& state,
                                 const std::vector<core::AttractEntry>& playlist) {
    if (playlist.empty()) return;
    const bool videoEnded =
        m_videoShowing && state.video && state.video->inAttract() && state.video->hasEnded();
    const bool timeUp =
        (!m_videoShowing || m_entryDurationS > 0) && ui.time - m_slideStart >= m_slideSeconds;
    if (!videoEnded && !timeUp) return;
    m_slide = (m_slide + 1) % static_cast<int>(playlist.size());
    m_slideStart = ui.time;
    m_videoShowing = false;
}

void AttractScreen::draw(UiContext& ui, KioskState& state) {
    m_now = ui.time;
    const auto playlist = state.pack->effectiveAttract();
    if (m_slideStart < 0) m_slideStart = ui.time;
    advanceSlide(ui, state, playlist);
    const core::AttractEntry* entry =
        playlist.empty() ? nullptr : &playlist[static_cast<std::size_t>(m_slide) % playlist.size()];
    m_entryDurationS = entry ? entry->durationS : 0;
    m_slideSeconds =
        m_entryDurationS > 0 ? m_entryDurationS : std::max(2, state.pack->kiosk.attractSlideS);
    m_videoShowing = entry && prepareVideo(state, *entry);
    if (!m_videoShowing && state.video && state.video->inAttract()) state.video->stop();
    drawBackground(ui);
    const core::Rect screen{0, 0, ui.width, ui.height};
    const float fade =
        static_cast<float>(std::clamp((ui.time - m_slideStart) / kFadeSeconds, 0.0, 1.0));

    const core::Item* item = nullptr;
    const core::Video* video = nullptr;
    if (entry) {
        // A video entry that cannot play (no player, a broken file) shows its item or poster.
        if (entry->kind == core::AttractEntry::Kind::Item)
            item = state.pack->findItem(entry->id);
        else if ((video = state.pack->findVideo(entry->id)) && !video->item.empty())
            item = state.pack->findItem(video->item);
    }
    const int longest = static_cast<int>(std::max(ui.width, ui.height));
    if (m_videoShowing) {
        const MediaStatus& status = state.video->status();
        const core::Rect frame = letterboxRect(screen, status.videoWidth, status.videoHeight);
        const int w =
            std::min(static_cast<int>(frame.w), status.videoWidth > 0 ? status.videoWidth : 1280);
        const int h = static_cast<int>(frame.h * w / std::max(1.0, frame.w));
        if (const unsigned texture = state.video->texture(w, h)) {
            drawLetterboxBars(ui, screen, frame);
            drawOpaqueImage(ui, texture, frame);
        } else {
            ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height),
                                   ui.color(ColorRole::MediaBackdrop));
            if (video && video->poster)
                drawImageFile(ui, video->poster->file, frame, ImageFit::Contain, longest);
        }
    } else if (video && !item && video->poster) {
        drawImageFile(ui, video->poster->file, screen, ImageFit::Cover, longest);
    } else if (item && !item->images.empty()) {
        drawImageFile(ui, item->images.front().file, screen, ImageFit::Cover, longest);
        // Fade in from the background colour.
        if (fade < 1.0f)
            ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height),
                                   ui.color(ColorRole::Background, 1.0f - fade));
    }
    // Caption band at the bottom: item title and the call to action.
    const float band = ui.height * (ui.portrait ? 0.24f : 0.30f);
    ui.draw->AddRectFilledMultiColor(ImVec2(0, ui.height - band * 1.4f),
                                     ImVec2(ui.width, ui.height), 0, 0,
                                     ui.color(ColorRole::Overlay), ui.color(ColorRole::Overlay));
    ui.draw->AddRectFilled(ImVec2(0, ui.height - band), ImVec2(ui.width, ui.height),
                           ui.color(ColorRole::Overlay));
    const float pad = ui.px(4);
    float y = ui.height - band + pad * 0.6f;
    TextBlock title;
    title.role = FontRole::Heading;
    title.color = ui.color(ColorRole::TextOnOverlay);
    title.align = TextAlign::Center;
    title.maxLines = 2;
    const std::string packTitle = ui.text(state.pack->title);
    const std::string slideTitle = m_videoShowing && video ? ui.text(video->title)
                                   : item                  ? ui.text(item->title)
                                                           : packTitle;
    y += drawTextBlock(ui, {pad, y, ui.width - pad * 2, band}, slideTitle, title);
    // "触摸屏幕开始参观 · Touch to start" — both languages always, gently pulsing.
    const float pulse = 1.0f; // static: an idle kiosk must not redraw between slides
    TextBlock cta;
    cta.role = FontRole::Title;
    cta.color = ui.color(ColorRole::TextOnOverlay, pulse);
    cta.align = TextAlign::Center;
    cta.maxLines = 2;
    drawTextBlock(ui, {pad, y + pad * 0.3f, ui.width - pad * 2, band},
                  core::uiText("attract.touch_to_start", core::Language::Zh) + " · " +
                      core::uiText("attract.touch_to_start", core::Language::En),
                  cta);
    // The pack title across the top.
    TextBlock header;
    header.role = FontRole::Heading;
    header.color = ui.color(ColorRole::TitleOnBackground);
    header.align = TextAlign::Center;
    header.maxLines = 1;
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.fontSize(FontRole::Heading) * 2.2f),
                           ui.color(ColorRole::Overlay));
    drawTextBlock(ui,
                  {pad, ui.fontSize(FontRole::Heading) * 0.45f, ui.width - pad * 2,
                   ui.fontSize(FontRole::Heading) * 1.5f},
                  packTitle, header);
    // The target is the reachable part of the screen (any touch starts the visit anyway: the
    // visitor session wakes on every touch).
    ui.addTarget("attract", ui.reach, state.startVisit);
}

} // namespace lantai::kiosk
