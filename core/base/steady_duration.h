// core/base: seconds (from configuration) to a steady_clock duration, safe to add to a time point
#pragma once

#include <algorithm>
#include <chrono>

namespace lantai::core {

// Negative and NaN become 0; huge values are capped (~30 years) so adding them to a time point
// cannot overflow.
inline std::chrono::steady_clock::duration steadyDuration(double seconds) {
    if (!(seconds > 0.0)) return std::chrono::steady_clock::duration::zero();
    seconds = std::min(seconds, 1.0e9);
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(seconds));
}

} // namespace lantai::core
