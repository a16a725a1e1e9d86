// kiosk/ui: quiz screen dispatch by stage
#include "kiosk/ui/quiz_screen.h"

#include "kiosk/ui/background.h"
#include "kiosk/ui/quiz_controller.h"
#include "kiosk/ui/text_layout.h"
#include "kiosk/ui/top_bar.h"

#include <algorithm>

namespace lantai::kiosk {

bool QuizScreen::animating(const KioskState& state) const {
    return state.quiz && state.quiz->timerRunning();
}

float quizHeading(UiContext& ui, const core::Rect& area, std::string_view text) {
    TextBlock style;
    style.role = core::FontRole::Heading;
    style.color = ui.color(core::ColorRole::TitleOnBackground);
    style.align = TextAlign::Center;
    style.maxLines = 2;
    return drawTextBlock(ui, {area.x, area.y, area.w, area.h}, text, style);
}

float quizReachTop(const UiContext& ui, float y) {
    if (!ui.navAtBottom) return y;
    return std::max(y, static_cast<float>(ui.reach.y) + ui.px(ui.theme->layout.spacing));
}

void QuizScreen::draw(UiContext& ui, KioskState& state) {
    drawBackground(ui);
    TopBarActions actions;
    actions.home = [&state] {
        state.quiz->reset();
        state.nav.showHome();
    };
    actions.toggleLanguage = state.toggleLanguage;
    actions.toggleLargeText = state.toggleLargeText;
    const core::Rect bar = topBar(ui, ui.ui("quiz.title"), actions);
    const float pad = ui.px(ui.theme->layout.padding);
    const core::Rect area{bar.x + pad, bar.y + pad, bar.w - pad * 2, bar.h - pad * 2};
    switch (state.quiz->stage()) {
    case QuizStage::Entry:
        drawQuizEntry(ui, state, area);
        break;
    case QuizStage::Nickname:
        drawQuizNickname(ui, state, area);
        break;
    case QuizStage::Pin:
        drawQuizPin(ui, state, area);
        break;
    case QuizStage::TeamSetup:
        drawQuizTeamSetup(ui, state, area);
        break;
    case QuizStage::Playing:
        drawQuizPlay(ui, state, area);
        break;
    case QuizStage::Result:
        drawQuizResult(ui, state, area);
        break;
    case QuizStage::Phones:
        drawPhonesGame(ui, state, area);
        break;
    }
}

} // namespace lantai::kiosk
