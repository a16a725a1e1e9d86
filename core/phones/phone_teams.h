// core/phones: team play on phones — the class-contest team presets in the booth theme's colours,
// and the teams' standings (a team's score is the mean of its members' points)
#pragma once

#include "core/theme/theme.h"

#include <string>
#include <vector>

namespace lantai::core {

// A team of a team game: one of the class contest's presets (core/quiz teamPresets) and the
// colours the booth draws it in (theme roles teamColorRole / textOnTeamRole of its index), so a
// phone shows its team in the big screen's colour.
struct PhoneTeam {
    std::string preset;     // "red", "blue", …
    std::string colour;     // "#RRGGBB"
    std::string textColour; // "#RRGGBB", text drawn on `colour`
};

// The first `count` presets (clamped to 2–6), as the kiosk's class contest deals them, in
// `theme`'s team colours.
std::vector<PhoneTeam> classContestTeams(int count, const Theme& theme);

// One team's standing. Its score is the mean of its members' points, rounded to the nearest
// point: unequal team sizes stay fair (a team of 8 does not outscore a team of 5 by numbers).
struct PhoneTeamStanding {
    int team = 0;        // index in the game's teams
    int members = 0;     // players seated in it (online or not)
    int totalPoints = 0; // the members' points added up
    int correct = 0;     // the members' correct answers added up
    int answered = 0;    // the members' answers added up
    int score = 0;       // totalPoints / members, rounded; 0 for an empty team
    int rank = 0;        // 1-based by score, equal scores share a rank; 0 for an empty team
};

// Fills score and rank of `standings` (members and totals given) and returns them by rank, ties
// and empty teams (last) in team order.
std::vector<PhoneTeamStanding> rankTeams(std::vector<PhoneTeamStanding> standings);

} // namespace lantai::core
