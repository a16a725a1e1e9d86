// kiosk/ui: the "朗读 / Listen" button of a screen with narration, and the card of a narration
// that cannot be played
#pragma once

#include "core/pack/model.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/top_bar.h"

#include <string>

namespace lantai::kiosk {

// The narration file for the visitor's language ("" when there is none, or the kiosk cannot play
// narration): a screen leaves room for the button only then.
const std::string& narrationFile(const KioskState& state, const core::Narration& narration);

// Draws tap target "listen" in `rect`: "朗读 / Listen", or "停止朗读 / Stop" while `target`
// ("item:ID", "chapter:ID", "question:ID") is being read. Call only when narrationFile() is set.
void drawListenButton(UiContext& ui, KioskState& state, const std::string& target,
                      const core::Narration& narration, const core::Rect& rect);

// The same button for the navigation bar (target "listen"): where a screen's own place for it
// would lie outside the reach band, e.g. under a chapter introduction that stays at the top of a
// portrait screen. Call only when narrationFile() is set.
NavButton listenNavButton(const UiContext& ui, KioskState& state, const std::string& target,
                          const core::Narration& narration);

// Over the screen when the reading cannot be played: the usual problem card, dismissed by
// "narration-error-close" (or a tap anywhere). Draws nothing otherwise.
void drawNarrationProblem(UiContext& ui, KioskState& state);

} // namespace lantai::kiosk
