// kiosk/platform: powering the booth PC off — systemd-logind over D-Bus (sd-bus), behind a small
// interface with a fake for tests
#pragma once

#include <memory>
#include <string>

namespace lantai::kiosk {

// Threading: call from one thread; powerOff() blocks for the D-Bus round trip (at most a few
// seconds). logind decides through polkit whether the kiosk's user may power off:
// deploy/polkit/50-lantai.rules allows the `lantai` user.
class PowerControl {
  public:
    virtual ~PowerControl() = default;
    // Asks for a power off. True when the request was accepted (the PC is shutting down); false
    // with the reason (logind's or polkit's D-Bus error) in `error`.
    virtual bool powerOff(std::string& error) = 0;
};

// org.freedesktop.login1.Manager.PowerOff(interactive=false) on the system bus.
std::unique_ptr<PowerControl> createLogindPowerControl();
// Never powers anything off: records the request (tests, LANTAI_POWER_OFF=fake) and says it was
// accepted.
std::unique_ptr<PowerControl> createFakePowerControl();

} // namespace lantai::kiosk
