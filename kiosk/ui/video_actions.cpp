// kiosk/ui: starting a video for the visitor (navigation + player)
#include "kiosk/ui/video_actions.h"

#include "kiosk/ui/video_controller.h"

namespace lantai::kiosk {

bool openVideoForVisitor(KioskState& state, const std::string& videoId) {
    const core::Video* video = state.pack ? state.pack->findVideo(videoId) : nullptr;
    if (!video || !state.video || !state.nav.openVideo(videoId)) return false;
    state.video->play(*video, state.language);
    return true;
}

} // namespace lantai::kiosk
