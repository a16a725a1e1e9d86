// kiosk/ui: card grid with kinetic scrolling
#include "kiosk/ui/card_grid.h"

#include "kiosk/ui/badge.h"
#include "kiosk/ui/images.h"
#include "kiosk/ui/scroll_hints.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>
#include <cmath>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

void CardGrid::reset() {
    m_scroll = 0;
    m_scroller.stop();
    m_dragging = false;
}

namespace {

// The height the header would take in `box`: drawn into a scratch list with a copy of the frame's
// context, so nothing shows and neither its text nor its targets are reported.
float measureHeader(const UiContext& ui, const Rect& box,
                    const std::function<float(UiContext&, const Rect&)>& drawHeader) {
    ImDrawList scratch(ui.draw->_Data);
    scratch._ResetForNewFrame();
    scratch.PushClipRectFullScreen();
    scratch.PushTextureID(ui.font(FontRole::Body)->ContainerAtlas->TexID); // text's texture
    UiContext probe = ui;
    probe.draw = &scratch;
    return drawHeader(probe, box);
}

} // namespace

void CardGrid::draw(UiContext& ui, const Rect& fullArea, const std::vector<Card>& cards,
                    const std::function<float(UiContext&, const Rect&)>& drawHeader) {
    const float pad = ui.px(ui.theme->layout.padding);
    // When the reach band leaves the top out of reach, the header stays above the band (it is
    // read, not tapped) and only the cards scroll, inside the band — unless the header is too
    // long for the space above the band (large text): then it scrolls with the cards.
    Rect area = fullArea;
    Rect fixedHeader;
    if (ui.navAtBottom && ui.reach.y > fullArea.y + pad && ui.reach.y < fullArea.bottom()) {
        fixedHeader = {fullArea.x, fullArea.y, fullArea.w, ui.reach.y - fullArea.y};
        area = {fullArea.x, ui.reach.y, fullArea.w, fullArea.bottom() - ui.reach.y};
        const Rect headerBox{fixedHeader.x + pad, fixedHeader.y + pad, fixedHeader.w - pad * 2,
                             fixedHeader.h - pad * 2};
        if (drawHeader && measureHeader(ui, headerBox, drawHeader) > headerBox.h) fixedHeader = {};
    }
    m_area = area;
    const float gap = ui.px(ui.theme->layout.spacing);
    const float inner = static_cast<float>(area.w) - pad * 2;
    // Cards about 30 units wide: 5 columns at 1920x1080, 3 at 1080x1920; in large text 1.4x
    // as wide (fewer columns) and a title line more, so long titles are not cut.
    const float minCardW = ui.px(30) * (ui.largeText ? kLargeTextScale : 1.0f);
    const int columns = std::max(1, static_cast<int>(std::floor((inner + gap) / (minCardW + gap))));
    const float cardW = (inner - gap * float(columns - 1)) / float(columns);
    const float imageH = cardW * 0.78f;
    const int titleLines = ui.largeText ? 3 : 2;
    const float textH = ui.fontSize(FontRole::Body) * 1.35f * float(titleLines) +
                        ui.fontSize(FontRole::Caption) * 1.5f + pad * 0.6f;
    const float cardH = imageH + textH;
    const float rounding = ui.px(ui.theme->layout.rounding);

    if (!fixedHeader.empty() && drawHeader) {
        ui.draw->PushClipRect(minOf(fixedHeader), maxOf(fixedHeader), true);
        drawHeader(ui, {fixedHeader.x + pad, fixedHeader.y + pad, inner, fixedHeader.h - pad * 2});
        ui.draw->PopClipRect();
    }
    ui.draw->PushClipRect(minOf(area), maxOf(area), true);
    const float top = static_cast<float>(area.y - m_scroll);
    const float headerH = drawHeader && fixedHeader.empty()
                              ? drawHeader(ui, {area.x + pad, top + pad, inner, area.h})
                              : 0;
    const float gridTop = top + pad + headerH + (headerH > 0 ? gap : 0);
    const int rows = (static_cast<int>(cards.size()) + columns - 1) / columns;
    const float contentH = pad + headerH + gap + float(rows) * (cardH + gap) + pad;
    m_maxScroll = std::max(0.0, double(contentH) - area.h);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const Card& card = cards[i];
        const int col = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        const Rect r{area.x + pad + float(col) * (cardW + gap),
                     gridTop + float(row) * (cardH + gap), cardW, cardH};
        if (r.bottom() < area.y || r.y > area.bottom())
            continue; // off screen: no draw, no texture request
        ui.draw->AddRectFilled(minOf(r), maxOf(r), ui.color(ColorRole::Surface), rounding);
        const Rect image{r.x, r.y, r.w, imageH};
        if (!card.image.empty())
            drawImageFile(ui, card.image, image, ImageFit::Cover, 480, rounding);
        if (!card.badge.empty())
            drawBadge(ui, {image.x + pad * 0.4, image.y + pad * 0.4}, card.badge);
        TextBlock title;
        title.role = FontRole::Body;
        title.color = ui.color(ColorRole::Text);
        title.maxLines = titleLines;
        const std::string titleWhere = "card:" + card.id + ":title";
        title.where = titleWhere;
        drawTextBlock(ui, {r.x + pad * 0.5, image.bottom() + pad * 0.3, r.w - pad, textH},
                      card.title, title);
        if (!card.subtitle.empty()) {
            TextBlock sub;
            sub.role = FontRole::Caption;
            sub.color = ui.color(ColorRole::TextMuted);
            sub.maxLines = 1;
            const std::string subWhere = "card:" + card.id + ":subtitle";
            sub.where = subWhere;
            drawTextBlock(ui,
                          {r.x + pad * 0.5,
                           r.bottom() - ui.fontSize(FontRole::Caption) * 1.5 - pad * 0.3, r.w - pad,
                           ui.fontSize(FontRole::Caption) * 1.5},
                          card.subtitle, sub);
        }
        if (ui.pressed(r) && !m_dragging)
            ui.draw->AddRect(minOf(r), maxOf(r), ui.color(ColorRole::Focus), rounding, 0,
                             ui.px(ui.theme->layout.focusRingWidth));
        // Only the visible part of a card can be tapped, and only when a finger fits on it.
        const Rect visible = core::intersect(r, area);
        if (visible.h >= ui.touchMin() && visible.w >= ui.touchMin())
            ui.addTarget(card.id, visible, card.action);
    }
    drawScrollHints(ui, area, m_scroll, m_maxScroll, ColorRole::Background);
    ui.draw->PopClipRect();
}

bool CardGrid::onGesture(const core::Gesture& g) {
    switch (g.type) {
    case core::GestureType::DragStart:
        if (!m_area.contains(g.position)) return false;
        m_dragging = true;
        m_scroller.grab(g.time, g.position);
        return true;
    case core::GestureType::Drag:
        if (!m_dragging) return false;
        m_scroll = std::clamp(m_scroll - g.delta.y, 0.0, m_maxScroll);
        m_scroller.track(g.time, g.position);
        return true;
    case core::GestureType::DragEnd:
        if (!m_dragging) return false;
        m_dragging = false;
        m_scroller.fling({0, g.velocity.y});
        return true;
    case core::GestureType::WheelZoom:
        if (!m_area.contains(g.position)) return false;
        m_scroll =
            std::clamp(m_scroll + (g.scale > 1 ? -1 : 1) * m_area.h * 0.15, 0.0, m_maxScroll);
        return true;
    default:
        return false;
    }
}

void CardGrid::advance(double dt) {
    if (!m_scroller.isMoving()) return;
    const core::Vec2 delta = m_scroller.update(dt);
    const double before = m_scroll;
    m_scroll = std::clamp(m_scroll - delta.y, 0.0, m_maxScroll);
    if (m_scroll == before && delta.y != 0) m_scroller.stop(); // hit an end
}

float drawEmptyNote(UiContext& ui, const Rect& box, std::string_view text) {
    TextBlock note;
    note.role = FontRole::Heading;
    note.color = ui.color(ColorRole::TextOnBackground);
    note.align = TextAlign::Center;
    return drawTextBlock(ui, {box.x, box.y + ui.px(6), box.w, box.h}, text, note) + ui.px(6);
}

} // namespace lantai::kiosk
