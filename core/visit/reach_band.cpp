// core/visit: the reach band's geometry for a window size, orientation and setting
#include "core/visit/reach_band.h"

namespace lantai::core {

const char* reachBandName(ReachBandSetting setting) {
    return setting == ReachBandSetting::Full ? "full" : "lower";
}

bool parseReachBand(std::string_view text, ReachBandSetting& out) {
    if (text == "lower")
        out = ReachBandSetting::Lower;
    else if (text == "full")
        out = ReachBandSetting::Full;
    else
        return false;
    return true;
}

bool reachBandLeavesTop(bool portraitLayout, ReachBandSetting setting) {
    return setting == ReachBandSetting::Lower && portraitLayout;
}

Rect reachBand(double width, double height, bool portraitLayout, ReachBandSetting setting) {
    if (!(width > 0 && height > 0)) return {};
    if (!reachBandLeavesTop(portraitLayout, setting)) return {0, 0, width, height};
    const double top = height * (1.0 - kReachBandLowerFraction);
    return {0, top, width, height - top};
}

bool insideReachBand(const Rect& target, const Rect& band, double slack) {
    return target.x >= band.x - slack && target.y >= band.y - slack &&
           target.right() <= band.right() + slack && target.bottom() <= band.bottom() + slack;
}

} // namespace lantai::core
