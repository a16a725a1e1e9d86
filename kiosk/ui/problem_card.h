// kiosk/ui: the card of a file that cannot be played (a video, a narration): heading and reason in
// both languages, the file, one button
#pragma once

#include "kiosk/ui/ui_context.h"
#include "kiosk/ui/video_controller.h"

#include <functional>
#include <string>

namespace lantai::kiosk {

// Draws the card in `card`: a danger stripe, the `headingKey` string in Chinese and English, the
// problem's two sentences and file, and a "返回 · Back"-style button `buttonId` labelled
// `buttonLabel` that runs `action`.
void drawProblemCard(UiContext& ui, const core::Rect& card, const std::string& headingKey,
                     const VideoProblem& problem, const std::string& buttonId,
                     const std::string& buttonLabel, std::function<void()> action);

} // namespace lantai::kiosk
