// tests: team play on phones — joining a team, team scores as the mean of the members' points
// (unequal sizes), shared ranks, empty teams, what the phones are told, the CSV's team columns
#include "core/phones/class_results_csv.h"
#include "core/phones/phone_game.h"
#include "core/phones/phone_teams.h"
#include "core/quiz/engine.h"
#include "core/theme/color_roles.h"
#include "phone_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace lantai::core;
using namespace lantai::core::test;

namespace {

PhoneGameSettings teamSettings(int teams) {
    PhoneGameSettings s;
    s.timerSeconds = 20;
    s.scoring.mode = ScoringMode::Speed;
    s.leaderboardEvery = 1;
    s.teams = classContestTeams(teams, defaultTheme());
    return s;
}

// Connects and joins `team` (omitted when empty); returns what the phone was sent.
std::vector<json> joinTeam(PhoneGame& game, int connection, const std::string& team,
                           double now = 0) {
    game.connected(connection);
    game.received(connection, R"({"t":"hello"})", false, now);
    json join = {{"t", "join"}, {"pin", game.pin()}, {"nick", presetNicknames()[0].id}};
    if (!team.empty()) join["team"] = team;
    game.received(connection, join.dump(), false, now);
    return sentTo(game, connection);
}

std::string answerFrame(int q, int option) {
    return json{{"t", "answer"}, {"q", q}, {"a", json::array({option})}, {"id", q}}.dump();
}

} // namespace

TEST(PhoneTeams, ClassContestTeamsAreTheFirstPresetsInTheThemesColours) {
    const auto teams = classContestTeams(3, defaultTheme());
    ASSERT_EQ(teams.size(), 3u);
    EXPECT_EQ(teams[0].preset, "red");
    EXPECT_EQ(teams[1].preset, "blue");
    EXPECT_EQ(teams[2].preset, "green");
    EXPECT_EQ(teams[0].colour, formatColor(defaultTheme().color(teamColorRole(0))));
    EXPECT_EQ(teams[2].textColour, formatColor(defaultTheme().color(textOnTeamRole(2))));
    EXPECT_EQ(classContestTeams(1, defaultTheme()).size(), 2u);
    EXPECT_EQ(classContestTeams(9, defaultTheme()).size(), 6u);
}

TEST(PhoneTeams, RankTeamsByTheMeanOfTheMembersPoints) {
    // Red: 3 members, 2400 points (mean 800). Blue: 1 member, 900 (mean 900). Green: 2 members,
    // 1601 (mean 800.5 → 801). Yellow: nobody.
    std::vector<PhoneTeamStanding> in(4);
    for (int i = 0; i < 4; ++i)
        in[static_cast<std::size_t>(i)].team = i;
    in[0].members = 3;
    in[0].totalPoints = 2400;
    in[1].members = 1;
    in[1].totalPoints = 900;
    in[2].members = 2;
    in[2].totalPoints = 1601;
    const auto out = rankTeams(in);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0].team, 1);
    EXPECT_EQ(out[0].score, 900);
    EXPECT_EQ(out[1].team, 2);
    EXPECT_EQ(out[1].score, 801);
    EXPECT_EQ(out[2].team, 0);
    EXPECT_EQ(out[2].score, 800);
    EXPECT_EQ(out[2].rank, 3);
    EXPECT_EQ(out[3].team, 3); // empty: last, unranked
    EXPECT_EQ(out[3].rank, 0);
    EXPECT_EQ(out[3].score, 0);
}

TEST(PhoneTeams, EqualMeansShareARank) {
    std::vector<PhoneTeamStanding> in(3);
    for (int i = 0; i < 3; ++i) {
        in[static_cast<std::size_t>(i)].team = i;
        in[static_cast<std::size_t>(i)].members = i + 1;
        in[static_cast<std::size_t>(i)].totalPoints = 500 * (i + 1); // every mean is 500
    }
    in[2].totalPoints = 0; // but green's is 0
    const auto out = rankTeams(in);
    EXPECT_EQ(out[0].rank, 1);
    EXPECT_EQ(out[1].rank, 1);
    EXPECT_EQ(out[0].team, 0); // ties in team order
    EXPECT_EQ(out[2].rank, 3);
}

TEST(PhoneTeams, WelcomeOffersTheGamesTeamsAndJoinNeedsOne) {
    PhoneGame game(questions(2), teamSettings(3), "1234", 7);
    game.connected(1);
    game.received(1, R"({"t":"hello"})", false, 0);
    const auto welcome = lastOfType(sentTo(game, 1), "welcome");
    ASSERT_TRUE(welcome);
    ASSERT_EQ((*welcome)["teams"].size(), 3u);
    EXPECT_EQ((*welcome)["teams"][1]["id"], "blue");
    EXPECT_EQ((*welcome)["teams"][1]["zh"], "蓝队");
    EXPECT_EQ((*welcome)["teams"][1]["colour"], "#1B6CA8");
    // No team, or one this game does not play with (purple: 5th preset, 3 teams), is refused.
    EXPECT_EQ((*lastOfType(joinTeam(game, 2, ""), "error"))["why"], "team");
    EXPECT_EQ((*lastOfType(joinTeam(game, 3, "purple"), "error"))["why"], "team");
    EXPECT_TRUE(game.players().empty());
    const auto joined = lastOfType(joinTeam(game, 4, "green"), "joined");
    ASSERT_TRUE(joined);
    EXPECT_EQ((*joined)["team"]["id"], "green");
    EXPECT_EQ((*joined)["team"]["en"], "Green team");
    ASSERT_EQ(game.players().size(), 1u);
    EXPECT_EQ(game.players()[0].team, 2);
}

TEST(PhoneTeams, AnIndividualGameHasNoTeams) {
    PhoneGameSettings s = teamSettings(2);
    s.teams.clear();
    PhoneGame game(questions(1), s, "1234", 7);
    game.connected(1);
    game.received(1, R"({"t":"hello"})", false, 0);
    EXPECT_FALSE(lastOfType(sentTo(game, 1), "welcome")->contains("teams"));
    // A team sent anyway is ignored: the player plays for themselves.
    const auto joined = lastOfType(joinTeam(game, 2, "red"), "joined");
    ASSERT_TRUE(joined);
    EXPECT_FALSE(joined->contains("team"));
    EXPECT_EQ(game.players()[0].team, -1);
    EXPECT_TRUE(game.teamRanking().empty());
}

TEST(PhoneTeams, UnequalTeamsRankedByMeanOnTheLeaderboardAndInTheCsv) {
    PhoneGame game(questions(2), teamSettings(3), "1234", 7);
    // Red: 3 players, one right (at 2 s: 950 points), two wrong. Blue: 1 player, right at 4 s
    // (900 points). Green: nobody. Red's total 950 beats blue's 900; red's mean (317) does not.
    for (int c = 1; c <= 3; ++c)
        joinTeam(game, c, "red");
    joinTeam(game, 4, "blue");
    ASSERT_TRUE(game.start(10));
    game.takeOutbound();
    game.received(1, answerFrame(0, 1), false, 12);
    game.received(2, answerFrame(0, 0), false, 12);
    game.received(3, answerFrame(0, 2), false, 12);
    game.received(4, answerFrame(0, 1), false, 14);
    EXPECT_EQ(game.phase(), PhonePhase::Reveal); // everyone answered
    const auto reveal = lastOfType(sentTo(game, 1), "state");
    ASSERT_TRUE(reveal);
    EXPECT_EQ((*reveal)["team"]["rank"], 2);
    EXPECT_EQ((*reveal)["team"]["score"], 317);
    EXPECT_EQ((*reveal)["team"]["members"], 3);

    const auto ranking = game.teamRanking();
    ASSERT_EQ(ranking.size(), 3u);
    EXPECT_EQ(ranking[0].team, 1);
    EXPECT_EQ(ranking[0].score, 900);
    EXPECT_EQ(ranking[1].team, 0);
    EXPECT_EQ(ranking[1].totalPoints, 950);
    EXPECT_EQ(ranking[1].score, 317);
    EXPECT_EQ(ranking[1].members, 3);
    EXPECT_EQ(ranking[2].members, 0);

    ASSERT_TRUE(game.next(20)); // -> leaderboard (every question here)
    EXPECT_EQ(game.phase(), PhonePhase::Leaderboard);
    const auto board = lastOfType(sentTo(game, 4), "state");
    ASSERT_TRUE(board);
    EXPECT_EQ((*board)["by"], "team");
    ASSERT_EQ((*board)["top"].size(), 2u); // the empty team is not on the board
    EXPECT_EQ((*board)["top"][0]["name"]["zh"], "蓝队");
    EXPECT_EQ((*board)["top"][0]["score"], 900);
    EXPECT_EQ((*board)["top"][1]["members"], 3);

    const std::string csv = classResultsCsv(game);
    EXPECT_NE(csv.find("\"team_zh\",\"team_en\""), std::string::npos);
    EXPECT_NE(csv.find("\"红队\",\"Red team\",\"950\""), std::string::npos);
    EXPECT_NE(csv.find("\"1\",\"蓝队\",\"Blue team\",\"1\",\"900\",\"900\",\"1\",\"1\""),
              std::string::npos);
    EXPECT_NE(csv.find("\"2\",\"红队\",\"Red team\",\"3\",\"317\",\"950\",\"1\",\"3\""),
              std::string::npos);
    EXPECT_NE(csv.find("\"\",\"绿队\",\"Green team\",\"0\",\"0\",\"0\""), std::string::npos);
}

TEST(PhoneTeams, ARejoinKeepsTheTeam) {
    PhoneGame game(questions(1), teamSettings(2), "1234", 7);
    const auto joined = lastOfType(joinTeam(game, 1, "blue"), "joined");
    ASSERT_TRUE(joined);
    game.disconnected(1);
    game.connected(2);
    game.received(2, json{{"t", "hello"}, {"token", (*joined)["token"]}}.dump(), false, 1);
    const auto again = lastOfType(sentTo(game, 2), "joined");
    ASSERT_TRUE(again);
    EXPECT_EQ((*again)["team"]["id"], "blue");
}

TEST(PhoneProtocol, JoinTeamField) {
    PhoneMessageError error;
    auto m =
        parsePhoneMessage(R"({"t":"join","pin":"1234","nick":"a","team":"red"})", false, error);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->team, "red");
    EXPECT_FALSE(
        parsePhoneMessage(R"({"t":"join","pin":"1234","nick":"a","team":7})", false, error));
    EXPECT_EQ(error, PhoneMessageError::BadField);
    EXPECT_FALSE(
        parsePhoneMessage(R"({"t":"join","pin":"1234","nick":"a","team":"Red!"})", false, error));
}
