// kiosk/ui: quiz entry stages — level (小学/中学/成人), preset nickname, teacher PIN, team setup
#include "core/i18n/ui_strings.h"
#include "kiosk/ui/buttons.h"
#include "kiosk/ui/phones_view.h"
#include "kiosk/ui/pin_pad.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/quiz_screen.h"
#include "kiosk/ui/text_layout.h"

namespace lantai::kiosk {

using core::ColorRole;
using core::FontRole;
using core::Rect;

void drawQuizEntry(UiContext& ui, KioskState& state, const Rect& area) {
    auto& quiz = *state.quiz;
    float y = static_cast<float>(area.y);
    y += quizHeading(ui, area, ui.ui("quiz.choose_level")) + ui.px(3);
    y = quizReachTop(ui, y);
    const float gap = ui.px(ui.theme->layout.spacing) * 2;
    const float bh = std::max(ui.touchMin() * 1.6f, ui.px(16));
    const float bw = std::min(static_cast<float>(area.w), ui.px(80));
    const float x = static_cast<float>(area.x + (area.w - bw) / 2);
    const std::pair<core::AgeBand, const char*> levels[] = {
        {core::AgeBand::Primary, "quiz.level.1"},
        {core::AgeBand::Secondary, "quiz.level.2"},
        {core::AgeBand::Adult, "quiz.level.3"}};
    for (const auto& [band, key] : levels) {
        const core::AgeBand chosen = band;
        button(ui, std::string("level:") + core::ageBandName(band), {x, y, bw, bh}, ui.ui(key),
               ButtonKind::Primary,
               [&state, chosen] { state.quiz->chooseLevel(chosen, state.clock()); });
        y += bh + gap;
    }
    if (quiz.classSessionsEnabled()) {
        y += gap;
        button(ui, "class", {x, y, bw, bh * 0.8}, ui.ui("quiz.class_session"), ButtonKind::Ghost,
               [&state] { state.quiz->openPin(); });
    }
    if (!quiz.message().empty()) {
        TextBlock note;
        note.role = FontRole::Body;
        note.color = ui.color(ColorRole::TextOnBackground);
        note.align = TextAlign::Center;
        drawTextBlock(ui, {area.x, area.bottom() - ui.px(6), area.w, ui.px(6)}, ui.ui("quiz.empty"),
                      note);
    }
}

void drawQuizNickname(UiContext& ui, KioskState& state, const Rect& area) {
    auto& quiz = *state.quiz;
    float y = static_cast<float>(area.y);
    y += quizHeading(ui, area, ui.ui("quiz.choose_nickname")) + ui.px(2);
    y = quizReachTop(ui, y);
    const int columns = ui.portrait ? 2 : 4;
    const float gap = ui.px(ui.theme->layout.spacing);
    const float bw = (static_cast<float>(area.w) - gap * float(columns - 1)) / float(columns);
    const float bh = std::max(ui.touchMin(), ui.px(10));
    const auto& choices = quiz.nicknameChoices();
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const Rect r{area.x + float(i % columns) * (bw + gap), y + float(i / columns) * (bh + gap),
                     bw, bh};
        const std::string id = choices[i]->id;
        button(ui, "nickname:" + id, r, ui.text(choices[i]->name), ButtonKind::Secondary,
               [&state, id] { state.quiz->chooseNickname(id, state.clock()); });
    }
    const int rows = (static_cast<int>(choices.size()) + columns - 1) / columns;
    y += float(rows) * (bh + gap) + gap;
    const float sw = std::min(static_cast<float>(area.w), ui.px(80));
    button(ui, "nickname-skip", {area.x + (area.w - sw) / 2, y, sw, bh},
           ui.ui("quiz.skip_nickname"), ButtonKind::Ghost,
           [&state] { state.quiz->chooseNickname("", state.clock()); });
}

void drawQuizPin(UiContext& ui, KioskState& state, const Rect& area) {
    auto& quiz = *state.quiz;
    float y = static_cast<float>(area.y);
    y += quizHeading(ui, area, ui.ui("quiz.enter_pin")) + ui.px(1);
    // The digits typed so far, as dots.
    TextBlock dots;
    dots.role = FontRole::Title;
    dots.color =
        ui.color(quiz.pinRejected() ? ColorRole::TitleOnBackground : ColorRole::TextOnBackground);
    dots.align = TextAlign::Center;
    std::string shown = quiz.pinRejected() ? ui.ui("quiz.wrong_pin") : std::string();
    for (std::size_t i = 0; i < quiz.pinDigits().size(); ++i)
        shown += "· ";
    y += drawTextBlock(ui, {area.x, y, area.w, ui.px(10)}, shown.empty() ? " " : shown, dots) +
         ui.px(1);
    y = quizReachTop(ui, y);
    PinPadActions pad;
    pad.digit = [&state](char k) { state.quiz->pinDigit(k); };
    pad.clear = [&state] { state.quiz->pinClear(); };
    pad.submit = [&state] { state.quiz->pinSubmit(); };
    drawPinPad(ui, area, y, "pin", pad);
}

void drawQuizTeamSetup(UiContext& ui, KioskState& state, const Rect& area) {
    auto& quiz = *state.quiz;
    float y = static_cast<float>(area.y);
    y += quizHeading(ui, area, ui.ui("quiz.team_setup")) + ui.px(2);
    y = quizReachTop(ui, y);
    const float gap = ui.px(ui.theme->layout.spacing);
    const float bh = std::max(ui.touchMin(), ui.px(9));
    auto row = [&](std::string_view label, const std::vector<int>& values, int current,
                   const char* idPrefix, const std::function<void(int)>& set) {
        TextBlock style;
        style.role = FontRole::Body;
        style.color = ui.color(ColorRole::TextOnBackground);
        y += drawTextBlock(ui, {area.x, y, area.w, bh}, label, style);
        const float bw =
            std::min(bh * 1.4f, (static_cast<float>(area.w) - gap * float(values.size() - 1)) /
                                    float(values.size()));
        for (std::size_t i = 0; i < values.size(); ++i) {
            const int v = values[i];
            button(ui, std::string(idPrefix) + std::to_string(v),
                   {area.x + float(i) * (bw + gap), y, bw, bh}, std::to_string(v),
                   v == current ? ButtonKind::Primary : ButtonKind::Secondary,
                   [set, v] { set(v); });
        }
        y += bh + gap * 2;
    };
    row(ui.ui("quiz.team_count"), {2, 3, 4, 5, 6}, quiz.teamCount(),
        "teams:", [&state](int v) { state.quiz->setTeamCount(v); });
    row(ui.ui("quiz.per_team"), {3, 5, 8, 10}, quiz.perTeam(),
        "per-team:", [&state](int v) { state.quiz->setPerTeam(v); });
    // The teams, in their colours.
    const float chip = ui.fontSize(FontRole::Body) * 2.0f;
    float x = static_cast<float>(area.x);
    for (int i = 0; i < quiz.teamCount(); ++i) {
        const auto& preset = core::teamPresets()[static_cast<std::size_t>(i)];
        const std::string name = ui.text(preset.name);
        const float w = textWidth(ui, FontRole::Body, name) + chip;
        ui.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chip),
                               ui.color(core::teamColorRole(i)), chip / 2);
        ui.draw->AddText(ui.font(FontRole::Body), ui.fontSize(FontRole::Body),
                         ImVec2(x + chip / 2, y + chip * 0.22f), ui.color(core::textOnTeamRole(i)),
                         name.c_str());
        x += w + gap;
        if (x > area.right() - chip * 3) {
            x = static_cast<float>(area.x);
            y += chip + gap;
        }
    }
    y += chip + gap * 3;
    const float sw = std::min(static_cast<float>(area.w), ui.px(70));
    button(ui, "team-start", {area.x + (area.w - sw) / 2, y, sw, bh * 1.2},
           ui.ui("quiz.team_start"), ButtonKind::Primary,
           [&state] { state.quiz->startTeams(state.clock()); });
    if (state.phones && state.phones->available) { // [phones] enabled: the class on their phones
        // Each pupil for themselves, or in the teams chosen above (their phones pick one): side
        // by side under the contest's start, in a row wider than it.
        const float rowW = std::min(static_cast<float>(area.w), ui.px(110));
        const float pw = (rowW - gap) / 2;
        const float px = static_cast<float>(area.x + (area.w - rowW) / 2);
        const float py = y + bh * 1.2f + gap * 2;
        button(ui, "phones-open", {px, py, pw, bh * 1.2}, ui.ui("phones.open"),
               ButtonKind::Secondary, [&state] { state.phones->open(); });
        button(ui, "phones-open-teams", {px + pw + gap, py, pw, bh * 1.2},
               core::uiFormat("phones.open_teams", ui.language,
                              {{"n", std::to_string(quiz.teamCount())}}),
               ButtonKind::Secondary, [&state] { state.phones->openTeams(); });
    }
}

} // namespace lantai::kiosk
