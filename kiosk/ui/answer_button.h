// kiosk/ui: a quiz answer button — the answer's theme colour, its shape and letter (A–H) or the
// true/false mark, the label; after the answer, dimmed or ringed with a check mark
#pragma once

#include "kiosk/ui/ui_context.h"

#include <string_view>

namespace lantai::kiosk {

// How one answer is shown. Colour is never the only cue: every answer also has its own shape
// and letter, and the correct answers get a check mark.
struct AnswerButtonState {
    int index = 0;          // displayed position: 0 = A (answer_1) … 7 = H (answer_8)
    bool trueFalse = false; // ○ (index 0, true) or × (index 1, false) instead of shape and letter
    bool selected = false;  // ticked in a multiple-choice question, not yet submitted
    bool answered = false;  // the result is on screen (the buttons no longer take taps)
    bool correct = false;   // answered: one of the correct options
    bool chosen = false;    // answered: the visitor chose it
};

// The letter of answer `index` ('A' … 'H', wrapping like answerColorRole).
char answerLetter(int index);

// Draws the button in `rect` (no tap target: the caller registers what a tap does).
void drawAnswerButton(UiContext& ui, const core::Rect& rect, const AnswerButtonState& state,
                      std::string_view label);

} // namespace lantai::kiosk
