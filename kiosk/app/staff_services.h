// kiosk/app: staff mode's host side — health figures, export to a USB stick (statistics copy,
// today's report, the class results CSVs), manual tallies, restart, power off and the audit log
#pragma once

#include "kiosk/platform/logind_power.h"
#include "kiosk/runtime/staff_host.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace lantai::kiosk {

// The exit code of a staff restart: lantai-kiosk.service restarts the kiosk on it (Restart=always),
// and the log says it was staff, not a crash.
inline constexpr int kStaffRestartExitCode = 75;

struct StaffServicesOptions {
    std::filesystem::path stateDir; // the statistics database, the audit log, the run counter
    std::string boothId;
    // `lantai` (the report writer): LANTAI_CLI, else beside lantai-kiosk, else on PATH.
    std::filesystem::path reportTool;
    std::unique_ptr<PowerControl> power;
    std::function<void(int exitCode)> quit; // ends the loop after this frame
};

// Threading: the main thread (the runtime calls it from its update).
class StaffServices final : public StaffHost {
  public:
    explicit StaffServices(StaffServicesOptions options);

    void fillHealth(StaffHealth& health) override;
    StaffOutcome exportToUsb(const std::filesystem::path& stick) override;
    StaffOutcome recordTally(std::int64_t visitors, std::int64_t leaflets) override;
    void restart() override;
    StaffOutcome powerOff() override;
    StaffOutcome installPack(const std::filesystem::path& pack,
                             const std::string& publicKeys) override;
    void audit(const core::AuditRecord& record) override;
    std::int64_t unixNow() override;

  private:
    StaffServicesOptions m_options;
    std::chrono::steady_clock::time_point m_started;
    long long m_restarts = -1;
    long long m_crashes = -1;
};

// Where `lantai` is for the kiosk at `argv0`: $LANTAI_CLI, else lantai beside it, else "lantai".
std::filesystem::path findReportTool(const std::string& argv0);

} // namespace lantai::kiosk
