#!/usr/bin/env python3
# tests/cli: `lantai report` and `lantai report tally` on generated booth databases — every command
# README.md shows, the four formats agreeing, tallies, usage errors, and copies read as another user
"""Usage: report_cli.py LANTAI EVENT_DB_GEN README

Generates three booths' databases (tests/bench/event_db_gen.cpp), then:
- runs every `lantai report` line of README.md with each alternative it shows (each --out format,
  each --lang) and its placeholders filled in;
- checks that HTML, XLSX (python3-openpyxl), CSV and JSON give the same key figures, and that the
  JSON's figures add up (sessions per day and per hour, the funnel);
- records tallies in two steps (visitors, then leaflets and a note) and finds both in the report;
- refuses bad usage with exit code 2 and a message naming the problem (no --out, an unknown
  format, a malformed date, a folder without a database, a tally without counts);
- as the unprivileged user `nobody`, reads a copy on a write-protected folder (immutable), and a
  copy whose -wal holds data (read from a temporary copy), and the live folder of a writer that
  keeps its connection open (skipped with a message when not root)."""
import csv, io, json, os, re, shlex, shutil, sqlite3, subprocess, sys, tempfile, zipfile

LANTAI, GEN, README = sys.argv[1:4]
failures = 0
WORK = tempfile.mkdtemp(prefix="lantai-report-cli-")
os.chmod(WORK, 0o755)


def expect(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else ": " + str(detail)[:1500]), flush=True)
    failures += not ok


def run(args, rc=0, user=None):
    cmd = [LANTAI, *args]
    if user:
        cmd = ["setpriv", "--reuid", user, "--regid", "nogroup", "--clear-groups", "--", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=dict(os.environ, LANG="C.UTF-8"))
    expect(proc.returncode == rc, f"lantai {' '.join(args)} exits {rc}",
           f"exit {proc.returncode}: {proc.stdout} {proc.stderr}")
    return proc


def openpyxl_or_reexec():
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        debian = "/usr/bin/python3"
        if os.path.realpath(sys.executable) != os.path.realpath(debian) and os.path.exists(debian):
            os.execv(debian, [debian, *sys.argv])
        print("FAIL: no python3 with openpyxl (Debian package python3-openpyxl)")
        sys.exit(1)


openpyxl_or_reexec()
import openpyxl  # noqa: E402

gen = subprocess.run([GEN, os.path.join(WORK, "booths"), "--booths", "3", "--events", "30000",
                      "--days", "3", "--start", "2024-06-08"], capture_output=True, text=True)
expect(gen.returncode == 0, "generated three booths", gen.stderr)
booths = [json.loads(line)["dir"] for line in gen.stdout.splitlines()]
B1, B2, B3 = booths
generated_sessions = sum(json.loads(line)["sessions"] for line in gen.stdout.splitlines())

# ---- the README's commands --------------------------------------------------------------------
FILL = {"/var/lib/lantai": B1, "DIR": B2, "YYYY-MM-DD": "2024-06-09", "N": "120", "TEXT": "晴，两所学校来访"}


def expand(line):
    """Every concrete command of a README line: [optional] parts included, `a|b` alternatives
    each in a run of their own, placeholders filled, `...` dropped."""
    words = shlex.split(line.replace("[", " ").replace("]", " ").replace("...", " "))
    runs = [[]]
    for word in words:
        choices = word.split("|") if "|" in word else [word]
        choices = [FILL.get(c, c) for c in choices]
        runs = [r + [c] for r in runs for c in choices]
    return runs


shown = [l.split("   #")[0].split("  #")[0].strip() for l in open(README, encoding="utf-8")
         if l.startswith("lantai report")]
expect(len(shown) == 2, "README.md shows `lantai report` and `lantai report tally`", shown)
ran_formats = set()
for line in shown:
    for words in expand(line):
        args = words[1:]
        if "--out" in args:
            i = args.index("--out")
            ext = args[i + 1].rsplit(".", 1)[-1]
            lang = args[args.index("--lang") + 1] if "--lang" in args else "zh"
            args[i + 1] = os.path.join(WORK, f"readme-{lang}.{ext}")
            ran_formats.add(ext)
        run(args)
expect(ran_formats == {"html", "xlsx", "csv", "json"}, "README: every format was written", ran_formats)
readme_json = json.load(open(os.path.join(WORK, "readme-zh.json"), encoding="utf-8"))
expect(readme_json["range"] == {"from": "2024-06-09", "to": "2024-06-09"} and len(readme_json["booths"]) == 2,
       "README: two booths, one day", (readme_json["range"], readme_json["booths"]))

# ---- every format says the same ------------------------------------------------------------------
out = {ext: os.path.join(WORK, f"all.{ext}") for ext in ["html", "xlsx", "csv", "json"]}
for path in out.values():
    run(["report", "--state-dir", B1, "--state-dir", B2, "--state-dir", B3, "--out", path])
j = json.load(open(out["json"], encoding="utf-8"))
expect(j["sessions"] == generated_sessions, "JSON: every generated session", (j["sessions"], generated_sessions))
expect(sum(d["sessions"] for d in j["sessions_per_day"]) == j["sessions"] == sum(h["sessions"] for h in j["sessions_per_hour"]),
       "JSON: days and hours add up")
expect([d["date"] for d in j["sessions_per_day"]] == ["2024-06-08", "2024-06-09", "2024-06-10"], "JSON: three days",
       j["sessions_per_day"])
f = j["funnel"]
expect(f["sessions"] >= f["exhibition"] >= f["chapter"] > 0 and f["item"] <= f["sessions"], "JSON: the funnel narrows", f)
expect(j["items"] == sorted(j["items"], key=lambda i: -i["views"]), "JSON: items most viewed first")
acc = [q["correct"] / q["answers"] for q in j["quiz"]["questions"]]
expect(acc == sorted(acc), "JSON: questions hardest first")
raw = open(out["csv"], "rb").read()
expect(raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n"), "CSV: BOM and CRLF")
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
expect(["互动人次", str(j["sessions"])] in rows, "CSV: the same sessions")
wb = openpyxl.load_workbook(out["xlsx"])
expect(len(wb.sheetnames) == 15, "XLSX: the overview and 14 tables", wb.sheetnames)
overview = {r[0]: r[1] for r in wb[wb.sheetnames[0]].iter_rows(values_only=True) if r and r[0]}
expect(overview.get("互动人次") == j["sessions"] and overview.get("知识问答人次") == j["quiz"]["sessions"],
       "XLSX: the same key figures", overview)
with zipfile.ZipFile(out["xlsx"]) as z:
    charts = [n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml", n)]
    drawings = [n for n in z.namelist() if n.startswith("xl/drawings/drawing")]
expect(len(charts) == 9 and len(drawings) == 9, "XLSX: nine native charts, each on its sheet", (charts, drawings))
html = open(out["html"], encoding="utf-8").read()
expect(f"展台共接待互动 {j['sessions']} 人次" in html and "<script" not in html, "HTML: the same sessions, no script")
en = os.path.join(WORK, "all-en.html")
run(["report", "--state-dir", B1, "--lang", "en", "--out", en])
expect('<html lang="en">' in open(en, encoding="utf-8").read(), "HTML in English")

# ---- tallies ---------------------------------------------------------------------------------------
p = run(["report", "tally", "--state-dir", B3, "--date", "2024-06-10", "--visitors", "300"])
expect("recorded" in p.stdout or "已记录" in p.stdout, "tally: recorded", p.stdout)
p = run(["report", "tally", "--state-dir", B3, "--date", "2024-06-10", "--leaflets", "4000", "--note", "雨",
         "--lang", "en"])
expect("updated" in p.stdout and "visitors 300" in p.stdout, "tally: the second count keeps the first", p.stdout)
t = os.path.join(WORK, "tally.json")
run(["report", "--state-dir", B3, "--from", "2024-06-10", "--to", "2024-06-10", "--out", t])
tj = json.load(open(t, encoding="utf-8"))
expect([(x["date"], x["visitors"], x["leaflets"], x["note"]) for x in tj["tallies"]] == [("2024-06-10", 300, 4000, "雨")]
       and tj["tally_totals"] == {"visitors": 300, "leaflets": 4000}, "tally: in the report", tj["tallies"])

# ---- usage errors ----------------------------------------------------------------------------------
for args, words in [
        (["report", "--state-dir", B1], "--out"),
        (["report", "--out", os.path.join(WORK, "x.json")], "--state-dir"),
        (["report", "--state-dir", B1, "--out", os.path.join(WORK, "x.pdf")], ".xlsx"),
        (["report", "--state-dir", B1, "--from", "2024-6-9", "--out", os.path.join(WORK, "x.json")], "YYYY-MM-DD"),
        (["report", "--state-dir", os.path.join(WORK, "nowhere"), "--out", os.path.join(WORK, "x.json")], "state_dir"),
        (["report", "tally", "--state-dir", B1, "--date", "2024-06-09"], "--visitors"),
        (["report", "tally", "--state-dir", os.path.join(WORK, "empty"), "--date", "2024-06-09", "--visitors", "1"],
         "state_dir"),
        (["report", "tally", "--state-dir", B1, "--date", "9 June", "--visitors", "1"], "YYYY-MM-DD"),
        (["report", "--state-dir", B1, "--lang", "fr", "--out", os.path.join(WORK, "x.json")], "fr")]:
    os.makedirs(os.path.join(WORK, "empty"), exist_ok=True)
    p = run(args, rc=2)
    expect(words in p.stderr, f"the message names {words}", p.stderr)
expect(not os.path.exists(os.path.join(WORK, "x.json")) and not os.path.exists(os.path.join(WORK, "x.pdf")),
       "nothing written on an error")

# ---- copies brought on a USB stick, read by an unprivileged user --------------------------------------
if os.geteuid() != 0 or not shutil.which("setpriv"):
    print("skipped: the read-only copies need root (to run as nobody) and setpriv")
else:
    stick = os.path.join(WORK, "stick")
    os.makedirs(os.path.join(stick, "booth-1"))
    shutil.copy(os.path.join(B1, "lantai.sqlite"), os.path.join(stick, "booth-1"))
    # A copy whose -wal holds one more visit: taken while a writer had the database open.
    src = os.path.join(WORK, "live")
    shutil.copytree(B2, src)
    db = sqlite3.connect(os.path.join(src, "lantai.sqlite"))
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("INSERT INTO events (timestamp, kind, booth_id, session) VALUES (1718000000, 'session_start', "
               "'booth-2', 1)")
    db.commit()
    os.makedirs(os.path.join(stick, "booth-2"))
    for name in ["lantai.sqlite", "lantai.sqlite-wal"]:
        shutil.copy(os.path.join(src, name), os.path.join(stick, "booth-2"))
    for root, dirs, files in os.walk(stick):
        os.chmod(root, 0o555)
        for name in files:
            os.chmod(os.path.join(root, name), 0o444)
    os.chmod(WORK, 0o777)
    sj = os.path.join(WORK, "stick.json")
    run(["report", "--state-dir", os.path.join(stick, "booth-1"), "--state-dir", os.path.join(stick, "booth-2"),
         "--state-dir", src, "--out", sj], user="nobody")
    s = json.load(open(sj, encoding="utf-8"))
    expect([b["read_as"] for b in s["booths"]] == ["immutable", "copy", ""],
           "read as an immutable file, from a temporary copy, and in place beside an open writer",
           [b["read_as"] for b in s["booths"]])
    b1 = next(x for x in j["booths"] if x["id"] == "booth-1")
    b2 = next(x for x in j["booths"] if x["id"] == "booth-2")
    expect(s["booths"][0]["sessions"] == b1["sessions"], "the copy without a -wal holds every session")
    expect(s["booths"][1]["sessions"] == b2["sessions"] + 1 == s["booths"][2]["sessions"],
           "the -wal's visit is counted, in the copy and beside the writer",
           (s["booths"][1]["sessions"], s["booths"][2]["sessions"], b2["sessions"]))
    expect(not [n for n in os.listdir(tempfile.gettempdir()) if n.startswith("lantai-report-") and
                os.stat(os.path.join(tempfile.gettempdir(), n)).st_uid != 0], "the temporary copy is gone")
    db.close()
    for root, dirs, files in os.walk(stick):
        os.chmod(root, 0o755)

shutil.rmtree(WORK, ignore_errors=True)
print("PASS" if failures == 0 else f"{failures} failure(s)")
sys.exit(1 if failures else 0)
