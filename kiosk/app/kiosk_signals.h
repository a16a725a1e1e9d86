// kiosk/app: the signals lantai-kiosk handles — SIGHUP reloads, SIGPIPE and SIGXFSZ are ignored,
// the other terminating signals stop the kiosk cleanly with a log line and a defined exit code
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <thread>

namespace lantai::kiosk {

// What each signal does
// ---------------------
// SIGHUP      reload: the configuration file and the command line resolved again, the pack
//             loaded and validated again (systemctl reload; a terminal or xinit session that
//             hangs up no longer ends the kiosk).
// SIGPIPE     ignored: a write into a closed pipe or socket (stderr piped into a reader that
//             went away) fails with EPIPE and is reported by the writer instead of killing it.
// SIGXFSZ     ignored: a write past the file-size limit (ulimit -f) fails with EFBIG, which the
//             log, the statistics store and the state file report; visitors keep their kiosk.
// SIGTERM, SIGINT
//             a requested stop (systemctl stop, a supervisor, Ctrl+C): clean stop, exit code 0.
// SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGPWR, SIGIO, SIGSTKFLT
//             every other signal whose default action ends the process, and which another
//             process (or the kernel, for SIGXCPU's soft CPU limit and SIGPWR's power failure)
//             sends from outside: clean stop, exit code 128 + the signal's number — what a shell
//             reports for a death by that signal, and non-zero, so a supervisor that restarts a
//             failed kiosk restarts one a stray signal stopped.
// Left alone: the faults a thread raises itself (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP,
// SIGSYS) and SIGABRT — returning from their handler would run the faulting instruction again;
// the core dump and the supervisor's restart are the right answer to a bug. SIGKILL and SIGSTOP
// cannot be caught; the job-control signals (SIGTSTP, SIGTTIN, SIGTTOU, SIGCONT) stop or continue
// and do not end the process; SIGCHLD, SIGWINCH and SIGURG are ignored by default. Real-time
// signals are left to the libraries that use them.
//
// A clean stop: the main loop ends, the runtime, its media player and the statistics store close,
// and the log names the signal and who sent it ("stopping on SIGUSR1 from pid 4242 (bash)").
//
// Async-signal safety and threading. The handler only updates lock-free atomics and writes one
// byte into a non-blocking pipe. A watcher thread reads that pipe and calls the wake callback
// (SdlPlatform::wake: SDL_PushEvent is thread-safe but not async-signal-safe, so the handler never
// calls it), which ends the main loop's SDL_WaitEventTimeout at once. The main loop reads the
// flags (takeReload(), stopSignal()) after every wait. Handlers are installed with SA_RESTART, so
// an interrupted read() or write() in a decode worker or libmpv resumes.
//
// Ownership. One object per process, made first in main() (before any other thread exists, and
// before SDL_Init, which must not install handlers of its own: SDL_HINT_NO_SIGNAL_HANDLERS). Its
// destructor stops the watcher thread; the handlers and the pipe stay for the rest of the
// process, so a late signal still only sets a flag.
class KioskSignals {
  public:
    KioskSignals();
    ~KioskSignals();
    KioskSignals(const KioskSignals&) = delete;
    KioskSignals& operator=(const KioskSignals&) = delete;

    // Called (on the watcher thread) after each handled signal; empty: none. Clear it before
    // whatever it calls goes away.
    void setWake(std::function<void()> wake);
    // True once for each burst of SIGHUPs since the last call.
    bool takeReload();
    // The first terminating signal received (0: none) and the pid that sent it (0: unknown, or
    // the kernel).
    int stopSignal() const;
    pid_t stopSender() const;

  private:
    void watch();

    std::mutex m_mutex;
    std::function<void()> m_wake;
    std::thread m_watcher;
};

// "SIGTERM", "SIGUSR1", ... ("signal 42" for one without a name).
std::string signalName(int signal);
// The exit code of a clean stop by `signal`: 0 for SIGTERM and SIGINT, else 128 + signal.
int exitCodeForSignal(int signal);
// "SIGUSR1 from pid 4242 (bash)": the signal, and the sender when known (its name from /proc).
std::string describeSignal(int signal, pid_t sender);

} // namespace lantai::kiosk
