// kiosk/ui: home screen
#include "kiosk/ui/home_screen.h"

#include "core/i18n/ui_strings.h"
#include "kiosk/ui/background.h"
#include "kiosk/ui/images.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/top_bar.h"

#include <algorithm>
#include <functional>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

namespace {

// A home tile's name: wrapped to up to three lines when one is too short (long English titles,
// large text).
TextBlock tileNameStyle(const UiContext& ui) {
    TextBlock style;
    style.role = FontRole::Heading;
    style.color = ui.color(ColorRole::Text);
    style.maxLines = 3;
    style.where = "home-tile:name";
    return style;
}

// How much taller than one line a tile `tileW` wide needs its name to be.
float tileNameExtraHeight(UiContext& ui, float tileW, std::string_view name) {
    const TextBlock style = tileNameStyle(ui);
    const float textW = tileW - ui.px(ui.theme->layout.padding);
    const float oneLine = ui.fontSize(FontRole::Heading) * style.lineSpacing;
    return std::max(0.0f, measureTextBlock(ui, textW, name, style) - oneLine);
}

// A home tile: a card with its art on top (drawn by `art` into the rect it is given), a name and
// a line of detail below, pressed feedback, and the tap target `id`. A name of several lines
// takes its room from the art (the home screen makes such tiles taller).
void drawHomeTile(UiContext& ui, const Rect& tile, const std::string& id, std::string_view name,
                  std::string_view detail,
                  const std::function<void(const Rect&, float rounding)>& art,
                  std::function<void()> action) {
    const float rounding = ui.px(ui.theme->layout.rounding);
    const float pad = ui.px(ui.theme->layout.padding);
    ui.draw->AddRectFilled(minOf(tile), maxOf(tile), ui.color(ColorRole::Surface), rounding);
    const TextBlock nameStyle = tileNameStyle(ui);
    const float textW = static_cast<float>(tile.w) - pad;
    const float headingH = ui.fontSize(FontRole::Heading);
    const float extraNameH = tileNameExtraHeight(ui, static_cast<float>(tile.w), name);
    const float textH =
        std::min(static_cast<float>(tile.h),
                 headingH * 1.5f + extraNameH + ui.fontSize(FontRole::Body) * 1.5f + pad);
    const Rect artRect{tile.x, tile.y, tile.w, tile.h - textH};
    if (artRect.h > 0) art(artRect, rounding);
    drawTextBlock(ui, {tile.x + pad * 0.5, artRect.bottom() + pad * 0.4, textW, textH}, name,
                  nameStyle);
    TextBlock detailStyle;
    detailStyle.role = FontRole::Body;
    detailStyle.color = ui.color(ColorRole::TextMuted);
    detailStyle.maxLines = 1;
    detailStyle.where = "home-tile:detail";
    drawTextBlock(ui,
                  {tile.x + pad * 0.5, artRect.bottom() + pad * 0.4 + headingH * 1.45 + extraNameH,
                   textW, textH},
                  detail, detailStyle);
    if (ui.pressed(tile))
        ui.draw->AddRect(minOf(tile), maxOf(tile), ui.color(ColorRole::Focus), rounding, 0,
                         ui.px(ui.theme->layout.focusRingWidth));
    ui.addTarget(id, tile, std::move(action));
}

// The quiz tile: a large 问 mark on the accent colour, the title and the number of questions.
void drawQuizTile(UiContext& ui, KioskState& state, const Rect& tile) {
    const auto art = [&ui](const Rect& r, float rounding) {
        ui.draw->AddRectFilled(minOf(r), maxOf(r), ui.color(ColorRole::Accent), rounding,
                               ImDrawFlags_RoundCornersTop);
        // A decoration, not text to read: as large as the title font, smaller when the art is
        // (a portrait tile in large text), never cut.
        const std::string_view mark = "？ 问 · 答 ！";
        const float titleSize = ui.fontSize(FontRole::Title);
        const float fullW = textWidth(ui, FontRole::Title, mark);
        const float size =
            std::min({titleSize, static_cast<float>(r.h) * 0.7f,
                      titleSize * static_cast<float>(r.w) * 0.9f / std::max(1.0f, fullW)});
        const ImVec2 c = toIm(r.center());
        drawText(ui, FontRole::Title, size,
                 ImVec2(c.x - fullW * size / titleSize / 2, c.y - size * 0.6f),
                 ui.color(ColorRole::TextOnAccent), mark);
    };
    drawHomeTile(ui, tile, "quiz", ui.ui("quiz.title"),
                 ui.ui("home.quiz") + " · " +
                     core::uiCount("quiz.count",
                                   static_cast<long long>(state.pack->questionCount()),
                                   ui.language),
                 art, [&state] {
                     state.quiz->begin(state.clock());
                     state.nav.showQuiz();
                 });
}

// The video tile: the first video's poster under a play symbol, "视频 / Videos" and how many.
void drawVideoTile(UiContext& ui, KioskState& state, const Rect& tile) {
    const auto& videos = state.pack->videos;
    const auto art = [&ui, &videos](const Rect& r, float rounding) {
        ui.draw->AddRectFilled(minOf(r), maxOf(r), ui.color(ColorRole::MediaBackdrop), rounding,
                               ImDrawFlags_RoundCornersTop);
        if (videos.front().poster)
            drawImageFile(ui, videos.front().poster->file, r, ImageFit::Cover,
                          static_cast<int>(std::max(r.w, r.h)), rounding);
        const float radius = static_cast<float>(std::min(r.w, r.h)) * 0.16f;
        const ImVec2 c = toIm(r.center());
        ui.draw->AddCircleFilled(c, radius, ui.color(ColorRole::MediaScrim), 40);
        ui.draw->AddTriangleFilled(ImVec2(c.x - radius * 0.35f, c.y - radius * 0.5f),
                                   ImVec2(c.x - radius * 0.35f, c.y + radius * 0.5f),
                                   ImVec2(c.x + radius * 0.55f, c.y),
                                   ui.color(ColorRole::MediaSymbol));
    };
    drawHomeTile(ui, tile, "videos", ui.ui("home.videos"),
                 core::uiCount("video.count", static_cast<long long>(videos.size()), ui.language),
                 art, [&state] { state.nav.showVideos(); });
}

// An exhibition tile: its cover (or its first image), title and number of items.
void drawExhibitionTile(UiContext& ui, KioskState& state, const Rect& tile, int index) {
    const auto& exhibition = state.pack->exhibitions[static_cast<std::size_t>(index)];
    std::string cover;
    if (exhibition.cover)
        cover = exhibition.cover->file;
    else if (!exhibition.chapters.empty() && !exhibition.chapters.front().items.empty() &&
             !exhibition.chapters.front().items.front().images.empty())
        cover = exhibition.chapters.front().items.front().images.front().file;
    std::size_t items = 0;
    for (const auto& c : exhibition.chapters)
        items += c.items.size();
    const auto art = [&ui, &cover](const Rect& r, float rounding) {
        if (!cover.empty())
            drawImageFile(ui, cover, r, ImageFit::Cover, static_cast<int>(std::max(r.w, r.h)),
                          rounding);
    };
    drawHomeTile(ui, tile, "exhibition:" + exhibition.id, ui.text(exhibition.title),
                 ui.ui("home.exhibitions") + " · " +
                     core::uiCount("grid.items", static_cast<long long>(items), ui.language),
                 art, [&state, index] { state.nav.openExhibition(index); });
}

} // namespace

void HomeScreen::draw(UiContext& ui, KioskState& state) {
    drawBackground(ui);
    const auto& pack = *state.pack;
    TopBarActions actions;
    actions.toggleLanguage = state.toggleLanguage;
    actions.toggleLargeText = state.toggleLargeText;
    const Rect content = topBar(ui, "", actions);
    const float pad = ui.px(ui.theme->layout.padding) * 1.5f;
    float y = static_cast<float>(content.y) + pad;

    TextBlock title;
    title.role = FontRole::Title;
    title.color = ui.color(ColorRole::TitleOnBackground);
    title.align = TextAlign::Center;
    title.maxLines = ui.largeText ? 3 : 2; // a long English title in large text
    y += drawTextBlock(ui, {pad, y, ui.width - pad * 2, ui.height}, ui.text(pack.title), title);

    std::string subtitle = ui.text(pack.organiser);
    if (!pack.event.empty()) subtitle += "  ·  " + ui.text(pack.event);
    if (!pack.dateStart.empty())
        subtitle += "  ·  " + pack.dateStart + (pack.dateEnd.empty() ? "" : " – " + pack.dateEnd);
    TextBlock sub;
    sub.role = FontRole::Body;
    sub.color = ui.color(ColorRole::TextOnBackgroundMuted);
    sub.align = TextAlign::Center;
    sub.maxLines = 2;
    y += drawTextBlock(ui, {pad, y + pad * 0.3f, ui.width - pad * 2, ui.height}, subtitle, sub) +
         pad;

    // One tile per exhibition, then the videos and the quiz when the pack has them.
    const bool quiz = state.quiz && state.quiz->available();
    const bool videos = !pack.videos.empty();
    const int exhibitions = static_cast<int>(pack.exhibitions.size());
    const auto count = exhibitions + (videos ? 1 : 0) + (quiz ? 1 : 0);
    const int columns = ui.portrait ? 1 : std::min(3, std::max(1, count));
    const float gap = ui.px(ui.theme->layout.spacing) * 1.5f;
    // The tiles are tapped: inside the reach band, above the navigation bar when it is at the
    // bottom; the pack's title stays above them.
    if (ui.navAtBottom) y = std::max(y, static_cast<float>(ui.reach.y) + pad * 0.5f);
    const float availableH = static_cast<float>(content.bottom()) - y - pad * 1.5f;
    const float tileW =
        std::min((ui.width - pad * 2 - gap * float(columns - 1)) / float(columns), ui.px(120));
    const int rows = (count + columns - 1) / columns;
    // Tiles whose name wraps grow by its extra lines, so their art keeps its size.
    float extraNameH = 0;
    for (const auto& exhibition : pack.exhibitions)
        extraNameH =
            std::max(extraNameH, tileNameExtraHeight(ui, tileW, ui.text(exhibition.title)));
    const float tileH = std::min(availableH / float(std::max(1, rows)) - gap,
                                 tileW * (ui.portrait ? 0.75f : 0.72f) + extraNameH);
    const float startX = (ui.width - (tileW * float(columns) + gap * float(columns - 1))) / 2;
    for (int i = 0; i < count; ++i) {
        const Rect tile{startX + float(i % columns) * (tileW + gap),
                        y + float(i / columns) * (tileH + gap), tileW, tileH};
        if (i < exhibitions)
            drawExhibitionTile(ui, state, tile, i);
        else if (videos && i == exhibitions)
            drawVideoTile(ui, state, tile);
        else
            drawQuizTile(ui, state, tile);
    }
}

} // namespace lantai::kiosk
