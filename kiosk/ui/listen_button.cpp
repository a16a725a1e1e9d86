// kiosk/ui: the "Listen" button and the narration problem card (see listen_button.h)
#include "kiosk/ui/listen_button.h"

#include "kiosk/ui/buttons.h"
#include "kiosk/ui/narration_controller.h"
#include "kiosk/ui/problem_card.h"

#include <algorithm>
#include <functional>

namespace lantai::kiosk {

const std::string& narrationFile(const KioskState& state, const core::Narration& narration) {
    static const std::string none;
    if (!state.narration || !state.narration->available()) return none;
    return narration.fileFor(state.language);
}

namespace {

// What a tap on "Listen" does: stops `target` while it is being read, else starts it.
struct ListenTap {
    bool reading = false;
    std::function<void()> action;
};

ListenTap listenTap(KioskState& state, const std::string& target,
                    const core::Narration& narration) {
    NarrationController& player = *state.narration;
    const bool reading = player.target() == target && player.active();
    const std::string file = narration.fileFor(state.language);
    // Volume as for videos: the visitor's choice on the player once videos play, else the
    // configured start volume.
    const int volume =
        state.video && state.video->available() ? state.video->volume() : player.configuredVolume();
    return {reading, [&player, reading, target, file, volume] {
                if (reading)
                    player.stop();
                else
                    player.play(target, file, volume);
            }};
}

} // namespace

void drawListenButton(UiContext& ui, KioskState& state, const std::string& target,
                      const core::Narration& narration, const core::Rect& rect) {
    ListenTap tap = listenTap(state, target, narration);
    button(ui, "listen", rect, ui.ui(tap.reading ? "narration.stop" : "narration.listen"),
           tap.reading ? ButtonKind::Primary : ButtonKind::Secondary, std::move(tap.action));
}

NavButton listenNavButton(const UiContext& ui, KioskState& state, const std::string& target,
                          const core::Narration& narration) {
    ListenTap tap = listenTap(state, target, narration);
    return {"listen", ui.ui(tap.reading ? "narration.stop" : "narration.listen"),
            std::move(tap.action), tap.reading ? ButtonKind::Primary : ButtonKind::Secondary};
}

void drawNarrationProblem(UiContext& ui, KioskState& state) {
    if (!state.narration) return;
    const auto problem = state.narration->problem();
    if (!problem) return;
    NarrationController& player = *state.narration;
    ui.draw->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height),
                           ui.color(core::ColorRole::Overlay));
    ui.addTarget("narration-error", {0, 0, ui.width, ui.height}, [&player] { player.stop(); });
    const double w = std::min<double>(ui.width * 0.8, ui.px(110));
    const double h = std::min<double>(ui.height * 0.7, ui.px(44));
    drawProblemCard(ui, {(ui.width - w) / 2, (ui.height - h) / 2, w, h}, "narration.cannot_play",
                    *problem, "narration-error-close", "关闭 · Close",
                    [&player] { player.stop(); });
}

} // namespace lantai::kiosk
