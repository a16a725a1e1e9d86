// kiosk/runtime: what staff mode needs from the host — the booth's files and machine (disk, run
// counts, the statistics, USB export, tallies, restart, power off) and its audit log
#pragma once

#include "core/staff/audit_log.h"
#include "kiosk/ui/staff_controller.h"

#include <cstdint>
#include <filesystem>

namespace lantai::kiosk {

// Implemented by the kiosk application (kiosk/app/staff_services); the editor's preview passes
// none, and staff mode is then off. Called on the runtime's thread; each call may block for as
// long as the action takes (an export, the D-Bus call), staff wait for its outcome.
class StaffHost {
  public:
    virtual ~StaffHost() = default;
    // The figures the host knows: disk free, uptime, restarts and crashes, today's sessions.
    virtual void fillHealth(StaffHealth& health) = 0;
    // Today's report and a consistent copy of the statistics into a new folder on `stick`.
    virtual StaffOutcome exportToUsb(const std::filesystem::path& stick) = 0;
    // Adds to today's manual tally in the statistics database.
    virtual StaffOutcome recordTally(std::int64_t visitors, std::int64_t leaflets) = 0;
    // Ends the kiosk with the exit code its service restarts on (after this frame).
    virtual void restart() = 0;
    // Asks the system to power off (logind); the outcome says whether it was accepted.
    virtual StaffOutcome powerOff() = 0;
    // Installs the pack folder `pack` (a USB stick's) as `lantai pack install` does — the same
    // command and checks as an update: signature and every file with `publicKeys` (`[trust]
    // public_keys`, empty: none), validation, images decoded, `current` switched in one rename.
    // ok: `current` now points at it; else the detail says why (the command's own message).
    virtual StaffOutcome installPack(const std::filesystem::path& pack,
                                     const std::string& publicKeys) = 0;
    virtual void audit(const core::AuditRecord& record) = 0;
    virtual std::int64_t unixNow() = 0;
};

} // namespace lantai::kiosk
