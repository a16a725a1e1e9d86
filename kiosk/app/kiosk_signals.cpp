// kiosk/app: signal handlers that only set flags and write to a pipe; a thread that turns the pipe
// into a wake-up of the main loop
#include "kiosk/app/kiosk_signals.h"

#include "core/base/file_io.h"

#include <array>
#include <atomic>
#include <cassert>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace lantai::kiosk {

namespace {

// Asked to stop: exit code 0.
constexpr std::array kRequestedStop = {SIGTERM, SIGINT};
// Every other signal whose default action ends the process and that arrives from outside.
constexpr std::array kOtherStop = {SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
                                   SIGPROF, SIGXCPU, SIGPWR,  SIGIO,   SIGSTKFLT};
constexpr std::array kIgnored = {SIGPIPE, SIGXFSZ};

static_assert(std::atomic<int>::is_always_lock_free && std::atomic<unsigned>::is_always_lock_free,
              "the signal handler may only touch lock-free atomics");

// Shared with the handler: plain lock-free atomics and two file descriptors that never close.
std::atomic<int> g_stopSignal{0};
std::atomic<int> g_stopSender{0};
std::atomic<unsigned> g_reloads{0};
std::atomic<bool> g_watcherStopping{false};
int g_pipe[2] = {-1, -1};
std::atomic<bool> g_installed{false};

unsigned g_reloadsTaken = 0; // main thread only

void onSignal(int signal, siginfo_t* info, void*) {
    const int savedErrno = errno;
    if (signal == SIGHUP) {
        g_reloads.fetch_add(1);
    } else {
        int none = 0;
        if (g_stopSignal.compare_exchange_strong(none, signal))
            g_stopSender.store(info && info->si_code <= 0 ? info->si_pid : 0); // from a process
    }
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1); // full: a wake is due
    errno = savedErrno;
}

void handle(int signal) {
    struct sigaction action {};
    action.sa_sigaction = onSignal;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigfillset(&action.sa_mask); // one handler at a time
    ::sigaction(signal, &action, nullptr);
}

void ignore(int signal) {
    struct sigaction action {};
    action.sa_handler = SIG_IGN;
    ::sigaction(signal, &action, nullptr);
}

} // namespace

KioskSignals::KioskSignals() {
    [[maybe_unused]] const bool first = !g_installed.exchange(true);
    assert(first && "one KioskSignals per process");
    if (::pipe2(g_pipe, O_CLOEXEC) == 0)
        ::fcntl(g_pipe[1], F_SETFL, ::fcntl(g_pipe[1], F_GETFL) | O_NONBLOCK);
    handle(SIGHUP);
    for (int s : kRequestedStop)
        handle(s);
    for (int s : kOtherStop)
        handle(s);
    for (int s : kIgnored)
        ignore(s);
    if (g_pipe[0] >= 0) m_watcher = std::thread([this] { watch(); });
}

KioskSignals::~KioskSignals() {
    {
        std::lock_guard lock(m_mutex);
        m_wake = nullptr;
    }
    if (m_watcher.joinable()) {
        g_watcherStopping = true;
        const char byte = 0;
        [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
        m_watcher.join();
    }
}

void KioskSignals::watch() {
    // The handlers run on other threads; this one only turns the pipe into wake-ups.
    sigset_t all;
    sigfillset(&all);
    ::pthread_sigmask(SIG_BLOCK, &all, nullptr);
    char buffer[64];
    for (;;) {
        const ssize_t n = ::read(g_pipe[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || g_watcherStopping) return;
        std::lock_guard lock(m_mutex);
        if (m_wake) m_wake();
    }
}

void KioskSignals::setWake(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

bool KioskSignals::takeReload() {
    const unsigned received = g_reloads.load();
    if (received == g_reloadsTaken) return false;
    g_reloadsTaken = received;
    return true;
}

int KioskSignals::stopSignal() const {
    return g_stopSignal.load();
}

pid_t KioskSignals::stopSender() const {
    return g_stopSender.load();
}

std::string signalName(int signal) {
    if (const char* abbrev = ::sigabbrev_np(signal)) return std::string("SIG") + abbrev;
    return "signal " + std::to_string(signal);
}

int exitCodeForSignal(int signal) {
    for (int s : kRequestedStop)
        if (s == signal) return 0;
    return 128 + signal;
}

std::string describeSignal(int signal, pid_t sender) {
    std::string text = signalName(signal);
    if (sender <= 0) return text;
    text += " from pid " + std::to_string(sender);
    if (auto name = core::readFile("/proc/" + std::to_string(sender) + "/comm", 256)) {
        std::string comm = std::move(*name);
        while (!comm.empty() && (comm.back() == '\n' || comm.back() == '\r'))
            comm.pop_back();
        if (!comm.empty()) text += " (" + comm + ")";
    }
    return text;
}

} // namespace lantai::kiosk
