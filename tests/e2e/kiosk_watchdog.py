#!/usr/bin/env python3
# tests/e2e: the kiosk's systemd messages on a test NOTIFY_SOCKET — READY=1 after the first frame,
# WATCHDOG=1 while the main loop runs, none once it hangs, none for another process's watchdog
"""Usage: kiosk_watchdog.py KIOSK PACK

Runs the real kiosk under xvfb-run three times with NOTIFY_SOCKET naming a unix datagram socket
this test listens on, and WATCHDOG_USEC=1000000 (a message is due every 0.5 s):
1. healthy: READY=1 arrives with MAINPID (the kiosk's pid: its /proc/PID/exe is the kiosk) once
   the log says the first frame is on screen; WATCHDOG=1 keeps arriving (at least 5 in 4 s, never
   more than 1.2 s apart); SIGTERM gives STOPPING=1 and exit code 0;
2. hung (LANTAI_TEST_HANG_AFTER_FRAMES=1, the test-only hang switch): READY=1 arrives, then no
   WATCHDOG=1 for 3 s — what makes systemd kill and restart a stuck kiosk;
3. WATCHDOG_PID=1 (a watchdog meant for another process, neither the kiosk nor its parent):
   READY=1, no WATCHDOG=1, and the log says why."""
import os, signal, socket, subprocess, sys, tempfile, time

KIOSK, PACK = os.path.abspath(sys.argv[1]), sys.argv[2]
WORK = tempfile.mkdtemp(prefix="lantai-watchdog-")
failures = 0
EXES = {}  # run name -> /proc/MAINPID/exe when READY=1 came


def expect(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else ": " + str(detail)[:1500]), flush=True)
    failures += not ok


def run(name, extra_env, watch_seconds):
    """Starts the kiosk, returns (messages [(t, text)], READY time, log text, exit code, pid)."""
    path = os.path.join(WORK, name + ".sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.2)
    log = os.path.join(WORK, name + ".log")
    env = dict(os.environ, LANG="C.UTF-8", NOTIFY_SOCKET=path, WATCHDOG_USEC="1000000", **extra_env)
    if "WATCHDOG_PID" not in extra_env:
        env.pop("WATCHDOG_PID", None)
    proc = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", KIOSK, "--pack", PACK,
                             "--windowed", "1280x800", "--no-video", "--state-dir", os.path.join(WORK, name),
                             "--log-file", log], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    messages, ready_at, log_at_ready, pid = [], None, "", 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (ready_at is None or time.monotonic() < ready_at + watch_seconds):
        try:
            text = sock.recv(4096).decode()
        except socket.timeout:
            if proc.poll() is not None:
                break
            continue
        now = time.monotonic()
        messages.append((now, text))
        # Xvfb, started by xvfb-run with the same environment, sends a READY=1 of its own (without
        # MAINPID): the kiosk's is the one that names its pid.
        if "READY=1" in text and "MAINPID=" in text and ready_at is None:
            ready_at = now
            with open(log, encoding="utf-8") as f:
                log_at_ready = f.read()
            for line in text.splitlines():
                if line.startswith("MAINPID="):
                    pid = int(line[len("MAINPID="):])
            try:
                EXES[name] = os.readlink(f"/proc/{pid}/exe")
            except OSError:
                EXES[name] = "(no such process)"
    # Stop the kiosk (MAINPID: the kiosk itself, not xvfb-run) and see its last messages.
    code = None
    if pid:
        os.kill(pid, signal.SIGTERM)
    else:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    code = proc.returncode
    while True:
        try:
            messages.append((time.monotonic(), sock.recv(4096).decode()))
        except (socket.timeout, BlockingIOError):
            break
    sock.close()
    with open(log, encoding="utf-8") as f:
        log_text = f.read()
    if ready_at is None:
        print(proc.stderr.read()[-2000:])
    return messages, ready_at, log_at_ready, log_text, code, pid


def pings(messages, after):
    return [t for t, text in messages if t > after and "WATCHDOG=1" in text.split("\n")]


# 1. healthy
messages, ready_at, log_at_ready, log_text, code, pid = run("healthy", {}, 4.0)
expect(ready_at is not None, "READY=1 arrives", [m for _, m in messages])
if ready_at is not None:
    expect("first interactive frame after" in log_at_ready,
           "READY=1 comes after the first frame is on screen (the log says so before it)", log_at_ready[-800:])
    exe = EXES.get("healthy", "")
    expect(pid > 0 and exe == KIOSK, f"READY=1 carries MAINPID, the kiosk's pid ({exe})")
    ready_text = next(m for _, m in messages if "READY=1" in m and "MAINPID=" in m)
    expect("STATUS=" in ready_text, "READY=1 carries a STATUS line", ready_text)
    times = pings(messages, ready_at)
    watched = [t for t in times if t <= ready_at + 4.0]
    expect(len(watched) >= 5, f"WATCHDOG=1 keeps arriving: {len(watched)} in 4 s (due every 0.5 s)", watched)
    gaps = [b - a for a, b in zip([ready_at] + watched, watched)]
    expect(gaps and max(gaps) < 1.2, f"no gap of 1.2 s or more between watchdog messages (largest {max(gaps or [0]):.2f} s)")
    expect("systemd watchdog: WATCHDOG=1 every 500 ms" in log_text, "the log says how the watchdog runs", log_text[:600])
expect(code == 0, f"SIGTERM to MAINPID: exit code 0 (got {code})")
expect(any("STOPPING=1" in m for _, m in messages), "STOPPING=1 on a clean stop")

# 2. the hang switch
messages, ready_at, _, log_text, code, _ = run("hung", {"LANTAI_TEST_HANG_AFTER_FRAMES": "1"}, 3.0)
expect(ready_at is not None, "hung: READY=1 arrives (the first frame was drawn)")
if ready_at is not None:
    late = pings(messages, ready_at)
    expect(not late, f"hung: no WATCHDOG=1 in the 3 s after the loop stopped (got {len(late)})")
    expect("the main loop hangs now" in log_text, "hung: the log names the test hang")
expect(code == 0, f"hung: SIGTERM still ends it cleanly (exit code {code})")

# 3. a watchdog meant for another process
messages, ready_at, _, log_text, code, _ = run("other", {"WATCHDOG_PID": "1"}, 2.0)
expect(ready_at is not None, "WATCHDOG_PID=1: READY=1 arrives")
expect(not pings(messages, 0), "WATCHDOG_PID=1: no WATCHDOG=1 (neither the kiosk nor its parent)")
expect("WATCHDOG_PID=1 is neither the kiosk nor its parent" in log_text, "WATCHDOG_PID=1: the log says why")

print("PASS" if failures == 0 else f"{failures} FAILED")
sys.exit(1 if failures else 0)
