// kiosk/ui: what the booth's "class on phones" screens read and the teacher's actions (the
// runtime fills it; core/phones holds the game)
#pragma once

#include "core/phones/phone_game.h"
#include "kiosk/ui/qr_code.h"

#include <functional>
#include <string>

namespace lantai::kiosk {

// Threading: main thread only. The runtime owns it and the game it points to.
struct PhonesView {
    bool available = false;                // [phones] enabled and the server listens
    std::string problem;                   // why not (shown to the teacher)
    const core::PhoneGame* game = nullptr; // the open game; null before "Class on phones"
    std::string joinUrl; // the join QR code's URL (the booth's LAN address, the PIN)
    QrMatrix joinQr;
    std::string wifiSsid; // empty: no Wi-Fi code
    QrMatrix wifiQr;
    double now = 0;       // the runtime clock of the frame being drawn (the timer)
    std::string exported; // the last CSV export's path
    std::string exportProblem;
    std::function<void()> open;      // the teacher tapped "Class on phones": a new game (lobby)
    std::function<void()> openTeams; // … in teams: the class contest's team count, team play
    std::function<void()> start;     // lobby -> the first question
    std::function<void()> next;      // end the question / next / leaderboard / podium
    std::function<void()> exportCsv; // the class results into the state folder
    std::function<void()> finish;    // close the game, back to home
};

} // namespace lantai::kiosk
