// kiosk/ui: "class on phones" on the booth's screen — the join and Wi-Fi QR codes, the game PIN
// and who joined; each question large with the live answer count and the timer; the correct
// answer and the explanation; the leaderboard; the podium and the CSV export. In team play the
// lobby counts each team's players and the leaderboard and podium rank the teams
#include "core/i18n/ui_strings.h"
#include "core/quiz/engine.h"
#include "kiosk/ui/answer_button.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/phones_view.h"
#include "kiosk/ui/quiz_screen.h"
#include "kiosk/ui/text_layout.h"

#include <algorithm>
#include <cmath>

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::PhonePhase;
using core::Rect;

namespace {

std::string playerName(UiContext& ui, const core::PhonePlayer& p) {
    const core::PresetNickname* preset = core::findNickname(p.nickname);
    std::string name = preset ? ui.text(preset->name) : p.nickname;
    if (p.sameNickname > 1) name += " " + std::to_string(p.sameNickname);
    return name;
}

std::string teamName(UiContext& ui, const core::PhoneGame& game, int team) {
    if (team < 0 || team >= static_cast<int>(game.teams().size())) return {};
    const std::string& id = game.teams()[static_cast<std::size_t>(team)].preset;
    const core::TeamPreset* preset = core::findTeamPreset(id);
    return preset ? ui.text(preset->name) : id;
}

// A row of the leaderboard or a place on the podium: a player, or in team play a team.
struct Standing {
    int rank = 1;
    std::string name;
    std::string detail; // a team's member count
    int score = 0;
    int colour = -1; // team colour index; -1: none (players)
};

// Players by rank, or the teams with members by their mean score.
std::vector<Standing> standings(UiContext& ui, const core::PhoneGame& game) {
    std::vector<Standing> out;
    if (game.teamPlay()) {
        for (const core::PhoneTeamStanding& t : game.teamRanking())
            if (t.members > 0)
                out.push_back({t.rank, teamName(ui, game, t.team),
                               core::uiCount("phones.team_members", t.members, ui.language),
                               t.score, t.team});
        return out;
    }
    for (const core::PhonePlayer* p : game.ranking())
        out.push_back({p->rank, playerName(ui, *p), std::string(), p->score, -1});
    return out;
}

TextBlock style(UiContext& ui, FontRole role, ColorRole colour, TextAlign align = TextAlign::Left,
                int maxLines = 1) {
    TextBlock t;
    t.role = role;
    t.color = ui.color(colour);
    t.align = align;
    t.maxLines = maxLines;
    return t;
}

// The bottom bar's button on the right (the teacher's next step); returns its top.
float teacherButton(UiContext& ui, const Rect& area, const std::string& id, std::string_view label,
                    const std::function<void()>& action) {
    const float h = ui.touchMin() * 1.1f;
    const float w = std::min(static_cast<float>(area.w) * 0.45f, ui.px(60));
    const float y = static_cast<float>(area.bottom()) - h;
    button(ui, id, {area.right() - w, y, w, h}, label, ButtonKind::Primary, action);
    return y;
}

// Name chips in rows from y, wrapping inside `area`; returns the y below them.
float drawNameChips(UiContext& ui, const core::PhoneGame& game, const Rect& area, float y,
                    float bottom) {
    const float chip = ui.fontSize(FontRole::Body) * 1.8f;
    const float gap = ui.px(ui.theme->layout.spacing) * 0.6f;
    float x = static_cast<float>(area.x);
    for (const auto& p : game.players()) {
        const std::string name = playerName(ui, p);
        const float w = textWidth(ui, FontRole::Body, name) + chip;
        if (x + w > area.right()) {
            x = static_cast<float>(area.x);
            y += chip + gap;
        }
        if (y + chip > bottom) break;                       // the count above says how many
        const int team = p.team >= 0 ? p.team : p.seat % 6; // team play: the team's colour
        ui.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chip),
                               ui.color(core::teamColorRole(team), p.connection ? 1.0f : 0.4f),
                               chip / 2);
        ui.draw->AddText(ui.font(FontRole::Body), ui.fontSize(FontRole::Body),
                         ImVec2(x + chip / 2, y + chip * 0.2f),
                         ui.color(core::textOnTeamRole(team)), name.c_str());
        x += w + gap;
    }
    return y + chip + gap;
}

// Team play: each team's chip with how many joined it, in rows from y; returns the y below.
float drawTeamTally(UiContext& ui, const core::PhoneGame& game, const Rect& area, float y) {
    std::vector<int> members(game.teams().size(), 0);
    for (const auto& p : game.players())
        if (p.team >= 0 && p.team < static_cast<int>(members.size()))
            ++members[static_cast<std::size_t>(p.team)];
    const float chip = ui.fontSize(FontRole::Heading) * 1.7f;
    const float gap = ui.px(ui.theme->layout.spacing);
    float x = static_cast<float>(area.x);
    for (int t = 0; t < static_cast<int>(members.size()); ++t) {
        const std::string label =
            teamName(ui, game, t) + "  " +
            core::uiCount("phones.team_members", members[static_cast<std::size_t>(t)], ui.language);
        const float w = textWidth(ui, FontRole::Heading, label) + chip;
        if (x + w > area.right() && x > area.x) {
            x = static_cast<float>(area.x);
            y += chip + gap;
        }
        ui.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chip),
                               ui.color(core::teamColorRole(t)), ui.px(ui.theme->layout.rounding));
        ui.draw->AddText(ui.font(FontRole::Heading), ui.fontSize(FontRole::Heading),
                         ImVec2(x + chip / 2, y + chip * 0.2f), ui.color(core::textOnTeamRole(t)),
                         label.c_str());
        x += w + gap;
    }
    return y + chip + gap;
}

// Team play: how a team's score is computed, under the leaderboard's or podium's heading;
// returns the height used (0 in an individual game).
float drawTeamScoreRule(UiContext& ui, const core::PhoneGame& game, const Rect& area, float y) {
    if (!game.teamPlay()) return 0;
    return drawTextBlock(
               ui, {area.x, y, area.w, ui.fontSize(FontRole::Body) * 3},
               ui.ui("phones.team_score_rule"),
               style(ui, FontRole::Body, ColorRole::TextOnBackgroundMuted, TextAlign::Center, 2)) +
           ui.px(1);
}

// A QR code with a caption under it, in `box`; returns the height used.
float captionedQr(UiContext& ui, const QrMatrix& qr, const Rect& box, std::string_view caption) {
    const float captionH = ui.fontSize(FontRole::Body) * 2.6f;
    const float side = static_cast<float>(std::min(box.w, box.h - captionH));
    drawQr(ui, qr, {box.x + (box.w - side) / 2, box.y, side, side});
    drawTextBlock(ui, {box.x, box.y + side + ui.px(0.8f), box.w, captionH}, caption,
                  style(ui, FontRole::Body, ColorRole::TextOnBackground, TextAlign::Center, 2));
    return side + captionH;
}

void drawLobby(UiContext& ui, PhonesView& view, const Rect& area) {
    const auto& game = *view.game;
    const float gap = ui.px(ui.theme->layout.spacing) * 2;
    const bool wifi = !view.wifiSsid.empty() && view.wifiQr.size > 0;
    // Landscape: the codes on the left, PIN and players on the right. Portrait: codes on top.
    const float codesW =
        ui.portrait ? static_cast<float>(area.w) : static_cast<float>(area.w) * 0.42f;
    const float codesH =
        ui.portrait ? static_cast<float>(area.h) * 0.42f : static_cast<float>(area.h);
    Rect codes{area.x, area.y, codesW, codesH};
    if (wifi) {
        const Rect first = ui.portrait ? Rect{codes.x, codes.y, codes.w / 2 - gap / 2, codes.h}
                                       : Rect{codes.x, codes.y, codes.w, codes.h * 0.38};
        captionedQr(ui, view.wifiQr, first,
                    core::uiFormat("phones.wifi_first", ui.language, {{"ssid", view.wifiSsid}}));
        codes = ui.portrait
                    ? Rect{codes.x + codes.w / 2 + gap / 2, codes.y, codes.w / 2 - gap / 2, codes.h}
                    : Rect{codes.x, codes.y + codes.h * 0.38 + gap, codes.w, codes.h * 0.62 - gap};
    }
    captionedQr(ui, view.joinQr, codes, ui.ui("phones.scan_to_join") + "\n" + view.joinUrl);

    const Rect side =
        ui.portrait ? Rect{area.x, area.y + codesH + gap, area.w, area.h - codesH - gap}
                    : Rect{area.x + codesW + gap * 2, area.y, area.w - codesW - gap * 2, area.h};
    float y = static_cast<float>(side.y);
    drawTextLine(ui, {side.x, y, side.w, ui.fontSize(FontRole::Heading) * 1.5f},
                 ui.ui("phones.game_pin"), FontRole::Heading,
                 ui.color(ColorRole::TextOnBackground));
    y += ui.fontSize(FontRole::Heading) * 1.5f;
    const float pinSize = ui.fontSize(FontRole::Title) * 2.2f;
    ui.draw->AddText(ui.font(FontRole::Title), pinSize, ImVec2(static_cast<float>(side.x), y),
                     ui.color(ColorRole::TitleOnBackground), game.pin().c_str());
    y += pinSize * 1.15f;
    const int joined = static_cast<int>(game.players().size());
    drawTextLine(ui, {side.x, y, side.w, ui.fontSize(FontRole::Heading) * 1.5f},
                 joined ? core::uiCount("phones.joined", joined, ui.language)
                        : ui.ui("phones.waiting"),
                 FontRole::Heading, ui.color(ColorRole::TextOnBackground));
    y += ui.fontSize(FontRole::Heading) * 1.7f;
    if (game.teamPlay()) y = drawTeamTally(ui, game, side, y) + gap / 2;
    const float buttonTop =
        teacherButton(ui, side, "phones-start", ui.ui("phones.start"), view.start);
    drawNameChips(ui, game, side, y, buttonTop - gap);
}

// Progress, timer bar and seconds left; returns the y below.
float drawProgress(UiContext& ui, const PhonesView& view, const Rect& area, float y) {
    const auto& game = *view.game;
    const float line = ui.fontSize(FontRole::Body) * 1.7f;
    drawTextLine(ui, {area.x, y, area.w, line},
                 core::uiFormat("quiz.question_n_of", ui.language,
                                {{"n", std::to_string(game.questionIndex() + 1)},
                                 {"total", std::to_string(game.questionCount())}}),
                 FontRole::Body, ui.color(ColorRole::TextOnBackgroundMuted));
    if (game.phase() != PhonePhase::Question) return y + line;
    const double left = game.secondsLeft(view.now);
    drawTextLine(
        ui, {area.x, y, area.w, line},
        core::uiCount("quiz.time_left", static_cast<long long>(std::ceil(left)), ui.language),
        FontRole::Heading, ui.color(ColorRole::TextOnBackground), TextAlign::Right);
    y += line + ui.px(0.6f);
    const float frac =
        static_cast<float>(std::clamp(left / std::max(1.0, game.timerSeconds()), 0.0, 1.0));
    const Rect track{area.x, y, area.w, ui.px(1.2f)};
    ui.draw->AddRectFilled(minOf(track), maxOf(track), ui.color(ColorRole::TimerTrack),
                           ui.px(0.6f));
    ui.draw->AddRectFilled(
        minOf(track),
        ImVec2(static_cast<float>(track.x + track.w * frac), static_cast<float>(track.bottom())),
        ui.color(ColorRole::Accent), ui.px(0.6f));
    return y + ui.px(2.4f);
}

void drawQuestion(UiContext& ui, PhonesView& view, const Rect& area) {
    const auto& game = *view.game;
    const auto* drawn = game.currentQuestion();
    if (!drawn) return;
    const auto& q = drawn->question;
    const bool reveal = game.phase() == PhonePhase::Reveal;
    const float pad = ui.px(ui.theme->layout.spacing);
    float y = drawProgress(ui, view, area, static_cast<float>(area.y));
    TextBlock prompt =
        style(ui, FontRole::Heading, ColorRole::TextOnBackground, TextAlign::Left, 4);
    prompt.where = "quiz:prompt";
    y += drawTextBlock(ui, {area.x, y, area.w, ui.height}, ui.text(q.prompt), prompt) + pad * 2;

    const float bottomBar = ui.touchMin() * 1.1f + pad;
    // The explanation's panel: as tall as its text (up to 3 lines, 6 in portrait), never an empty
    // box.
    const float explanationPad = ui.px(ui.theme->layout.padding) * 0.6f;
    const std::string explanation = q.explanation.empty()
                                        ? std::string()
                                        : ui.ui("quiz.explanation") + "：" + ui.text(q.explanation);
    const TextBlock explanationStyle =
        style(ui, FontRole::Body, ColorRole::Text, TextAlign::Left, ui.portrait ? 6 : 3);
    const float explanationH =
        reveal && !explanation.empty()
            ? measureTextBlock(ui, static_cast<float>(area.w) - explanationPad * 2, explanation,
                               explanationStyle) +
                  explanationPad * 2
            : 0;
    const bool trueFalse = q.type == core::QuestionType::TrueFalse;
    const int options = drawn->optionCount();
    const int columns = trueFalse ? 2 : (ui.portrait ? 1 : 2);
    const int rows = (options + columns - 1) / columns;
    const float available = static_cast<float>(area.bottom()) - y - bottomBar - explanationH - pad;
    const float bw = (static_cast<float>(area.w) - pad * float(columns - 1)) / float(columns);
    const float bh = std::clamp((available - pad * float(rows - 1)) / float(rows), ui.touchMin(),
                                ui.px(trueFalse ? 22 : 16));
    const auto right = drawn->correctDisplayed();
    for (int i = 0; i < options; ++i) {
        const Rect r{area.x + float(i % columns) * (bw + pad), y + float(i / columns) * (bh + pad),
                     bw, bh};
        AnswerButtonState look;
        look.index = i;
        look.trueFalse = trueFalse;
        look.answered = reveal;
        look.correct = reveal && std::find(right.begin(), right.end(), i) != right.end();
        // No visitor chose on the booth's screen: the correct ones say "正确答案 / Correct answer".
        look.chosen = false;
        std::string label;
        if (trueFalse) {
            label = ui.ui(i == 0 ? "quiz.true" : "quiz.false");
        } else {
            const auto* option = drawn->displayedOption(i);
            label = !option || option->text.empty() ? std::string(1, answerLetter(i))
                                                    : ui.text(option->text);
        }
        if (reveal && static_cast<std::size_t>(i) < game.optionCounts().size())
            label += "  (" + std::to_string(game.optionCounts()[static_cast<std::size_t>(i)]) + ")";
        drawAnswerButton(ui, r, look, label);
    }
    y += float(rows) * (bh + pad);
    if (explanationH > 0) {
        const Rect box{area.x, y, area.w, explanationH};
        ui.draw->AddRectFilled(minOf(box), maxOf(box), ui.color(ColorRole::Surface),
                               ui.px(ui.theme->layout.rounding));
        const float ip = explanationPad;
        drawTextBlock(ui, {box.x + ip, box.y + ip, box.w - ip * 2, box.h - ip * 2}, explanation,
                      explanationStyle);
    }
    // The live count, and the teacher's next step.
    const float line = ui.touchMin() * 1.1f;
    drawTextLine(
        ui, {area.x, area.bottom() - line, area.w * 0.5, line},
        core::uiCount("phones.answered", game.answersThisQuestion(), ui.language) + " / " +
            std::to_string(reveal ? game.players().size() : std::size_t(game.eligiblePlayers())),
        FontRole::Heading, ui.color(ColorRole::TextOnBackground));
    teacherButton(ui, area, "phones-next", ui.ui(reveal ? "phones.next" : "phones.end_question"),
                  view.next);
}

void drawRanking(UiContext& ui, PhonesView& view, const Rect& area, std::size_t count) {
    const auto& game = *view.game;
    const float rowH = ui.fontSize(FontRole::Heading) * 1.9f;
    float y =
        static_cast<float>(area.y) +
        quizHeading(ui, area,
                    ui.ui(game.teamPlay() ? "phones.team_leaderboard" : "phones.leaderboard")) +
        ui.px(2);
    y += drawTeamScoreRule(ui, game, area, y);
    std::size_t shown = 0;
    for (const Standing& s : standings(ui, game)) {
        if (shown++ >= count || y + rowH > area.bottom() - ui.touchMin() * 1.3f) break;
        const Rect row{area.x + area.w * 0.1, y, area.w * 0.8, rowH * 0.9};
        ui.draw->AddRectFilled(minOf(row), maxOf(row), ui.color(ColorRole::Surface),
                               ui.px(ui.theme->layout.rounding));
        float ip = ui.px(1.5f);
        if (s.colour >= 0) { // the team's colour as a band on the left
            ui.draw->AddRectFilled(
                minOf(row),
                ImVec2(static_cast<float>(row.x) + ui.px(2.4f), static_cast<float>(row.bottom())),
                ui.color(core::teamColorRole(s.colour)), ui.px(ui.theme->layout.rounding));
            ip += ui.px(2.4f);
        }
        std::string left = std::to_string(s.rank) + ".  " + s.name;
        if (!s.detail.empty()) left += "  · " + s.detail;
        drawTextLine(ui, {row.x + ip, row.y + rowH * 0.15, row.w * 0.7, rowH * 0.7}, left,
                     FontRole::Heading, ui.color(ColorRole::Text));
        drawTextLine(ui, {row.x, row.y + rowH * 0.15, row.w - ui.px(1.5f), rowH * 0.7},
                     core::uiCount("phones.points", s.score, ui.language), FontRole::Heading,
                     ui.color(ColorRole::Text), TextAlign::Right);
        y += rowH;
    }
    teacherButton(ui, area, "phones-next", ui.ui("phones.next"), view.next);
}

void drawPodium(UiContext& ui, PhonesView& view, const Rect& area) {
    const auto& game = *view.game;
    float y =
        static_cast<float>(area.y) +
        quizHeading(ui, area, ui.ui(game.teamPlay() ? "phones.team_podium" : "phones.podium")) +
        ui.px(2);
    y += drawTeamScoreRule(ui, game, area, y);
    const auto ranking = standings(ui, game);
    const float bottomBar = ui.touchMin() * 1.3f;
    const float stageH = static_cast<float>(area.bottom()) - y - bottomBar - ui.px(10);
    const float colW = static_cast<float>(area.w) / 3.0f;
    // 2nd, 1st, 3rd from left to right; the block's height follows the place.
    const int order[3] = {1, 0, 2};
    const float heights[3] = {0.7f, 1.0f, 0.5f};
    for (int slot = 0; slot < 3; ++slot) {
        const int place = order[slot];
        if (place >= static_cast<int>(ranking.size())) continue;
        const Standing& s = ranking[static_cast<std::size_t>(place)];
        const int colour = s.colour >= 0 ? s.colour : place; // a team in its colour
        const float h = stageH * 0.55f * heights[slot];
        const float x = static_cast<float>(area.x) + colW * float(slot) + colW * 0.08f;
        const float w = colW * 0.84f;
        const float top = y + stageH - h;
        ui.draw->AddRectFilled(ImVec2(x, top), ImVec2(x + w, y + stageH),
                               ui.color(core::teamColorRole(colour)),
                               ui.px(ui.theme->layout.rounding));
        const float nameH = ui.fontSize(FontRole::Heading) * 1.5f;
        drawTextBlock(
            ui, {x, top - nameH * 2.1, w, nameH}, s.name,
            style(ui, FontRole::Heading, ColorRole::TitleOnBackground, TextAlign::Center));
        std::string points = core::uiCount("phones.points", s.score, ui.language);
        if (!s.detail.empty()) points += " · " + s.detail;
        drawTextBlock(ui, {x, top - nameH * 1.05, w, nameH}, points,
                      style(ui, FontRole::Body, ColorRole::TextOnBackground, TextAlign::Center));
        const std::string placeText = std::to_string(s.rank);
        const float ps = ui.fontSize(FontRole::Title) * 1.4f;
        const ImVec2 size = ui.font(FontRole::Title)->CalcTextSizeA(ps, 1e9f, 0, placeText.c_str());
        ui.draw->AddText(ui.font(FontRole::Title), ps, ImVec2(x + (w - size.x) / 2, top + ui.px(1)),
                         ui.color(core::textOnTeamRole(colour)), placeText.c_str());
    }
    const float h = ui.touchMin() * 1.1f;
    const float w = std::min(static_cast<float>(area.w) * 0.45f, ui.px(70));
    const float by = static_cast<float>(area.bottom()) - h;
    button(ui, "phones-export", {area.x, by, w, h}, ui.ui("phones.export"), ButtonKind::Secondary,
           view.exportCsv);
    button(ui, "phones-finish", {area.right() - w * 0.6, by, w * 0.6, h}, ui.ui("phones.finish"),
           ButtonKind::Primary, view.finish);
    if (!view.exported.empty() || !view.exportProblem.empty())
        drawTextLine(ui, {area.x, by - h, area.w, h},
                     view.exportProblem.empty()
                         ? core::uiFormat("phones.exported", ui.language, {{"path", view.exported}})
                         : core::uiFormat("phones.export_failed", ui.language,
                                          {{"reason", view.exportProblem}}),
                     FontRole::Body, ui.color(ColorRole::TextOnBackground));
}

} // namespace

void drawPhonesGame(UiContext& ui, KioskState& state, const Rect& area) {
    PhonesView* view = state.phones;
    if (!view || !view->game) {
        drawTextBlock(
            ui, area,
            core::uiFormat("phones.unavailable", ui.language,
                           {{"reason", view ? view->problem : std::string()}}),
            style(ui, FontRole::Heading, ColorRole::TextOnBackground, TextAlign::Center, 4));
        return;
    }
    switch (view->game->phase()) {
    case PhonePhase::Lobby:
        drawLobby(ui, *view, area);
        break;
    case PhonePhase::Question:
    case PhonePhase::Reveal:
        drawQuestion(ui, *view, area);
        break;
    case PhonePhase::Leaderboard:
        drawRanking(ui, *view, area, 8);
        break;
    case PhonePhase::Podium:
        drawPodium(ui, *view, area);
        break;
    }
}

} // namespace lantai::kiosk
