// kiosk/runtime: staff mode in the runtime — the hidden gesture, the staff screen's actions that
// are the runtime's own (packs: find, validate, copy from USB, switch; volume) and its state
#include "core/base/log.h"
#include "core/i18n/ui_strings.h"
#include "core/staff/pack_finder.h"
#include "core/trust/pack_install.h"
#include "kiosk/runtime/kiosk_runtime.h"

#include <system_error>

namespace lantai::kiosk {

namespace fs = std::filesystem;

namespace {

constexpr double kStaffIdleCloseSeconds = 180.0; // an unlocked panel left alone locks itself
constexpr int kPackSearchDepth = 2;

StaffOutcome outcome(bool ok, std::string key, std::string detail) {
    StaffOutcome o;
    o.ok = ok;
    o.headlineKey = std::move(key);
    o.detail = std::move(detail);
    if (!o.detail.empty()) o.audit["detail"] = o.detail;
    return o;
}

// A folder in `parent` named like `wanted` that does not exist yet ("expo", "expo-2", …).
fs::path freeFolder(const fs::path& parent, const std::string& wanted) {
    std::error_code ec;
    fs::path candidate = parent / wanted;
    for (int n = 2; fs::exists(candidate, ec) && n < 1000; ++n)
        candidate = parent / (wanted + "-" + std::to_string(n));
    return candidate;
}

} // namespace

fs::path KioskRuntime::staffPacksDir() const {
    const core::KioskConfig& config = m_options.config;
    if (!config.staffPacksDir.empty()) return config.staffPacksDir;
    return config.packPath.parent_path();
}

void KioskRuntime::configureStaff() {
    StaffHost* host = m_options.staffHost;
    if (!host) {
        m_staff.configure("", {});
        return;
    }
    StaffActions a;
    a.health = [this, host] {
        StaffHealth h;
        if (m_state.pack) h.packId = m_state.pack->id;
        h.packVersion = m_content.packVersion;
        h.build = std::string(LANTAI_VERSION " (") + __DATE__ + ")";
        // The English reason: its characters are in the font atlas, a Chinese sentence's may not
        // be (the label above it is bilingual; the state report carries both).
        if (m_lastRefusal) {
            h.lastRefused = m_lastRefusal->code + ": " + m_lastRefusal->message;
            const std::string_view code = m_lastRefusal->code;
            if (code.starts_with("trust.")) {
                const std::string key = "staff.refusal." + std::string(code.substr(6));
                if (core::hasUiText(key)) h.lastRefusedKey = key;
            }
        }
        host->fillHealth(h);
        return h;
    };
    a.findPacks = [this] {
        std::vector<core::PackCandidate> packs;
        if (const fs::path dir = staffPacksDir(); !dir.empty())
            packs = core::findPacks(dir, 1, false);
        for (const fs::path& stick :
             core::removableMedia(core::splitPathList(m_options.config.staffMediaDirs)))
            for (auto& p : core::findPacks(stick, kPackSearchDepth, true))
                packs.push_back(std::move(p));
        return packs;
    };
    a.switchPack = [this](const core::PackCandidate& pack) { return staffSwitchPack(pack); };
    a.exportToUsb = [this, host] {
        const auto sticks =
            core::removableMedia(core::splitPathList(m_options.config.staffMediaDirs));
        if (sticks.empty()) return outcome(false, "staff.no_usb", m_options.config.staffMediaDirs);
        return host->exportToUsb(sticks.front());
    };
    a.recordTally = [host](std::int64_t visitors, std::int64_t leaflets) {
        return host->recordTally(visitors, leaflets);
    };
    a.volume = [this] { return m_options.config.videoVolume; };
    a.setVolume = [this](int percent) {
        m_options.config.videoVolume = std::clamp(percent, 0, m_options.config.videoMaxVolume);
        configureVideo();
    };
    a.restart = [host] { host->restart(); };
    a.powerOff = [host] { return host->powerOff(); };
    a.audit = [host](const core::AuditRecord& record) { host->audit(record); };
    a.unixNow = [host] { return host->unixNow(); };
    m_staff.configure(m_options.config.staffPinHash, std::move(a));
}

// Validated first, exactly as a reload would (loader, validator, built derivatives); a pack on a
// USB stick is installed with `lantai pack install` when `pack.path` is an installed `current`
// link (the same command and checks as any update, `[trust] public_keys` included), else copied
// into the packs folder (the stick may be pulled out) and the copy is what the kiosk switches to —
// when staff leave staff mode (the visit is reset then). An installed pack is checked against the
// trusted keys again at the reload, like any.
StaffOutcome KioskRuntime::staffSwitchPack(const core::PackCandidate& pack) {
    KioskContent checked = loadKioskContent(pack.folder, {});
    if (!checked.ok) {
        std::string code;
        for (const auto& d : checked.loaded.diagnostics.items())
            if (d.severity == core::Severity::Error) {
                code = d.code;
                break;
            }
        StaffOutcome o = outcome(false, "staff.pack_refused",
                                 (code.empty() ? "" : code + ": ") + checked.serviceReason);
        o.audit["code"] = code;
        return o;
    }
    fs::path folder = pack.folder;
    core::KioskConfig config = m_options.config;
    std::error_code ec;
    const fs::path installed = core::currentPackLink(config.stateDir);
    const bool installLayout =
        config.packPath.filename() == installed.filename() && fs::is_symlink(config.packPath, ec) &&
        fs::equivalent(config.packPath.parent_path(), installed.parent_path(), ec);
    if (pack.removable && installLayout) {
        // A booth whose packs are installed (pack.path is <state_dir>/packs/current, as `lantai
        // pack install` keeps it): the stick's pack goes through `lantai pack install`, the same
        // command and checks as any update, and `current` is switched; the kiosk shows it when
        // staff leave (and after a restart).
        StaffOutcome done = m_options.staffHost->installPack(pack.folder, config.trustPublicKeys);
        if (!done.ok) return done;
        if (!requestReload(config))
            return outcome(false, "staff.pack_refused",
                           m_lastRefusal ? m_lastRefusal->code + ": " + m_lastRefusal->message
                                         : "the installed pack did not load (see the log)");
        done.audit["pack"] = checked.loaded.pack.id;
        return done;
    }
    if (pack.removable) {
        const fs::path dir = staffPacksDir();
        folder = freeFolder(dir, pack.folder.filename().string());
        fs::create_directories(dir, ec);
        if (!ec) fs::copy(pack.folder, folder, fs::copy_options::recursive, ec);
        if (ec) {
            fs::remove_all(folder, ec);
            return outcome(false, "staff.failed",
                           "cannot copy " + pack.folder.string() + " to " + folder.string() + ": " +
                               ec.message());
        }
        core::logInfo("staff mode: copied the pack " + pack.folder.string() + " to " +
                      folder.string());
    }
    config.packPath = folder;
    if (!requestReload(config))
        return outcome(false, "staff.pack_refused",
                       "the copy in " + folder.string() + " did not validate (see the log)");
    StaffOutcome o =
        outcome(true, "staff.pack_switched", checked.loaded.pack.id + " — " + folder.string());
    o.audit["pack"] = checked.loaded.pack.id;
    o.audit["installed_as"] = folder.string();
    return o;
}

// Every pointer event, before anything else sees it (the touch that wakes the kiosk counts).
void KioskRuntime::feedStaffGesture(const InputEvent& e, double t) {
    // Also while staff mode is open: the recogniser counts the fingers on the glass (the held
    // touch that opened it lifts on the staff screen).
    if (!m_staff.enabled()) return;
    using T = InputEvent::Type;
    if (e.type == T::PointerDown) m_staffGesture.pointerDown(e.pointer, e.position, t);
    if (e.type == T::PointerMove) m_staffGesture.pointerMove(e.pointer, e.position, t);
    if (e.type == T::PointerUp) m_staffGesture.pointerUp(e.pointer, e.position, t);
}

void KioskRuntime::updateStaff(double now) {
    if (m_staffWasOpen && !m_staff.isOpen()) {
        // Staff left: back to the attract loop, where a pack they switched to takes over.
        if (m_state.pack) m_session.requestReset(at(now));
        m_gestures.cancelAll(now);
        m_staffGesture.reset(); // taps on the staff screen's corner count for nothing
        m_redraw = true;
    }
    m_staffWasOpen = m_staff.isOpen();
    if (!m_staff.isOpen() && m_staffGesture.update(now)) {
        core::logInfo("staff gesture: the PIN pad opens");
        m_gestures.cancelAll(now); // the held touch is the gesture's, not a long press
        m_swallowPointer = true;
        m_staffLastTouch = now;
        m_staff.open(now);
        m_staffWasOpen = m_staff.isOpen();
        m_redraw = true;
    }
    if (!m_staff.isOpen()) return;
    if (now - m_staffLastTouch > kStaffIdleCloseSeconds) {
        core::logInfo("staff mode: closed after " +
                      std::to_string(static_cast<int>(kStaffIdleCloseSeconds)) +
                      " s without a touch");
        m_staff.close();
        updateStaff(now); // the reset
        return;
    }
    if (const double ends = m_staff.waitEnds(now); ends >= 0) m_redraw = true; // the countdown
}

double KioskRuntime::staffDeadline() const {
    double next = m_staffGesture.nextDeadline();
    if (m_staff.isOpen()) {
        next = std::min(next, m_staffLastTouch + kStaffIdleCloseSeconds);
        if (const double ends = m_staff.waitEnds(m_now); ends >= 0)
            next = std::min(next, std::min(ends, m_now + 1.0)); // the countdown's next second
    }
    return next;
}

nlohmann::json KioskRuntime::staffStateJson() const {
    nlohmann::json s = {{"enabled", m_staff.enabled()},
                        {"open", m_staff.isOpen()},
                        {"stage", staffStageName(m_staff.stage())},
                        {"unlocked", m_staff.unlocked()},
                        {"pin_digits", m_staff.pinDigits().size()},
                        {"pin_rejected", m_staff.pinRejected()},
                        {"failed_attempts", m_staff.failedAttempts()},
                        {"wait_s", m_staff.waitSeconds(m_now)},
                        {"gesture_taps", m_staffGesture.tapsCounted()},
                        {"volume", m_options.config.videoVolume},
                        {"tally_visitors", m_staff.tallyVisitors()},
                        {"tally_leaflets", m_staff.tallyLeaflets()}};
    if (const auto& o = m_staff.outcome())
        s["outcome"] = {{"ok", o->ok}, {"headline", o->headlineKey}, {"detail", o->detail}};
    nlohmann::json packs = nlohmann::json::array();
    for (const auto& p : m_staff.packs())
        packs.push_back({{"folder", p.folder.string()}, {"id", p.id}, {"usb", p.removable}});
    s["packs"] = packs;
    if (m_staff.unlocked()) {
        const StaffHealth& h = m_staff.health();
        s["health"] = {{"pack", h.packId},
                       {"pack_version", h.packVersion},
                       {"build", h.build},
                       {"disk_free_bytes", h.diskFreeBytes ? nlohmann::json(*h.diskFreeBytes)
                                                           : nlohmann::json(nullptr)},
                       {"uptime_s", h.uptimeSeconds},
                       {"restarts", h.restarts},
                       {"crashes", h.crashes},
                       {"sessions_today", h.sessionsToday},
                       {"last_sync", h.lastSync},
                       {"last_sync_outcome", h.lastSyncOutcomeKey},
                       {"last_sync_detail", h.lastSyncDetail},
                       {"last_refused", h.lastRefused},
                       {"last_refused_why", h.lastRefusedKey}};
    }
    return s;
}

} // namespace lantai::kiosk
