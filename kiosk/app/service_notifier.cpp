// kiosk/app: sd_notify messages to systemd — READY with MAINPID, the main loop's watchdog
#include "kiosk/app/service_notifier.h"

#include "core/base/log.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <systemd/sd-daemon.h>
#include <unistd.h>

namespace lantai::kiosk {

namespace {

bool parseNumber(const char* text, unsigned long long& value) {
    if (!text || !*text) return false;
    char* end = nullptr;
    errno = 0;
    value = std::strtoull(text, &end, 10);
    return errno == 0 && end && *end == '\0';
}

void send(const std::string& message) {
    // pid 0: from this process; unset_environment 0: children (libmpv's) never see the socket
    // anyway, and the variables stay readable for the log.
    if (const int rc = sd_pid_notify(0, 0, message.c_str()); rc < 0)
        core::logWarning("systemd notification failed (" + std::string(std::strerror(-rc)) +
                         "): " + message.substr(0, message.find('\n')));
}

} // namespace

std::chrono::microseconds watchdogIntervalFor(const char* watchdogUsec, const char* watchdogPid,
                                              pid_t self, pid_t parent, std::string& why) {
    unsigned long long usec = 0;
    if (!parseNumber(watchdogUsec, usec) || usec == 0) {
        why = "no systemd watchdog (WATCHDOG_USEC not set)";
        return {};
    }
    unsigned long long pid = 0;
    if (watchdogPid && *watchdogPid) {
        if (!parseNumber(watchdogPid, pid)) {
            why = "systemd watchdog ignored: WATCHDOG_PID=" + std::string(watchdogPid) +
                  " is not a process id";
            return {};
        }
        if (pid != static_cast<unsigned long long>(self) &&
            pid != static_cast<unsigned long long>(parent)) {
            why = "systemd watchdog ignored: WATCHDOG_PID=" + std::to_string(pid) +
                  " is neither the kiosk nor its parent";
            return {};
        }
    }
    const auto interval = std::chrono::microseconds(usec / 2);
    why = "systemd watchdog: WATCHDOG=1 every " + std::to_string(interval.count() / 1000) +
          " ms while the main loop runs" +
          (pid == static_cast<unsigned long long>(parent) ? " (WATCHDOG_PID is the parent, cage)"
                                                          : "");
    return interval;
}

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    m_socket = socket && *socket;
    if (!m_socket) {
        m_description = "not started by systemd (no NOTIFY_SOCKET)";
        return;
    }
    m_interval = watchdogIntervalFor(std::getenv("WATCHDOG_USEC"), std::getenv("WATCHDOG_PID"),
                                     ::getpid(), ::getppid(), m_description);
}

void ServiceNotifier::ready(const std::string& status) {
    if (!m_socket || m_ready) return;
    m_ready = true;
    send("READY=1\nMAINPID=" + std::to_string(::getpid()) + "\nSTATUS=" + status);
    m_lastPing = Clock::now();
}

void ServiceNotifier::loopProgressed(Clock::time_point now) {
    if (!m_socket || m_interval == Clock::duration::zero()) return;
    if (now - m_lastPing < m_interval) return;
    m_lastPing = now;
    send("WATCHDOG=1");
}

ServiceNotifier::Clock::duration ServiceNotifier::untilNextPing(Clock::time_point now) const {
    if (!m_socket || m_interval == Clock::duration::zero()) return Clock::duration::max();
    const auto due = m_lastPing + m_interval;
    return due > now ? due - now : Clock::duration::zero();
}

void ServiceNotifier::stopping() {
    if (m_socket) send("STOPPING=1");
}

} // namespace lantai::kiosk
