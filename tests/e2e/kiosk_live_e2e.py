#!/usr/bin/env python3
# tests/e2e: the real lantai-kiosk acted on while it runs — signals (SIGHUP reloads, also of the
# phone server's [phones] settings after a class game; SIGPIPE is ignored, SIGTERM/SIGQUIT/SIGUSR1
# stop it cleanly) and files swapped under it (a FIFO as pack.json)
"""Usage: kiosk_live_e2e.py --kiosk BIN --scenario NAME --packs DIR [--size WxH]

kiosk_e2e.py runs a script to its end and then reads the states; here the test acts between the
script's steps: it waits for step N's state line (--state-log), then rewrites a file or sends a
signal while step N+1 (a long `wait`) runs, and asserts on the states after. Every wait is bounded:
a kiosk that hangs fails the test within its timeout instead of blocking ctest. The kiosk runs on
an Xvfb server of its own (Mesa llvmpipe), except in `special_run_files`, which never opens a
window."""
import argparse, json, os, select, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.error, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_e2e import check, rare_characters_copy  # noqa: E402  (shared with the scripted scenarios)

STEP_TIMEOUT = 120  # seconds for one step under a loaded machine (software GL)
TITLE = "最小测试内容包"
NEW_TITLE = "重新加载的标题"


class Failures:
    def __init__(self):
        self.count = 0

    def expect(self, ok, what, detail=""):
        print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else ": " + detail), flush=True)
        self.count += not ok


def start_xvfb(size, timeout=30):
    """An Xvfb server on a free display (it writes the number to -displayfd when it is ready)."""
    width, height = size.split("x")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp"], pass_fds=(write_end,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + timeout
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 1)
        if ready:
            chunk = os.read(read_end, 16)
            if not chunk:
                break
            number += chunk
    os.close(read_end)
    if not number.strip():
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    return xvfb, ":" + number.decode().strip()


class LiveKiosk:
    """lantai-kiosk on its own Xvfb with a script that does not end the kiosk. Started directly (not
    through xvfb-run), so the test has the kiosk's pid to signal and its own exit status: a clean
    stop's exit code, or death by a signal (a negative returncode)."""

    def __init__(self, args, work, steps, extra, env=None):
        self.work, self.steps = work, steps
        self.state_log = os.path.join(work, "states.jsonl")
        self.state_dir = os.path.join(work, "state")
        script = os.path.join(work, "script.txt")
        with open(script, "w") as f:
            f.write("".join(line + "\n" for line, _ in steps))
        self.xvfb, display = start_xvfb(args.size)
        self.cmd = [args.kiosk, "--windowed", args.size, "--script", script, "--state-log", self.state_log,
                    "--state-out", os.path.join(work, "state.json"), "--state-dir", self.state_dir,
                    "--no-video"] + extra
        self.stderr_path = os.path.join(work, "stderr.txt")
        print(f"$ DISPLAY={display}", " ".join(self.cmd), flush=True)
        self.started = time.monotonic()
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.DEVNULL, stderr=open(self.stderr_path, "w"),
                                     env=dict(os.environ, DISPLAY=display, LIBGL_ALWAYS_SOFTWARE="1", **(env or {})))
        self.pid = self.proc.pid
        self.hung = False

    def states(self):
        if not os.path.exists(self.state_log):
            return []
        with open(self.state_log) as f:
            return [json.loads(line) for line in f if line.strip()]

    def wait_step(self, n, timeout=STEP_TIMEOUT):
        """The state after script step n (1-based), or None when the kiosk ended or time ran out
        (then later steps are not waited for: one hang costs the test one timeout)."""
        deadline = time.monotonic() + (0 if self.hung else timeout)
        while time.monotonic() < deadline:
            states = self.states()
            if len(states) >= n:
                return states[n - 1]
            if self.proc.poll() is not None:
                return None
            time.sleep(0.05)
        self.hung = True
        return None

    def signal(self, sig):
        print(f"-> {signal.Signals(sig).name} to pid {self.pid}", flush=True)
        os.kill(self.pid, sig)

    def wait_exit(self, timeout=30):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def alive(self):
        return self.proc.poll() is None

    def log(self):
        return open(self.stderr_path, errors="replace").read()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        """Ends whatever is left (a failed test): the kiosk, then its X server."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self.xvfb.terminate()
        try:
            self.xvfb.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.xvfb.kill()


def check_step(failures, kiosk, n, expect):
    state = kiosk.wait_step(n)
    if state is None:
        failures.expect(False, f"step {n} `{kiosk.steps[n - 1][0]}`", "no state (the kiosk ended or hung)")
        return None
    problems = check(expect or {}, state, kiosk.states())
    failures.expect(not problems, f"step {n} `{kiosk.steps[n - 1][0]}`", "; ".join(problems))
    return state


def check_steps(failures, kiosk, numbers):
    for n in numbers:
        check_step(failures, kiosk, n, kiosk.steps[n - 1][1])


def copy_pack(packs, work):
    dest = os.path.join(work, "pack")
    shutil.copytree(os.path.join(packs, "valid-minimal"), dest)
    return dest


def set_title(pack, title):
    path = os.path.join(pack, "pack.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    doc["title"]["zh"] = title
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)


def stop_with(failures, kiosk, sig, code):
    """Sends `sig`; the kiosk must end within seconds with `code`, naming the signal in its log,
    and close its statistics database (SQLite removes the -wal file on a clean close)."""
    kiosk.signal(sig)
    sent = time.monotonic()
    rc = kiosk.wait_exit(30)
    took = time.monotonic() - sent
    name = signal.Signals(sig).name
    failures.expect(rc == code, f"{name}: exit code {code}",
                    f"killed by {signal.Signals(-rc).name}" if rc is not None and rc < 0 else f"got {rc}")
    failures.expect(took < 10, f"{name}: stopped {took:.2f} s after the signal")
    log = kiosk.log()
    failures.expect(f"stopping on {name} from pid {os.getpid()}" in log, f"{name}: the log names the signal and sender",
                    log[-1500:])
    failures.expect("lantai-kiosk stopped" in log, f"{name}: the loop ended and the kiosk shut down")
    wal = os.path.join(kiosk.state_dir, "lantai.sqlite-wal")
    failures.expect(os.path.exists(os.path.join(kiosk.state_dir, "lantai.sqlite")) and not os.path.exists(wal),
                    f"{name}: the statistics database was closed")


# ---- scenarios -----------------------------------------------------------------------------------

CONFIG_BEFORE = '[display]\ntheme = "red-archive"\n[session]\nidle_timeout_s = 90\nstill_there_s = 10\n'
CONFIG_AFTER = '[display]\ntheme = "high-contrast"\n[session]\nidle_timeout_s = 30\nstill_there_s = 5\n'


def reload_config(args, work, failures):
    """SIGHUP with a changed --config file during a visit: nothing changes until the visit ends,
    then the theme and the idle timeout are the file's; SIGTERM ends the kiosk with exit code 0."""
    pack = os.path.join(args.packs, "valid-minimal")
    config = os.path.join(work, "kiosk.toml")
    with open(config, "w") as f:
        f.write(CONFIG_BEFORE + f'[pack]\npath = "{pack}"\n')
    steps = [
        ("wait-idle 8000", {"screen": "attract", "theme": "red-archive"}),
        ("tap @attract", {"screen": "home", "session": "active"}),
        ("wait 8000", {"screen": "home", "theme": "red-archive", "reload_pending": True}),  # SIGHUP here
        ("advance 101", {"screen": "attract", "session": "attract"}),  # the visit ends ...
        ("wait 1500", {"theme": "high-contrast", "reload_pending": False}),  # ... and the reload switches
        ("tap @attract", {"screen": "home"}),
        ("advance 31", {"still_there": True}),  # the new idle timeout: 30 s (was 90 s)
        ("wait 120000", None),
    ]
    with LiveKiosk(args, work, steps, ["--config", config]) as kiosk:
        check_steps(failures, kiosk, (1, 2))
        with open(config, "w") as f:
            f.write(CONFIG_AFTER + f'[pack]\npath = "{pack}"\n')
        kiosk.signal(signal.SIGHUP)
        check_steps(failures, kiosk, range(3, 8))
        log = kiosk.log()
        failures.expect("reloaded when the visit ends" in log, "the log says the reload waits for the visit")
        failures.expect("reloaded: pack valid-minimal" in log, "the log says the reload was made")
        stop_with(failures, kiosk, signal.SIGTERM, 0)


def reload_pack(args, work, failures):
    """SIGHUP after pack.json changed (a new title: shown), then after it broke (the running pack
    stays, the log says why); SIGPIPE is ignored; SIGQUIT ends the kiosk with exit code 131."""
    pack = copy_pack(args.packs, work)
    steps = [
        ("wait-idle 8000", {"screen": "attract", "pack_title": TITLE}),
        ("wait 6000", {"screen": "attract", "pack_title": NEW_TITLE}),  # new title + SIGHUP
        ("wait 6000", {"screen": "attract", "pack": "valid-minimal", "pack_title": NEW_TITLE,
                       "out_of_service_reason": "", "reload_pending": False}),  # broken + SIGHUP
        ("wait 3000", {"screen": "attract"}),  # SIGPIPE
        ("tap @attract", {"screen": "home", "pack": "valid-minimal"}),
        ("wait 120000", None),
    ]
    with LiveKiosk(args, work, steps, ["--pack", pack]) as kiosk:
        check_steps(failures, kiosk, [1])
        set_title(pack, NEW_TITLE)
        kiosk.signal(signal.SIGHUP)
        check_steps(failures, kiosk, [2])
        with open(os.path.join(pack, "pack.json"), "a") as f:
            f.write("} this is not JSON")
        kiosk.signal(signal.SIGHUP)
        check_steps(failures, kiosk, [3])
        log = kiosk.log()
        failures.expect("reload failed: The content pack" in log and "keeps running" in log,
                        "the log says why the reload failed and that the pack keeps running", log[-1500:])
        kiosk.signal(signal.SIGPIPE)
        time.sleep(1)
        failures.expect(kiosk.alive(), "SIGPIPE: the kiosk keeps running")
        check_steps(failures, kiosk, (4, 5))
        stop_with(failures, kiosk, signal.SIGQUIT, 128 + signal.SIGQUIT)


def stop_usr1(args, work, failures):
    """SIGUSR1 (a stray signal: logrotate's, a mistyped kill) ends the kiosk cleanly, exit code 138."""
    steps = [("wait-idle 8000", {"screen": "attract"}), ("tap @attract", {"screen": "home"}),
             ("wait 120000", None)]
    with LiveKiosk(args, work, steps, ["--pack", os.path.join(args.packs, "valid-minimal")]) as kiosk:
        check_steps(failures, kiosk, (1, 2))
        stop_with(failures, kiosk, signal.SIGUSR1, 128 + signal.SIGUSR1)


def fifo_pack(args, work, failures):
    """pack.json is a FIFO: the kiosk opens its window and log and is out of service within
    seconds, naming the FIFO; once the real pack.json is back, the out-of-service retry shows it."""
    pack = copy_pack(args.packs, work)
    real = os.path.join(work, "pack.json.real")
    os.rename(os.path.join(pack, "pack.json"), real)
    os.mkfifo(os.path.join(pack, "pack.json"))
    steps = [
        ("wait 500", {"screen": "out_of_service", "out_of_service_reason": ("contains", "named pipe (FIFO)")}),
        ("wait 4000", {"screen": "out_of_service"}),  # the real pack.json comes back here
        ("advance 61", {"screen": "attract", "pack": "valid-minimal"}),  # the retry, every minute
        ("tap @attract", {"screen": "home"}),
        ("wait 120000", None),
    ]
    with LiveKiosk(args, work, steps, ["--pack", pack]) as kiosk:
        state = check_step(failures, kiosk, 1, steps[0][1])
        if state:
            took = time.monotonic() - kiosk.started
            failures.expect(took < 30, f"out of service on screen {took:.1f} s after the start")
        log_file = os.path.join(kiosk.state_dir, "logs", "kiosk.log")
        text = open(log_file, errors="replace").read() if os.path.exists(log_file) else ""
        failures.expect("out of service" in text and "named pipe (FIFO)" in text,
                        "the log file says the kiosk is out of service because of the FIFO")
        os.remove(os.path.join(pack, "pack.json"))
        os.rename(real, os.path.join(pack, "pack.json"))
        check_steps(failures, kiosk, (2, 3, 4))
        stop_with(failures, kiosk, signal.SIGTERM, 0)


FALLBACK_FONTS = ("Symbola", "HanaMinA", "HanaMinB", "BabelStone Han")


def noto_only_fonts(work):
    """A font folder (for LANTAI_FONT_DIRS) with Noto Sans CJK and none of its fallbacks: a booth
    where only fonts-noto-cjk is installed."""
    dest = os.path.join(work, "fonts", "opentype", "noto")
    os.makedirs(dest)
    for name in ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"):
        found = [os.path.join(d, name) for d, _, files in os.walk("/usr/share/fonts") if name in files]
        if found:
            os.symlink(found[0], os.path.join(dest, name))
    return os.path.join(work, "fonts")


def fallback_fonts_absent(args, work, failures):
    """Only Noto Sans CJK installed: the kiosk still runs and shows an item titled with Extension B
    characters and emoji (as '?', reported in missing_glyphs); the log says once which fonts are
    missing, also after a SIGHUP reload rebuilt the atlas."""
    pack = rare_characters_copy(os.path.join(args.packs, "valid-minimal"), work)
    steps = [
        ("wait-idle 8000", {"screen": "attract"}),
        ("wait 6000", {"screen": "attract", "reload_pending": False}),  # SIGHUP here
        ("tap @attract", {"screen": "home"}),
        ("tap @exhibition:letters", {"screen": "exhibition"}),
        ("tap @chapter:early-years", {"screen": "chapter"}),
        ("tap @item:letter-1931", {"screen": "item"}),
        ("wait-idle 8000", {"item": "letter-1931", "image_failed": False}),
        ("wait 120000", None),
    ]
    with LiveKiosk(args, work, steps, ["--pack", pack], env={"LANTAI_FONT_DIRS": noto_only_fonts(work)}) as kiosk:
        check_steps(failures, kiosk, [1])
        kiosk.signal(signal.SIGHUP)
        check_steps(failures, kiosk, range(2, 7))
        state = check_step(failures, kiosk, 7, steps[6][1])
        missing = (state or {}).get("missing_glyphs", [])
        for code in ("U+20000", "U+21484", "U+1F600"):
            failures.expect(code in missing, f"{code} is reported missing (no fallback font)", repr(missing))
        log = kiosk.log()
        failures.expect("reloaded: pack" in log and log.count("font atlas:") >= 2,
                        "the SIGHUP reload rebuilt the font atlas", log[-1500:])
        for font in FALLBACK_FONTS:
            said = log.count(f"fonts: {font} (Debian package")
            failures.expect(said == 1, f"the log says once that {font} is not installed", f"{said} times")
        failures.expect(kiosk.alive(), "the kiosk keeps running")
        stop_with(failures, kiosk, signal.SIGTERM, 0)


def special_run_files(args, work, failures):
    """A FIFO, a device, a socket or a link loop as --config, --script, --state-out or --state-log:
    exit code 2 before any window opens, the message naming the option or file and what it is."""
    pack = os.path.join(args.packs, "valid-minimal")
    specials = {}
    for kind in ("fifo", "socket", "loop"):
        os.makedirs(os.path.join(work, kind))
        path = os.path.join(work, kind, "file")
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            import socket
            s = socket.socket(socket.AF_UNIX)
            s.bind(path)
            s.close()
        else:
            os.symlink(path, path)
        specials[kind] = path
    # The device through a link in the work folder: a kiosk that (wrongly) replaced its state file
    # there would replace the link, never /dev/zero itself (rename(2) as root would).
    os.makedirs(os.path.join(work, "device"))
    specials["device"] = os.path.join(work, "device", "file")
    os.symlink("/dev/zero", specials["device"])
    words = {"fifo": "named pipe (FIFO)", "socket": "a socket", "loop": "link loop", "device": "character device"}
    for option in ("--config", "--script", "--state-out", "--state-log"):
        for kind, path in specials.items():
            cmd = [args.kiosk, "--pack", pack, "--windowed", "800x600", option, path,
                   "--state-dir", os.path.join(work, "state")]
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=20,
                                     env=dict(os.environ, DISPLAY=""))
            except subprocess.TimeoutExpired:
                failures.expect(False, f"{option} {kind}", "hung (killed after 20 s)")
                continue
            said = out.stderr
            named = path in said and words[kind] in said and (option != "--config" or "kiosk configuration" in said)
            failures.expect(out.returncode == 2 and named, f"{option} {kind}: exit code 2, names it",
                            f"exit code {out.returncode}: {said.strip()[-400:]}")


# `lantai quiz hash-pin 2468` (Argon2id: the string carries its salt and parameters).
TEACHER_PIN = "2468"
TEACHER_PIN_HASH = "$argon2id$v=19$m=65536,t=2,p=1$/cT/2EaBVTi2AnAnZyE+3Q$aLiNHoo3qfNrdlSaqYSPM5Gfi4zIKcfQTDfyo6MYHF4"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serves(port):
    """True when the phone page answers on `port` (loopback)."""
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def reload_phones(args, work, failures):
    """SIGHUP with [phones] moved to another port while a class game on phones is open: the game
    keeps the old port until it ends with the visit, then the server listens on the new port only; a
    second SIGHUP with [phones] enabled = false stops it."""
    pack = os.path.join(args.packs, "valid-minimal")
    config = os.path.join(work, "kiosk.toml")
    first, second = free_port(), free_port()

    def write(phones):
        with open(config, "w") as f:
            f.write(f'[quiz]\nteacher_pin_hash = "{TEACHER_PIN_HASH}"\n[phones]\n{phones}\n'
                    f'[pack]\npath = "{pack}"\n')
    write(f"enabled = true\nport = {first}")
    steps = [
        ("wait-idle 8000", {"screen": "attract", "phones.serving": True, "phones.port": first}),
        ("tap @attract", {"screen": "home"}),
        ("tap @quiz", None),
        ("tap @class", None),
    ] + [(f"tap @pin:{d}", None) for d in TEACHER_PIN] + [
        ("tap @pin-ok", None),
        ("tap @phones-open", {"phones.game.phase": "lobby"}),
        ("wait 6000", {"reload_pending": True, "phones.port": first, "phones.game.phase": "lobby"}),  # SIGHUP
        ("tap @home", {"screen": "home", "phones.game": None, "reload_pending": True}),  # the game ends ...
        ("advance 101", {"screen": "attract"}),  # ... and so does the visit:
        ("wait 1500", {"reload_pending": False, "phones.serving": True, "phones.port": second}),  # new port
        ("wait 6000", {"reload_pending": False, "phones": None}),  # SIGHUP (enabled = false): stopped
        ("wait 120000", None),
    ]
    lobby = steps.index(("tap @phones-open", {"phones.game.phase": "lobby"})) + 1
    with LiveKiosk(args, work, steps, ["--config", config]) as kiosk:
        check_steps(failures, kiosk, range(1, lobby + 1))
        failures.expect(serves(first), f"the phone page on port {first}")
        write(f"enabled = true\nport = {second}")
        kiosk.signal(signal.SIGHUP)
        check_steps(failures, kiosk, (lobby + 1,))
        failures.expect(serves(first) and not serves(second), "during the game the server keeps its port")
        check_steps(failures, kiosk, range(lobby + 2, lobby + 5))
        failures.expect(serves(second) and not serves(first), f"after the game: port {second} only")
        write("enabled = false")
        kiosk.signal(signal.SIGHUP)
        check_steps(failures, kiosk, (lobby + 5,))
        failures.expect(not serves(second), "[phones] enabled = false: nothing listens")
        log = kiosk.log()
        failures.expect("the phone server restarted on *:" + str(second) in log and
                        "the phone server stopped" in log, "the log says the phone server moved and stopped",
                        log[-1500:])
        stop_with(failures, kiosk, signal.SIGTERM, 0)


SCENARIOS = {"reload_config": reload_config, "reload_phones": reload_phones, "reload_pack": reload_pack, "stop_usr1": stop_usr1,
             "fifo_pack": fifo_pack, "special_run_files": special_run_files,
             "fallback_fonts_absent": fallback_fonts_absent}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    ap.add_argument("--packs", required=True, help="tests/packs")
    ap.add_argument("--size", default="1280x800")
    args = ap.parse_args()
    args.packs = os.path.abspath(args.packs)
    work = tempfile.mkdtemp(prefix="lantai-live-")
    failures = Failures()
    try:
        SCENARIOS[args.scenario](args, work, failures)
    finally:
        if failures.count:
            print(f"kept for inspection: {work}")
            stderr = os.path.join(work, "stderr.txt")
            if os.path.exists(stderr):
                print(open(stderr, errors="replace").read()[-3000:])
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{failures.count} failed")
    return 1 if failures.count else 0


if __name__ == "__main__":
    sys.exit(main())
