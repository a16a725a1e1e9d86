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
// "preview", "render", ...) and ended; a phase marked twice adds up. Each phase has its wall time
// and the main thread's CPU time: on a busy machine (or a software GL waited on) the two part,
// and the CPU time is the work of ours that a frame cannot shed. An ended iteration that
// drew a frame and took at least `logAboveMs` (LANTAI_EDITOR_SLOW_FRAME_MS; off when unset) is
// logged with its phases. The slowest drawn frame since reset() stays for the state file.
// Threading: the main thread.
class FramePhases {
  public:
    FramePhases();
    void begin();
    void mark(const char* phase);
    // Marks a phase of the test harness's own (a script step's state file, which a curator's
    // editor never writes): shown with the others, left out of the iteration's times.
    void markHarness(const char* phase);
    // Wall milliseconds since begin(), harness phases left out.
    double elapsedMs() const;
    // Wall milliseconds of harness phases in the current iteration so far.
    double harnessMs() const { return m_current.harnessMs; }
    // The iteration's wall milliseconds (from begin()), harness phases left out.
    double end(bool drawn);
    // The main thread's CPU milliseconds of the iteration end() ended.
    double lastCpuMs() const { return m_current.cpuMs; }
    void reset() { m_slowest = {}; }
    // {"ms": wall, "cpu_ms": main thread's CPU, "phases": {name: wall ms, ...}, "phases_cpu":
    // {name: CPU ms, ...}, "not_counted": {harness phase: wall ms}} of the slowest drawn frame
    // (by wall time) since reset().
    nlohmann::json slowestJson() const;

  private:
    using Clock = std::chrono::steady_clock;
    struct Phase {
        const char* name;
        double ms;
        double cpuMs;
        bool harness = false;
    };
    struct Iteration {
        double ms = 0;
        double cpuMs = 0;
        double harnessMs = 0, harnessCpuMs = 0;
        std::vector<Phase> phases;
    };
    void add(const char* phase, bool harness);

    double m_logAboveMs = -1;
    Clock::time_point m_started, m_last;
    double m_cpuStarted = 0, m_cpuLast = 0;
    Iteration m_current, m_slowest;
};

} // namespace lantai::editor
