// kiosk/runtime: "class on phones" wired into the kiosk — the server (kiosk/net), the game
// (core/phones), what the booth's screen reads (PhonesView), the class results export
#pragma once

#include "core/config/kiosk_config.h"
#include "core/phones/phone_game.h"
#include "kiosk/net/phone_server.h"
#include "kiosk/ui/phones_view.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace lantai::kiosk {

// Threading: the runtime's thread only. update() drains what the server's threads queued (never
// waiting on the network) and hands the server what the game says; the server's sender thread
// writes it.
class PhoneBooth {
  public:
    // With [phones] enabled, starts the server on the first of `pageDirs` that holds the phone
    // page; otherwise (or when it cannot listen) view().available is false and problem says why.
    PhoneBooth(const core::KioskConfig& config, const std::vector<std::filesystem::path>& pageDirs,
               std::function<void()> wake);

    PhonesView& view() { return m_view; }
    bool serving() const { return m_server != nullptr; }
    bool gameOpen() const { return m_game.has_value(); }
    // A question is open: the booth waits for the class's answers (until all are in or time is up).
    bool questionOpen() const { return m_game && m_game->phase() == core::PhonePhase::Question; }

    // A new game in the lobby with these questions (the phones connected now are told).
    void open(std::vector<core::DrawnQuestion> questions, const core::PhoneGameSettings& settings,
              std::uint64_t seed);
    void close();

    // Network events into the game, the game's messages out, the timer. True: redraw.
    bool update(double now);
    // The question's deadline or the countdown's next whole second; +infinity when none.
    double secondsUntilNextEvent(double now) const;
    core::PhoneGame* game() { return m_game ? &*m_game : nullptr; }
    std::vector<core::PhoneAnswerRecord> takeAnswers();

    // The class results as CSV into `folder` (class-results-YYYYmmdd-HHMMSS.csv); the path or
    // the error is kept in the view for the screen.
    void exportCsv(const std::filesystem::path& folder, std::int64_t unixNow);

    // The state report's "phones" object.
    nlohmann::json stateJson(double now) const;

  private:
    std::unique_ptr<PhoneServer> m_server;
    std::optional<core::PhoneGame> m_game;
    std::vector<int> m_connections; // open WebSockets (told when a game opens)
    int m_shownSecond = -1;         // the countdown's second on screen
    int m_port = 0;
    std::string m_listen;
    PhonesView m_view;
};

} // namespace lantai::kiosk
