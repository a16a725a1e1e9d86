// kiosk/ui: the video player screen
#include "kiosk/ui/video_player_screen.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/images.h"
#include "kiosk/ui/problem_card.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/top_bar.h"
#include "kiosk/ui/video_controller.h"
#include "kiosk/ui/video_frame.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::GestureType;
using core::Rect;

namespace {

constexpr double kSkipSeconds = 10.0;
constexpr int kVolumeStep = 10;

void drawPlayIcon(UiContext& ui, const Rect& r, ImU32 color) {
    const float s = static_cast<float>(std::min(r.w, r.h)) * 0.32f;
    const ImVec2 c = toIm(r.center());
    ui.draw->AddTriangleFilled(ImVec2(c.x - s * 0.7f, c.y - s), ImVec2(c.x - s * 0.7f, c.y + s),
                               ImVec2(c.x + s, c.y), color);
}

void drawPauseIcon(UiContext& ui, const Rect& r, ImU32 color) {
    const float s = static_cast<float>(std::min(r.w, r.h)) * 0.30f;
    const ImVec2 c = toIm(r.center());
    ui.draw->AddRectFilled(ImVec2(c.x - s * 0.8f, c.y - s), ImVec2(c.x - s * 0.25f, c.y + s),
                           color);
    ui.draw->AddRectFilled(ImVec2(c.x + s * 0.25f, c.y - s), ImVec2(c.x + s * 0.8f, c.y + s),
                           color);
}

} // namespace

double VideoPlayerScreen::fractionAt(double x) const {
    return m_seekBar.w > 0 ? std::clamp((x - m_seekBar.x) / m_seekBar.w, 0.0, 1.0) : 0.0;
}

void VideoPlayerScreen::draw(UiContext& ui, KioskState& state) {
    const core::Video* video = state.pack->findVideo(state.nav.video());
    if (!video || !state.video) return;
    drawBackground(ui);
    const Rect area = standardTopBar(ui, state, ui.text(video->title), true);
    const float pad = ui.px(ui.theme->layout.spacing);
    const float touch = ui.touchMin();
    const bool problem = state.video->problem().has_value();
    // Controls: the seek bar, then one row of buttons (two in portrait, where the screen is
    // narrow).
    const double buttonRows = ui.portrait ? 2 : 1;
    const double controlsH = problem ? 0 : touch * 0.9 + (touch + pad) * buttonRows + pad;
    double videoH = area.h - controlsH - pad * 2;
    if (ui.portrait) videoH = std::min(videoH, (ui.width - pad * 2) * 9.0 / 16.0 + pad * 2);
    m_videoArea = {pad, area.y + pad, ui.width - pad * 2, videoH};
    Rect description; // reach band: what the video is about, above the band
    if (ui.navAtBottom) {
        // The picture (a tap pauses it) and the controls inside the band, at its bottom.
        const double top = std::max(double(ui.reach.y), area.y + pad);
        videoH = std::min(videoH, area.bottom() - controlsH - pad - top);
        m_videoArea = {pad, area.bottom() - controlsH - pad - videoH, ui.width - pad * 2, videoH};
        description = {pad * 2, area.y + pad, ui.width - pad * 4, m_videoArea.y - area.y - pad * 2};
    }
    if (problem) {
        drawProblem(ui, state);
        return;
    }
    drawVideo(ui, state, *video);
    double y = m_videoArea.bottom() + pad;
    drawSeekBar(ui, state, {pad, y, ui.width - pad * 2, touch * 0.9});
    y += touch * 0.9 + pad;
    if (ui.portrait) {
        drawButtons(ui, state, {pad, y, ui.width - pad * 2, touch}, true, false);
        y += touch + pad;
        drawButtons(ui, state, {pad, y, ui.width - pad * 2, touch}, false, true);
        y += touch + pad * 2;
        // The space below the controls (above the band: the space above the picture) tells
        // what the video is about.
        if (description.empty())
            description = {pad * 2, y, ui.width - pad * 4, ui.height - y - pad};
        TextBlock body;
        body.role = FontRole::Body;
        body.color = ui.color(ColorRole::TextOnBackground);
        body.maxLines = 8;
        drawTextBlock(ui, description, ui.text(video->description), body);
    } else {
        drawButtons(ui, state, {pad, y, ui.width - pad * 2, touch}, true, true);
    }
}

void VideoPlayerScreen::drawVideo(UiContext& ui, KioskState& state, const core::Video& video) {
    VideoController& player = *state.video;
    const MediaStatus& status = player.status();
    // Letterboxed into the area at the video's aspect ratio.
    const Rect frame = letterboxRect(m_videoArea, status.videoWidth, status.videoHeight);
    // Render at the size shown, but not above the video's own size (software GL: pixels cost).
    int w = static_cast<int>(std::lround(frame.w)), h = static_cast<int>(std::lround(frame.h));
    if (status.videoWidth > 0 && w > status.videoWidth) {
        h = static_cast<int>(std::lround(double(h) * status.videoWidth / w));
        w = status.videoWidth;
    }
    const unsigned texture = player.texture(w, h);
    if (texture) {
        drawLetterboxBars(ui, m_videoArea, frame);
        drawOpaqueImage(ui, texture, frame);
    } else {
        ui.draw->AddRectFilled(minOf(m_videoArea), maxOf(m_videoArea),
                               ui.color(ColorRole::MediaBackdrop));
    }
    if (!texture && video.poster) {
        drawImageFile(ui, video.poster->file, frame, ImageFit::Contain,
                      static_cast<int>(std::max(frame.w, frame.h)));
    }
    if (status.state == MediaState::Loading) {
        drawTextLine(ui,
                     {frame.x, frame.bottom() - ui.fontSize(FontRole::Body) * 2.5, frame.w,
                      ui.fontSize(FontRole::Body) * 2},
                     ui.ui("video.loading"), FontRole::Body, ui.color(ColorRole::TextOnMedia),
                     TextAlign::Center);
    }
    // Paused or ended: a large play symbol over the picture.
    if (status.state == MediaState::Paused || status.state == MediaState::Ended) {
        const float r = ui.touchMin() * 0.9f;
        const ImVec2 c = toIm(m_videoArea.center());
        ui.draw->AddCircleFilled(c, r, ui.color(ColorRole::MediaScrim), 48);
        drawPlayIcon(ui, {c.x - r, c.y - r, r * 2.0, r * 2.0}, ui.color(ColorRole::MediaSymbol));
    }
    ui.addTarget("video-surface", m_videoArea, [&state] { state.video->togglePause(); });
}

void VideoPlayerScreen::drawSeekBar(UiContext& ui, KioskState& state, const Rect& row) {
    VideoController& player = *state.video;
    const MediaStatus& status = player.status();
    const double duration = status.duration;
    const double shown = m_dragging ? m_dragFraction * duration : status.position;
    const float labelW = textWidth(ui, FontRole::Body, "00:00:00");
    const ImU32 text = ui.color(ColorRole::TextOnBackground);
    drawTextLine(ui, {row.x, row.y, labelW, row.h}, formatMediaTime(shown), FontRole::Body, text,
                 TextAlign::Right);
    drawTextLine(ui, {row.right() - labelW, row.y, labelW, row.h}, formatMediaTime(duration),
                 FontRole::Body, text, TextAlign::Left);
    const double gap = ui.px(2);
    m_seekBar = {row.x + labelW + gap, row.y, row.w - labelW * 2 - gap * 2, row.h};
    const float track = std::max(6.0f, ui.px(0.9f));
    const float cy = static_cast<float>(m_seekBar.center().y);
    const float x0 = static_cast<float>(m_seekBar.x), x1 = static_cast<float>(m_seekBar.right());
    const double fraction = duration > 0 ? std::clamp(shown / duration, 0.0, 1.0) : 0.0;
    const float xk = x0 + static_cast<float>(fraction) * (x1 - x0);
    ui.draw->AddRectFilled(ImVec2(x0, cy - track / 2), ImVec2(x1, cy + track / 2),
                           ui.color(ColorRole::Secondary), track / 2);
    ui.draw->AddRectFilled(ImVec2(x0, cy - track / 2), ImVec2(xk, cy + track / 2),
                           ui.color(ColorRole::Accent), track / 2);
    const float knob = static_cast<float>(row.h) * (m_dragging ? 0.36f : 0.28f);
    ui.draw->AddCircleFilled(ImVec2(xk, cy), knob, ui.color(ColorRole::TitleOnBackground), 32);
    // A tap on the bar jumps there; a drag (onGesture) follows the finger.
    ui.addTarget("seek-bar", m_seekBar,
                 [this, &state] { state.video->seekToFraction(fractionAt(state.tapPosition.x)); });
}

void VideoPlayerScreen::drawButtons(UiContext& ui, KioskState& state, const Rect& row,
                                    bool transport, bool settings) {
    VideoController& player = *state.video;
    const MediaStatus& status = player.status();
    const float touch = ui.touchMin();
    const float gap = ui.px(ui.theme->layout.spacing);
    const float skipW = std::max(
        touch * 1.6f, textWidth(ui, FontRole::Button, ui.ui("video.forward10")) + ui.px(4));
    const float playW = touch * 1.6f;
    const float subW =
        std::max(touch * 1.3f, textWidth(ui, FontRole::Button, "English") + ui.px(3));
    const float labelW = textWidth(ui, FontRole::Body, ui.ui("video.subtitles")) + gap;
    const float volLabelW = textWidth(ui, FontRole::Body, ui.ui("video.volume") + " 100%") + gap;
    const float transportW = skipW * 2 + playW + gap * 2;
    const float settingsW = labelW + subW * 3 + gap * 3 + volLabelW + touch * 2 + gap * 2;
    float x = static_cast<float>(row.x);
    if (transport && settings)
        x += std::max(0.0f, (static_cast<float>(row.w) - transportW - settingsW - gap * 3) / 2);
    else
        x += std::max(0.0f, (static_cast<float>(row.w) - (transport ? transportW : settingsW)) / 2);
    const double y = row.y;
    if (transport) {
        button(ui, "back10", {x, y, skipW, touch}, ui.ui("video.back10"), ButtonKind::Secondary,
               [&player] { player.seekBy(-kSkipSeconds); });
        x += skipW + gap;
        const Rect play{x, y, playW, touch};
        const bool playing = status.state == MediaState::Playing;
        button(ui, "play-pause", play, "", ButtonKind::Primary,
               [&player] { player.togglePause(); });
        if (playing)
            drawPauseIcon(ui, play, ui.color(ColorRole::TextOnAccent));
        else
            drawPlayIcon(ui, play, ui.color(ColorRole::TextOnAccent));
        x += playW + gap;
        button(ui, "forward10", {x, y, skipW, touch}, ui.ui("video.forward10"),
               ButtonKind::Secondary, [&player] { player.seekBy(kSkipSeconds); });
        x += skipW + gap * 3;
    }
    if (!settings) return;
    drawTextLine(ui, {x, y, labelW, touch}, ui.ui("video.subtitles"), FontRole::Body,
                 ui.color(ColorRole::TextOnBackground));
    x += labelW;
    const std::pair<const char*, const char*> choices[] = {
        {"zh", "中文"}, {"en", "English"}, {"", nullptr}};
    for (const auto& [lang, label] : choices) {
        const std::string id = std::string("sub:") + (*lang ? lang : "off");
        const bool selected = status.subtitleLang == lang;
        const bool offered = !*lang || player.hasSubtitles(lang);
        const Rect r{x, y, subW, touch};
        if (offered) {
            const std::string text = label ? label : ui.ui("video.sub_off");
            button(ui, id, r, text, selected ? ButtonKind::Primary : ButtonKind::Ghost,
                   [&player, l = std::string(lang)] { player.setSubtitles(l); });
        }
        x += subW + gap;
    }
    x += gap;
    drawTextLine(ui, {x, y, volLabelW, touch},
                 ui.ui("video.volume") + " " + std::to_string(player.volume()) + "%",
                 FontRole::Body, ui.color(ColorRole::TextOnBackground));
    x += volLabelW;
    button(ui, "vol-down", {x, y, touch, touch}, "−", ButtonKind::Secondary,
           [&player] { player.changeVolume(-kVolumeStep); });
    x += touch + gap;
    button(ui, "vol-up", {x, y, touch, touch}, "+", ButtonKind::Secondary,
           [&player] { player.changeVolume(kVolumeStep); });
}

void VideoPlayerScreen::drawProblem(UiContext& ui, KioskState& state) {
    const auto problem = state.video->problem();
    const float pad = ui.px(ui.theme->layout.padding);
    const float rounding = ui.px(ui.theme->layout.rounding);
    const float touch = ui.touchMin();
    // Both languages always: staff and visitors of either language read the card.
    TextBlock heading;
    heading.role = FontRole::Heading;
    heading.color = ui.color(ColorRole::Text);
    heading.align = TextAlign::Center;
    TextBlock body;
    body.role = FontRole::Body;
    body.color = ui.color(ColorRole::Text);
    body.align = TextAlign::Center;
    TextBlock file;
    file.role = FontRole::Caption;
    file.color = ui.color(ColorRole::TextMuted);
    file.align = TextAlign::Center;
    const std::string& headingZh = core::uiText("video.cannot_play", core::Language::Zh);
    const std::string& headingEn = core::uiText("video.cannot_play", core::Language::En);
    // The card grows to hold its text and button (large text, a narrow portrait picture), its
    // bottom — the button — staying in the picture's area.
    const float textW = static_cast<float>(m_videoArea.w) * 0.8f - pad * 2;
    const float contentH = pad + measureTextBlock(ui, textW, headingZh, heading) +
                           measureTextBlock(ui, textW, headingEn, heading) + pad * 0.5f +
                           measureTextBlock(ui, textW, problem->zh, body) +
                           measureTextBlock(ui, textW, problem->en, body) + pad * 0.5f +
                           measureTextBlock(ui, textW, problem->file, file) + pad + touch + pad;
    Rect card{m_videoArea.x + m_videoArea.w * 0.1, m_videoArea.y + m_videoArea.h * 0.12,
              m_videoArea.w * 0.8, std::max(m_videoArea.h * 0.7, double(contentH))};
    if (card.bottom() > m_videoArea.bottom()) card.y = std::max(0.0, m_videoArea.bottom() - card.h);
    ui.draw->AddRectFilled(minOf(card), maxOf(card), ui.color(ColorRole::Surface), rounding);
    ui.draw->AddRectFilled(
        minOf(card),
        ImVec2(static_cast<float>(card.right()), static_cast<float>(card.y) + ui.px(1.2f)),
        ui.color(ColorRole::Danger), rounding, ImDrawFlags_RoundCornersTop);
    double y = card.y + pad;
    y += drawTextBlock(ui, {card.x + pad, y, textW, card.h}, headingZh, heading);
    y += drawTextBlock(ui, {card.x + pad, y, textW, card.h}, headingEn, heading) + pad * 0.5;
    y += drawTextBlock(ui, {card.x + pad, y, textW, card.h}, problem->zh, body);
    y += drawTextBlock(ui, {card.x + pad, y, textW, card.h}, problem->en, body) + pad * 0.5;
    y += drawTextBlock(ui, {card.x + pad, y, textW, card.h}, problem->file, file) + pad;
    const float w = std::max(touch * 3, textWidth(ui, FontRole::Button, "返回 · Back") + ui.px(6));
    button(ui, "video-error-back",
           {card.center().x - w / 2, std::min(y, card.bottom() - touch - pad), w, touch},
           "返回 · Back", ButtonKind::Primary, [&state] { state.nav.closeVideo(); });
}

bool VideoPlayerScreen::onGesture(const core::Gesture& g, UiContext&, KioskState& state) {
    if (!state.video) return false;
    // The seek bar follows a finger that went down on it (or just above/below it).
    const Rect grab{m_seekBar.x - m_seekBar.h * 0.3, m_seekBar.y - m_seekBar.h * 0.4,
                    m_seekBar.w + m_seekBar.h * 0.6, m_seekBar.h * 1.8};
    switch (g.type) {
    case GestureType::DragStart:
        if (!grab.contains(g.position) || state.video->status().duration <= 0) return false;
        m_dragging = true;
        m_dragFraction = fractionAt(g.position.x);
        return true;
    case GestureType::Drag:
        if (!m_dragging) return false;
        m_dragFraction = fractionAt(g.position.x);
        return true;
    case GestureType::DragEnd:
        if (!m_dragging) return false;
        m_dragging = false;
        state.video->seekToFraction(m_dragFraction);
        return true;
    default:
        return false;
    }
}

} // namespace lantai::kiosk
