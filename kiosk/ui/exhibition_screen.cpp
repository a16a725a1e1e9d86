// kiosk/ui: exhibition screen (chapters)
#include "kiosk/ui/exhibition_screen.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/top_bar.h"

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;

void ExhibitionScreen::draw(UiContext& ui, KioskState& state) {
    const auto* exhibition = state.nav.currentExhibition();
    if (!exhibition) return;
    if (m_shownExhibition != state.nav.exhibition()) {
        m_grid.reset();
        m_shownExhibition = state.nav.exhibition();
    }
    drawBackground(ui);
    const core::Rect area = standardTopBar(ui, state, ui.text(exhibition->title), true);
    std::vector<Card> cards;
    for (std::size_t c = 0; c < exhibition->chapters.size(); ++c) {
        const auto& chapter = exhibition->chapters[c];
        Card card;
        card.id = "chapter:" + chapter.id;
        if (!chapter.items.empty() && !chapter.items.front().images.empty())
            card.image = chapter.items.front().images.front().file;
        card.title = std::to_string(c + 1) + "  " + ui.text(chapter.title);
        card.subtitle =
            core::uiCount("grid.items", static_cast<long long>(chapter.items.size()), ui.language);
        const int index = static_cast<int>(c);
        card.action = [&state, index] { state.nav.openChapter(index); };
        cards.push_back(std::move(card));
    }
    m_grid.draw(ui, area, cards, [&](UiContext& u, const core::Rect& box) {
        float h = 0;
        if (!exhibition->subtitle.empty()) {
            TextBlock sub;
            sub.role = FontRole::Heading;
            sub.color = u.color(ColorRole::TitleOnBackground);
            h += drawTextBlock(u, {box.x, box.y + h, box.w, box.h}, u.text(exhibition->subtitle),
                               sub);
        }
        if (!exhibition->intro.empty()) {
            TextBlock intro;
            intro.role = FontRole::Body;
            intro.color = u.color(ColorRole::TextOnBackground);
            intro.maxLines = u.portrait ? 8 : 5;
            intro.where = "exhibition:intro";
            h += drawTextBlock(u, {box.x, box.y + h, box.w, box.h - h}, u.text(exhibition->intro),
                               intro);
        }
        return h;
    });
}

} // namespace lantai::kiosk
