// kiosk/ui: item detail screen (deep zoom + caption panel)
#include "kiosk/ui/item_detail_screen.h"

#include "core/gallery/web_paths.h"
#include "core/i18n/ui_strings.h"
#include "kiosk/render/texture_cache.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/badge.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/images.h"
#include "kiosk/ui/item_grid_screen.h"
#include "kiosk/ui/listen_button.h"
#include "kiosk/ui/scroll_hints.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/top_bar.h"
#include "kiosk/ui/video_actions.h"

#include <algorithm>
#include <cmath>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::GestureType;
using core::Rect;

namespace {

// One thumbnail of a multi-image item's strip: the image, a frame (the shown one in the focus
// colour) and its tap target.
void drawImageThumb(UiContext& ui, KioskState& state, const core::Item& item, std::size_t i,
                    const Rect& r) {
    drawImageFile(ui, item.images[i].file, r, ImageFit::Cover, 480, ui.px(0.4f));
    const bool current = static_cast<int>(i) == state.nav.image();
    ui.draw->AddRect(minOf(r), maxOf(r),
                     current ? ui.color(ColorRole::Focus) : ui.color(ColorRole::Border),
                     ui.px(0.4f), 0, current ? ui.px(0.45f) : ui.px(0.15f));
    const int index = static_cast<int>(i);
    ui.addTarget("image:" + std::to_string(i), r,
                 [&state, index] { state.nav.selectImage(index); });
}

} // namespace

void ItemDetailScreen::reset() {
    m_preparedKey.clear();
    m_image.reset();
    m_panFling.stop();
    m_panelFling.stop();
    m_panning = m_panelDragging = m_pinching = false;
    m_panelScroll = 0;
}

std::vector<std::string> ItemDetailScreen::takeLogLines() {
    return std::exchange(m_log, {});
}

bool ItemDetailScreen::animating(const KioskState& state) const {
    return state.viewport.isAnimating() || m_panFling.isMoving() || m_panelFling.isMoving() ||
           m_panning || m_pinching || m_panelDragging ||
           (m_image && !state.zoomSharp && !state.zoomImageFailed);
}

void ItemDetailScreen::prepareViewport(UiContext& ui, KioskState& state, const core::Item& item) {
    const int imageIndex =
        std::clamp(state.nav.image(), 0, static_cast<int>(item.images.size()) - 1);
    const std::string key = item.id + "#" + std::to_string(imageIndex);
    if (key != m_preparedKey) {
        m_preparedKey = key;
        m_panFling.stop();
        m_panelScroll = 0;
        m_imageError.clear();
        const auto& file = item.images[static_cast<std::size_t>(imageIndex)].file;
        const core::DerivedImage* derived = nullptr;
        if (ui.derived)
            if (auto it = ui.derived->images.find(file); it != ui.derived->images.end())
                derived = &it->second;
        std::string warning;
        m_image = loadIiifImage(ui.pack->root, derived, file, &warning);
        if (!warning.empty()) m_log.push_back(warning);
        if (m_image) {
            state.viewport.setImageSize(m_image->pyramid.width, m_image->pyramid.height);
        } else {
            m_imageError = warning.empty() ? "cannot read " + file : warning;
        }
        state.viewportKey = key;
    }
    state.viewport.setViewRect(m_viewer);
}

void ItemDetailScreen::draw(UiContext& ui, KioskState& state) {
    const auto* item = state.nav.currentItem();
    if (!item || item->images.empty()) return;
    drawBackground(ui);
    const Rect area = standardTopBar(ui, state, ui.text(item->title), true);
    const float pad = ui.px(ui.theme->layout.spacing);
    m_controls = {};
    if (ui.navAtBottom) {
        // The image above, its buttons in a row inside the reach band, the caption panel under.
        const double rowH = ui.touchMin() * 1.1;
        const double viewerBottom = std::max(double(ui.reach.y) - pad, area.y + (area.h * 0.5));
        m_viewer = {pad, area.y + pad, ui.width - pad * 2, viewerBottom - area.y - pad};
        m_controls = {pad, m_viewer.bottom() + pad, ui.width - pad * 2, rowH};
        m_panel = {pad, m_controls.bottom() + pad, ui.width - pad * 2,
                   area.bottom() - m_controls.bottom() - pad * 2};
    } else if (ui.portrait) {
        const double viewerH = (area.h - pad * 3) * 0.56;
        m_viewer = {pad, area.y + pad, ui.width - pad * 2, viewerH};
        m_panel = {pad, m_viewer.bottom() + pad, ui.width - pad * 2,
                   area.bottom() - m_viewer.bottom() - pad * 2};
    } else {
        const double viewerW = (ui.width - pad * 3) * 0.63;
        m_viewer = {pad, area.y + pad, viewerW, area.h - pad * 2};
        m_panel = {m_viewer.right() + pad, area.y + pad, ui.width - m_viewer.right() - pad * 2,
                   area.h - pad * 2};
    }
    // The hand-off to the cloud gallery: a QR code to this item's page, under the caption panel.
    state.qrUrl.clear();
    if (!state.webBaseUrl.empty()) {
        const float side = ui.px(ui.portrait ? 17 : 20);
        const Rect row{m_panel.x, m_panel.bottom() - side, m_panel.w, side};
        m_panel.h -= side + pad;
        drawHandOff(ui, state, *item, row);
    }
    // The item's video: a wide button under the caption panel.
    const core::Video* video = item->video.empty() ? nullptr : ui.pack->findVideo(item->video);
    if (video) {
        const float touch = ui.touchMin();
        const Rect watch{m_panel.x, m_panel.bottom() - touch, m_panel.w, touch};
        m_panel.h -= touch + pad;
        button(ui, "watch-video", watch,
               ui.ui("video.play_symbol") + " " + ui.ui("item.watch_video"), ButtonKind::Primary,
               [&state, id = video->id] { openVideoForVisitor(state, id); });
    }
    // The item read aloud: a button under the caption panel, above the video's.
    if (!narrationFile(state, item->narration).empty()) {
        const float touch = ui.touchMin();
        const Rect listen{m_panel.x, m_panel.bottom() - touch, m_panel.w, touch};
        m_panel.h -= touch + pad;
        drawListenButton(ui, state, "item:" + item->id, item->narration, listen);
    }
    prepareViewport(ui, state, *item);
    drawViewer(ui, state, *item);
    drawCaptionPanel(ui, state, *item);
}

void ItemDetailScreen::drawViewer(UiContext& ui, KioskState& state, const core::Item& item) {
    const float rounding = ui.px(ui.theme->layout.rounding);
    ui.draw->AddRectFilled(minOf(m_viewer), maxOf(m_viewer), ui.color(ColorRole::ViewerBackdrop),
                           rounding);
    state.zoomImageFailed = false;
    if (m_image) {
        const DrawResult result = drawDeepZoom(ui.draw, state.viewport, *m_image, *ui.textures,
                                               ui.color(ColorRole::SurfaceAlt, 0.25f));
        state.zoomScaleFactor = result.scaleFactor;
        state.zoomSharp = result.sharp;
        if (result.failed) {
            state.zoomImageFailed = true;
            if (m_imageError != result.error) {
                m_imageError = result.error;
                m_log.push_back("image unavailable: " + result.error);
            }
        }
    } else {
        state.zoomImageFailed = true;
        state.zoomSharp = false;
    }
    state.zoomImageError = state.zoomImageFailed ? m_imageError : std::string();
    if (state.zoomImageFailed) {
        // Placeholder with a note: never a black rectangle.
        const Rect box{m_viewer.x + m_viewer.w * 0.2, m_viewer.y + m_viewer.h * 0.35,
                       m_viewer.w * 0.6, m_viewer.h * 0.3};
        ui.draw->AddRectFilled(minOf(box), maxOf(box), ui.color(ColorRole::SurfaceAlt), rounding);
        TextBlock note;
        note.role = FontRole::Heading;
        note.color = ui.color(ColorRole::Text);
        note.align = TextAlign::Center;
        const float h =
            measureTextBlock(ui, float(box.w) - ui.px(2), ui.ui("image.unavailable"), note);
        drawTextBlock(ui, {box.x + ui.px(1), box.y + (box.h - h) / 2, box.w - ui.px(2), h},
                      ui.ui("image.unavailable"), note);
    }

    if (!m_controls.empty()) {
        drawControlRow(ui, state, item);
        return;
    }
    const float touch = ui.touchMin();
    const float pad = ui.px(ui.theme->layout.spacing);
    // Previous / next at the viewer's edges.
    const double midY = m_viewer.y + m_viewer.h / 2 - touch / 2;
    if (state.nav.hasPreviousItem())
        button(ui, "prev", {m_viewer.x + pad, midY, touch, touch}, "‹", ButtonKind::Secondary,
               [&state] { state.nav.previousItem(); });
    if (state.nav.hasNextItem())
        button(ui, "next", {m_viewer.right() - pad - touch, midY, touch, touch}, "›",
               ButtonKind::Secondary, [&state] { state.nav.nextItem(); });
    // Zoom controls, bottom right.
    const double by = m_viewer.bottom() - pad - touch;
    double bx = m_viewer.right() - pad - touch;
    const core::Vec2 centre = m_viewer.center();
    button(ui, "zoom-in", {bx, by, touch, touch}, "+", ButtonKind::Secondary,
           [&state, centre] { state.viewport.animateZoomBy(2.0, centre); });
    bx -= touch + pad;
    button(ui, "zoom-out", {bx, by, touch, touch}, "−", ButtonKind::Secondary,
           [&state, centre] { state.viewport.animateZoomBy(0.5, centre); });
    if (!state.viewport.atFit()) {
        const float w =
            std::max(touch * 1.6f, textWidth(ui, FontRole::Button, ui.ui("zoom.reset")) + pad * 2);
        bx -= w + pad;
        button(ui, "zoom-reset", {bx, by, w, touch}, ui.ui("zoom.reset"), ButtonKind::Secondary,
               [&state] { state.viewport.animateToFit(); });
    } else {
        TextBlock hint;
        hint.role = FontRole::Caption;
        hint.color = ui.color(ColorRole::TextOnOverlay);
        hint.maxLines = 1;
        const std::string text = ui.ui("zoom.hint") + " · " + ui.ui("zoom.drag_hint");
        drawTextBlock(ui,
                      {m_viewer.x + pad, by + touch / 2 - ui.fontSize(FontRole::Caption) * 0.7,
                       bx - m_viewer.x - pad * 2, touch},
                      text, hint);
    }
    // Multi-image strip along the top of the viewer.
    if (item.images.size() > 1) {
        const float thumb = touch * 1.1f;
        double x = m_viewer.x + pad;
        for (std::size_t i = 0; i < item.images.size(); ++i) {
            drawImageThumb(ui, state, item, i, {x, m_viewer.y + pad, thumb, thumb});
            x += thumb + pad;
        }
        TextBlock count;
        count.role = FontRole::Caption;
        count.color = ui.color(ColorRole::TextOnOverlay);
        count.maxLines = 1;
        drawTextBlock(ui,
                      {x + pad, m_viewer.y + pad + thumb / 2 - ui.fontSize(FontRole::Caption) * 0.7,
                       ui.px(30), thumb},
                      core::uiFormat("item.image_n_of", ui.language,
                                     {{"n", std::to_string(state.nav.image() + 1)},
                                      {"total", std::to_string(item.images.size())}}),
                      count);
    }
}

void ItemDetailScreen::drawControlRow(UiContext& ui, KioskState& state, const core::Item& item) {
    const float touch = static_cast<float>(m_controls.h);
    const float pad = ui.px(ui.theme->layout.spacing);
    const double y = m_controls.y;
    double left = m_controls.x;
    double right = m_controls.right();
    // ‹ and › at the row's ends, the zoom buttons at the right, the image strip in between.
    if (state.nav.hasPreviousItem())
        button(ui, "prev", {left, y, touch, touch}, "‹", ButtonKind::Secondary,
               [&state] { state.nav.previousItem(); });
    left += touch + pad;
    if (state.nav.hasNextItem())
        button(ui, "next", {right - touch, y, touch, touch}, "›", ButtonKind::Secondary,
               [&state] { state.nav.nextItem(); });
    right -= touch + pad * 2;
    const core::Vec2 centre = m_viewer.center();
    button(ui, "zoom-in", {right - touch, y, touch, touch}, "+", ButtonKind::Secondary,
           [&state, centre] { state.viewport.animateZoomBy(2.0, centre); });
    right -= touch + pad;
    button(ui, "zoom-out", {right - touch, y, touch, touch}, "−", ButtonKind::Secondary,
           [&state, centre] { state.viewport.animateZoomBy(0.5, centre); });
    right -= touch + pad;
    if (!state.viewport.atFit()) {
        const float w =
            std::max(touch * 1.6f, textWidth(ui, FontRole::Button, ui.ui("zoom.reset")) + pad * 2);
        button(ui, "zoom-reset", {right - w, y, w, touch}, ui.ui("zoom.reset"),
               ButtonKind::Secondary, [&state] { state.viewport.animateToFit(); });
        right -= w + pad;
    } else {
        // How to zoom, over the image's bottom edge (read, not tapped).
        TextBlock hint;
        hint.role = FontRole::Caption;
        hint.color = ui.color(ColorRole::TextOnOverlay);
        hint.maxLines = 1;
        const float lineH = ui.fontSize(FontRole::Caption) * 1.5f;
        drawTextBlock(
            ui, {m_viewer.x + pad, m_viewer.bottom() - pad - lineH, m_viewer.w - pad * 2, lineH},
            ui.ui("zoom.hint") + " · " + ui.ui("zoom.drag_hint"), hint);
    }
    if (item.images.size() <= 1) return;
    for (std::size_t i = 0; i < item.images.size() && left + touch <= right; ++i) {
        drawImageThumb(ui, state, item, i, {left, y, touch, touch});
        left += touch + pad;
    }
}

void ItemDetailScreen::drawHandOff(UiContext& ui, KioskState& state, const core::Item& item,
                                   const Rect& row) {
    const std::string url =
        core::webItemUrl(state.webBaseUrl, core::languageCode(ui.language), item.id);
    if (url != m_qrText) {
        m_qrText = url;
        m_qr = encodeQr(url);
    }
    if (m_qr.size <= 0) return;
    const float rounding = ui.px(ui.theme->layout.rounding);
    ui.draw->AddRectFilled(minOf(row), maxOf(row), ui.color(ColorRole::SurfaceAlt), rounding);
    drawQr(ui, m_qr, {row.x, row.y, row.h, row.h});
    const float pad = ui.px(ui.theme->layout.padding) * 0.6f;
    TextBlock text;
    text.role = FontRole::Body;
    text.color = ui.color(ColorRole::Text);
    text.maxLines = 3;
    const double textX = row.x + row.h + pad;
    const double textW = row.w - row.h - pad * 2;
    const float h = measureTextBlock(ui, static_cast<float>(textW), ui.ui("item.scan_qr"), text);
    drawTextBlock(ui, {textX, row.y + (row.h - h) / 2, textW, row.h}, ui.ui("item.scan_qr"), text);
    state.qrUrl = url;
}

void ItemDetailScreen::drawCaptionPanel(UiContext& ui, KioskState& state, const core::Item& item) {
    (void)state;
    const float rounding = ui.px(ui.theme->layout.rounding);
    const float pad = ui.px(ui.theme->layout.padding);
    ui.draw->AddRectFilled(minOf(m_panel), maxOf(m_panel), ui.color(ColorRole::SurfaceAlt),
                           rounding);
    ui.draw->PushClipRect(minOf(m_panel), maxOf(m_panel), true);
    const double x = m_panel.x + pad;
    const double w = m_panel.w - pad * 2;
    double y = m_panel.y + pad - m_panelScroll;
    const double top = y;
    // Badges.
    if (!item.badges.empty()) {
        double bx = x;
        for (const auto& badge : item.badges) {
            const std::string label = core::badgeText(badge, ui.language);
            bx += drawBadge(ui, {bx, y}, label) + ui.px(0.8f);
        }
        y += ui.fontSize(FontRole::Caption) * 1.5 + ui.px(1.2f);
    }
    TextBlock title;
    title.role = FontRole::Heading;
    title.color = ui.color(ColorRole::Text);
    y += drawTextBlock(ui, {x, y, w, 1e6}, ui.text(item.title), title) + ui.px(0.6f);
    // Facts: date, reference number (档号), holding institution.
    auto fact = [&](std::string_view label, const std::string& value) {
        if (value.empty()) return;
        TextBlock labelStyle;
        labelStyle.role = FontRole::Caption;
        labelStyle.color = ui.color(ColorRole::TextMuted);
        labelStyle.maxLines = 1;
        const float labelW =
            std::max(ui.px(14), textWidth(ui, FontRole::Caption, label) + ui.px(1));
        drawTextBlock(ui, {x, y + ui.fontSize(FontRole::Body) * 0.12, labelW, 1e6}, label,
                      labelStyle);
        TextBlock valueStyle;
        valueStyle.role = FontRole::Body;
        valueStyle.color = ui.color(ColorRole::Text);
        y += drawTextBlock(ui, {x + labelW, y, w - labelW, 1e6}, value, valueStyle);
    };
    fact(ui.ui("item.date"), itemDateText(ui, item));
    fact(ui.ui("item.reference"), item.reference);
    fact(ui.ui("item.holding"), ui.text(item.holding));
    y += ui.px(1.0f);
    ui.draw->AddLine(ImVec2(float(x), float(y)), ImVec2(float(x + w), float(y)),
                     ui.color(ColorRole::Border), std::max(1.0f, ui.px(0.12f)));
    y += ui.px(1.2f);
    if (!item.caption.empty()) {
        TextBlock caption;
        caption.role = FontRole::Body;
        caption.color = ui.color(ColorRole::Text);
        y += drawTextBlock(ui, {x, y, w, 1e6}, ui.text(item.caption), caption) + ui.px(1.0f);
    }
    if (!item.description.empty()) {
        TextBlock body;
        body.role = FontRole::Body;
        body.color = ui.color(ColorRole::Text);
        y += drawTextBlock(ui, {x, y, w, 1e6}, ui.text(item.description), body) + ui.px(1.0f);
    }
    if (!item.rights.empty()) {
        TextBlock rights;
        rights.role = FontRole::Caption;
        rights.color = ui.color(ColorRole::TextMuted);
        y += drawTextBlock(ui, {x, y, w, 1e6}, ui.ui("item.rights") + ": " + ui.text(item.rights),
                           rights);
    }
    ui.draw->PopClipRect();
    const double contentH = y - top + pad * 2;
    m_panelMaxScroll = std::max(0.0, contentH - m_panel.h);
    m_panelScroll = std::clamp(m_panelScroll, 0.0, m_panelMaxScroll);
    // A fade at each clipped edge and a position indicator say "there is more" (inside the
    // rounded corners).
    drawScrollHints(ui, {m_panel.x, m_panel.y + rounding, m_panel.w, m_panel.h - rounding * 2},
                    m_panelScroll, m_panelMaxScroll, ColorRole::SurfaceAlt);
}

bool ItemDetailScreen::onGesture(const core::Gesture& g, UiContext& ui, KioskState& state) {
    (void)ui;
    auto& vp = state.viewport;
    switch (g.type) {
    case GestureType::DoubleTap:
        if (!m_viewer.contains(g.position)) return false;
        vp.animateDoubleTap(g.position);
        return true;
    case GestureType::WheelZoom:
        if (m_viewer.contains(g.position)) {
            vp.animateZoomBy(g.scale, g.position);
            return true;
        }
        if (m_panel.contains(g.position)) {
            m_panelScroll = std::clamp(m_panelScroll + (g.scale > 1 ? -1 : 1) * m_panel.h * 0.15,
                                       0.0, m_panelMaxScroll);
            return true;
        }
        return false;
    case GestureType::PinchStart:
        if (!m_viewer.contains(g.position)) return false;
        m_pinching = true;
        m_panFling.stop();
        vp.stopAnimation();
        return true;
    case GestureType::Pinch:
        if (!m_pinching) return false;
        vp.pinch(g.position, g.scale, g.delta);
        return true;
    case GestureType::PinchEnd:
        m_pinching = false;
        state.zoomSettledAt = g.time;
        return true;
    case GestureType::DragStart:
        m_dragFromViewer = m_viewer.contains(g.position);
        if (m_dragFromViewer) {
            m_panning = !vp.atFit();
            m_panFling.stop();
            if (m_panning) m_panFling.grab(g.time, g.position);
            return true;
        }
        if (m_panel.contains(g.position)) {
            m_panelDragging = true;
            m_panelFling.grab(g.time, g.position);
            return true;
        }
        return false;
    case GestureType::Drag:
        if (m_panning) {
            vp.panBy(g.delta);
            m_panFling.track(g.time, g.position);
            return true;
        }
        if (m_panelDragging) {
            m_panelScroll = std::clamp(m_panelScroll - g.delta.y, 0.0, m_panelMaxScroll);
            m_panelFling.track(g.time, g.position);
            return true;
        }
        return false;
    case GestureType::DragEnd:
        if (m_panning) {
            m_panning = false;
            m_panFling.fling(g.velocity);
            return true;
        }
        if (m_panelDragging) {
            m_panelDragging = false;
            m_panelFling.fling({0, g.velocity.y});
            return true;
        }
        return false;
    case GestureType::Swipe:
        // At fit, a horizontal swipe on the viewer turns to the previous/next item.
        if (!m_dragFromViewer || !vp.atFit()) return false;
        if (g.direction == core::SwipeDirection::Left) return state.nav.nextItem();
        if (g.direction == core::SwipeDirection::Right) return state.nav.previousItem();
        return false;
    default:
        return false;
    }
}

void ItemDetailScreen::advance(double dt, KioskState& state) {
    state.viewport.update(dt);
    if (m_panFling.isMoving()) {
        const core::Vec2 applied = state.viewport.panBy(m_panFling.update(dt));
        if (applied.x == 0 && applied.y == 0) m_panFling.stop();
    }
    if (m_panelFling.isMoving()) {
        const double before = m_panelScroll;
        m_panelScroll =
            std::clamp(m_panelScroll - m_panelFling.update(dt).y, 0.0, m_panelMaxScroll);
        if (before == m_panelScroll) m_panelFling.stop();
    }
}

} // namespace lantai::kiosk
