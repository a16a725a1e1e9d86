// kiosk/ui: staff mode's behaviour — the PIN pad with its back-off, the staff panel's pages and
// actions, each action audited (no drawing, no clock, no files: the runtime wires the actions)
#include "kiosk/ui/staff_controller.h"

#include "core/base/log.h"
#include "core/base/pin_hash.h"

#include <algorithm>
#include <cmath>

namespace lantai::kiosk {

const char* staffStageName(StaffStage stage) {
    switch (stage) {
    case StaffStage::Closed:
        return "closed";
    case StaffStage::Pin:
        return "pin";
    case StaffStage::Panel:
        return "panel";
    case StaffStage::Packs:
        return "packs";
    case StaffStage::Tally:
        return "tally";
    case StaffStage::ConfirmPowerOff:
        return "confirm_power_off";
    }
    return "closed";
}

void StaffController::configure(std::string pinHash, StaffActions actions) {
    m_pinHash = std::move(pinHash);
    m_actions = std::move(actions);
}

void StaffController::audit(const std::string& action, nlohmann::json details,
                            const std::string& result) {
    core::AuditRecord record;
    record.unixTime = m_actions.unixNow();
    record.action = action;
    record.details = std::move(details);
    record.result = result;
    m_actions.audit(record);
}

void StaffController::finish(const std::string& action, StaffOutcome outcome) {
    audit(action, outcome.audit, outcome.ok ? "ok" : "failed");
    m_outcome = std::move(outcome);
}

void StaffController::open(double now) {
    if (!enabled()) {
        core::logInfo("staff gesture: staff mode is disabled (staff.pin_hash is empty)");
        return;
    }
    m_stage = StaffStage::Pin;
    m_pin.clear();
    m_pinRejected = false;
    m_outcome.reset();
    audit("open_pin_pad", {{"wait_s", waitSeconds(now)}}, "ok");
}

void StaffController::close() {
    if (m_stage == StaffStage::Closed) return;
    const bool wasUnlocked = unlocked();
    m_stage = StaffStage::Closed;
    m_pin.clear();
    m_outcome.reset();
    audit(wasUnlocked ? "leave" : "cancel_pin", nlohmann::json::object(), "ok");
}

int StaffController::waitSeconds(double now) const {
    return static_cast<int>(std::ceil(m_backoff.secondsLeft(now)));
}

double StaffController::waitEnds(double now) const {
    return m_backoff.canTry(now) ? -1 : m_backoff.lockedUntil();
}

void StaffController::pinDigit(char digit, double now) {
    if (!m_backoff.canTry(now)) return;
    if (m_pin.size() < 12) m_pin += digit;
    m_pinRejected = false;
}

void StaffController::pinClear() {
    m_pin.clear();
    m_pinRejected = false;
}

void StaffController::pinSubmit(double now) {
    if (!m_backoff.canTry(now)) return; // the pad is locked; the wait is on screen
    if (m_pin.empty()) return;          // OK with nothing typed is not an attempt
    const bool right = core::verifyPin(m_pin, m_pinHash);
    m_pin.clear();
    if (!right) {
        const double wait = m_backoff.failed(now);
        m_pinRejected = true;
        core::logWarning("staff mode: wrong PIN (" + std::to_string(m_backoff.failures()) +
                         " in a row)");
        audit("unlock",
              {{"failures", m_backoff.failures()}, {"wait_s", static_cast<int>(std::ceil(wait))}},
              "refused");
        return;
    }
    m_backoff.succeeded();
    m_pinRejected = false;
    m_stage = StaffStage::Panel;
    core::logInfo("staff mode: unlocked");
    audit("unlock", nlohmann::json::object(), "ok");
    refreshHealth();
}

void StaffController::refreshHealth() {
    m_health = m_actions.health();
}

void StaffController::showPacks() {
    m_packs = m_actions.findPacks();
    m_outcome.reset();
    m_stage = StaffStage::Packs;
    nlohmann::json found = nlohmann::json::array();
    for (const auto& p : m_packs)
        found.push_back(p.folder.string());
    audit("list_packs", {{"found", found}}, "ok");
}

void StaffController::choosePack(std::size_t index) {
    if (index >= m_packs.size()) return;
    StaffOutcome outcome = m_actions.switchPack(m_packs[index]);
    outcome.audit["folder"] = m_packs[index].folder.string();
    outcome.audit["removable"] = m_packs[index].removable;
    audit("switch_pack", outcome.audit, outcome.ok ? "ok" : "refused");
    m_outcome = std::move(outcome);
    refreshHealth();
}

void StaffController::exportToUsb() {
    m_stage = StaffStage::Panel;
    finish("export", m_actions.exportToUsb());
}

int StaffController::volume() const {
    return m_actions.volume ? m_actions.volume() : 0;
}

void StaffController::changeVolume(int delta) {
    const int before = volume();
    m_actions.setVolume(before + delta);
    audit("volume", {{"from", before}, {"to", volume()}}, "ok");
}

void StaffController::showTally() {
    m_tallyVisitors = 0;
    m_tallyLeaflets = 0;
    m_outcome.reset();
    m_stage = StaffStage::Tally;
}

void StaffController::tallyAdd(int visitors, int leaflets) {
    m_tallyVisitors = std::max<std::int64_t>(0, m_tallyVisitors + visitors);
    m_tallyLeaflets = std::max<std::int64_t>(0, m_tallyLeaflets + leaflets);
}

void StaffController::saveTally() {
    StaffOutcome outcome = m_actions.recordTally(m_tallyVisitors, m_tallyLeaflets);
    outcome.audit["visitors"] = m_tallyVisitors;
    outcome.audit["leaflets"] = m_tallyLeaflets;
    finish("tally", std::move(outcome));
    if (m_outcome && m_outcome->ok) {
        m_tallyVisitors = 0;
        m_tallyLeaflets = 0;
    }
}

void StaffController::restart() {
    audit("restart", nlohmann::json::object(), "ok");
    m_actions.restart();
}

void StaffController::powerOff() {
    m_stage = StaffStage::Panel;
    finish("power_off", m_actions.powerOff());
}

} // namespace lantai::kiosk
