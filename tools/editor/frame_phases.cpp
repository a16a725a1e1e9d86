// tools/editor: per-phase timing of the editor's loop iterations
#include "tools/editor/frame_phases.h"

#include "core/base/log.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lantai::editor {

namespace {
double msBetween(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}
} // namespace

FramePhases::FramePhases() {
    if (const char* above = std::getenv("LANTAI_EDITOR_SLOW_FRAME_MS"); above && *above)
        m_logAboveMs = std::atof(above);
}

void FramePhases::begin() {
    m_started = m_last = Clock::now();
    m_current.phases.clear();
    m_current.ms = 0;
}

void FramePhases::mark(const char* phase) {
    const auto now = Clock::now();
    const double ms = msBetween(m_last, now);
    m_last = now;
    for (auto& [name, total] : m_current.phases)
        if (std::strcmp(name, phase) == 0) {
            total += ms;
            return;
        }
    m_current.phases.emplace_back(phase, ms);
}

double FramePhases::end(bool drawn) {
    m_current.ms = msBetween(m_started, Clock::now());
    if (!drawn) return m_current.ms;
    if (m_current.ms > m_slowest.ms) m_slowest = m_current;
    if (m_logAboveMs >= 0 && m_current.ms >= m_logAboveMs) {
        std::string line = "slow frame " + std::to_string(m_current.ms).substr(0, 6) + " ms:";
        for (const auto& [name, ms] : m_current.phases)
            if (ms >= 0.05) {
                char part[96];
                std::snprintf(part, sizeof part, " %s %.2f", name, ms);
                line += part;
            }
        core::logInfo(line);
    }
    return m_current.ms;
}

nlohmann::json FramePhases::slowestJson() const {
    nlohmann::json phases = nlohmann::json::object();
    for (const auto& [name, ms] : m_slowest.phases)
        phases[name] = ms;
    return {{"ms", m_slowest.ms}, {"phases", phases}};
}

} // namespace lantai::editor
