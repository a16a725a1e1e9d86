// kiosk/runtime: UI CPU time per frame over the last 600 frames (p99 and maximum for the state
// report)
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace lantai::kiosk {

class FrameTimes {
  public:
    static constexpr std::size_t kSamples = 600;

    void add(double ms) {
        if (m_samples.empty()) m_samples.reserve(kSamples);
        if (m_samples.size() < kSamples)
            m_samples.push_back(ms);
        else
            m_samples[m_next++ % kSamples] = ms;
    }
    int count() const { return static_cast<int>(m_samples.size()); }
    // 99th percentile and maximum in milliseconds; 0 before the first frame.
    void summary(double& p99, double& max) const {
        p99 = max = 0;
        if (m_samples.empty()) return;
        std::vector<double> sorted = m_samples;
        std::sort(sorted.begin(), sorted.end());
        p99 = sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
        max = sorted.back();
    }

  private:
    std::vector<double> m_samples;
    std::size_t m_next = 0;
};

} // namespace lantai::kiosk
