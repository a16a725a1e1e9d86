#!/usr/bin/env python3
# tests/deploy: runs the booth commands of deploy/README.md sections 1 and 3 in a sandbox
"""Usage: readme_commands.py README DEB LANTAI PACK EVENT_DB_GEN

Every line of the ```sh blocks in "1. From a fresh Debian 12…" (the booth part, after the build
machine's block) and "3. Update, roll back…" runs under bash, with these stand-ins (a test must
not install packages, reboot or touch the real /var/lib/lantai):
- /var/lib/lantai -> a temporary folder, seeded as the package's tmpfiles.d leaves it
  (packs/current -> the demo pack stand-in);
- /media/usb -> a folder holding the .deb under the README's name and PACK copied as each pack
  name the README uses;
- `lantai` -> the built CLI; `apt install X.deb` -> `dpkg-deb --info X.deb` (the file is a valid
  package); `systemctl ...` -> recorded, its unit checked to be one the package ships.
Between the set-up and the update, `last-good` is pointed at the booth's pack as the running kiosk
would after a clean minute, and the curators' packs on the stick are built (as they are on their
PC). Then: `current` names the installed new pack (`<pack id>-…` under packs/) after the update,
the previous one after the roll back, and the report and the database copy are on the "USB stick"
(the statistics a booth would have, made by tests/bench/event_db_gen)."""
import json, os, re, shutil, subprocess, sys, tempfile

README, DEB, LANTAI, PACK, GEN = sys.argv[1:6]
root = tempfile.mkdtemp(prefix="lantai-readme-")
state, usb, bin_dir = (os.path.join(root, d) for d in ("var/lib/lantai", "usb", "bin"))
os.makedirs(os.path.join(state, "packs"))
os.makedirs(usb)
os.makedirs(bin_dir)
failures = 0


def expect(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else ": " + str(detail)[-1500:]), flush=True)
    failures += not ok


text = open(README, encoding="utf-8").read()
section = lambda title: re.search(r"^## " + re.escape(title) + r".*?\n(.*?)(?=^## )", text, re.S | re.M).group(1)
blocks = lambda s: re.findall(r"```sh\n(.*?)```", s, re.S)
first = blocks(section("1. From a fresh Debian 12"))
update = blocks(section("3. Update, roll back"))
lines = [l for b in first[1:] + update for l in b.splitlines() if l.strip()]
# The roll back is shown in prose: `...` spans starting with `ln -sfn`.
rollback = re.findall(r"`(ln -sfn \"\$\(readlink [^`]*)`", section("3. Update, roll back").replace("\n", " "))
expect(len(first) >= 2 and len(lines) >= 8 and len(rollback) == 1, "README shows the booth's commands",
       (len(first), len(lines), rollback))
count = sum(1 for b in first[1:] for l in b.splitlines() if l.strip())
expect(count <= 10, f"a fresh Debian 12 to a running booth in {count} commands (at most ten)")

# The stand-ins.
demo = os.path.join(root, "usr/share/lantai/packs/demo")
shutil.copytree(PACK, demo)
os.symlink(demo, os.path.join(state, "packs/current"))
for name in set(re.findall(r"/media/usb/([\w.-]+)", text)):
    if name.endswith(".deb"):
        shutil.copy(DEB, os.path.join(usb, name))
    elif "." not in name:
        shutil.copytree(PACK, os.path.join(usb, name))
with open(os.path.join(bin_dir, "lantai"), "w") as f:
    f.write(f'#!/bin/sh\nexec "{LANTAI}" "$@"\n')
with open(os.path.join(bin_dir, "apt"), "w") as f:
    f.write('#!/bin/sh\n[ "$1" = install ] && exec dpkg-deb --info "$2" >/dev/null\nexit 2\n')
with open(os.path.join(bin_dir, "systemctl"), "w") as f:
    f.write(f'#!/bin/sh\necho "$@" >> "{root}/systemctl.log"\n')
for tool in os.listdir(bin_dir):
    os.chmod(os.path.join(bin_dir, tool), 0o755)
env = dict(os.environ, PATH=bin_dir + ":" + os.environ["PATH"], LANG="C.UTF-8")


def sandboxed(line):
    line = line.split("  #")[0].strip()
    return line.replace("/var/lib/lantai", state).replace("/media/usb", usb)


def run(line):
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", sandboxed(line)], env=env, capture_output=True,
                          text=True, timeout=300)
    expect(proc.returncode == 0, f"README: {line.split('  #')[0].strip()}", proc.stdout + proc.stderr)


current = lambda: os.path.basename(os.path.realpath(os.path.join(state, "packs/current")))
for line in [l for b in first[1:] for l in b.splitlines() if l.strip()]:
    run(line)
expect(current() == "spring-2026", f"after setting up: current is the booth's pack ({current()})")
# The kiosk marks the pack it ran cleanly for a minute good; the curators built the new pack.
os.symlink(os.path.join(state, "packs/spring-2026"), os.path.join(state, "packs/last-good"))
pack_id = json.load(open(os.path.join(PACK, "pack.json")))["id"]
built = subprocess.run([LANTAI, "build", os.path.join(usb, "autumn-2026")], capture_output=True, text=True)
expect(built.returncode == 0, "the curators' new pack is built", built.stdout + built.stderr)
for line in [l for l in update[0].splitlines() if l.strip()]:
    run(line)
installed = os.path.realpath(os.path.join(state, "packs/current"))
expect(current().startswith(pack_id + "-") and os.path.dirname(installed) == os.path.join(state, "packs")
       and os.path.exists(os.path.join(installed, "pack.json")),
       f"after the update: current is the installed new pack ({current()})")
expect(os.path.basename(os.path.realpath(os.path.join(state, "packs/last-good"))) == "spring-2026",
       "after the update: last-good is still the previous pack (until the kiosk ran the new one)")
run(rollback[0])
expect(current() == "spring-2026", f"after the roll back: current is the previous pack ({current()})")
# Statistics: a database as a booth's kiosk leaves it, in the state folder.
gen = subprocess.run([GEN, os.path.join(root, "gen"), "--booths", "1", "--events", "2000", "--days", "2",
                      "--start", "2026-06-08"], capture_output=True, text=True)
expect(gen.returncode == 0, "generated a booth's statistics", gen.stderr)
shutil.copy(os.path.join(json.loads(gen.stdout.splitlines()[0])["dir"], "lantai.sqlite"), state)
for line in [l for l in update[1].splitlines() if l.strip()]:
    run(line)
expect(os.path.getsize(os.path.join(usb, "lantai.sqlite")) > 0 and
       any(n.startswith("booth-report") for n in os.listdir(usb)), "the report and the database are on the stick")
log = open(os.path.join(root, "systemctl.log")).read() if os.path.exists(os.path.join(root, "systemctl.log")) else ""
expect("reboot" in log, "systemctl: reboot", log)
shutil.rmtree(root, ignore_errors=True)
sys.exit(1 if failures else 0)
