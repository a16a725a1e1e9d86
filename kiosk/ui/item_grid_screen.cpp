// kiosk/ui: chapter item grid
#include "kiosk/ui/item_grid_screen.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/card_grid.h"
#include "kiosk/ui/listen_button.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/top_bar.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;

std::string itemDateText(const UiContext& ui, const core::Item& item) {
    if (!item.date.empty()) return core::formatItemDate(item.date, ui.language);
    return ui.text(item.era);
}

void ItemGridScreen::draw(UiContext& ui, KioskState& state) {
    const auto* chapter = state.nav.currentChapter();
    if (!chapter) return;
    const std::pair<int, int> shown{state.nav.exhibition(), state.nav.chapter()};
    if (m_shownChapter != shown) {
        m_grid.reset();
        m_shownChapter = shown;
    }
    drawBackground(ui);
    // The introduction read aloud: a button under it, or in the navigation bar when that is at
    // the bottom (a portrait screen keeps the introduction above the reach band).
    const bool listen =
        !chapter->intro.empty() && !narrationFile(state, chapter->narration).empty();
    const std::string listenTarget = "chapter:" + chapter->id;
    std::vector<NavButton> navExtra;
    if (listen && ui.navAtBottom)
        navExtra.push_back(listenNavButton(ui, state, listenTarget, chapter->narration));
    const core::Rect area =
        standardTopBar(ui, state, ui.text(chapter->title), true, std::move(navExtra));
    std::vector<Card> cards;
    for (std::size_t i = 0; i < chapter->items.size(); ++i) {
        const auto& item = chapter->items[i];
        Card card;
        card.id = "item:" + item.id;
        if (!item.images.empty()) card.image = item.images.front().file;
        card.title = ui.text(item.title);
        card.subtitle = itemDateText(ui, item);
        if (!item.reference.empty())
            card.subtitle += (card.subtitle.empty() ? "" : "  ·  ") + item.reference;
        if (!item.badges.empty()) card.badge = core::badgeText(item.badges.front(), ui.language);
        const int index = static_cast<int>(i);
        card.action = [&state, index] { state.nav.openItem(index); };
        cards.push_back(std::move(card));
    }
    m_grid.draw(ui, area, cards, [&](UiContext& u, const core::Rect& box) {
        float h = 0;
        TextBlock meta;
        meta.role = FontRole::Body;
        meta.color = u.color(ColorRole::TextOnBackgroundMuted);
        meta.maxLines = 1;
        h += drawTextBlock(
            u, box,
            core::uiCount("grid.items", static_cast<long long>(chapter->items.size()), u.language),
            meta);
        if (!chapter->intro.empty()) {
            TextBlock intro;
            intro.role = FontRole::Body;
            intro.color = u.color(ColorRole::TextOnBackground);
            intro.maxLines = 4;
            intro.where = "chapter:intro";
            h += drawTextBlock(u, {box.x, box.y + h, box.w, box.h - h}, u.text(chapter->intro),
                               intro);
        }
        if (listen && !u.navAtBottom) {
            const float touch = u.touchMin();
            const float w = std::min(static_cast<float>(box.w), touch * 4);
            h += u.px(u.theme->layout.spacing) * 0.5f;
            drawListenButton(u, state, listenTarget, chapter->narration,
                             {box.x, box.y + h, w, touch});
            h += touch;
        }
        if (chapter->items.empty())
            h += drawEmptyNote(u, {box.x, box.y + h, box.w, box.h}, u.ui("grid.empty"));
        return h;
    });
}

} // namespace lantai::kiosk
