// tools/editor: where a loop iteration's time went — named phases of each iteration, the slowest
// drawn frame of a script step kept for the state file, slow ones logged on request
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace lantai::editor {

// One loop iteration is begun after the event wait, marked after each piece of work ("poll",
// "preview", "render", ...) and ended; a phase marked twice adds up. An ended iteration that
// drew a frame and took at least `logAboveMs` (LANTAI_EDITOR_SLOW_FRAME_MS; off when unset) is
// logged with its phases. The slowest drawn frame since reset() stays for the state file.
// Threading: the main thread.
class FramePhases {
  public:
    FramePhases();
    void begin();
    void mark(const char* phase);
    // Returns the iteration's milliseconds (from begin()).
    double end(bool drawn);
    void reset() { m_slowest = {}; }
    // {"ms": total, "phases": {name: ms, ...}} of the slowest drawn frame since reset().
    nlohmann::json slowestJson() const;

  private:
    using Clock = std::chrono::steady_clock;
    struct Iteration {
        double ms = 0;
        std::vector<std::pair<const char*, double>> phases;
    };
    double m_logAboveMs = -1;
    Clock::time_point m_started, m_last;
    Iteration m_current, m_slowest;
};

} // namespace lantai::editor
