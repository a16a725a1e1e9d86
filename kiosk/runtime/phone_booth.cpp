// kiosk/runtime: the phone game's host side — server start, draining its queue into the game,
// the join and Wi-Fi QR codes, the state report, the CSV export
#include "kiosk/runtime/phone_booth.h"

#include "core/base/file_io.h"
#include "core/base/log.h"
#include "core/phones/class_results_csv.h"
#include "core/phones/class_results_files.h"
#include "core/phones/join_codes.h"
#include "kiosk/net/lan_address.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lantai::kiosk {

PhoneBooth::PhoneBooth(const core::KioskConfig& config,
                       const std::vector<std::filesystem::path>& pageDirs,
                       std::function<void()> wake)
    : m_port(config.phonesPort), m_listen(config.phonesListen) {
    m_view.wifiSsid = config.phonesWifiSsid;
    if (!config.phonesWifiSsid.empty())
        m_view.wifiQr =
            encodeQr(core::wifiQrText(config.phonesWifiSsid, config.phonesWifiPassword));
    if (!config.phonesEnabled) {
        m_view.problem = "[phones] enabled = false";
        return;
    }
    std::filesystem::path page;
    for (const auto& dir : pageDirs) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / "index.html", ec)) {
            page = dir;
            break;
        }
    }
    if (page.empty() && !pageDirs.empty()) page = pageDirs.front(); // the error names it
    PhoneServerOptions options;
    options.listen = config.phonesListen;
    options.port = config.phonesPort;
    options.pageDir = page;
    options.wake = std::move(wake);
    auto server = PhoneServer::start(std::move(options));
    if (!server) {
        m_view.problem = server.error().message;
        core::logWarning("phones: " + server.error().message);
        return;
    }
    m_server = std::move(server).value();
    m_view.available = true;
}

void PhoneBooth::open(std::vector<core::DrawnQuestion> questions,
                      const core::PhoneGameSettings& settings, std::uint64_t seed) {
    m_game.emplace(std::move(questions), settings, core::makeGamePin(seed),
                   seed ^ 0x9e3779b97f4a7c15ull);
    for (int c : m_connections) {
        m_game->connected(c);
        m_server->send(c, R"({"t":"open"})");
    }
    m_view.game = &*m_game;
    m_view.joinUrl = core::phoneJoinUrl(boothLanAddress(m_listen), m_port, m_game->pin());
    m_view.joinQr = encodeQr(m_view.joinUrl);
    m_view.exported.clear();
    m_view.exportProblem.clear();
    core::logInfo(std::string("phones: a class game opened") +
                  (m_game->teamPlay() ? " in " + std::to_string(m_game->teams().size()) + " teams"
                                      : std::string()) +
                  ", join at " + m_view.joinUrl);
}

void PhoneBooth::close() {
    if (!m_game) return;
    for (int c : m_connections)
        m_server->send(c, R"({"t":"closed"})");
    m_game.reset();
    m_view.game = nullptr;
    core::logInfo("phones: the class game closed");
}

bool PhoneBooth::update(double now) {
    if (!m_server) return false;
    for (PhoneNetEvent& e : m_server->take()) {
        switch (e.kind) {
        case PhoneNetEvent::Kind::Opened:
            m_connections.push_back(e.connection);
            if (m_game) m_game->connected(e.connection);
            break;
        case PhoneNetEvent::Kind::Closed:
            m_connections.erase(
                std::remove(m_connections.begin(), m_connections.end(), e.connection),
                m_connections.end());
            if (m_game) m_game->disconnected(e.connection);
            break;
        case PhoneNetEvent::Kind::Frame:
            if (m_game)
                m_game->received(e.connection, e.data, e.binary, now);
            else if (e.data.find("\"hello\"") != std::string::npos)
                m_server->send(e.connection, R"({"t":"closed"})"); // no game open yet
            break;
        }
    }
    if (!m_game) return false;
    m_game->update(now);
    for (core::PhoneOutbound& out : m_game->takeOutbound())
        m_server->send(out.connection, std::move(out.text));
    bool redraw = m_game->takeChanged();
    // The countdown on the big screen changes every whole second.
    const int shownSecond = m_game->phase() == core::PhonePhase::Question
                                ? static_cast<int>(std::ceil(m_game->secondsLeft(now)))
                                : -1;
    if (shownSecond != m_shownSecond) redraw = true;
    m_shownSecond = shownSecond;
    m_view.now = now;
    return redraw;
}

double PhoneBooth::secondsUntilNextEvent(double now) const {
    if (!m_game || m_game->phase() != core::PhonePhase::Question)
        return std::numeric_limits<double>::infinity();
    const double left = m_game->secondsLeft(now);
    const double tick = left - std::floor(left); // the countdown's next whole second
    return std::max(0.0, std::min(left, tick > 1e-3 ? tick : 1.0));
}

std::vector<core::PhoneAnswerRecord> PhoneBooth::takeAnswers() {
    return m_game ? m_game->takeAnswers() : std::vector<core::PhoneAnswerRecord>{};
}

void PhoneBooth::exportCsv(const std::filesystem::path& folder, std::int64_t unixNow) {
    if (!m_game) return;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const auto path = folder / core::classResultsFileName(unixNow);
    const core::Status written = core::writeFileAtomic(path, core::classResultsCsv(*m_game));
    if (written) {
        m_view.exported = path.string();
        m_view.exportProblem.clear();
        core::logInfo("phones: class results exported to " + path.string());
    } else {
        m_view.exported.clear();
        m_view.exportProblem = written.error().message;
        core::logWarning("phones: " + written.error().message);
    }
}

nlohmann::json PhoneBooth::stateJson(double now) const {
    nlohmann::json j = {{"enabled", m_view.available || !m_view.problem.empty()},
                        {"serving", m_server != nullptr},
                        {"problem", m_server ? std::string() : m_view.problem},
                        {"listen", m_listen},
                        {"port", m_port},
                        {"connections", m_connections.size()},
                        {"exported", m_view.exported}};
    if (m_server) {
        const auto c = m_server->counters();
        j["http_requests"] = c.httpRequests;
        j["probes_answered"] = c.probesAnswered;
        j["not_found"] = c.notFound;
        j["queue_dropped"] = c.queueDropped;
        j["send_failed"] = c.sendFailed;
    }
    if (!m_game) return j;
    const core::PhoneGame& g = *m_game;
    const auto& c = g.counters();
    j["game"] = {{"phase", core::phonePhaseName(g.phase())},
                 {"mode", g.teamPlay() ? "teams" : "individual"},
                 {"pin", g.pin()},
                 {"join_url", m_view.joinUrl},
                 {"question", g.questionIndex()},
                 {"questions", g.questionCount()},
                 {"seconds_left", g.secondsLeft(now)},
                 {"players", g.players().size()},
                 {"online", g.playersOnline()},
                 {"answers", g.answersThisQuestion()},
                 {"frames", c.frames},
                 {"malformed", c.malformed},
                 {"oversized", c.oversized},
                 {"rate_limited", c.rateLimited},
                 {"answers_accepted", c.answersAccepted},
                 {"duplicate_answers", c.duplicateAnswers},
                 {"late_answers", c.lateAnswers},
                 {"waiting_answers", c.waitingAnswers},
                 {"wrong_pins", c.wrongPins},
                 {"joins", c.joins},
                 {"rejoins", c.rejoins}};
    nlohmann::json ranking = nlohmann::json::array();
    for (const core::PhonePlayer* p : g.ranking())
        ranking.push_back({{"seat", p->seat},
                           {"nick", p->nickname},
                           {"score", p->score},
                           {"correct", p->correct},
                           {"answered", p->answered},
                           {"rank", p->rank},
                           {"team", p->team >= 0 ? g.teams()[std::size_t(p->team)].preset : ""},
                           {"online", p->connection != 0}});
    j["game"]["ranking"] = std::move(ranking);
    nlohmann::json teams = nlohmann::json::array();
    for (const core::PhoneTeamStanding& t : g.teamRanking())
        teams.push_back({{"team", g.teams()[static_cast<std::size_t>(t.team)].preset},
                         {"members", t.members},
                         {"total_points", t.totalPoints},
                         {"score", t.score},
                         {"rank", t.rank}});
    j["game"]["teams"] = std::move(teams);
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : g.questionFigures())
        questions.push_back({{"id", q.questionId}, {"answers", q.answers}, {"correct", q.correct}});
    j["game"]["question_figures"] = std::move(questions);
    return j;
}

} // namespace lantai::kiosk
