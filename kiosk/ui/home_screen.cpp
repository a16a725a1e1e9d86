// kiosk/ui: home screen
#include "ui/home_screen.h"

#include "lantai/core/ui_strings.h"
#include "ui/quiz_controller.h"
#include "ui/widgets.h"

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

core::Rect standardTopBar(UiContext& ui, KioskState& state, std::string_view title, bool showBack) {
    TopBarActions actions;
    if (showBack)
        actions.back = [&state] {
            if (state.returnToQuiz && state.nav.screen() == core::KioskScreen::Item) {
                state.returnToQuiz = false;
                state.nav.showQuiz(); // back to the answer the visitor came from
            } else {
                state.nav.back();
            }
        };
    actions.home = [&state] { state.nav.showHome(); };
    actions.toggleLanguage = state.toggleLanguage;
    return topBar(ui, title, actions);
}

namespace {

// The quiz tile: a large 问 mark on the accent colour, the title and the number of questions.
void drawQuizTile(UiContext& ui, KioskState& state, const Rect& tile) {
    const float rounding = ui.px(ui.theme->layout.rounding);
    const float pad = ui.px(ui.theme->layout.padding);
    ui.draw->AddRectFilled(minOf(tile), maxOf(tile), ui.color(ColorRole::Surface), rounding);
    const float textH = ui.fontSize(FontRole::Heading) * 1.5f + ui.fontSize(FontRole::Body) * 1.5f + pad;
    const Rect art{tile.x, tile.y, tile.w, tile.h - textH};
    ui.draw->AddRectFilled(minOf(art), maxOf(art), ui.color(ColorRole::Accent), rounding, ImDrawFlags_RoundCornersTop);
    TextBlock mark;
    mark.role = FontRole::Title;
    mark.color = ui.color(ColorRole::TextOnAccent);
    mark.align = TextAlign::Center;
    const std::string glyphs = "？ 问 · 答 ！";
    drawTextBlock(ui, {art.x, art.y + art.h / 2 - ui.fontSize(FontRole::Title) * 0.7, art.w, art.h}, glyphs, mark);
    TextBlock name;
    name.role = FontRole::Heading;
    name.color = ui.color(ColorRole::Text);
    name.maxLines = 1;
    drawTextBlock(ui, {tile.x + pad * 0.5, art.bottom() + pad * 0.4, tile.w - pad, textH}, ui.ui("quiz.title"), name);
    TextBlock meta;
    meta.role = FontRole::Body;
    meta.color = ui.color(ColorRole::TextMuted);
    meta.maxLines = 1;
    drawTextBlock(ui, {tile.x + pad * 0.5, art.bottom() + pad * 0.4 + ui.fontSize(FontRole::Heading) * 1.45, tile.w - pad, textH},
                  ui.ui("home.quiz") + " · " + core::uiCount("quiz.count", static_cast<long long>(state.pack->questionCount()), ui.language),
                  meta);
    if (ui.pressed(tile))
        ui.draw->AddRect(minOf(tile), maxOf(tile), ui.color(ColorRole::Focus), rounding, 0, ui.px(ui.theme->layout.focusRingWidth));
    ui.addTarget("quiz", tile, [&state] {
        state.quiz->begin(state.clock());
        state.nav.showQuiz();
    });
}

// The video tile: the first video's poster, "视频 / Videos" and how many there are.
void drawVideoTile(UiContext& ui, KioskState& state, const Rect& tile) {
    const float rounding = ui.px(ui.theme->layout.rounding);
    const float pad = ui.px(ui.theme->layout.padding);
    const auto& videos = state.pack->videos;
    ui.draw->AddRectFilled(minOf(tile), maxOf(tile), ui.color(ColorRole::Surface), rounding);
    const float textH = ui.fontSize(FontRole::Heading) * 1.5f + ui.fontSize(FontRole::Body) * 1.5f + pad;
    const Rect art{tile.x, tile.y, tile.w, tile.h - textH};
    ui.draw->AddRectFilled(minOf(art), maxOf(art), IM_COL32(0, 0, 0, 255), rounding, ImDrawFlags_RoundCornersTop);
    if (videos.front().poster)
        drawImageFile(ui, videos.front().poster->file, art, ImageFit::Cover, static_cast<int>(std::max(art.w, art.h)), rounding);
    // A play symbol over the poster says "video" in any language.
    const float r = static_cast<float>(std::min(art.w, art.h)) * 0.16f;
    const ImVec2 c = toIm(art.center());
    ui.draw->AddCircleFilled(c, r, IM_COL32(0, 0, 0, 150), 40);
    ui.draw->AddTriangleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.5f), ImVec2(c.x - r * 0.35f, c.y + r * 0.5f),
                               ImVec2(c.x + r * 0.55f, c.y), IM_COL32(255, 255, 255, 240));
    TextBlock name;
    name.role = FontRole::Heading;
    name.color = ui.color(ColorRole::Text);
    name.maxLines = 1;
    drawTextBlock(ui, {tile.x + pad * 0.5, art.bottom() + pad * 0.4, tile.w - pad, textH}, ui.ui("home.videos"), name);
    TextBlock meta;
    meta.role = FontRole::Body;
    meta.color = ui.color(ColorRole::TextMuted);
    meta.maxLines = 1;
    drawTextBlock(ui, {tile.x + pad * 0.5, art.bottom() + pad * 0.4 + ui.fontSize(FontRole::Heading) * 1.45, tile.w - pad, textH},
                  core::uiCount("video.count", static_cast<long long>(videos.size()), ui.language), meta);
    if (ui.pressed(tile))
        ui.draw->AddRect(minOf(tile), maxOf(tile), ui.color(ColorRole::Focus), rounding, 0, ui.px(ui.theme->layout.focusRingWidth));
    ui.addTarget("videos", tile, [&state] { state.nav.showVideos(); });
}

} // namespace

void HomeScreen::draw(UiContext& ui, KioskState& state) {
    drawBackground(ui);
    const auto& pack = *state.pack;
    TopBarActions actions;
    actions.toggleLanguage = state.toggleLanguage;
    const Rect content = topBar(ui, "", actions);
    const float pad = ui.px(ui.theme->layout.padding) * 1.5f;
    float y = static_cast<float>(content.y) + pad;

    TextBlock title;
    title.role = FontRole::Title;
    title.color = ui.color(ColorRole::TitleOnBackground);
    title.align = TextAlign::Center;
    title.maxLines = 2;
    y += drawTextBlock(ui, {pad, y, ui.width - pad * 2, ui.height}, ui.text(pack.title), title);

    std::string subtitle = ui.text(pack.organiser);
    if (!pack.event.empty()) subtitle += "  ·  " + ui.text(pack.event);
    if (!pack.dateStart.empty()) subtitle += "  ·  " + pack.dateStart + (pack.dateEnd.empty() ? "" : " – " + pack.dateEnd);
    TextBlock sub;
    sub.role = FontRole::Body;
    sub.color = ui.color(ColorRole::TextOnBackgroundMuted);
    sub.align = TextAlign::Center;
    sub.maxLines = 2;
    y += drawTextBlock(ui, {pad, y + pad * 0.3f, ui.width - pad * 2, ui.height}, subtitle, sub) + pad;

    // One tile per exhibition, then the videos and the quiz when the pack has them.
    const bool quiz = state.quiz && state.quiz->available();
    const bool videos = !pack.videos.empty();
    const int exhibitions = static_cast<int>(pack.exhibitions.size());
    const auto count = exhibitions + (videos ? 1 : 0) + (quiz ? 1 : 0);
    const int columns = ui.portrait ? 1 : std::min(3, std::max(1, count));
    const float gap = ui.px(ui.theme->layout.spacing) * 1.5f;
    const float availableH = ui.height - y - pad * 1.5f;
    const float tileW = std::min((ui.width - pad * 2 - gap * float(columns - 1)) / float(columns), ui.px(120));
    const int rows = (count + columns - 1) / columns;
    const float tileH = std::min(availableH / float(std::max(1, rows)) - gap, tileW * (ui.portrait ? 0.75f : 0.72f));
    const float startX = (ui.width - (tileW * float(columns) + gap * float(columns - 1))) / 2;
    const float rounding = ui.px(ui.theme->layout.rounding);
    for (int i = 0; i < count; ++i) {
        const Rect tile{startX + float(i % columns) * (tileW + gap), y + float(i / columns) * (tileH + gap), tileW, tileH};
        if (i >= exhibitions) {
            if (videos && i == exhibitions) drawVideoTile(ui, state, tile);
            else drawQuizTile(ui, state, tile);
            continue;
        }
        const auto& exhibition = pack.exhibitions[static_cast<std::size_t>(i)];
        const bool down = ui.pressed(tile);
        ui.draw->AddRectFilled(minOf(tile), maxOf(tile), ui.color(ColorRole::Surface), rounding);
        const float textH = ui.fontSize(FontRole::Heading) * 1.5f + ui.fontSize(FontRole::Body) * 1.5f + pad;
        const Rect image{tile.x, tile.y, tile.w, tile.h - textH};
        std::string cover;
        if (exhibition.cover) cover = exhibition.cover->file;
        else if (!exhibition.chapters.empty() && !exhibition.chapters.front().items.empty() &&
                 !exhibition.chapters.front().items.front().images.empty())
            cover = exhibition.chapters.front().items.front().images.front().file;
        if (!cover.empty()) drawImageFile(ui, cover, image, ImageFit::Cover, static_cast<int>(std::max(image.w, image.h)), rounding);
        TextBlock name;
        name.role = FontRole::Heading;
        name.color = ui.color(ColorRole::Text);
        name.maxLines = 1;
        drawTextBlock(ui, {tile.x + pad * 0.5, image.bottom() + pad * 0.4, tile.w - pad, textH}, ui.text(exhibition.title), name);
        std::size_t items = 0;
        for (const auto& c : exhibition.chapters) items += c.items.size();
        TextBlock meta;
        meta.role = FontRole::Body;
        meta.color = ui.color(ColorRole::TextMuted);
        meta.maxLines = 1;
        drawTextBlock(ui, {tile.x + pad * 0.5, image.bottom() + pad * 0.4 + ui.fontSize(FontRole::Heading) * 1.45, tile.w - pad, textH},
                      ui.ui("home.exhibitions") + " · " + core::uiCount("grid.items", static_cast<long long>(items), ui.language),
                      meta);
        if (down)
            ui.draw->AddRect(minOf(tile), maxOf(tile), ui.color(ColorRole::Focus), rounding, 0, ui.px(ui.theme->layout.focusRingWidth));
        ui.addTarget("exhibition:" + exhibition.id, tile, [&state, i] { state.nav.openExhibition(i); });
    }
}

} // namespace lantai::kiosk
