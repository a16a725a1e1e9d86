#!/usr/bin/env python3
# tests/e2e: every lantai-kiosk command and flag the docs show is accepted; --set and --print-config
"""Usage: kiosk_command_line.py KIOSK SOURCE_DIR

Docs are run. Every `lantai-kiosk ...` command in README.md, deploy/README.md, kiosk/SCRIPTS.md
and deploy/kiosk.example.toml runs with `--print-config` appended: the kiosk parses every flag,
reads the configuration layers and prints what it would start with, without opening a window,
and the test checks that the flags took effect (e2e/example_set_command runs the example's
`--set` command under Xvfb for real). Every flag those documents mention in the kiosk's context
is accepted too. Then `--set`: each problem exits 2 naming the key and what is allowed; it wins
over the file and the named flags; `--print-config` prints the example's key lines and reads
back to itself."""
import os, re, shlex, subprocess, sys, tempfile, tomllib

KIOSK, SOURCE = sys.argv[1], sys.argv[2]
EXAMPLE = os.path.join(SOURCE, "deploy", "kiosk.example.toml")
PACK = os.path.join(SOURCE, "tests", "packs", "valid-minimal")
WORK = tempfile.mkdtemp(prefix="lantai-kiosk-cli-")
SCRIPT = os.path.join(WORK, "script.txt")
with open(SCRIPT, "w") as f:
    f.write("wait 100\n")

# Placeholders the documents use for a flag's value, and a value for flags only named in prose.
PLACEHOLDERS = {"DIR": PACK, "FILE": SCRIPT, "kiosk.toml": EXAMPLE, "/etc/lantai/kiosk.toml": EXAMPLE}
SAMPLE_VALUES = {
    "--pack": PACK, "--config": EXAMPLE, "--last-good-pack": PACK, "--script": SCRIPT,
    "--state-out": os.path.join(WORK, "state.json"), "--state-log": os.path.join(WORK, "states.jsonl"),
    "--screenshot-dir": WORK, "--state-dir": os.path.join(WORK, "state"),
    "--log-file": os.path.join(WORK, "kiosk.log"), "--windowed": "1280x800", "--theme": "high-contrast",
    "--lang": "en", "--orientation": "portrait", "--rotation": "90", "--idle-timeout": "120", "--texture-budget": "128",
    "--set": "session.idle_timeout_s=60",
}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def run(args):
    proc = subprocess.run([KIOSK, *args], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, LANG="C.UTF-8"))
    return proc.returncode, proc.stdout, proc.stderr


def print_config(args, where):
    rc, out, err = run([*args, "--print-config"])
    if rc != 0:
        fail(f"{where}: lantai-kiosk {' '.join(args)} --print-config exited {rc}: {err.strip()}")
        return None
    try:
        return tomllib.loads(out)
    except tomllib.TOMLDecodeError as e:
        fail(f"{where}: --print-config did not print TOML ({e})")
        return None


def setting(config, key):
    node = config
    for part in key.split("."):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node


def kiosk_sections(path, text):
    """The parts of a document about the kiosk (README.md's other sections are about `lantai`)."""
    if path == "README.md":
        return re.findall(r"^## The kiosk\n(.*?)(?=^## )", text, re.S | re.M)
    if path == "deploy/README.md":
        return re.findall(r"^## \d+\. Run\n(.*?)(?=^## )", text, re.S | re.M)
    return [text]


def documented_commands():
    """(where, [args]) for every `lantai-kiosk` followed by a flag in the documents."""
    found = []
    for path in ["README.md", "deploy/README.md", "kiosk/SCRIPTS.md", "deploy/kiosk.example.toml"]:
        with open(os.path.join(SOURCE, path), encoding="utf-8") as f:
            lines = f.read().splitlines()
        for number, line in enumerate(lines, 1):
            for m in re.finditer(r"lantai-kiosk((?:\s+\[?-[^`#]*)?)", line):
                words = shlex.split(m.group(1).replace("[", " ").replace("]", " "))
                if words:
                    found.append((f"{path}:{number}", [PLACEHOLDERS.get(w, w) for w in words]))
    return found


def check_effects(config, args, where):
    for flag, value in zip(args, args[1:] + [None]):
        if flag == "--set":
            key, _, text = value.partition("=")
            try:
                expected = tomllib.loads(f"v = {text}")["v"]
            except tomllib.TOMLDecodeError:
                expected = text
            if setting(config, key) != expected:
                fail(f"{where}: --set {value} printed {key} = {setting(config, key)!r}")
        elif flag == "--dev" and setting(config, "dev_mode") is not True:
            fail(f"{where}: --dev did not set dev_mode")
        elif flag == "--windowed":
            w, h = (int(n) for n in value.split("x"))
            got = (setting(config, "display.windowed"), setting(config, "display.window_width"),
                   setting(config, "display.window_height"))
            if got != (True, w, h):
                fail(f"{where}: --windowed {value} printed {got}")
        elif flag == "--rotation" and setting(config, "display.rotation") != int(value):
            fail(f"{where}: --rotation {value} printed {setting(config, 'display.rotation')!r}")
        elif flag == "--theme" and setting(config, "display.theme") != value:
            fail(f"{where}: --theme {value} printed {setting(config, 'display.theme')!r}")
        elif flag == "--pack" and setting(config, "pack.path") != os.path.abspath(value):
            fail(f"{where}: --pack {value} printed {setting(config, 'pack.path')!r}")


# 1. Every documented command.
commands = documented_commands()
if not any("--set" in args for _, args in commands):
    fail("no document shows lantai-kiosk --set")
for where, args in commands:
    config = print_config(args, where)
    if config is not None:
        check_effects(config, args, where)
        print(f"ok   {where}: lantai-kiosk {' '.join(args)}")

# 2. Every flag the documents mention in the kiosk's context, on its own.
rc, help_text, _ = run(["--help"])
takes_value = {m.group(1): bool(m.group(2)) for m in
               re.finditer(r"^\s+(?:-\w,)?(--[a-z-]+)( [A-Z=]+)?", help_text, re.M)}
mentioned = set()
for path in ["README.md", "deploy/README.md", "kiosk/SCRIPTS.md"]:
    with open(os.path.join(SOURCE, path), encoding="utf-8") as f:
        for section in kiosk_sections(path, f.read()):
            mentioned |= set(re.findall(r"`(--[a-z][a-z-]*)", section))
for _, args in commands:
    mentioned |= {a for a in args if a.startswith("--")}
for flag in sorted(mentioned):
    if flag not in takes_value:
        fail(f"{flag} is documented but lantai-kiosk --help does not list it")
        continue
    if takes_value[flag] and flag not in SAMPLE_VALUES:
        fail(f"{flag}: give this test a sample value (SAMPLE_VALUES)")
        continue
    args = [flag, SAMPLE_VALUES[flag]] if takes_value[flag] else [flag]
    if print_config(args, f"documented flag {flag}") is not None:
        print(f"ok   documented flag: lantai-kiosk {' '.join(args)}")

# 3. --set problems: exit 2, nothing printed, the key and what is allowed named.
for args, wanted in [
    (["--set", "session.idle_timeout_s=5"], ["session.idle_timeout_s", "between 10 and 3600"]),
    (["--set", "session.idle_timeout_s=soon"], ["session.idle_timeout_s", "between 10 and 3600"]),
    (["--set", "session.idle_timout_s=60"], ["session.idle_timout_s", "idle_timeout_s", "schema.unknown_field"]),
    (["--set", "sesion.idle_timeout_s=60"], ["sesion.idle_timeout_s", '"session"']),
    (["--set", "display.orientation=sideways"], ["display.orientation", '"landscape"', '"portrait"']),
    (["--set", "quiz.timer_s=3"], ["quiz.timer_s", "0 (no timer)", "5 and 120"]),
    (["--set", "display.rotation=45"], ["display.rotation", "one of 0, 90, 180, 270"]),
    (["--set", "session.idle_timeout_s"], ["section.key=value"]),
    (["--set"], ["--set"]),
]:
    rc, out, err = run([*args, "--print-config"])
    missing = [w for w in wanted if w not in err]
    if rc != 2 or out or missing:
        fail(f"lantai-kiosk {' '.join(args)}: exit {rc} (want 2), stdout {out[:80]!r}, stderr lacks {missing}: {err.strip()}")
    else:
        print(f"ok   lantai-kiosk {' '.join(args)}: exit 2, {err.strip().splitlines()[0]}")

# 4. Precedence: pack defaults < file < command line; --set wins over the named flags.
toml_file = os.path.join(WORK, "idle30.toml")
with open(toml_file, "w") as f:
    f.write("[session]\nidle_timeout_s = 30\n[quiz]\nquestions = 8\n")
for args, key, want in [
    (["--config", toml_file], "session.idle_timeout_s", 30),
    (["--config", toml_file, "--set", "session.idle_timeout_s=45"], "session.idle_timeout_s", 45),
    (["--config", toml_file, "--set", "session.idle_timeout_s=45"], "quiz.questions", 8),
    (["--config", toml_file, "--idle-timeout", "50"], "session.idle_timeout_s", 50),
    (["--idle-timeout", "50", "--set", "session.idle_timeout_s=61"], "session.idle_timeout_s", 61),
    (["--set", "session.idle_timeout_s=61", "--set", "session.idle_timeout_s=62"], "session.idle_timeout_s", 62),
    (["--set", "pack.path=" + os.path.relpath(PACK)], "pack.path", PACK),
]:
    config = print_config(args, "precedence")
    if config is not None and setting(config, key) != want:
        fail(f"lantai-kiosk {' '.join(args)}: {key} = {setting(config, key)!r}, want {want!r}")

# 5. The example's key lines are what the kiosk prints for its defaults (with the example's pack
#    path), and the printed configuration reads back to itself.
def key_lines(text):
    return [re.sub(r"\s+#.*$", "", line).strip() for line in text.splitlines()
            if re.match(r"^[a-z_]+ = ", line) or line.startswith("[")]


rc, printed, err = run(["--set", "pack.path=/srv/lantai/packs/current", "--print-config"])
with open(EXAMPLE, encoding="utf-8") as f:
    example_lines = key_lines(f.read())
if rc != 0 or key_lines(printed) != example_lines:
    import difflib
    diff = "\n".join(difflib.unified_diff(example_lines, key_lines(printed), "kiosk.example.toml",
                                          "--print-config", lineterm=""))
    fail(f"the example's key lines differ from lantai-kiosk --print-config (exit {rc}):\n{diff}\n{err}")
else:
    print(f"ok   deploy/kiosk.example.toml's {len(example_lines)} key and section lines = --print-config")
printed_file = os.path.join(WORK, "printed.toml")
with open(printed_file, "w") as f:
    f.write(printed)
rc, again, err = run(["--config", printed_file, "--print-config"])
if rc != 0 or again != printed or err:
    fail(f"--print-config does not read back to itself (exit {rc}): {err}")
else:
    print("ok   --print-config output read back with --config prints the same")

print(f"{len(failures)} failure(s)" if failures else "PASS")
sys.exit(1 if failures else 0)
