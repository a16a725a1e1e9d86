// core/phones: the team presets in the theme's colours; team scores as the mean of the members'
// points, and their ranks
#include "core/phones/phone_teams.h"

#include "core/quiz/engine.h"
#include "core/theme/color_roles.h"

#include <algorithm>
#include <cmath>

namespace lantai::core {

std::vector<PhoneTeam> classContestTeams(int count, const Theme& theme) {
    const int n = std::clamp(count, kMinTeams, std::min(kMaxTeams, kTeamColorCount));
    std::vector<PhoneTeam> out;
    for (int i = 0; i < n && i < static_cast<int>(teamPresets().size()); ++i) {
        out.push_back({teamPresets()[static_cast<std::size_t>(i)].id,
                       formatColor(resolvedColor(theme, teamColorRole(i))),
                       formatColor(resolvedColor(theme, textOnTeamRole(i)))});
    }
    return out;
}

std::vector<PhoneTeamStanding> rankTeams(std::vector<PhoneTeamStanding> standings) {
    for (auto& s : standings)
        s.score =
            s.members > 0
                ? static_cast<int>(std::lround(static_cast<double>(s.totalPoints) / s.members))
                : 0;
    for (auto& s : standings)
        s.rank = s.members == 0
                     ? 0
                     : 1 + static_cast<int>(std::count_if(
                               standings.begin(), standings.end(), [&](const PhoneTeamStanding& o) {
                                   return o.members > 0 && o.score > s.score;
                               }));
    std::stable_sort(standings.begin(), standings.end(),
                     [](const PhoneTeamStanding& a, const PhoneTeamStanding& b) {
                         if ((a.rank == 0) != (b.rank == 0)) return b.rank == 0;
                         if (a.rank != b.rank) return a.rank < b.rank;
                         return a.team < b.team;
                     });
    return standings;
}

} // namespace lantai::core
