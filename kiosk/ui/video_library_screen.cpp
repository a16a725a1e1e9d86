// kiosk/ui: the video library screen
#include "kiosk/ui/video_library_screen.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/card_grid.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/top_bar.h"
#include "kiosk/ui/video_actions.h"
#include "kiosk/ui/video_controller.h"

#include <algorithm>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;

namespace {

// Where a video belongs, for its card: "exhibition · chapter" (or the part that is known).
std::string placeOf(const UiContext& ui, const core::Pack& pack, const core::Video& video) {
    for (const auto& e : pack.exhibitions) {
        if (e.id != video.exhibition) continue;
        for (const auto& c : e.chapters)
            if (c.id == video.chapter) return ui.text(c.title);
        return ui.text(e.title);
    }
    return {};
}

// Pack order of the chapter a video belongs to (videos without one go last).
int chapterOrder(const core::Pack& pack, const core::Video& video) {
    int order = 0;
    for (const auto& e : pack.exhibitions)
        for (const auto& c : e.chapters) {
            if (e.id == video.exhibition && c.id == video.chapter) return order;
            ++order;
        }
    return order + 1;
}

} // namespace

void VideoLibraryScreen::draw(UiContext& ui, KioskState& state) {
    const core::Pack& pack = *state.pack;
    drawBackground(ui);
    const core::Rect area = standardTopBar(ui, state, ui.ui("home.videos"), true);
    std::vector<const core::Video*> videos;
    for (const auto& v : pack.videos)
        videos.push_back(&v);
    std::stable_sort(videos.begin(), videos.end(), [&](const core::Video* a, const core::Video* b) {
        return chapterOrder(pack, *a) < chapterOrder(pack, *b);
    });
    std::vector<Card> cards;
    for (const core::Video* video : videos) {
        Card card;
        card.id = "video:" + video->id;
        if (video->poster) card.image = video->poster->file;
        card.title = ui.text(video->title);
        card.subtitle = placeOf(ui, pack, *video);
        if (const double seconds = state.video ? state.video->knownDuration(*video) : 0;
            seconds > 0)
            card.badge = "▶ " + formatMediaTime(seconds);
        else
            card.badge = "▶";
        card.action = [&state, id = video->id] { openVideoForVisitor(state, id); };
        cards.push_back(std::move(card));
    }
    m_grid.draw(ui, area, cards, [&](UiContext& u, const core::Rect& box) {
        TextBlock meta;
        meta.role = FontRole::Body;
        meta.color = u.color(ColorRole::TextOnBackgroundMuted);
        meta.maxLines = 1;
        float h = drawTextBlock(
            u, box, core::uiCount("video.count", static_cast<long long>(videos.size()), u.language),
            meta);
        if (videos.empty())
            h += drawEmptyNote(u, {box.x, box.y + h, box.w, box.h}, u.ui("video.empty"));
        return h;
    });
}

} // namespace lantai::kiosk
