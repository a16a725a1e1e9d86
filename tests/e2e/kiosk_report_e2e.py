#!/usr/bin/env python3
# tests/e2e: a scripted day at the booth, then `lantai report` — the figures match the script
# exactly, in HTML, XLSX, CSV and JSON; a report over two booths; kill -9 during writes
"""Usage: kiosk_report_e2e.py --kiosk BIN --lantai BIN --scenario day|kill9 --pack DIR [--out DIR]

day: the real kiosk (libmpv for the video) plays a day at booth "hall-east" — a visitor browses
three items (zooms into the first, switches to English on the third; the QR code shows on each),
one watches a video to its end, one plays the quiz (4 of 5 right), each visit ends by the idle
timeout — and a short visit at booth "hall-west". Then `lantai report tally` records the staff's
counts, and `lantai report` over hall-east must count exactly those visits (JSON), say so in the
HTML (screenshot in headless Chromium: OUT/report-html.png), the XLSX (sheets, numbers and the
native chart XML) and the CSV (BOM, CRLF); over both booths it adds hall-west's visit.

kill9: two visits end, a third is under way writing a language switch every tap, and the kiosk
is killed with SIGKILL: the database passes an integrity check and the report holds both
finished visits.

Exit codes: 0 passed, 1 failed."""
import argparse, csv, io, json, os, random, shutil, sqlite3, subprocess, sys, tempfile, time, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from kiosk_live_e2e import LiveKiosk  # noqa: E402  (a kiosk on its own Xvfb, with its own pid)

QR_BASE = "https://archives.example.org/gallery/"
ITEMS = ["sample-1-01-letter", "sample-1-02-manuscript", "sample-1-03-newspaper"]
failures = 0


def expect(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else ": " + str(detail)), flush=True)
    failures += not ok


# ---- the day ----------------------------------------------------------------------------------------

DAY_A = [
    # Visit 1: three items of the first part, a zoom, English on the third, then the idle timeout.
    "tap @attract", "tap @exhibition:red-archives-sample", "tap @chapter:ch1-foundations",
    f"tap @item:{ITEMS[0]}", "wait-idle 10000", "doubletap 30% 55%", "wait-idle 10000",
    "tap @next", "wait-idle 8000", "tap @next", "wait-idle 8000", "tap @lang", "wait-idle 5000",
    "advance 101", "wait 1500",
    # Visit 2: a video, skipped towards its end, watched until it ends.
    "tap @attract", "tap @videos", "tap @video:reading-archives-01", "wait 3000", "tap @forward10",
    "wait 6000", "advance 101", "wait 1500",
    # Visit 3: the quiz, four right and one wrong.
    "tap @attract", "tap @quiz", "tap @level:primary", "tap @nickname:*",
    "quiz-answer correct", "tap @next", "quiz-answer wrong", "tap @next", "quiz-answer correct", "tap @next",
    "quiz-answer correct", "tap @next", "quiz-answer correct", "tap @next", "wait 500",
    "advance 101", "wait 1500",
]
DAY_B = ["tap @attract", "tap @exhibition:red-archives-sample", "tap @chapter:ch2-aspiration",
         "tap @item:sample-2-01-diary", "wait-idle 8000", "advance 101", "wait 1500"]


def run_kiosk(args, work, name, script, booth, video):
    """lantai-kiosk under xvfb-run playing `script` to its end; returns the state folder."""
    path = os.path.join(work, f"{name}.txt")
    with open(path, "w") as f:
        f.write("\n".join(script) + "\n")
    state = os.path.join(work, name)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", args.kiosk, "--pack", args.pack,
           "--windowed", "1280x800", "--script", path, "--exit-after-script", "--state-dir", state,
           "--state-out", os.path.join(work, f"{name}.json"),
           "--set", f"stats.booth_id={booth}", "--set", f"web.base_url={QR_BASE}"]
    if not video:
        cmd.append("--no-video")
    print("$", " ".join(cmd), flush=True)
    env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, errors="replace", timeout=args.timeout)
    expect(proc.returncode == 0, f"{name}: the script ran (exit code {proc.returncode})", proc.stderr[-3000:])
    return state


def lantai(args, *argv, expect_rc=0):
    proc = subprocess.run([args.lantai, *argv], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, LANG="C.UTF-8"))
    print("$ lantai", " ".join(argv), "->", proc.returncode, proc.stdout.strip(), proc.stderr.strip(), flush=True)
    expect(proc.returncode == expect_rc, f"lantai {argv[0]} {argv[1] if len(argv) > 1 else ''} exits {expect_rc}",
           proc.stderr)
    return proc


def by_id(rows):
    return {r["id"]: r for r in rows}


def check_day_json(j):
    """hall-east's day, exactly as the script played it."""
    expect(j["sessions"] == 3 and j["sessions_ended"] == 3, "three visits, all ended", (j["sessions"], j["sessions_ended"]))
    expect(sum(d["sessions"] for d in j["sessions_per_day"]) == 3, "sessions per day add up")
    expect(sum(h["sessions"] for h in j["sessions_per_hour"]) == 3, "sessions per hour add up")
    expect(0 < j["session_seconds_median"] < 120, "a median visit length", j["session_seconds_median"])
    items = by_id(j["items"])
    expect(sorted(items) == sorted(ITEMS), "the three items browsed, no other", sorted(items))
    expect(all(items[i]["views"] == 1 for i in ITEMS), "each viewed once", {i: items[i]["views"] for i in items})
    expect(all(items[i]["dwell_seconds"] > 0 for i in ITEMS), "each with a dwell time")
    expect(all(items[i]["qr_shown"] == 1 for i in ITEMS), "the QR code shown with each")
    expect(items[ITEMS[0]]["zoomed"] == 1 and items[ITEMS[1]]["zoomed"] == 0 and items[ITEMS[2]]["zoomed"] == 0,
           "zoomed into the first only", {i: items[i]["zoomed"] for i in items})
    expect(items[ITEMS[0]]["title"]["zh"].startswith("示例文书 1-01"), "items carry their titles", items[ITEMS[0]]["title"])
    expect(j["zooms"] == 1 and j["qr_shown"] == 3, "zoom and QR totals", (j["zooms"], j["qr_shown"]))
    expect(j["funnel"] == {"sessions": 3, "exhibition": 1, "chapter": 1, "item": 1}, "the funnel", j["funnel"])
    expect([e["id"] for e in j["exhibitions"]] == ["red-archives-sample"] and j["exhibitions"][0]["views"] == 1,
           "one exhibition view", j["exhibitions"])
    expect([c["id"] for c in j["chapters"]] == ["ch1-foundations"], "one part view", j["chapters"])
    videos = j["videos"]
    expect(len(videos) == 1 and videos[0]["id"] == "reading-archives-01" and videos[0]["plays"] == 1
           and videos[0]["completed"] == 1, "one video played to the end", videos)
    expect(videos and 3 < videos[0]["seconds_watched"] < 15, "seconds watched: played, skipped, the end",
           videos[0]["seconds_watched"] if videos else None)
    quiz = j["quiz"]
    expect((quiz["sessions"], quiz["finished"], quiz["answers"], quiz["correct"]) == (1, 1, 5, 4),
           "one quiz, 4 of 5 right", quiz)
    expect(quiz["average_score"] == 4000, "the quiz's score", quiz["average_score"])
    questions = quiz["questions"]
    expect(len(questions) == 5 and all(q["answers"] == 1 for q in questions) and len({q["id"] for q in questions}) == 5,
           "five questions, each by its stable id", questions)
    expect(questions and questions[0]["correct"] == 0, "the one answered wrong first (hardest)", questions[:1])
    expect(all(q["id"].startswith("q-") and q["title"]["zh"] for q in questions), "questions carry their prompts")
    expect(quiz["age_bands"] and quiz["age_bands"][0]["band"] == "primary", "the age band", quiz["age_bands"])
    langs = {l["language"]: l["sessions"] for l in j["languages"]}
    expect(langs == {"zh": 3, "en": 1} and j["language_switches"] == 1, "languages", (langs, j["language_switches"]))
    expect([b["id"] for b in j["booths"]] == ["hall-east"], "the booth's id", j["booths"])
    expect(j["tallies"] and j["tallies"][0]["visitors"] == 500 and j["tallies"][0]["leaflets"] == 400,
           "the staff's tally", j["tallies"])


def check_xlsx(path):
    import openpyxl  # Debian's python3-openpyxl
    wb = openpyxl.load_workbook(path)
    expect(wb.sheetnames[:4] == ["概览", "每日互动人次", "各时段互动人次", "浏览最多的展品"],
           "XLSX: the overview first, then a sheet per table", wb.sheetnames)
    overview = {row[0]: row[1] for row in wb["概览"].iter_rows(values_only=True) if row and row[0]}
    expect(overview.get("互动人次") == 3, "XLSX: sessions as a number", overview.get("互动人次"))
    expect(overview.get("知识问答人次") == 1, "XLSX: quiz sessions", overview.get("知识问答人次"))
    items = [r for r in wb["浏览最多的展品"].iter_rows(min_row=4, values_only=True) if r[0]]
    expect(sorted(r[1] for r in items) == sorted(ITEMS) and all(r[2] == 1 for r in items),
           "XLSX: the items sheet", items)
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        expect(len(charts) >= 8, "XLSX: native charts", charts)
        xml = "".join(z.read(n).decode() for n in charts)
        expect("<c:barChart>" in xml and "'浏览最多的展品'!$C$4:$C$6" in xml,
               "XLSX: the items chart plots the views column of its sheet", xml[:300])


def check_csv(path):
    raw = open(path, "rb").read()
    expect(raw.startswith(b"\xef\xbb\xbf"), "CSV: UTF-8 with a BOM")
    expect(raw.count(b"\n") == raw.count(b"\r\n"), "CSV: CRLF line ends")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
    expect(["互动人次", "3"] in rows, "CSV: the key figure", rows[:12])


def screenshot(html, png):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        expect(False, "chromium is installed (Debian package chromium)")
        return
    profile = tempfile.mkdtemp(prefix="lantai-chromium-")
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
           "--window-size=900,2400", f"--screenshot={png}", "file://" + os.path.abspath(html)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)
    expect(os.path.exists(png) and os.path.getsize(png) > 50000, f"HTML screenshot {png}", proc.stderr[-500:])


def day(args, work):
    booth_a = run_kiosk(args, work, "hall-east", DAY_A, "hall-east", video=True)
    booth_b = run_kiosk(args, work, "hall-west", DAY_B, "hall-west", video=False)
    today = time.strftime("%Y-%m-%d")
    lantai(args, "report", "tally", "--state-dir", booth_a, "--date", today, "--visitors", "500",
           "--leaflets", "400", "--note", "晴，两所学校来访")
    out = args.out or work
    os.makedirs(out, exist_ok=True)
    files = {ext: os.path.join(out, f"report.{ext}") for ext in ["html", "xlsx", "csv", "json"]}
    for ext, path in files.items():
        lantai(args, "report", "--state-dir", booth_a, "--out", path)
    with open(files["json"], encoding="utf-8") as f:
        check_day_json(json.load(f))
    html = open(files["html"], encoding="utf-8").read()
    expect("展台共接待互动 3 人次" in html, "HTML: the summary paragraph", html[:2000])
    expect("<script" not in html and "https://" not in html, "HTML: no script, no network")
    expect("现场参观约 500 人，发放宣传资料 400 份" in html and "工作人员人工统计" in html,
           "HTML: the staff's counts, labelled as such")
    screenshot(files["html"], os.path.join(out, "report-html.png"))
    check_xlsx(files["xlsx"])
    check_csv(files["csv"])
    # Both booths in one report.
    both = os.path.join(out, "both.json")
    lantai(args, "report", "--state-dir", booth_a, "--state-dir", booth_b, "--lang", "en", "--out", both)
    with open(both, encoding="utf-8") as f:
        j = json.load(f)
    expect(j["sessions"] == 4 and [b["id"] for b in j["booths"]] == ["hall-east", "hall-west"],
           "two booths: four visits", (j["sessions"], j["booths"]))
    expect(sorted(i["id"] for i in j["items"]) == sorted(ITEMS + ["sample-2-01-diary"]), "two booths: four items")
    expect({c["id"]: c["views"] for c in j["chapters"]} == {"ch1-foundations": 1, "ch2-aspiration": 1},
           "two booths: both parts", j["chapters"])
    expect(j["funnel"]["exhibition"] == 2, "two booths: the funnel", j["funnel"])
    expect("4 interaction sessions" in j["summary"]["en"], "the English summary", j["summary"]["en"])


# ---- kill -9 ---------------------------------------------------------------------------------------

def kill9(args, work):
    steps = [("tap @attract", None), ("wait-idle 5000", None), ("advance 101", None), ("wait 1500", None),
             ("tap @attract", None), ("advance 101", None), ("wait 1500", {"session": "attract"}),
             ("tap @attract", {"session": "active"})]
    steps += [("tap @lang", None)] * 40 + [("wait 60000", None)]
    ns = argparse.Namespace(kiosk=args.kiosk, size="1280x800")
    with LiveKiosk(ns, work, steps, ["--pack", args.pack]) as kiosk:
        state = kiosk.wait_step(8)
        expect(state is not None and state.get("session") == "active", "two visits ended, a third began", state)
        # Somewhere in the language switches: the writer thread commits every half second.
        kiosk.wait_step(8 + random.randint(3, 20))
        kiosk.signal(9)
        rc = kiosk.wait_exit(30)
        expect(rc == -9, "killed by SIGKILL", rc)
        state_dir = kiosk.state_dir
    db = sqlite3.connect(os.path.join(state_dir, "lantai.sqlite"))
    expect(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "the database is intact")
    switches = db.execute("SELECT count(*) FROM events WHERE kind = 'language'").fetchone()[0]
    db.close()
    out = os.path.join(work, "after-kill.json")
    lantai(args, "report", "--state-dir", state_dir, "--out", out)
    with open(out, encoding="utf-8") as f:
        j = json.load(f)
    expect(j["sessions_ended"] == 2 and j["sessions"] in (2, 3), "both finished visits are there",
           (j["sessions"], j["sessions_ended"]))
    print(f"language switches written before the kill: {switches}")


def with_openpyxl():
    """Re-runs this script with Debian's python3 when the interpreter at hand lacks openpyxl
    (python3-openpyxl, deploy/install-deps.sh)."""
    try:
        import openpyxl  # noqa: F401
        return
    except ImportError:
        pass
    for candidate in ["/usr/bin/python3"]:
        if os.path.realpath(candidate) != os.path.realpath(sys.executable) and os.path.exists(candidate) and \
                subprocess.run([candidate, "-c", "import openpyxl"], capture_output=True).returncode == 0:
            os.execv(candidate, [candidate, *sys.argv])
    print("FAIL: no python3 with openpyxl (Debian package python3-openpyxl)")
    sys.exit(1)


def main():
    with_openpyxl()
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--scenario", required=True, choices=["day", "kill9"])
    ap.add_argument("--pack", required=True)
    ap.add_argument("--out")
    ap.add_argument("--timeout", type=int, default=240)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="lantai-report-e2e-")
    try:
        {"day": day, "kill9": kill9}[args.scenario](args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("PASS" if failures == 0 else f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
