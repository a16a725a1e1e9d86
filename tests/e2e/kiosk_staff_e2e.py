#!/usr/bin/env python3
# tests/e2e: staff mode under Xvfb — no way out without the PIN (keys, right-click, long press,
# three-finger and edge swipes, window close), the hidden gesture, wrong PINs and the back-off,
# the right PIN, export to a folder standing for a USB stick, a broken pack refused with its
# reason, a pack switch from the stick, volume, a manual tally, power off (a fake) and restart
"""Usage: kiosk_staff_e2e.py --kiosk BIN --lantai CLI --packs tests/packs [--out DIR]

Asserts on the kiosk's state JSON after each step (kiosk/SCRIPTS.md "staff"), then on the files
staff mode wrote: the audit log, the export on the "stick" (the statistics copy is a valid SQLite
database, the HTML and XLSX reports open), the pack copied from the stick, the tally in
`lantai report`."""
import argparse, glob, json, os, re, shutil, sqlite3, subprocess, sys, tempfile, time, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from kiosk_e2e import check  # noqa: E402  (the same expectation language)

PIN = "2468"
# The last sync the staff screen shows: an hour ago, as the kiosk formats it in local time.
LAST_SYNC_UNIX = int(time.time()) - 3600
LAST_SYNC_LOCAL = time.strftime("%Y-%m-%d %H:%M", time.localtime(LAST_SYNC_UNIX))
CORNER = "20 20"
ESCAPES = ["key escape", "key alt+f4", "key ctrl+q", "key ctrl+alt+backspace", "key ctrl+alt+f1",
           "key ctrl+alt+f2", "key ctrl+alt+f7", "key ctrl+alt+f12", "rightclick 50% 50%",
           "longpress 50% 60% 1500", "fingers 3 left", "fingers 3 up 50% 70%",
           "swipe right 1 50%", "swipe left 1919 50%", "swipe down 50% 1", "swipe up 50% 1079",
           "close-window"]


def gesture():
    return [(f"tap {CORNER}", None), (f"tap {CORNER}", None), (f"tap {CORNER}", None),
            (f"longpress {CORNER} 1300", {"screen": "staff", "staff.stage": "pin", "staff.open": True})]


def right_pin():
    return [(f"tap @staff-pin:{d}", None) for d in PIN] + [
        ("tap @staff-pin-ok", {"staff.stage": "panel", "staff.unlocked": True, "staff.failed_attempts": 0})]


def steps():
    s = [("wait-idle 5000", {"screen": "attract"}),
         ("tap @attract", {"screen": "home"})]
    # No way out without the PIN: every escape leaves the kiosk running on the same screen.
    s += [(line, {"screen": "home", "staff.open": False}) for line in ESCAPES]
    s += gesture()
    # Wrong PINs: three free tries, the fourth starts a 30 s wait shown on the pad.
    for attempt in range(1, 5):
        s += [("tap @staff-pin:1", None),
              ("tap @staff-pin-ok", {"staff.pin_rejected": True, "staff.failed_attempts": attempt,
                                     "staff.wait_s": (">", 25) if attempt == 4 else 0})]
    s += [("screenshot staff-pin-backoff", None),
          ("tap @staff-pin:2", {"staff.pin_digits": 0, "staff.wait_s": (">", 20)}),  # locked
          ("advance 31", {"staff.wait_s": 0, "staff.stage": "pin"})]
    s += right_pin()
    s += [("screenshot staff-panel-landscape", {"staff.health.pack": "valid-minimal", "missing_glyphs": [],
                                                 "staff.health.restarts": 0,
                                                 "staff.health.last_sync": LAST_SYNC_LOCAL,
                                                 "staff.health.last_sync_outcome": "staff.sync_unreachable"}),
          ("resize 1080 1920", {"screen": "staff"}),
          ("screenshot staff-panel-portrait", {"staff.stage": "panel"}),
          ("resize 1920 1080", None),
          ("tap @staff-export", {"staff.outcome.ok": True, "staff.outcome.headline": "staff.exported"}),
          ("tap @staff-packs", {"staff.stage": "packs", "staff.packs": ("len", 3)}),
          ("tap @staff-pack:1", {"staff.outcome.ok": False, "staff.outcome.headline": "staff.pack_refused",
                                 "staff.outcome.detail": ("contains", "asset.missing")}),
          ("screenshot staff-pack-refused", None),
          ("tap @staff-pack:2", {"staff.outcome.ok": True, "staff.outcome.headline": "staff.pack_switched",
                                 "pack": "valid-minimal"}),
          ("tap @staff-back", {"staff.stage": "panel"}),
          ("tap @staff-vol-up", {"staff.volume": 80}),
          ("tap @staff-tally", {"staff.stage": "tally"}),
          ("tap @staff-visitors+10", None),
          ("tap @staff-visitors+1", None),
          ("tap @staff-leaflets+1", {"staff.tally_visitors": 11, "staff.tally_leaflets": 1}),
          ("screenshot staff-tally", None),
          ("tap @staff-tally-save", {"staff.outcome.ok": True, "staff.outcome.headline": "staff.tally_saved"}),
          ("tap @staff-back", None),
          ("tap @staff-power-off", {"staff.stage": "confirm_power_off"}),
          ("tap @staff-power-off-yes", {"staff.outcome.ok": True, "staff.stage": "panel"}),
          ("tap @staff-close", {"staff.open": False}),
          ("wait 1500", {"screen": "attract", "pack": "second-pack"})]
    # Restart: the gesture again, the PIN, and the kiosk exits with the code its service restarts on.
    s += gesture() + right_pin() + [("tap @staff-restart", None)]
    return s


def expand(expect, state):
    """("len", n) expectations, which kiosk_e2e.check does not know."""
    rest, problems = {}, []
    for key, want in (expect or {}).items():
        if isinstance(want, tuple) and want[0] == "len":
            got = state
            for part in key.split("."):
                got = got.get(part) if isinstance(got, dict) else None
            if not isinstance(got, list) or len(got) != want[1]:
                problems.append(f"{key}: expected {want[1]} entries, got {got!r}")
        else:
            rest[key] = want
    return rest, problems


def make_pack(src, dest, new_id=None):
    shutil.copytree(src, dest)
    if new_id:
        path = os.path.join(dest, "pack.json")
        doc = json.load(open(path, encoding="utf-8"))
        doc["id"] = new_id
        json.dump(doc, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--packs", required=True, help="tests/packs")
    ap.add_argument("--out", default=None)
    ap.add_argument("--timeout", type=int, default=120)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="lantai-staff-e2e-")
    out = args.out or os.path.join(work, "screenshots")
    os.makedirs(out, exist_ok=True)
    packs = os.path.join(work, "packs")
    make_pack(os.path.join(args.packs, "valid-minimal"), os.path.join(packs, "current"))
    stick = os.path.join(work, "media", "staff", "STICK")  # /run/media/USER/LABEL
    make_pack(os.path.join(args.packs, "broken", "asset.missing"), os.path.join(stick, "broken-pack"))
    make_pack(os.path.join(args.packs, "valid-minimal"), os.path.join(stick, "second-pack"), "second-pack")
    state_dir = os.path.join(work, "state")
    # A teacher's class-on-phones export (kiosk/runtime/phone_booth): the USB export copies it.
    class_csv = "class-results-20260101-100000.csv"
    os.makedirs(os.path.join(state_dir, "class-results"))
    with open(os.path.join(state_dir, "class-results", class_csv), "w", encoding="utf-8") as f:
        f.write('\ufeff"rank","seat","nickname_zh"\r\n"1","1","小小档案员"\r\n')
    with open(os.path.join(state_dir, "class-results", "notes.txt"), "w") as f:
        f.write("not a class result")
    # lantai-sync's last status (core/fleet/sync_status.h): the staff screen's "last sync".
    os.makedirs(os.path.join(state_dir, "sync"))
    with open(os.path.join(state_dir, "sync", "status.json"), "w") as f:
        json.dump({"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(LAST_SYNC_UNIX)), "result": "failed",
                   "pack_id": "", "version": 0, "error_code": "fleet.unreachable",
                   "error": "Cannot reach the origin", "last_success": None}, f)
    pin_hash = subprocess.run([args.lantai, "staff", "hash-pin", PIN], capture_output=True, text=True,
                              check=True).stdout.strip()
    config = os.path.join(work, "kiosk.toml")
    with open(config, "w") as f:
        f.write(f'[pack]\npath = "{packs}/current"\n[staff]\npin_hash = "{pin_hash}"\n'
                f'packs_dir = "{packs}"\nmedia_dirs = "{work}/none:{work}/media"\n')
    plan = steps()
    script = os.path.join(work, "script.txt")
    with open(script, "w") as f:
        f.write("".join(line + "\n" for line, _ in plan))
    state_log = os.path.join(work, "states.jsonl")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1920x24", args.kiosk, "--config", config,
           "--windowed", "1920x1080", "--script", script, "--exit-after-script", "--state-log", state_log,
           "--screenshot-dir", out, "--state-dir", state_dir, "--no-video"]
    env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1", LANTAI_POWER_OFF="fake", LANTAI_CLI=args.lantai)
    print("$", " ".join(cmd), flush=True)
    try:
        proc = subprocess.run(cmd, env=env, timeout=args.timeout, capture_output=True, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        print(f"FAIL: the kiosk did not finish within {args.timeout} s")
        return 1
    failures = 0
    # xvfb-run passes the kiosk's exit status on, but exits 5 itself when it fails to clean up its
    # temporary folder after the kiosk ended; the log then still says how the kiosk stopped.
    code = proc.returncode
    if code == 5 and "problem while cleaning up" in proc.stderr and "exit code 75" in proc.stderr \
            and "lantai-kiosk stopped" in proc.stderr:
        code = 75
    if code != 75:
        print(proc.stderr[-4000:])
        print(f"FAIL: lantai-kiosk exited with {proc.returncode}, not 75 (the staff restart)")
        failures += 1
    states = [json.loads(l) for l in open(state_log) if l.strip()] if os.path.exists(state_log) else []
    for i, ((line, expect), state) in enumerate(zip(plan, states)):
        if not expect:
            continue
        rest, problems = expand(expect, state)
        problems += check(rest, state, states)
        print(("ok  " if not problems else "FAIL") + f" step {i + 1:2d} `{line}`"
              + ("" if not problems else ": " + "; ".join(problems)))
        failures += bool(problems)
    if len(states) < len(plan) - 1:
        print(f"FAIL: {len(states)} states for {len(plan)} steps")
        failures += 1

    def verdict(ok, what):
        nonlocal failures
        print(("ok  " if ok else "FAIL") + " " + what)
        failures += not ok

    # The audit log: every action, in order, with its result.
    audit = [json.loads(l) for l in open(os.path.join(state_dir, "staff-audit.jsonl"))]
    actions = [(a["action"], a["result"]) for a in audit]
    verdict(actions.count(("unlock", "refused")) == 4 and actions.count(("unlock", "ok")) == 2,
            "audit: 4 refused and 2 accepted unlocks")
    for want in [("export", "ok"), ("switch_pack", "refused"), ("switch_pack", "ok"), ("volume", "ok"),
                 ("tally", "ok"), ("power_off", "ok"), ("leave", "ok"), ("restart", "ok")]:
        verdict(want in actions, f"audit: {want}")
    verdict(all({"time", "unix", "action", "details", "result"} <= set(a) for a in audit), "audit: fields")
    # The export on the stick.
    exported = glob.glob(os.path.join(stick, "lantai-*"))
    verdict(len(exported) == 1, f"export folder on the stick: {exported}")
    if exported:
        folder = exported[0]
        db = sqlite3.connect(f"file:{os.path.join(folder, 'lantai.sqlite')}?mode=ro", uri=True)
        verdict(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0,
                "the statistics copy is a valid SQLite database")
        html = glob.glob(os.path.join(folder, "report-*.html"))
        verdict(len(html) == 1 and "<html" in open(html[0], encoding="utf-8").read(), f"HTML report {html}")
        xlsx = glob.glob(os.path.join(folder, "report-*.xlsx"))
        ok = len(xlsx) == 1 and zipfile.is_zipfile(xlsx[0])
        if ok:
            try:
                import openpyxl
                ok = len(openpyxl.load_workbook(xlsx[0]).sheetnames) > 0
            except ImportError:
                pass
        verdict(ok, f"XLSX report opens {xlsx}")
        copied = os.path.join(folder, "class-results", class_csv)
        verdict(os.path.exists(copied) and open(copied, encoding="utf-8").read() ==
                open(os.path.join(state_dir, "class-results", class_csv), encoding="utf-8").read()
                and not os.path.exists(os.path.join(folder, "class-results", "notes.txt")),
                "the class results CSV is on the stick (and nothing else from its folder)")
        export = [a for a in audit if a["action"] == "export"]
        verdict(bool(export) and f"class-results/{class_csv}" in export[-1]["details"].get("files", []),
                "audit: the export lists the class results CSV")
    # The pack from the stick was copied into the packs folder; the broken one was not.
    verdict(os.path.exists(os.path.join(packs, "second-pack", "pack.json"))
            and not os.path.exists(os.path.join(packs, "broken-pack")), "pack copied from the stick")
    # The tally is in `lantai report`.
    report = os.path.join(work, "report.json")
    subprocess.run([args.lantai, "report", "--state-dir", state_dir, "--out", report], check=False)
    tallies = json.load(open(report)).get("tallies", []) if os.path.exists(report) else []
    verdict(any(t.get("visitors") == 11 and t.get("leaflets") == 1 for t in tallies),
            f"lantai report shows the tally: {tallies}")
    alive_file = os.path.join(state_dir, "kiosk-alive.json")
    alive = json.load(open(alive_file)) if os.path.exists(alive_file) else {}
    verdict(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", alive.get("last_frame", "")) is not None
            and isinstance(alive.get("pid"), int) and alive.get("pack_id") in ("valid-minimal", "second-pack"),
            f"kiosk-alive.json marks the last frame for lantai-sync: {alive}")
    runs = json.load(open(os.path.join(state_dir, "kiosk-runs.json")))
    verdict(runs.get("running") is False, "a staff restart is a clean stop (not counted as a crash)")
    if failures:
        print(proc.stderr[-3000:])
    print(f"screenshots: {out}")
    if not failures and args.out:
        shutil.rmtree(work, ignore_errors=True)
    print("passed" if not failures else f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
