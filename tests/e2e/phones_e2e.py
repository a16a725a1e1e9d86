#!/usr/bin/env python3
# tests/e2e: class on phones — the kiosk under Xvfb hosts a 5-question team game (3 teams) for 40
# simulated phones (phone_ws.py) and 2 headless-Chromium phones (phones_chromium.mjs) to the podium;
# every phone picks a team, the teams are ranked by the mean of their members' points; a phone drops
# and rejoins, a late joiner waits, duplicate, late and garbage frames are refused and counted, and
# `lantai report` counts exactly the answers the game took. (The individual game differs only in
# the join's missing team and the players' ranking: tests/unit/phones covers it.)
"""Usage: phones_e2e.py --kiosk BIN --lantai BIN --pack DIR [--out DIR] [--size WxH] [--port N]

The teacher's taps are the kiosk's script (a fixed sequence with waits); the phones react to what
the kiosk sends them. The test reads the kiosk's state log (phones.game) to learn the PIN and the
phases. Every wait is bounded. Exit codes: 0 passed, 1 failed."""
import argparse, asyncio, gzip, json, os, re, random, shutil, socket, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from kiosk_live_e2e import LiveKiosk  # noqa: E402  (a kiosk on its own Xvfb)
from phone_ws import PhoneSocket  # noqa: E402

PIN = "2468"
QUESTIONS = 5
SIM_PHONES = 40
TEAMS = 3
failures = 0


def expect(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else ": " + str(detail)), flush=True)
    failures += not ok


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def teacher_script(per_question_s):
    """The teacher: PIN, 3 teams, "Class on phones (3 teams)", wait for the class to join, start, then next after each
    question (a leaderboard after the third), the podium, the CSV export, finish, the visit ends."""
    steps = ["tap @attract", "tap @quiz", "tap @class"] + [f"tap @pin:{d}" for d in PIN] + [
        "tap @pin-ok", f"tap @teams:{TEAMS}", "wait 300", "screenshot phones-team-setup", "tap @phones-open-teams",
        "wait-idle 5000", "screenshot phones-lobby", "wait 14000",
        "screenshot phones-lobby-joined", "tap @phones-start"]
    for q in range(QUESTIONS):
        # wait-idle: until the question ends (every phone answered, or the 20 s timer) — a slow
        # phone (Chromium on a loaded machine) makes the game wait, not the test fail.
        steps += [f"wait-idle {per_question_s * 1000:.0f}", f"screenshot phones-q{q + 1}"]
        steps += ["tap @phones-next"]
        if q == 2:
            steps += ["wait 1500", "screenshot phones-leaderboard", "tap @phones-next"]
    steps += ["wait 1500", "screenshot phones-podium", "tap @phones-export", "wait 500",
              "screenshot phones-exported", "tap @phones-finish", "advance 120", "wait 1500", "quit"]
    return steps


class SimPhone:
    def __init__(self, n, role, port):
        self.n, self.role, self.port = n, role, port
        self.nick = None
        self.team = None
        self.team_refused = None  # the join without a team: the booth's answer
        self.token = ""
        self.seat = None
        self.acks = []          # (ok, why, latency s)
        self.answered = set()
        self.correct = 0
        self.rejoined_seat = None
        self.done = False
        self.sent_at = {}

    async def run(self, names, pin, game_started, podium):
        ws = await PhoneSocket.open("127.0.0.1", self.port)
        await ws.send({"t": "hello", "token": ""})
        welcome = await ws.recv()
        assert welcome and welcome["t"] == "welcome", welcome
        self.nick = names[self.n % len(names)]
        # Unequal teams: every third phone in red, blue, green (14, 13, 13 of 40; Chromium adds 2 to green).
        teams = [t["id"] for t in welcome.get("teams", [])]
        assert len(teams) == TEAMS, welcome.get("teams")
        self.team = teams[self.n % TEAMS]
        if self.role == "teamless":  # a join without a team is refused in a team game
            await ws.send({"t": "join", "pin": pin, "nick": self.nick})
            self.team_refused = await ws.recv()
        if self.role == "garbage":
            await ws.send_frame(b"not json")
            await ws.send_frame(b"\x00\x01\x02", opcode=0x2)
            await ws.send_frame(b"x" * 600)
            await ws.send({"t": "dance"})
        if self.role == "late_joiner":
            await game_started.wait()
        await ws.send({"t": "join", "pin": pin, "nick": self.nick, "team": self.team})
        if self.role == "late_joiner":
            await ws.send({"t": "answer", "q": 0, "a": [0], "id": 900})  # waits for the next question
        ws = await self.play(ws, podium)
        ws.close()

    async def answer(self, ws, q, options):
        await asyncio.sleep(0.3 if self.role == "dup" else random.uniform(0.4, 1.2))
        choice = (self.n + q) % options
        self.sent_at[q] = time.monotonic()
        await ws.send({"t": "answer", "q": q, "a": [choice], "id": q})
        if self.role == "dup" and q == 0:
            await ws.send({"t": "answer", "q": q, "a": [choice], "id": 100 + q})

    async def play(self, ws, podium):
        tasks = []
        while True:
            m = await asyncio.wait_for(ws.recv(), 120)
            if m is None:
                return ws
            t = m["t"]
            if t == "joined":
                if self.seat is None:
                    self.seat, self.token = m["seat"], m["token"]
                else:
                    self.rejoined_seat = m["seat"]
            elif t == "ack":
                sent = self.sent_at.get(m["q"])
                self.acks.append((m["ok"], m.get("why"), time.monotonic() - sent if sent and m["id"] == m["q"] else None))
                if self.role == "drop" and m["ok"] and m["q"] == 1 and self.rejoined_seat is None:
                    ws.close()  # the phone drops …
                    await asyncio.sleep(0.3)
                    ws = await PhoneSocket.open("127.0.0.1", self.port)  # … and rejoins its seat
                    await ws.send({"t": "hello", "token": self.token})
            elif t == "state":
                phase, q = m["phase"], m["q"]
                if phase == "question" and not m.get("waiting") and not m.get("answered") and q not in self.answered:
                    self.answered.add(q)
                    tasks.append(asyncio.ensure_future(self.answer(ws, q, m["options"])))
                elif phase == "reveal" and m.get("answered") and m.get("correct"):
                    self.correct += 1
                    if self.role == "late" and q == 1:
                        await ws.send({"t": "answer", "q": q, "a": [0], "id": 800})  # after the time
                elif phase == "reveal" and self.role == "late" and q == 1:
                    await ws.send({"t": "answer", "q": q, "a": [0], "id": 800})
                elif phase == "podium":
                    self.done = True
                    podium.set()
                    return ws


def roles():
    r = ["plain"] * SIM_PHONES
    r[1], r[2], r[3] = "dup", "dup", "dup"
    r[4] = "late"
    r[5] = "garbage"
    r[6] = "drop"
    r[7] = "late_joiner"
    r[8] = "teamless"
    return r


async def observe_game_start(kiosk, started, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = kiosk.states()
        if states and ((states[-1].get("phones") or {}).get("game") or {}).get("phase") not in (None, "lobby"):
            started.set()
            return
        await asyncio.sleep(0.02)


async def phones_play(kiosk, port, pin, names, chromium_cmd):
    started, podium = asyncio.Event(), asyncio.Event()
    phones = [SimPhone(i, role, port) for i, role in enumerate(roles())]
    chromium = await asyncio.create_subprocess_exec(*chromium_cmd, stdout=asyncio.subprocess.PIPE) if chromium_cmd else None
    runs = [asyncio.ensure_future(p.run(names, pin, started, podium)) for p in phones]
    watcher = asyncio.ensure_future(observe_game_start(kiosk, started))
    done, pending = await asyncio.wait(runs, timeout=150)
    for p in pending:
        p.cancel()
    watcher.cancel()
    errors = [t.exception() for t in done if t.exception()]
    expect(not errors and not pending, "every simulated phone played to the podium", errors[:3] or len(pending))
    chromium_report = None
    if chromium:
        try:
            out, _ = await asyncio.wait_for(chromium.communicate(), 120)
            lines = [line for line in out.decode().splitlines() if line.startswith("{")]
            chromium_report = json.loads(lines[-1]) if lines else None
        except asyncio.TimeoutError:
            chromium.kill()
        expect(chromium and chromium.returncode == 0 and chromium_report, "the Chromium phones played",
               chromium_report)
    return phones, chromium_report


def wait_for(kiosk, predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = kiosk.states()
        if states and predicate(states[-1]):
            return states[-1]
        if not kiosk.alive():
            return None
        time.sleep(0.05)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--pack", required=True)
    ap.add_argument("--out")
    ap.add_argument("--size", default="1280x800")
    ap.add_argument("--no-chromium", action="store_true")
    ap.add_argument("--per-question", type=float, default=25.0,
                    help="the longest a question may take, s (the game's timer is 20 s)")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="lantai-phones-")
    out = args.out or work
    os.makedirs(out, exist_ok=True)
    port = free_port()
    pin_hash = subprocess.run([args.lantai, "quiz", "hash-pin", PIN], capture_output=True, text=True,
                              check=True).stdout.strip()
    config = os.path.join(work, "kiosk.toml")
    with open(config, "w") as f:
        f.write(f'[quiz]\nteacher_pin_hash = "{pin_hash}"\ntimer_s = 20\nscoring = "speed"\n'
                f'[phones]\nenabled = true\nport = {port}\nwifi_ssid = "档案馆展台"\nwifi_password = "lantai-2026"\n'
                f'[stats]\nbooth_id = "hall-phones"\n[pack]\npath = "{os.path.abspath(args.pack)}"\n')
    steps = [(line, None) for line in teacher_script(args.per_question)]
    started = time.monotonic()
    with LiveKiosk(args, work, steps, ["--config", config, "--screenshot-dir", out]) as kiosk:
        lobby = wait_for(kiosk, lambda s: ((s.get("phones") or {}).get("game") or {}).get("phase") == "lobby")
        expect(lobby is not None, "the teacher opened the lobby", kiosk.log()[-2000:] if lobby is None else "")
        if lobby is None:
            return 1
        game = lobby["phones"]["game"]
        pin = game["pin"]
        expect(len(pin) == 4 and game["join_url"].endswith(f":{port}/?pin={pin}"), "the join URL carries the PIN", game)
        # Only the page, its script and the probes are served.
        base = f"http://127.0.0.1:{port}"
        page = urllib.request.urlopen(base + "/?pin=" + pin, timeout=10).read()
        expect(b"phone.js" in page, "the phone page is served")
        for path in ["/etc/passwd", "/../../etc/passwd", "/kiosk.toml", "/favicon.ico"]:
            try:
                urllib.request.urlopen(base + path, timeout=10)
                expect(False, f"{path} is not served")
            except urllib.error.HTTPError as e:
                expect(e.code == 404, f"{path} -> 404", e.code)
        for host, path, status in [("connect.rom.miui.com", "/generate_204", 204),
                                   ("connectivitycheck.platform.hicloud.com", "/generate_204", 204),
                                   ("wifi.vivo.com.cn", "/generate_204", 204),
                                   ("connectivitycheck.gstatic.com", "/generate_204", 204),
                                   ("captive.apple.com", "/hotspot-detect.html", 200)]:
            req = urllib.request.Request(base + path, headers={"Host": host})
            resp = urllib.request.urlopen(req, timeout=10)
            body = resp.read()
            expect(resp.status == status and (status == 204 or b"Success" in body), f"probe {host}{path} -> {status}",
                   resp.status)
        # The page's budget: at most 100 KB gzipped, and ES5 (old Android WebViews): no arrows,
        # let/const, template strings or classes in the script.
        script = urllib.request.urlopen(base + "/phone.js", timeout=10).read()
        gz = len(gzip.compress(page, 9)) + len(gzip.compress(script, 9))
        expect(gz <= 100 * 1024, f"the phone page is {gz} bytes gzipped (at most 100 KB)")
        es6 = [p for p in [r"=>", r"\blet\s", r"\bconst\s", r"`", r"\bclass\s+[A-Z]"]
               if re.search(p, script.decode())]
        expect(not es6, "the phone script is ES5", es6)
        names = [n["id"] for n in _welcome_names(port)]
        chromium_cmd = None
        if not args.no_chromium:
            # The Chromium phones pick their team on the join page: green (then 14, 13, 15 players).
            chromium_cmd = ["node", os.path.join(HERE, "phones_chromium.mjs"), f"{base}/?pin={pin}", out,
                            f"{names[30]}:green", f"{names[31]}:green"]
        phones, chromium_report = asyncio.run(phones_play(kiosk, port, pin, names, chromium_cmd))
        final = wait_for(kiosk, lambda s: ((s.get("phones") or {}).get("game") or {}).get("phase") == "podium")
        expect(final is not None, "the game reached the podium")
        code = kiosk.wait_exit(timeout=120)
        expect(code == 0, "the kiosk ran the teacher's script to its end", code)
        states = kiosk.states()
    elapsed = time.monotonic() - started
    podium = [s for s in states if ((s.get("phones") or {}).get("game") or {}).get("phase") == "podium"]
    g = podium[-1]["phones"]["game"] if podium else {}
    chromium_phones = 0 if args.no_chromium else 2
    accepted = (SIM_PHONES - 1) * QUESTIONS + (QUESTIONS - 1) + chromium_phones * QUESTIONS
    expect(g.get("players") == SIM_PHONES + chromium_phones and g.get("joins") == SIM_PHONES + chromium_phones,
           "every phone took a seat", (g.get("players"), g.get("joins")))
    expect(g.get("answers_accepted") == accepted, f"{accepted} answers taken", g.get("answers_accepted"))
    expect(g.get("duplicate_answers") == 3, "3 duplicate answers refused", g.get("duplicate_answers"))
    expect(g.get("late_answers") == 1, "1 late answer refused", g.get("late_answers"))
    expect(g.get("waiting_answers") == 1, "the late joiner waited for the next question", g.get("waiting_answers"))
    expect(g.get("malformed") == 3 and g.get("oversized") == 1, "garbage frames dropped and counted",
           (g.get("malformed"), g.get("oversized")))
    expect(g.get("rejoins") == 1 + chromium_phones // 2, "the dropped phones rejoined their seats", g.get("rejoins"))
    drop = [p for p in phones if p.role == "drop"][0]
    expect(drop.rejoined_seat == drop.seat and len(drop.answered) == QUESTIONS, "the dropped phone kept its seat",
           (drop.seat, drop.rejoined_seat, sorted(drop.answered)))
    teamless = [p for p in phones if p.role == "teamless"][0]
    expect(teamless.team_refused and teamless.team_refused.get("why") == "team" and teamless.seat,
           "a join without a team was refused, then the phone joined its team", teamless.team_refused)
    check_teams(g, phones, chromium_phones)
    late_joiner = [p for p in phones if p.role == "late_joiner"][0]
    expect(sorted(late_joiner.answered) == [1, 2, 3, 4], "the late joiner played from the next question",
           sorted(late_joiner.answered))
    acks = [a for p in phones for a in p.acks if a[2] is not None and a[0]]
    lat = sorted(a[2] for a in acks)
    if lat:
        print(f"answer acknowledged: p50 {lat[len(lat) // 2] * 1000:.0f} ms, p99 {lat[len(lat) * 99 // 100] * 1000:.0f} ms"
              f" ({len(lat)} answers)", flush=True)
    figures = {q["id"]: q for q in g.get("question_figures", [])}
    expect(len(figures) == QUESTIONS and sum(q["answers"] for q in figures.values()) == accepted,
           "the game's per-question figures add up", figures)
    sim_correct = sum(p.correct for p in phones)
    chromium_correct = sum(chromium_report.get("correct", 0) for _ in [0]) if chromium_report else 0
    expect(sum(q["correct"] for q in figures.values()) == sim_correct + chromium_correct,
           "the phones were told right and wrong as the game counted", (sim_correct, chromium_correct))
    exported = [s for s in states if (s.get("phones") or {}).get("exported")]
    csv_path = exported[-1]["phones"]["exported"] if exported else ""
    expect(csv_path and os.path.exists(csv_path), "the class results CSV was written", csv_path)
    if csv_path and os.path.exists(csv_path):
        rows = open(csv_path, encoding="utf-8-sig", newline="").read().split("\r\n")
        expect(rows[0].startswith('"rank","seat","nickname_zh","nickname_en","team_zh"') and
               len([r for r in rows[1:] if r.startswith('"')]) >= SIM_PHONES + chromium_phones,
               "the CSV lists every player with a team", rows[:3])
        expect(any(r.startswith('"team_rank"') for r in rows) and
               sum(1 for r in rows if re.match(r'^"\d*","(红队|蓝队|绿队)"', r)) == TEAMS,
               "the CSV ranks the 3 teams", [r for r in rows if "team" in r][:2])
        shutil.copy(csv_path, os.path.join(out, "class-results.csv"))
    # lantai report over the booth's statistics: the same answers, question by question.
    report = os.path.join(out, "report.json")
    proc = subprocess.run([args.lantai, "report", "--state-dir", os.path.join(work, "state"), "--out", report],
                          capture_output=True, text=True, timeout=120)
    expect(proc.returncode == 0, "lantai report", proc.stderr[-2000:])
    if proc.returncode == 0:
        quiz = json.load(open(report, encoding="utf-8"))["quiz"]
        expect(quiz["answers"] == accepted, "the report counts every answer the game took", quiz["answers"])
        by_id = {q["id"]: q for q in quiz["questions"]}
        expect(all(by_id.get(i, {}).get("answers") == f["answers"] and by_id[i]["correct"] == f["correct"]
                   for i, f in figures.items()), "the report's per-question accuracy is the game's",
               ({i: (by_id.get(i, {}).get("answers"), by_id.get(i, {}).get("correct")) for i in figures}, figures))
        expect(quiz.get("phone_games") == 1, "the report counts one class game on phones", quiz.get("phone_games"))
    print(f"phones e2e took {elapsed:.1f} s", flush=True)
    return 1 if failures else 0


def check_teams(g, phones, chromium_phones):
    """The podium's teams: every player in one, the team's score the mean of its members' points
    (rounded half up), ranked by it."""
    expect(g.get("mode") == "teams", "a team game", g.get("mode"))
    teams = g.get("teams", [])
    ranking = g.get("ranking", [])
    expect(len(teams) == TEAMS and sum(t["members"] for t in teams) == SIM_PHONES + chromium_phones and
           all(p.get("team") for p in ranking), "every player is in one of the 3 teams",
           [(t["team"], t["members"]) for t in teams])
    sizes = {t["team"]: t["members"] for t in teams}
    sims = {}
    for p in phones:
        sims[p.team] = sims.get(p.team, 0) + 1
    expected = dict(sims)
    if chromium_phones:
        expected["green"] = expected.get("green", 0) + 2
    expect(sizes == expected, "each phone is in the team it picked (unequal sizes)", (sizes, expected))
    ok = True
    for t in teams:
        points = [p["score"] for p in ranking if p["team"] == t["team"]]
        mean = int(sum(points) / len(points) + 0.5) if points else 0
        better = sum(1 for o in teams if o["members"] and o["score"] > t["score"])
        ok = ok and t["score"] == mean and t["total_points"] == sum(points) and t["rank"] == 1 + better
    expect(ok, "each team's score is the mean of its members' points, ranked by it",
           [(t["team"], t["members"], t["total_points"], t["score"], t["rank"]) for t in teams])
    expect([t["rank"] for t in teams] == sorted(t["rank"] for t in teams), "the teams come by rank")


def _welcome_names(port):
    async def names():
        ws = await PhoneSocket.open("127.0.0.1", port)
        await ws.send({"t": "hello"})
        m = await ws.recv()
        ws.close()
        return m["names"]
    return asyncio.run(names())


if __name__ == "__main__":
    sys.exit(main())
