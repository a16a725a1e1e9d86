#!/usr/bin/env python3
# tests/e2e: the kiosk with `[trust] public_keys` — signed packs only, a new `current` switched in
# at an idle moment, marked good after a clean minute, and a pack that crashes it rolled back
"""Usage: kiosk_trust_e2e.py --kiosk BIN --lantai CLI --packs DIR --scenario switch|start [--out DIR]

The packs are copies of tests/packs/valid-minimal (built once), signed with a key made by
`lantai pack keygen` and installed by `lantai pack install` into one state folder S, the way a
booth keeps them: S/packs/<id>-<version>, S/packs/current, S/packs/last-good. Each pack's title
says which it is, and the state JSON's `pack_title` shows which one is on screen.

switch: the kiosk shows v1; a visit starts; v2 goes live meanwhile (installed by `lantai pack
  install` before the kiosk starts, `current` pointed back at v1 — the last good pack, so allowed
  below the highest version — and during the visit at v2 again with one rename, as install's last
  step does: an install under a loaded machine takes longer than the test may wait) — the kiosk
  notices the new `current` but waits for the visit to end, then switches; a minute of it marks v2 good
  (last-good -> v2); `current` pointed at a tampered copy of a signed v3, then at v1 (a downgrade
  now that v2 is good): both refused at the reload, v2 keeps running, the reason in the state's
  `trust.refused` and the log; staff open the staff screen (its "last update refused" line names
  the downgrade: screenshot trust-staff-refused.png) and switch to a signed v4 from a USB stick,
  which goes through `lantai pack install` (LANTAI_CLI) and is on screen when they leave.
start: `current` -> an unsigned pack: refused at start, the last good pack shown instead with the
  reason; then v2, whose files hold a crash marker (LANTAI_TEST_CRASH_WITH_FILE), is installed:
  the kiosk aborts on it twice, and the third start rolls back to v1, records v2 as rolled back in
  install-state.json, and `lantai pack install` refuses v2 from then on."""
import argparse, json, os, resource, shutil, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_live_e2e import Failures, LiveKiosk, check_step, set_title  # noqa: E402

CRASH_MARKER = "crash-marker.txt"
PIN = "2468"
STAFF_OPEN = ([("tap 20 20", None)] * 3 + [("longpress 20 20 1300", {"staff.stage": "pin"})]
              + [(f"tap @staff-pin:{d}", None) for d in PIN])


def run(cmd, failures, what, expect_ok=True, pattern=None):
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    out = proc.stdout + proc.stderr
    ok = (proc.returncode == 0) == expect_ok and (pattern is None or pattern in out)
    failures.expect(ok, what, f"exit {proc.returncode}: {out[-800:]}")
    return ok


class Booth:
    """A state folder with packs installed as on a booth, and the signing key."""

    def __init__(self, args, work, failures):
        self.args, self.work, self.failures = args, work, failures
        self.state = os.path.join(work, "booth")
        self.packs = os.path.join(self.state, "packs")
        os.makedirs(self.packs)
        self.base = os.path.join(work, "built")
        shutil.copytree(os.path.join(args.packs, "valid-minimal"), self.base)
        shutil.rmtree(os.path.join(self.base, "derived"), ignore_errors=True)
        run([args.lantai, "build", self.base], failures, "the test pack builds")
        run([args.lantai, "pack", "keygen", "--out", os.path.join(work, "keys")], failures, "keygen")
        self.pub = os.path.join(work, "keys", "lantai.pub")
        self.key = os.path.join(work, "keys", "lantai.key")
        self.pack_id = json.load(open(os.path.join(self.base, "pack.json")))["id"]
        self.stick = os.path.join(work, "media", "staff", "STICK")  # /run/media/USER/LABEL
        os.makedirs(self.stick)
        os.makedirs(os.path.join(work, "no-packs"))
        pin_hash = subprocess.run([args.lantai, "staff", "hash-pin", PIN], capture_output=True, text=True,
                                  check=True).stdout.strip()
        self.config = os.path.join(work, "kiosk.toml")
        with open(self.config, "w") as f:  # state_dir is --state-dir (a link to S per run)
            f.write(f'[pack]\npath = "{self.packs}/current"\nlast_good = "{self.packs}/last-good"\n'
                    f'[trust]\npublic_keys = "{self.pub}"\n'
                    f'[staff]\npin_hash = "{pin_hash}"\npacks_dir = "{work}/no-packs"\n'
                    f'media_dirs = "{work}/media"\n')

    def make(self, name, title, version=None, extra_file=None):
        """A copy of the built pack titled `title`, signed as `version` (None: unsigned)."""
        folder = os.path.join(self.work, name)
        shutil.copytree(self.base, folder)
        set_title(folder, title)
        if extra_file:
            open(os.path.join(folder, extra_file), "w").write("this pack crashes the test kiosk\n")
        if version is not None:
            run([self.args.lantai, "pack", "sign", folder, "--secret-key", self.key, "--version", str(version)],
                self.failures, f"sign {name} as version {version}")
        return folder

    def install(self, folder, expect_ok=True, pattern=None):
        return run([self.args.lantai, "pack", "install", folder, "--state-dir", self.state, "--public-key", self.pub],
                   self.failures, f"lantai pack install {os.path.basename(folder)}"
                   + ("" if expect_ok else f" is refused ({pattern})"), expect_ok, pattern)

    def link(self, name, target):
        tmp = os.path.join(self.packs, f".{name}.tmp")
        os.symlink(target, tmp)
        os.replace(tmp, os.path.join(self.packs, name))

    def target(self, name):
        path = os.path.join(self.packs, name)
        return os.readlink(path) if os.path.islink(path) else None

    def kiosk(self, tag, steps, env=None):
        run_dir = os.path.join(self.work, tag)
        os.makedirs(run_dir)
        os.symlink(self.state, os.path.join(run_dir, "state"))  # every run: the booth's state folder
        os.makedirs(self.args.out, exist_ok=True)
        return LiveKiosk(self.args, run_dir, steps, ["--config", self.config, "--screenshot-dir", self.args.out],
                         env)


def scenario_switch(args, work, failures):
    booth = Booth(args, work, failures)
    v1 = booth.make("v1", "一号内容包", 1)
    v2 = booth.make("v2", "二号内容包", 2)
    v3 = booth.make("v3", "三号内容包", 3)
    booth.install(v1)
    booth.install(v2)
    booth.link("last-good", f"{booth.pack_id}-1")
    booth.link("current", f"{booth.pack_id}-1")
    steps = [
        ("wait-idle 8000", {"screen": "attract", "pack_title": "一号内容包", "trust.enabled": True,
                            "trust.signed_version": 1, "trust.refused": None}),
        ("tap @attract", {"screen": "home", "session": "active"}),
        ("wait 6000", {"screen": "home", "pack_title": "一号内容包", "reload_pending": True}),  # v2 installed
        ("advance 101", {"session": "attract"}),  # the visit ends: the switch may happen
        ("wait 3000", {"screen": "attract", "pack_title": "二号内容包", "trust.signed_version": 2}),
        ("wait 1000", {}),  # last-good is looked at meanwhile
        ("advance 61", {"pack_title": "二号内容包"}),  # a clean minute: v2 is good
        ("wait 2000", {}),
        ("wait 6000", {"pack_title": "二号内容包", "trust.signed_version": 2,
                       "trust.refused.code": "trust.files_changed"}),  # current -> tampered v3
        ("wait 6000", {"pack_title": "二号内容包", "trust.refused.code": "trust.downgrade"}),  # -> v1
    ] + STAFF_OPEN + [
        ("tap @staff-pin-ok", {"staff.stage": "panel",
                               "staff.health.last_refused": ("contains", "trust.downgrade"),
                               "staff.health.last_refused_why": "staff.refusal.downgrade"}),
        ("wait 300", {"missing_glyphs": []}),  # the refusal's line is drawn whole
        ("screenshot trust-staff-refused", None),
        ("tap @staff-packs", {"staff.stage": "packs"}),
        ("tap @staff-pack:0", {"staff.outcome.ok": True, "staff.outcome.headline": "staff.pack_switched"}),
        ("tap @staff-close", {"staff.open": False}),
        ("wait 4000", {"screen": "attract", "pack_title": "四号内容包", "trust.signed_version": 4}),
        ("wait 60000", {}),
    ]
    v4 = booth.make("v4", "四号内容包", 4)
    shutil.move(v4, os.path.join(booth.stick, "autumn"))
    with booth.kiosk("run", steps, {"LANTAI_CLI": args.lantai}) as kiosk:
        for n in (1, 2):
            check_step(failures, kiosk, n, steps[n - 1][1])
        booth.link("current", f"{booth.pack_id}-2")  # v2 goes live while the visit runs
        for n in (3, 4, 5):
            check_step(failures, kiosk, n, steps[n - 1][1])
        # The minute counts from when v2 is on screen, not from when `current` moved (the visit
        # before took 101 s on the kiosk's clock).
        failures.expect(booth.target("last-good") == f"{booth.pack_id}-1",
                        "just switched: last-good is still v1", str(booth.target("last-good")))
        for n in (6, 7):
            check_step(failures, kiosk, n, steps[n - 1][1])
        if check_step(failures, kiosk, 8, {}) is not None:
            time.sleep(0.5)
            failures.expect(booth.target("last-good") == f"{booth.pack_id}-2",
                            "a clean minute marks v2 good: last-good -> v2", str(booth.target("last-good")))
        # A tampered signed pack put in place by hand (not through install, which would refuse it).
        tampered = os.path.join(booth.packs, f"{booth.pack_id}-3")
        shutil.copytree(v3, tampered)
        with open(os.path.join(tampered, "pack.json"), "a") as f:
            f.write("\n")
        booth.link("current", f"{booth.pack_id}-3")
        check_step(failures, kiosk, 9, steps[8][1])
        booth.link("current", f"{booth.pack_id}-1")
        state = check_step(failures, kiosk, 10, steps[9][1])
        if state:
            reason = (state.get("trust", {}).get("refused") or {}).get("reason", "")
            failures.expect("lower than version 2" in reason, "the reason names the versions", reason)
        log = kiosk.log()
        failures.expect("refused the pack" in log and "pack.json" in log,
                        "the log names the refused pack and the changed file", log[-1500:])
        for n in range(11, len(steps)):  # the last step's wait is ended by SIGTERM
            check_step(failures, kiosk, n, steps[n - 1][1])
        failures.expect(booth.target("current") == f"{booth.pack_id}-4",
                        "the stick's pack was installed: current -> v4", str(booth.target("current")))
        kiosk.signal(signal.SIGTERM)
        failures.expect(kiosk.wait_exit(30) == 0, "SIGTERM: a clean stop")


def scenario_start(args, work, failures):
    booth = Booth(args, work, failures)
    v1 = booth.make("v1", "一号内容包", 1)
    unsigned = booth.make("unsigned", "未签名内容包")
    booth.install(v1)
    booth.link("last-good", f"{booth.pack_id}-1")
    shutil.copytree(unsigned, os.path.join(booth.packs, "unsigned"))
    booth.link("current", "unsigned")
    steps = [("wait-idle 8000", {"screen": "attract", "pack_title": "一号内容包", "trust.shows_last_good": True,
                                 "trust.refused.code": "trust.unsigned"}),
             ("wait 60000", {})]
    with booth.kiosk("unsigned-run", steps) as kiosk:
        check_step(failures, kiosk, 1, steps[0][1])
        kiosk.signal(signal.SIGTERM)
        kiosk.wait_exit(30)

    # v2 crashes the kiosk (the test hook aborts once a frame of a pack holding the marker is drawn).
    v2 = booth.make("v2", "二号内容包", 2, extra_file=CRASH_MARKER)
    booth.install(v2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core files from the aborts
    env = {"LANTAI_TEST_CRASH_WITH_FILE": CRASH_MARKER}
    for attempt in (1, 2):
        with booth.kiosk(f"crash-{attempt}", [("wait-idle 8000", {}), ("wait 60000", {})], env) as kiosk:
            rc = kiosk.wait_exit(90)
            failures.expect(rc == -signal.SIGABRT, f"start {attempt} of v2: the kiosk crashes (SIGABRT)", str(rc))
    failures.expect(booth.target("current") == f"{booth.pack_id}-2", "after two crashes current is still v2")
    steps = [("wait-idle 8000", {"screen": "attract", "pack_title": "一号内容包", "trust.signed_version": 1}),
             ("wait 60000", {})]
    with booth.kiosk("rolled-back", steps, env) as kiosk:
        check_step(failures, kiosk, 1, steps[0][1])
        log = kiosk.log()
        failures.expect(f"rolled back the pack {booth.pack_id}-2 to the last good pack {booth.pack_id}-1" in log,
                        "the third start rolls v2 back, and says so", log[-1500:])
        kiosk.signal(signal.SIGTERM)
        failures.expect(kiosk.wait_exit(30) == 0, "SIGTERM: a clean stop")
    failures.expect(booth.target("current") == f"{booth.pack_id}-1", "current -> v1",
                    str(booth.target("current")))
    install_state = json.load(open(os.path.join(booth.packs, "install-state.json")))
    failures.expect({"pack_id": booth.pack_id, "version": 2} in install_state.get("rolled_back", []),
                    "install-state.json records v2 as rolled back", json.dumps(install_state))
    booth.install(v2, expect_ok=False, pattern="trust.rolled_back")


SCENARIOS = {"switch": scenario_switch, "start": scenario_start}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    ap.add_argument("--packs", required=True, help="tests/packs")
    ap.add_argument("--size", default="1280x800")
    ap.add_argument("--out", help="screenshots (default: kept with the work folder)")
    args = ap.parse_args()
    args.packs = os.path.abspath(args.packs)
    work = tempfile.mkdtemp(prefix="lantai-trust-")
    args.out = os.path.abspath(args.out or os.path.join(work, "screenshots"))
    failures = Failures()
    started = time.monotonic()
    try:
        SCENARIOS[args.scenario](args, work, failures)
    finally:
        print(f"took {time.monotonic() - started:.1f} s")
        if failures.count:
            print(f"kept for inspection: {work}")
            for root, _, files in os.walk(work):
                if "stderr.txt" in files:
                    print(f"--- {root}/stderr.txt\n" + open(os.path.join(root, "stderr.txt"), errors="replace").read()[-2500:])
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{failures.count} failed")
    return 1 if failures.count else 0


if __name__ == "__main__":
    sys.exit(main())
