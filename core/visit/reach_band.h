// core/visit: the reach band — the part of the screen where every touch target must lie (pure
// logic)
#pragma once

#include "core/base/geometry2d.h"

#include <string_view>

namespace lantai::core {

// `[display] reach_band`:
//   Lower — in portrait, the lower kReachBandLowerFraction (60 %) of the screen: a 55" portrait
//           screen on a floor stand spans about 0.7–1.9 m above the floor, and a seated visitor
//           or a child reaches up to about 1.2 m. In landscape the screen is short enough to be
//           reached whole, so the band is the whole screen.
//   Full  — the whole screen in every orientation (a screen mounted low, or on a table).
enum class ReachBandSetting { Lower, Full };

inline constexpr double kReachBandLowerFraction = 0.6;

const char* reachBandName(ReachBandSetting setting); // "lower", "full"
bool parseReachBand(std::string_view text, ReachBandSetting& out);

// The reachable rectangle of a width x height window (pixels, origin top-left) showing a
// portrait or a landscape layout (`display.orientation`: from the shape, or forced). An empty
// window gives an empty rectangle.
Rect reachBand(double width, double height, bool portraitLayout, ReachBandSetting setting);

// True when the band leaves the top of the screen out of reach: the screens then put their
// navigation at the bottom and keep titles and reading text above the band.
bool reachBandLeavesTop(bool portraitLayout, ReachBandSetting setting);

// True when `target` lies inside `band` (edges may touch; `slack` pixels of rounding allowed).
bool insideReachBand(const Rect& target, const Rect& band, double slack = 0.5);

} // namespace lantai::core
