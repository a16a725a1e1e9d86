// core/staff: how often the kiosk started, and how many runs ended without a clean stop (a crash,
// a kill, a power cut) — a small counter file in the state folder
#pragma once

#include "core/base/result.h"

#include <filesystem>

namespace lantai::core {

struct RunCounts {
    long long starts = 0;  // this start included
    long long crashes = 0; // runs that never reached a clean stop
    long long restarts() const { return starts > 0 ? starts - 1 : 0; }
};

// <state_dir>/kiosk-runs.json: {"starts": N, "crashes": M, "running": true|false}.
std::filesystem::path runCounterPath(const std::filesystem::path& stateDir);

// At start: counts this start and, when the previous run is still marked running (it never
// stopped cleanly), one crash; marks this run running. A missing or unreadable file starts from
// zero. The file is replaced atomically.
Result<RunCounts> countKioskStart(const std::filesystem::path& file);
// What the file says now, without counting anything (lantai-sync's heartbeat); zeros when it is
// missing or unreadable. `running` is whether the current (or last) run has not stopped cleanly.
struct RunState {
    RunCounts counts;
    bool running = false;
};
RunState readKioskRuns(const std::filesystem::path& file);
// At a clean stop (quit, SIGTERM, a staff restart): the run is no longer running.
Status markKioskStopped(const std::filesystem::path& file);

} // namespace lantai::core
