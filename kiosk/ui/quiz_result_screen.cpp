// kiosk/ui: quiz results — score, correct count, today's rank and leaderboard (or that the
// ranking is unavailable); the podium of a class contest
#include "core/i18n/ui_strings.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/quiz_screen.h"
#include "kiosk/ui/text_layout.h"

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

namespace {

void drawTeamPodium(UiContext& ui, KioskState& state, const Rect& area, float y) {
    const auto& team = *state.quiz->team();
    const auto board = team.scoreboard();
    const float gap = ui.px(ui.theme->layout.spacing);
    const float rowH = std::max(ui.touchMin(), ui.fontSize(FontRole::Heading) * 1.8f);
    for (const auto& standing : board) {
        const Rect r{area.x, y, area.w, rowH};
        const auto& preset = *standing.preset;
        ui.draw->AddRectFilled(minOf(r), maxOf(r), ui.color(core::teamColorRole(standing.team)),
                               ui.px(ui.theme->layout.rounding));
        const std::string line =
            core::uiFormat("quiz.rank_n", ui.language, {{"n", std::to_string(standing.rank)}}) +
            "   " + ui.text(preset.name) + "   " +
            core::uiCount("quiz.total_score", standing.score, ui.language) + "   " +
            core::uiFormat("quiz.correct_count", ui.language,
                           {{"n", std::to_string(standing.correctCount)},
                            {"total", std::to_string(standing.total)}});
        drawTextLine(ui, {r.x + ui.px(2), r.y, r.w - ui.px(4), r.h}, line,
                     standing.rank == 1 ? FontRole::Heading : FontRole::Body,
                     ui.color(core::textOnTeamRole(standing.team)));
        y += rowH + gap;
    }
}

} // namespace

void drawQuizResult(UiContext& ui, KioskState& state, const Rect& area) {
    auto& quiz = *state.quiz;
    float y = static_cast<float>(area.y);
    const float gap = ui.px(ui.theme->layout.spacing);
    const float bh = ui.touchMin() * 1.1f;
    const float bw = std::min(static_cast<float>(area.w) * 0.45f, ui.px(60));
    if (quiz.teamMode()) {
        y += quizHeading(ui, area, ui.ui("quiz.podium")) + gap * 2;
        drawTeamPodium(ui, state, area, y);
        button(ui, "quiz-finish", {area.x + (area.w - bw) / 2, area.bottom() - bh, bw, bh},
               ui.ui("quiz.finish_contest"), ButtonKind::Primary, [&state] {
                   state.quiz->reset();
                   state.nav.showHome();
               });
        return;
    }
    const auto& summary = quiz.summary();
    y += quizHeading(ui, area, ui.ui("quiz.result")) + gap;
    TextBlock big;
    big.role = FontRole::Title;
    big.color = ui.color(ColorRole::TitleOnBackground);
    big.align = TextAlign::Center;
    y += drawTextBlock(ui, {area.x, y, area.w, ui.px(12)},
                       core::uiCount("quiz.total_score", summary.score, ui.language), big);
    TextBlock line;
    line.role = FontRole::Body;
    line.color = ui.color(ColorRole::TextOnBackground);
    line.align = TextAlign::Center;
    std::string status = core::uiFormat(
        "quiz.correct_count", ui.language,
        {{"n", std::to_string(summary.correctCount)}, {"total", std::to_string(summary.total)}});
    if (quiz.rankingAvailable()) { // else the board below says the ranking is unavailable
        status += "   ·   ";
        status += quiz.rank() > 0 ? core::uiCount("quiz.today_rank", quiz.rank(), ui.language)
                                  : ui.ui("quiz.not_ranked");
    }
    y += drawTextBlock(ui, {area.x, y, area.w, ui.px(8)}, status, line) + gap * 2;

    // Today's leaderboard.
    const Rect board{area.x + area.w * 0.1, y, area.w * 0.8,
                     std::max(0.0, area.bottom() - bh - gap * 2 - y)};
    ui.draw->AddRectFilled(minOf(board), maxOf(board), ui.color(ColorRole::Surface),
                           ui.px(ui.theme->layout.rounding));
    float by = static_cast<float>(board.y) + gap;
    TextBlock title;
    title.role = FontRole::Heading;
    title.color = ui.color(ColorRole::Text);
    title.align = TextAlign::Center;
    by += drawTextBlock(ui, {board.x, by, board.w, board.h}, ui.ui("quiz.leaderboard"), title);
    const float rowH = ui.fontSize(FontRole::Body) * 1.6f;
    if (quiz.leaderboard().empty()) {
        TextBlock empty;
        empty.role = FontRole::Body;
        // "No scores yet today" is muted; "Today's ranking is unavailable" is said plainly.
        empty.color = ui.color(quiz.rankingAvailable() ? ColorRole::TextMuted : ColorRole::Text);
        empty.align = TextAlign::Center;
        drawTextBlock(
            ui, {board.x, by, board.w, rowH},
            ui.ui(quiz.rankingAvailable() ? "quiz.leaderboard_empty" : "quiz.ranking_unavailable"),
            empty);
    }
    for (const auto& entry : quiz.leaderboard()) {
        if (by + rowH > board.bottom()) break;
        const auto* nick = core::findNickname(entry.nickname);
        const std::string name = nick ? ui.text(nick->name) : entry.nickname;
        const bool mine = entry.rank == quiz.rank() && quiz.rank() > 0;
        if (mine)
            ui.draw->AddRectFilled(ImVec2(float(board.x), by),
                                   ImVec2(float(board.right()), by + rowH),
                                   ui.color(ColorRole::SurfaceAlt));
        drawTextLine(ui, {board.x + ui.px(3), by, ui.px(8), rowH}, std::to_string(entry.rank),
                     FontRole::Body, ui.color(ColorRole::TextMuted));
        drawTextLine(ui, {board.x + ui.px(11), by, board.w * 0.6, rowH}, name, FontRole::Body,
                     ui.color(ColorRole::Text));
        drawTextLine(ui, {board.x, by, board.w - ui.px(3), rowH}, std::to_string(entry.score),
                     FontRole::Body, ui.color(ColorRole::Text), TextAlign::Right);
        by += rowH;
    }
    button(ui, "play-again", {area.x, area.bottom() - bh, bw, bh}, ui.ui("quiz.play_again"),
           ButtonKind::Primary, [&state] { state.quiz->begin(state.clock()); });
    button(ui, "quiz-home", {area.right() - bw, area.bottom() - bh, bw, bh}, ui.ui("nav.home"),
           ButtonKind::Secondary, [&state] {
               state.quiz->reset();
               state.nav.showHome();
           });
}

} // namespace lantai::kiosk
