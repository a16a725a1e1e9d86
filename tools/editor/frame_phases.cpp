// tools/editor: per-phase timing of the editor's loop iterations
#include "tools/editor/frame_phases.h"

#include "core/base/log.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace lantai::editor {

namespace {
double msBetween(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// The calling thread's CPU time in milliseconds.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}
} // namespace

FramePhases::FramePhases() {
    if (const char* above = std::getenv("LANTAI_EDITOR_SLOW_FRAME_MS"); above && *above)
        m_logAboveMs = std::atof(above);
}

void FramePhases::begin() {
    m_started = m_last = Clock::now();
    m_cpuStarted = m_cpuLast = threadCpuMs();
    m_current.phases.clear();
    m_current.ms = m_current.cpuMs = m_current.harnessMs = m_current.harnessCpuMs = 0;
}

void FramePhases::mark(const char* phase) {
    add(phase, false);
}

void FramePhases::markHarness(const char* phase) {
    add(phase, true);
}

void FramePhases::add(const char* phase, bool harness) {
    const auto now = Clock::now();
    const double cpu = threadCpuMs();
    const double ms = msBetween(m_last, now), cpuMs = cpu - m_cpuLast;
    m_last = now;
    m_cpuLast = cpu;
    if (harness) {
        m_current.harnessMs += ms;
        m_current.harnessCpuMs += cpuMs;
    }
    for (Phase& p : m_current.phases)
        if (std::strcmp(p.name, phase) == 0) {
            p.ms += ms;
            p.cpuMs += cpuMs;
            return;
        }
    m_current.phases.push_back({phase, ms, cpuMs, harness});
}

double FramePhases::elapsedMs() const {
    return msBetween(m_started, Clock::now()) - m_current.harnessMs;
}

double FramePhases::end(bool drawn) {
    m_current.ms = msBetween(m_started, Clock::now()) - m_current.harnessMs;
    m_current.cpuMs = threadCpuMs() - m_cpuStarted - m_current.harnessCpuMs;
    if (!drawn) return m_current.ms;
    if (m_current.ms > m_slowest.ms) m_slowest = m_current;
    if (m_logAboveMs >= 0 && m_current.ms >= m_logAboveMs) {
        char head[96];
        std::snprintf(head, sizeof head,
                      "slow frame %.2f ms (main thread CPU %.2f ms):", m_current.ms,
                      m_current.cpuMs);
        std::string line = head;
        for (const Phase& p : m_current.phases)
            if (p.ms >= 0.05) {
                char part[128];
                std::snprintf(part, sizeof part, " %s%s %.2f/%.2f",
                              p.harness ? "(not counted) " : "", p.name, p.ms, p.cpuMs);
                line += part;
            }
        core::logInfo(line + " (wall/CPU ms)");
    }
    return m_current.ms;
}

nlohmann::json FramePhases::slowestJson() const {
    nlohmann::json phases = nlohmann::json::object(), cpu = nlohmann::json::object(),
                   harness = nlohmann::json::object();
    for (const Phase& p : m_slowest.phases) {
        (p.harness ? harness : phases)[p.name] = p.ms;
        if (!p.harness) cpu[p.name] = p.cpuMs;
    }
    return {{"ms", m_slowest.ms},
            {"cpu_ms", m_slowest.cpuMs},
            {"phases", phases},
            {"phases_cpu", cpu},
            {"not_counted", harness}};
}

} // namespace lantai::editor
