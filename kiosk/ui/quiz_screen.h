// kiosk/ui: the quiz screen — entry (level, nickname, teacher PIN, team setup), questions, results
#pragma once

#include "kiosk/ui/screens.h"

namespace lantai::kiosk {

// One screen whose content follows the QuizController's stage; the stages are drawn by the
// functions below, one file each (quiz_entry_screen.cpp, quiz_play_screen.cpp,
// quiz_result_screen.cpp).
class QuizScreen : public Screen {
  public:
    void draw(UiContext& ui, KioskState& state) override;
    bool animating(const KioskState& state) const override;
};

void drawQuizEntry(UiContext& ui, KioskState& state, const core::Rect& area);
void drawQuizNickname(UiContext& ui, KioskState& state, const core::Rect& area);
void drawQuizPin(UiContext& ui, KioskState& state, const core::Rect& area);
void drawQuizTeamSetup(UiContext& ui, KioskState& state, const core::Rect& area);
void drawQuizPlay(UiContext& ui, KioskState& state, const core::Rect& area);
void drawQuizResult(UiContext& ui, KioskState& state, const core::Rect& area);
// "Class on phones" (phones_screen.cpp): lobby, questions, leaderboard, podium.
void drawPhonesGame(UiContext& ui, KioskState& state, const core::Rect& area);

// A heading line centred at the top of `area`; returns the height used.
float quizHeading(UiContext& ui, const core::Rect& area, std::string_view text);
// Where a stage's buttons start: `y`, or the top of the reach band when the band leaves the top
// of the screen out of reach (the heading stays above it).
float quizReachTop(const UiContext& ui, float y);

} // namespace lantai::kiosk
