// kiosk/ui: staff mode's behaviour — the PIN pad with its back-off, the staff panel's pages and
// actions, each action audited (no drawing, no clock, no files: the runtime wires the actions)
#pragma once

#include "core/base/pin_backoff.h"
#include "core/staff/audit_log.h"
#include "core/staff/pack_finder.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lantai::kiosk {

// What the health section shows; a negative count or empty text: not known.
struct StaffHealth {
    std::string packId;
    std::string packVersion; // the first 12 hex digits of pack.json's SHA-256
    std::string build;       // "0.1.0 (Jun  9 2026)"
    std::optional<std::uint64_t> diskFreeBytes;
    double uptimeSeconds = 0;
    long long restarts = -1;
    long long crashes = -1;
    long long sessionsToday = -1;
    // The last fleet sync (<state_dir>/sync/status.json): local "2026-12-06 03:10", empty: none
    // ("—"); its outcome, a ui string key ("staff.sync_up_to_date", …), and a detail.
    std::string lastSync;
    std::string lastSyncOutcomeKey;
    std::string lastSyncDetail;
    // `[trust] public_keys`: the last pack refused since start, "code: reason" (empty: none),
    // and why in both languages when the code has a string ("staff.refusal.downgrade"; empty:
    // only the English reason — a Chinese sentence's characters may not be in the font atlas).
    std::string lastRefused;
    std::string lastRefusedKey;
};

// An action's outcome as staff read it: a fixed bilingual headline (a string table key) and the
// detail (a path, a diagnostic's code and English text), plus what goes into the audit log.
struct StaffOutcome {
    bool ok = false;
    std::string headlineKey; // e.g. "staff.exported", "staff.pack_refused"
    std::string detail;
    nlohmann::json audit = nlohmann::json::object();
};

// What the controller asks of the runtime and the host. Every member must be set.
struct StaffActions {
    std::function<StaffHealth()> health;
    std::function<std::vector<core::PackCandidate>()> findPacks;
    std::function<StaffOutcome(const core::PackCandidate&)> switchPack;
    std::function<StaffOutcome()> exportToUsb;
    std::function<StaffOutcome(std::int64_t visitors, std::int64_t leaflets)> recordTally;
    std::function<int()> volume;
    std::function<void(int)> setVolume; // percent, clamped by the runtime
    std::function<void()> restart;      // the host ends the kiosk with its restart exit code
    std::function<StaffOutcome()> powerOff;
    std::function<void(const core::AuditRecord&)> audit;
    std::function<std::int64_t()> unixNow;
};

enum class StaffStage { Closed, Pin, Panel, Packs, Tally, ConfirmPowerOff };
const char* staffStageName(StaffStage stage); // "closed", "pin", "panel", …

// Threading: the runtime's thread only. Times are the host's clock (seconds).
class StaffController {
  public:
    void configure(std::string pinHash, StaffActions actions);
    bool enabled() const { return !m_pinHash.empty(); }

    // The hidden gesture completed: the PIN pad (when staff mode is enabled).
    void open(double now);
    void close(); // back to the visitor screens (audited "leave")
    bool isOpen() const { return m_stage != StaffStage::Closed; }
    bool unlocked() const { return m_stage != StaffStage::Closed && m_stage != StaffStage::Pin; }
    StaffStage stage() const { return m_stage; }

    // ---- the PIN pad
    void pinDigit(char digit, double now);
    void pinClear();
    void pinSubmit(double now);
    const std::string& pinDigits() const { return m_pin; }
    bool pinRejected() const { return m_pinRejected; }
    // Whole seconds of the back-off wait left (0: a PIN may be tried).
    int waitSeconds(double now) const;
    int failedAttempts() const { return m_backoff.failures(); }
    // When the back-off wait ends (to redraw the countdown); negative when none runs.
    double waitEnds(double now) const;

    // ---- the panel
    const StaffHealth& health() const { return m_health; }
    void refreshHealth();
    void showPacks();
    const std::vector<core::PackCandidate>& packs() const { return m_packs; }
    void choosePack(std::size_t index);
    void exportToUsb();
    void changeVolume(int delta);
    int volume() const;
    void showTally();
    void tallyAdd(int visitors, int leaflets);
    std::int64_t tallyVisitors() const { return m_tallyVisitors; }
    std::int64_t tallyLeaflets() const { return m_tallyLeaflets; }
    void saveTally();
    void restart();
    void askPowerOff() { m_stage = StaffStage::ConfirmPowerOff; }
    void powerOff();
    void backToPanel() { m_stage = StaffStage::Panel; }

    // The last action's outcome (shown until the next action).
    const std::optional<StaffOutcome>& outcome() const { return m_outcome; }

  private:
    void audit(const std::string& action, nlohmann::json details, const std::string& result);
    void finish(const std::string& action, StaffOutcome outcome);

    std::string m_pinHash;
    StaffActions m_actions;
    StaffStage m_stage = StaffStage::Closed;
    std::string m_pin;
    bool m_pinRejected = false;
    core::PinBackoff m_backoff;
    StaffHealth m_health;
    std::vector<core::PackCandidate> m_packs;
    std::int64_t m_tallyVisitors = 0;
    std::int64_t m_tallyLeaflets = 0;
    std::optional<StaffOutcome> m_outcome;
};

} // namespace lantai::kiosk
