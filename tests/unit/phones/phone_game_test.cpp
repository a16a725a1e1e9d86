// tests: the phone game — joining, PIN, one answer per player per question, late answers, late
// joiners, reconnection by token, rate limits, malformed and oversized frames, phases to the podium
#include "core/phones/captive_probes.h"
#include "core/phones/class_results_csv.h"
#include "core/phones/join_codes.h"
#include "core/phones/phone_game.h"
#include "core/quiz/engine.h"
#include "phone_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

using namespace lantai::core;
using namespace lantai::core::test;

namespace {

PhoneGameSettings settings() {
    PhoneGameSettings s;
    s.timerSeconds = 20;
    s.scoring.mode = ScoringMode::Speed;
    s.leaderboardEvery = 3;
    return s;
}

// Connects `connection` and joins with a nickname; returns the seat's token.
std::string joinAs(PhoneGame& game, int connection, const std::string& nick, double now) {
    game.connected(connection);
    game.received(connection, R"({"t":"hello","token":""})", false, now);
    game.received(connection, json{{"t", "join"}, {"pin", game.pin()}, {"nick", nick}}.dump(),
                  false, now);
    const auto msgs = sentTo(game, connection);
    auto joined = lastOfType(msgs, "joined");
    return joined ? (*joined)["token"].get<std::string>() : std::string();
}

std::string answerFrame(int q, int option, int id = 1) {
    return json{{"t", "answer"}, {"q", q}, {"a", json::array({option})}, {"id", id}}.dump();
}

} // namespace

TEST(PhoneGame, JoinNeedsThePinAndAPresetNickname) {
    PhoneGame game(questions(3), settings(), "1234", 1);
    game.connected(1);
    game.received(1, R"({"t":"hello"})", false, 0);
    auto msgs = sentTo(game, 1);
    ASSERT_TRUE(lastOfType(msgs, "welcome").has_value());
    EXPECT_EQ((*lastOfType(msgs, "welcome"))["names"].size(), 40u);
    game.received(1, R"({"t":"join","pin":"9999","nick":"little-archivist"})", false, 0);
    msgs = sentTo(game, 1);
    ASSERT_TRUE(lastOfType(msgs, "error").has_value());
    EXPECT_EQ((*lastOfType(msgs, "error"))["why"], "pin");
    EXPECT_EQ(game.counters().wrongPins, 1);
    game.received(1, R"({"t":"join","pin":"1234","nick":"no-such-name"})", false, 0);
    EXPECT_EQ((*lastOfType(sentTo(game, 1), "error"))["why"], "nick");
    const std::string token = joinAs(game, 2, presetNicknames()[0].id, 0);
    EXPECT_EQ(token.size(), 32u);
    EXPECT_EQ(game.players().size(), 1u);
    EXPECT_EQ(game.counters().joins, 1);
}

TEST(PhoneGame, SameNicknameTwiceIsNumbered) {
    PhoneGame game(questions(3), settings(), "1234", 1);
    joinAs(game, 1, presetNicknames()[0].id, 0);
    joinAs(game, 2, presetNicknames()[0].id, 0);
    EXPECT_EQ(game.players()[0].sameNickname, 1);
    EXPECT_EQ(game.players()[1].sameNickname, 2);
}

TEST(PhoneGame, OneAnswerPerPlayerPerQuestionAndNoneAfterTime) {
    PhoneGame game(questions(3), settings(), "1234", 1);
    joinAs(game, 1, presetNicknames()[0].id, 0);
    joinAs(game, 2, presetNicknames()[1].id, 0);
    ASSERT_TRUE(game.start(10));
    EXPECT_EQ(game.phase(), PhonePhase::Question);
    game.takeOutbound();
    game.received(1, answerFrame(0, 1, 7), false, 12);
    auto msgs = sentTo(game, 1);
    auto ack = lastOfType(msgs, "ack");
    ASSERT_TRUE(ack.has_value());
    EXPECT_TRUE((*ack)["ok"].get<bool>());
    EXPECT_EQ((*ack)["id"], 7);
    // Speed scoring as on the kiosk: 2 s of 20 → round((1 − 0.05) × 1000).
    EXPECT_EQ(game.players()[0].score, 950);
    game.received(1, answerFrame(0, 2, 8), false, 13);
    ack = lastOfType(sentTo(game, 1), "ack");
    EXPECT_FALSE((*ack)["ok"].get<bool>());
    EXPECT_EQ((*ack)["why"], "duplicate");
    EXPECT_EQ(game.players()[0].score, 950);
    EXPECT_EQ(game.counters().duplicateAnswers, 1);
    // Time runs out before phone 2 answers.
    EXPECT_FALSE(game.update(29.9));
    game.received(2, answerFrame(0, 1), false, 30.0);
    ack = lastOfType(sentTo(game, 2), "ack");
    EXPECT_FALSE((*ack)["ok"].get<bool>());
    EXPECT_EQ((*ack)["why"], "late");
    EXPECT_TRUE(game.update(30.0));
    EXPECT_EQ(game.phase(), PhonePhase::Reveal);
    EXPECT_EQ(game.counters().lateAnswers, 1);
    EXPECT_EQ(game.questionFigures()[0].answers, 1);
    EXPECT_EQ(game.questionFigures()[0].correct, 1);
}

TEST(PhoneGame, EveryoneAnsweredEndsTheQuestion) {
    PhoneGame game(questions(3), settings(), "1234", 1);
    joinAs(game, 1, presetNicknames()[0].id, 0);
    joinAs(game, 2, presetNicknames()[1].id, 0);
    game.start(0);
    game.received(1, answerFrame(0, 1), false, 1);
    EXPECT_EQ(game.phase(), PhonePhase::Question);
    EXPECT_EQ(game.answersThisQuestion(), 1);
    game.received(2, answerFrame(0, 0), false, 1);
    EXPECT_EQ(game.phase(), PhonePhase::Reveal);
    const auto records = game.takeAnswers();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_TRUE(records[0].correct);
    EXPECT_FALSE(records[1].correct);
    EXPECT_EQ(game.optionCounts(), (std::vector<int>{1, 1, 0, 0}));
    // The reveal tells each phone how it did and which answer was right.
    auto state = lastOfType(sentTo(game, 2), "state");
    ASSERT_TRUE(state.has_value());
    EXPECT_EQ((*state)["phase"], "reveal");
    EXPECT_FALSE((*state)["correct"].get<bool>());
    EXPECT_EQ((*state)["right"], json::array({1}));
}

TEST(PhoneGame, APhoneThatAnsweredAndDroppedDoesNotEndTheQuestionEarly) {
    PhoneGame game(questions(3), settings(), "1234", 1);
    joinAs(game, 1, presetNicknames()[0].id, 0);
    joinAs(game, 2, presetNicknames()[1].id, 0);
    joinAs(game, 3, presetNicknames()[2].id, 0);
    game.start(0);
    game.received(1, answerFrame(0, 1), false, 1);
    game.disconnected(1);
    game.received(2, answerFrame(0, 1), false, 2);
    EXPECT_EQ(game.phase(), PhonePhase::Question); // phone 3 has not answered
    game.received(3, answerFrame(0, 1), false, 3);
    EXPECT_EQ(game.phase(), PhonePhase::Reveal);
    EXPECT_EQ(game.counters().lateAnswers, 0);
    // The last phone still to answer leaves: the question ends at the next update.
    PhoneGame g2(questions(3), settings(), "1234", 1);
    joinAs(g2, 1, presetNicknames()[0].id, 0);
    joinAs(g2, 2, presetNicknames()[1].id, 0);
    g2.start(0);
    g2.received(1, answerFrame(0, 1), false, 1);
    g2.disconnected(2);
    EXPECT_TRUE(g2.update(2));
    EXPECT_EQ(g2.phase(), PhonePhase::Reveal);
}

TEST(PhoneGame, ADroppedPhoneRejoinsItsSeatByToken) {
    PhoneGame game(questions(3), settings(), "1234", 1);
    const std::string token = joinAs(game, 1, presetNicknames()[3].id, 0);
    joinAs(game, 2, presetNicknames()[4].id, 0);
    game.start(0);
    game.received(1, answerFrame(0, 1), false, 1);
    game.disconnected(1);
    EXPECT_EQ(game.playersOnline(), 1);
    game.connected(5);
    game.received(5, json{{"t", "hello"}, {"token", token}}.dump(), false, 2);
    const auto msgs = sentTo(game, 5);
    auto joined = lastOfType(msgs, "joined");
    ASSERT_TRUE(joined.has_value());
    EXPECT_EQ((*joined)["seat"], 1);
    EXPECT_EQ(game.players().size(), 2u);
    EXPECT_EQ(game.players()[0].connection, 5);
    EXPECT_EQ(game.counters().rejoins, 1);
    // Same seat: the answer it gave counts, a second one is a duplicate.
    auto state = lastOfType(msgs, "state");
    ASSERT_TRUE(state.has_value());
    EXPECT_TRUE((*state)["answered"].get<bool>());
    game.received(5, answerFrame(0, 2), false, 3);
    EXPECT_EQ(game.counters().duplicateAnswers, 1);
    EXPECT_EQ(game.players()[0].score, 975);
}

TEST(PhoneGame, LateJoinersWaitForTheNextQuestion) {
    PhoneGame game(questions(3), settings(), "1234", 1);
    joinAs(game, 1, presetNicknames()[0].id, 0);
    game.start(0);
    joinAs(game, 2, presetNicknames()[1].id, 1);
    EXPECT_EQ(game.eligiblePlayers(), 1);
    game.received(2, answerFrame(0, 1), false, 2);
    auto ack = lastOfType(sentTo(game, 2), "ack");
    ASSERT_TRUE(ack.has_value());
    EXPECT_EQ((*ack)["why"], "waiting");
    EXPECT_EQ(game.counters().waitingAnswers, 1);
    game.received(1, answerFrame(0, 1), false, 2);
    EXPECT_EQ(game.phase(), PhonePhase::Reveal); // the waiting phone is not waited for
    game.next(5);
    EXPECT_EQ(game.phase(), PhonePhase::Question);
    game.received(2, answerFrame(1, 1), false, 6);
    EXPECT_TRUE((*lastOfType(sentTo(game, 2), "ack"))["ok"].get<bool>());
}

TEST(PhoneGame, RateLimitedMalformedAndOversizedFramesAreDroppedAndCounted) {
    PhoneGameSettings s = settings();
    s.messagesPerSecond = 2;
    s.messageBurst = 4;
    PhoneGame game(questions(3), s, "1234", 1);
    game.connected(1);
    for (int i = 0; i < 10; ++i)
        game.received(1, R"({"t":"ping","id":1})", false, 0);
    EXPECT_EQ(game.counters().rateLimited, 6);
    EXPECT_EQ(sentTo(game, 1).size(), 4u);
    // Refilled after a second: two more pass.
    game.received(1, R"({"t":"ping"})", false, 1.0);
    game.received(1, R"({"t":"ping"})", false, 1.0);
    game.received(1, R"({"t":"ping"})", false, 1.0);
    EXPECT_EQ(game.counters().rateLimited, 7);

    PhoneGame g2(questions(3), settings(), "1234", 1);
    g2.connected(1);
    const std::vector<std::string> garbage = {"not json",
                                              "[1,2]",
                                              R"({"t":5})",
                                              R"({"t":"dance"})",
                                              R"({"t":"answer","q":0,"a":[9]})",
                                              R"({"t":"answer","q":0,"a":[1,1]})",
                                              R"({"t":"answer","q":0,"a":"B"})",
                                              R"({"t":"join","pin":"12a4","nick":"x"})",
                                              R"({"t":"hello","token":"<script>"})",
                                              "{"};
    double t = 0; // slower than the rate limit: every frame is looked at
    for (const auto& g : garbage)
        g2.received(1, g, false, t += 0.5);
    g2.received(1, "\x01\x02", true, t += 0.5);
    g2.received(1, std::string(kMaxPhoneMessageBytes + 1, 'x'), false, t += 0.5);
    EXPECT_EQ(g2.counters().malformed, static_cast<long long>(garbage.size()) + 1);
    EXPECT_EQ(g2.counters().oversized, 1);
    EXPECT_EQ(g2.counters().frames, static_cast<long long>(garbage.size()) + 2);
    EXPECT_TRUE(g2.takeOutbound().empty());
}

TEST(PhoneGame, PhasesRunToThePodiumWithALeaderboardEveryThirdQuestion) {
    PhoneGame game(questions(5), settings(), "1234", 1);
    joinAs(game, 1, presetNicknames()[0].id, 0);
    joinAs(game, 2, presetNicknames()[1].id, 0);
    EXPECT_FALSE(game.next(0));
    game.start(0);
    std::vector<PhonePhase> seen;
    double t = 0;
    for (int q = 0; q < 5; ++q) {
        game.received(1, answerFrame(q, 1), false, t + 1);
        game.received(2, answerFrame(q, q == 0 ? 1 : 0), false, t + 4);
        seen.push_back(game.phase());
        game.next(t += 10);
        seen.push_back(game.phase());
        if (game.phase() == PhonePhase::Leaderboard) game.next(t += 5);
    }
    EXPECT_EQ(game.phase(), PhonePhase::Podium);
    EXPECT_EQ(seen[5], PhonePhase::Leaderboard); // after question 3
    const auto ranking = game.ranking();
    EXPECT_EQ(ranking[0]->seat, 1);
    EXPECT_EQ(ranking[0]->correct, 5);
    EXPECT_EQ(ranking[1]->correct, 1);
    EXPECT_FALSE(game.next(t + 1));
    // Joining after the end is refused.
    game.connected(9);
    game.received(9, json{{"t", "join"}, {"pin", "1234"}, {"nick", presetNicknames()[5].id}}.dump(),
                  false, t + 2);
    EXPECT_EQ((*lastOfType(sentTo(game, 9), "error"))["why"], "over");
    const std::string csv = classResultsCsv(game);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF\"rank\"", 0), 0u);
    EXPECT_NE(csv.find("\"q1\",\"2\",\"2\",\"100\""), std::string::npos);
    EXPECT_NE(csv.find("\"q2\",\"2\",\"1\",\"50\""), std::string::npos);
}

TEST(JoinCodes, UrlAndWifi) {
    EXPECT_EQ(phoneJoinUrl("192.168.4.1", 8080, "0427"), "http://192.168.4.1:8080/?pin=0427");
    EXPECT_EQ(phoneJoinUrl("fe80::1", 80, "1111"), "http://[fe80::1]:80/?pin=1111");
    EXPECT_EQ(wifiQrText("", "x"), "");
    EXPECT_EQ(wifiQrText("档案馆", ""), "WIFI:T:nopass;S:档案馆;;");
    EXPECT_EQ(wifiQrText("a;b", "p:\"q\\"), "WIFI:T:WPA;S:a\\;b;P:p\\:\\\"q\\\\;;");
}

TEST(CaptiveProbes, VendorsAndplatformsGetWhatTheyExpect) {
    for (const char* host : {"connectivitycheck.gstatic.com", "connect.rom.miui.com",
                             "connectivitycheck.platform.hicloud.com", "wifi.vivo.com.cn:80",
                             "CONN1.OPPOMOBILE.COM", "unknown.example.cn"}) {
        const auto r = captivePortalReply(host, "/generate_204");
        ASSERT_TRUE(r) << host;
        EXPECT_EQ(r->status, 204) << host;
    }
    const auto apple = captivePortalReply("captive.apple.com", "/hotspot-detect.html");
    ASSERT_TRUE(apple);
    EXPECT_EQ(apple->status, 200);
    EXPECT_NE(apple->body.find("<TITLE>Success</TITLE>"), std::string::npos);
    EXPECT_EQ(captivePortalReply("www.msftconnecttest.com", "/connecttest.txt")->body,
              "Microsoft Connect Test");
    EXPECT_FALSE(captivePortalReply("192.168.4.1:8080", "/"));
    EXPECT_FALSE(captivePortalReply("connect.rom.miui.com", "/phone.js"));
}
