// kiosk/runtime: the kiosk state as JSON (--state-out) — what end-to-end tests and benchmarks
// assert on
#pragma once

#include "core/base/geometry2d.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/text_report.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace lantai::kiosk {

// Numbers that are not part of the visitor's state but that tests and benchmarks read. The runtime
// fills most of them (KioskRuntime::stateJson); the host adds what only it knows: the script's
// step and errors, start-up time, the process's PSS and the GL renderer.
struct KioskMetrics {
    std::string session;  // attract, active, still_there, resetting
    long long frames = 0; // frames drawn since start
    int scriptStep = 0;
    int scriptErrors = 0;
    double startupMs = 0; // launch -> first interactive frame
    double fontAtlasMs = 0;
    int glyphs = 0;
    std::vector<std::string> missingGlyphs; // "U+20000": drawn text the atlas has no glyph for
    std::size_t textureBytes = 0;
    std::size_t textureCount = 0;
    std::size_t texturesPending = 0;
    double gridScroll = 0;
    double gridMaxScroll = 0;
    double frameBuildP99Ms =
        0; // UI CPU time per frame (screens + ImGui draw data), last 600 frames
    double frameBuildMaxMs = 0;
    int frameBuildSamples = 0;
    long pssKb = -1; // proportional set size of the process (step states only)
    int attractSlide = 0;
    bool statsAvailable = false;      // the stats database is open
    std::size_t statsPending = 0;     // records waiting in memory to be written
    std::string statsProblem;         // the code of why it cannot be written ("" when it can)
    bool statsDiskLow = false;        // the state disk has less free space than the reserve
    std::size_t eventsPending = 0;    // interaction events not written yet
    std::uint64_t eventsWritten = 0;  // interaction events written since start
    std::string eventsProblem;        // the code of why events cannot be written ("" when they can)
    std::vector<std::string> targets; // tap target ids on screen (topmost last)
    // id -> [x, y, w, h] in window pixels (an id drawn twice: the topmost)
    std::vector<std::pair<std::string, core::Rect>> targetRects;
    core::Rect reachBand; // where every target must lie
    TextReport text;      // the last frame's cut-off text and missing glyphs
    int width = 0;
    int height = 0;
    std::string glRenderer;
    bool reloadPending =
        false; // a reload waits for the visit to end (the host's, or the runtime's)
};

nlohmann::json kioskStateJson(const KioskState& state, const KioskMetrics& metrics);

} // namespace lantai::kiosk
