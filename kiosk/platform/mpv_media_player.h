// kiosk/platform: the libmpv media player (render API into an OpenGL texture) behind MediaPlayer
#pragma once

#include "kiosk/media/media_player.h"

#include <functional>
#include <memory>
#include <string>

namespace lantai::kiosk {

struct MpvSettings {
    std::string hwdec = "auto-safe";
    std::string audioOutput; // "" = mpv's automatic choice
    std::string subtitleFont = "Noto Sans CJK SC";
    // Software OpenGL (Mesa llvmpipe): mpv converts frames on the CPU (libswscale) and the kiosk
    // uploads them, which costs far less than mpv's shader pipeline run by a software rasteriser.
    bool softwareRender = false;
    // Sound only (narration): no video track is decoded (`vid=no`, `vo=null`) and no render
    // context or texture is made, so renderFrame() always returns 0 and no GL is touched.
    bool audioOnly = false;
};

// The libmpv player rendering into an OpenGL texture of the current GL context (call with the
// kiosk's context current). mpv's wakeup and render-update callbacks, which run on mpv's threads,
// only set a flag and call `wake` (thread-safe, e.g. SdlPlatform::wake). Returns nullptr and sets
// `error` when libmpv cannot start.
std::unique_ptr<MediaPlayer> createMpvMediaPlayer(std::function<void()> wake,
                                                  const MpvSettings& settings, std::string& error);

} // namespace lantai::kiosk
