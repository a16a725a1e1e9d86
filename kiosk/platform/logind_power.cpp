// kiosk/platform: powering the booth PC off — systemd-logind over D-Bus (sd-bus), behind a small
// interface with a fake for tests
#include "kiosk/platform/logind_power.h"

#include "core/base/log.h"

#include <cstring>
#include <systemd/sd-bus.h>

namespace lantai::kiosk {

namespace {

class LogindPowerControl final : public PowerControl {
  public:
    bool powerOff(std::string& error) override {
        sd_bus* bus = nullptr;
        if (const int r = sd_bus_open_system(&bus); r < 0) {
            error = std::string("cannot reach the system D-Bus: ") + std::strerror(-r);
            return false;
        }
        sd_bus_error busError = SD_BUS_ERROR_NULL;
        sd_bus_message* reply = nullptr;
        const int r = sd_bus_call_method(bus, "org.freedesktop.login1", "/org/freedesktop/login1",
                                         "org.freedesktop.login1.Manager", "PowerOff", &busError,
                                         &reply, "b", 0);
        if (r < 0)
            error = busError.message
                        ? std::string(busError.name ? busError.name : "") + ": " + busError.message
                        : std::string("PowerOff failed: ") + std::strerror(-r);
        sd_bus_error_free(&busError);
        sd_bus_message_unref(reply);
        sd_bus_flush_close_unref(bus);
        return r >= 0;
    }
};

class FakePowerControl final : public PowerControl {
  public:
    bool powerOff(std::string& /*error*/) override {
        core::logInfo("power off requested (fake power control: nothing is switched off)");
        return true;
    }
};

} // namespace

std::unique_ptr<PowerControl> createLogindPowerControl() {
    return std::make_unique<LogindPowerControl>();
}

std::unique_ptr<PowerControl> createFakePowerControl() {
    return std::make_unique<FakePowerControl>();
}

} // namespace lantai::kiosk
