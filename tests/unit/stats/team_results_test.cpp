// tests: class contests — round trip through the database and the CSV export
#include "tests/unit/stats/stats_test_support.h"

using namespace lantai::stats_test;

TEST_F(StatsStoreTest, TeamSessionsRoundTripAndExportCsv) {
    StatsStore s = openStore();
    // The class contest the kiosk maps from a real team session (red wins, blue second).
    const TeamSessionRecord rec = redBeatsBlue();
    const auto id = s.recordTeamSession(rec);
    ASSERT_TRUE(id) << errorOf(id);

    // An older session (before `since`) and an unfinished one with awkward names.
    TeamSessionRecord old = rec;
    old.startedAt = kDay - 3600;
    ASSERT_TRUE(s.recordTeamSession(old));
    TeamSessionRecord odd;
    odd.startedAt = kNoon + 3600;
    odd.finishedAt = kNoon + 3700;
    odd.packId = "demo";
    odd.mode = "speed";
    odd.questionsPerTeam = 3;
    odd.teams = {{0, "green", {"绿队, \"快\"", "Green, \"fast\""}, 0x2E9E4F, 1500, 2, 3, 3, 1}};
    ASSERT_TRUE(s.recordTeamSession(odd));

    const auto sessions = s.teamSessions(kDay);
    ASSERT_TRUE(sessions);
    ASSERT_EQ(sessions->size(), 2u);
    EXPECT_EQ(sessions->at(0).id, *id);
    EXPECT_EQ(sessions->at(0).teams[1].name.zh, "蓝队");
    EXPECT_EQ(sessions->at(1).mode, "speed");

    const auto csv = exportTeamResultsCsv(s, kDay, kChina);
    ASSERT_TRUE(csv) << errorOf(csv);
    const std::string expected =
        "\xEF\xBB\xBF"
        "session,started,ended,completed,pack,bank,age_band,mode,questions_per_team,rank,team,"
        "team_zh,team_en,colour,score,correct,answered,total\r\n"
        "1,2024-06-09 12:00:00,2024-06-09 12:10:00,yes,demo,basics,adult,accuracy,1,1,red,红队,"
        "Red team,#D7263D,1000,1,1,1\r\n"
        "1,2024-06-09 12:00:00,2024-06-09 12:10:00,yes,demo,basics,adult,accuracy,1,2,blue,蓝队,"
        "Blue team,#1B6CA8,0,0,1,1\r\n"
        "3,2024-06-09 13:00:00,2024-06-09 13:01:40,no,demo,,,speed,3,1,green,"
        "\"绿队, \"\"快\"\"\",\"Green, \"\"fast\"\"\",#2E9E4F,1500,2,3,3\r\n";
    EXPECT_EQ(*csv, expected);

    // Nothing since tomorrow: just the header.
    const auto empty = exportTeamResultsCsv(s, kDay + 86400, kChina);
    EXPECT_EQ(std::count(empty->begin(), empty->end(), '\n'), 1);
}
