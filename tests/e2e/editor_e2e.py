#!/usr/bin/env python3
# tests/e2e: the real lantai-editor under Xvfb, driven by scripts (type, drop, key, tap by id),
# asserting on its state JSON, the pack it saves, `lantai validate` and the kiosk opening it
"""Usage: editor_e2e.py --editor BIN --lantai BIN --kiosk BIN --out DIR

A curator who never saw pack.json, from an empty folder:
  1. new pack; a folder of scans (Chinese file names, a sub-folder of pages) dropped on the
     chapter; a caption typed in Chinese; a date; alt text; the item moved down; two quiz
     questions added; undo and redo; Ctrl+S  -> pack.json has it all, `lantai validate` passes,
     the kiosk opens the pack and shows the item; the preview followed the edits portrait and
     landscape (screenshots).
  2. from the Publish menu: build the pack, export the cloud gallery into a folder, copy the
     pack to a folder standing for a USB stick -> each job finishes; the gallery has its pages,
     the copy validates and carries no editor files.
  3. an edit, then kill -9 before saving -> the next start offers the journal; Recover brings
     the edit back.
  4. a second editor on the same pack opens it read-only and names who holds it.
"""
import argparse, json, os, shutil, signal, subprocess, sys, time

FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def run_editor(args, editor, script_lines, name, extra=(), size="1600x1000", timeout=180, background=False):
    script = os.path.join(args.out, name + ".script")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(script_lines) + "\n")
    state = os.path.join(args.out, name + ".state.json")
    if os.path.exists(state):
        os.remove(state)
    w, h = size.split("x")
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", editor, "--script", script,
           "--state-out", state, "--screenshot-dir", args.out, "--size", size, *extra]
    env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1", LANTAI_FILE_CHOOSER="")
    log = open(os.path.join(args.out, name + ".log"), "w")
    if background:
        return subprocess.Popen(cmd + [], stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True), state
    proc = subprocess.run(cmd + ["--exit-after-script"], stdout=log, stderr=subprocess.STDOUT,
                          env=env, timeout=timeout)
    with open(state, encoding="utf-8") as f:
        return proc.returncode, json.load(f)


def load_pack(pack):
    with open(os.path.join(pack, "pack.json"), encoding="utf-8") as f:
        return json.load(f)


def make_scans(folder):
    os.makedirs(os.path.join(folder, "报纸 1938"), exist_ok=True)
    for name, colour in (("1931年 上海来信.jpg", "brown"), ("1949年 开国大典请柬.png", "gray")):
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        f"color=c={colour}:s=1200x900", "-frames:v", "1",
                        os.path.join(folder, name)], check=True)
    for i in (1, 2):
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc=s=800x1100", "-frames:v", "1",
                        os.path.join(folder, "报纸 1938", f"page-{i}.jpg")], check=True)


def items_of(pack_json):
    return [i for e in pack_json["exhibitions"] for c in e["chapters"] for i in c["items"]]


def image_size(path):
    """(width, height) from a JPEG's SOF marker or a PNG's IHDR."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    i = 2
    while i < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
        i += 2 + length
    return None


def scenario_rotate_replace(args, pack, item, replacement):
    """Rotate an image right (a new file, turned), replace it (the chooser's built-in browser),
    undo the replace: the rotated file is back, the original is gone from the pack."""
    original = item["images"][0]["file"]
    width, height = image_size(os.path.join(pack, original))
    rc, state = run_editor(args, args.editor, [
        "wait-idle 10000", f"tap @tree:item:{item['id']}", "wait-idle 3000",
        "tap @field:images:0:rotate-right", "wait-idle 10000", "screenshot editor-rotated",
        "tap @field:images:0:replace", "wait-idle 2000", "tap @dialog:path", f"type {replacement}",
        "tap @dialog:ok", "wait-idle 10000", "screenshot editor-replaced",
        "key ctrl+z", "wait-idle 5000", "key ctrl+s", "wait-idle 5000"], "build-rotate", extra=[pack])
    check(rc == 0, f"rotate/replace run exits 0 (got {rc}; {state.get('script_errors')})")
    check(state["messages"] == [], f"no error messages ({state['messages']})")
    check(state["pack"]["can_redo"], "the replace was one undo step (redo available)")
    check(state["thumbnails"]["made"] >= 6 and not state["thumbnails"]["busy"],
          f"thumbnails of the rotated and the replacing image ({state['thumbnails']})")
    now = items_of(load_pack(pack))[0]["images"][0]["file"]
    check(now != original and os.path.exists(os.path.join(pack, now)),
          f"the rotated copy is in the pack ({original} -> {now})")
    check(image_size(os.path.join(pack, now)) == (height, width),
          f"turned a quarter: {width}x{height} -> {image_size(os.path.join(pack, now))}")
    check(not os.path.exists(os.path.join(pack, original)), "the unrotated file left the pack")


def scenario_build(args):
    pack = os.path.join(args.out, "我的展览")
    scans = os.path.join(args.out, "scans")
    make_scans(scans)
    # 1. a new pack from the template; then the scans dropped on its chapter, saved.
    rc, state = run_editor(args, args.editor, ["wait-idle 10000", "screenshot editor-new"],
                           "build-0", extra=["--new", pack])
    check(rc == 0 and state["pack"]["exhibitions"] == 1, f"--new makes a pack (exit {rc})")
    chapter = load_pack(pack)["exhibitions"][0]["chapters"][0]["id"]
    rc, state = run_editor(args, args.editor, [
        "wait-idle 10000",
        f"tap @tree:chapter:{chapter}",
        f"drop {scans}",
        "wait-idle 30000",
        "key ctrl+s",
        "wait-idle 5000",
        "screenshot editor-dropped",
    ], "build-1", extra=[pack])
    check(rc == 0, f"first run exits 0 (got {rc}; {state.get('script_errors')})")
    check(state["pack"]["items"] == 3, f"3 items from 2 scans and a folder ({state['pack']['items']})")
    data = load_pack(pack)
    items = items_of(data)
    check(len(items) == 3, "pack.json holds the 3 items")
    check(all(not os.path.isabs(img["file"]) and os.path.exists(os.path.join(pack, img["file"]))
              for i in items for img in i["images"]), "every image was copied into the pack")
    multi = [i for i in items if len(i.get("images", [])) == 2]
    check(len(multi) == 1, "the sub-folder became one item with its 2 pages")
    thumbs = state["thumbnails"]
    check(thumbs["made"] == 4 and not thumbs["busy"] and thumbs["failed"] == 0,
          f"a thumbnail for each of the 4 images, made in the background ({thumbs})")
    check(len(os.listdir(os.path.join(pack, ".lantai-edit", "thumbs"))) == 4,
          "the thumbnails are cached in the pack's editor folder")
    first = items[0]["id"]
    second = items[1]["id"]
    scenario_rotate_replace(args, pack, items[0], os.path.join(scans, "报纸 1938", "page-1.jpg"))

    # 2. caption typed in Chinese, a date, alt texts, a move, two questions, undo/redo, save.
    lines = ["wait-idle 10000", "tap @tree:pack", "tap @field:organiser:zh", "type 兰台市档案馆",
             f"tap @tree:item:{first}", "wait-idle 3000",
             "tap @field:caption:zh", "type 一九三一年从上海寄出的家书，共两页。",
             "tap @field:date", "type 1931-05",
             "tap @field:images:0:alt:zh", "type 泛黄的信纸，竖排毛笔字"]
    for item in items[1:]:
        lines += [f"tap @tree:item:{item['id']}", "wait-idle 3000"]
        for n in range(len(item["images"])):
            lines += [f"tap @field:images:{n}:alt:zh", "type 档案原件扫描"]
    lines += [f"tap @tree:item:{first}", "wait-idle 2000", "tap @tree:down", "wait-idle 2000",
              "screenshot editor-landscape",
              "tap @tree:add-question", "wait-idle 2000",
              "tap @field:prompt:zh", "type 这封家书是哪一年寄出的？",
              "tap @field:explanation:zh", "type 信末落款为一九三一年五月。",
              "tap @tree:add-question", "wait-idle 2000",
              "tap @field:prompt:zh", "type 档案馆也保存私人书信吗？",
              "tap @field:explanation:zh", "type 私人书信也是重要的历史档案。",
              "key ctrl+z", "wait-idle 2000", "screenshot editor-undone",
              "key ctrl+y", "wait-idle 2000",
              "key ctrl+z", "wait-idle 2000", "key ctrl+shift+z", "wait-idle 2000",
              "key ctrl+s", "wait-idle 5000", "screenshot editor-question"]
    rc, state = run_editor(args, args.editor, lines, "build-2", extra=[pack])
    check(rc == 0, f"second run exits 0 (got {rc}); script errors {state.get('script_errors')}")
    check(state["pack"]["questions"] == 2, f"two questions ({state['pack']['questions']})")
    check(not state["pack"]["dirty"], "saved")
    data = load_pack(pack)
    items = items_of(data)
    by_id = {i["id"]: i for i in items}
    check(by_id[first].get("caption", {}).get("zh") == "一九三一年从上海寄出的家书，共两页。",
          "the Chinese caption was typed and saved")
    check(by_id[first].get("date") == "1931-05", "the date was saved")
    check(items[0]["id"] == second and items[1]["id"] == first, "the item moved down one place")
    banks = data.get("quiz_banks", [])
    check(len(banks) == 1, "a quiz bank was created")
    with open(os.path.join(pack, banks[0]["file"]), encoding="utf-8") as f:
        bank = json.load(f)
    prompts = [q["prompt"]["zh"] for q in bank["questions"]]
    check(prompts == ["这封家书是哪一年寄出的？", "档案馆也保存私人书信吗？"],
          f"both questions with their prompts after undo/redo ({prompts})")
    explanations = [q.get("explanation", {}).get("zh") for q in bank["questions"]]
    check(explanations == ["信末落款为一九三一年五月。", "私人书信也是重要的历史档案。"],
          f"undo then redo (Ctrl+Y, Ctrl+Shift+Z) kept the last edit ({explanations})")
    check(state["messages"] == [], f"no error messages ({state['messages']})")

    # 3. the pack validates and the kiosk opens it.
    proc = subprocess.run([args.lantai, "validate", pack], capture_output=True, text=True)
    check(proc.returncode == 0, "lantai validate passes: " + proc.stdout.strip()[-300:])
    check("image.missing_alt" not in proc.stdout and "text.empty" not in proc.stdout,
          "every image has the alt text typed for it; the organiser is set")
    proc = subprocess.run([args.lantai, "build", pack], capture_output=True, text=True)
    check(proc.returncode == 0, "lantai build passes")
    kiosk_script = os.path.join(args.out, "kiosk.script")
    with open(kiosk_script, "w") as f:
        f.write("wait-idle 8000\ntap @attract\nwait-idle 5000\nscreenshot kiosk-home\nquit\n")
    kiosk_state = os.path.join(args.out, "kiosk.state.json")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", args.kiosk, "--pack", pack,
                    "--no-video", "--script", kiosk_script, "--state-out", kiosk_state,
                    "--screenshot-dir", args.out, "--exit-after-script"],
                   env=dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1"), timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(kiosk_state) as f:
        ks = json.load(f)
    check(ks["screen"] in ("home", "exhibition", "chapter"), f"the kiosk opens the pack ({ks['screen']})")

    # 4. the preview portrait: the same item in 1080x1920.
    rc, state = run_editor(args, args.editor, [
        "wait-idle 10000", f"tap @tree:item:{first}", "wait-idle 5000", "screenshot editor-portrait"],
        "build-3", extra=[pack, "--preview", "1080x1920"])
    check(state["preview"]["width"] == 1080 and state["preview"]["screen"] == "item",
          f"portrait preview shows the item ({state['preview']})")
    return pack, first


def scenario_publish(args, pack):
    """Build, export the cloud gallery and copy to a USB stick, all from the editor's Publish menu."""
    gallery = os.path.join(args.out, "gallery")
    usb = os.path.join(args.out, "usb-stick")
    for folder in (gallery, usb):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    shutil.rmtree(os.path.join(pack, "derived"), ignore_errors=True)  # built again from nothing

    def job(item, path=None):
        steps = ["tap @menu:publish", "wait 300", f"tap @menu:publish:{item}", "wait-idle 3000"]
        if path:
            steps += ["tap @dialog:path", f"type {path}", "tap @dialog:ok"]
        return steps + ["wait-idle 240000"]

    rc, state = run_editor(args, args.editor, ["wait-idle 10000"] + job("build") +
                           ["screenshot editor-published-build"], "publish-build", extra=[pack],
                           timeout=300)
    check(rc == 0, f"Publish → Build runs (exit {rc}; {state.get('script_errors')})")
    check(state["publish"] == {"title": "构建 Build", "running": False, "finished": True, "ok": True},
          f"the build job finished ok ({state['publish']})")
    check(os.path.isdir(os.path.join(pack, "derived")), "the pack is built (derived/ made again)")

    rc, state = run_editor(args, args.editor, ["wait-idle 10000"] + job("gallery", gallery) +
                           job("usb", usb) + ["screenshot editor-published-usb"], "publish-export",
                           extra=[pack], timeout=400)
    check(rc == 0, f"Publish → Export / Copy run (exit {rc}; {state.get('script_errors')})")
    check(state["publish"]["ok"] and state["publish"]["finished"] and "U盘" in state["publish"]["title"],
          f"the copy to the USB stick finished ok ({state['publish']})")
    check(os.path.isfile(os.path.join(gallery, "index.html")),
          f"the cloud gallery was exported ({sorted(os.listdir(gallery))[:8]})")
    copy = os.path.join(usb, os.path.basename(os.path.normpath(pack)))
    check(os.path.isfile(os.path.join(copy, "pack.json")), f"the pack is on the stick ({copy})")
    check(not os.path.exists(os.path.join(copy, ".lantai-edit")),
          "the editor's own folder (journal, thumbnails, trash) is not copied")
    proc = subprocess.run([args.lantai, "validate", copy], capture_output=True, text=True)
    check(proc.returncode == 0, "the copy on the stick validates: " + proc.stdout.strip()[-200:])


def scenario_recover(args, pack, item):
    # An edit, then kill -9 before saving.
    proc, state_file = run_editor(args, args.editor, [
        "wait-idle 10000", f"tap @tree:item:{item}", "wait-idle 2000",
        "tap @field:title:en", "type A family letter from Shanghai", "wait-idle 3000",
        "screenshot editor-before-kill", "wait 60000"], "recover-1", extra=[pack], background=True)
    deadline = time.time() + 90
    while time.time() < deadline:
        if os.path.exists(os.path.join(args.out, "editor-before-kill.png")):
            break
        time.sleep(0.2)
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # The state each step wrote: SDL was told to open the input method's candidate window at the
    # text cursor of the field being typed in (fcitx5/IBus place it there), not at a corner.
    with open(state_file, encoding="utf-8") as f:
        spot = json.load(f).get("input_method") or {}
    check(spot.get("field") == "field:title:en" and spot.get("height", 0) > 0,
          f"the candidate window goes to the text cursor of the field typed in ({spot})")
    check(load_pack(pack)["exhibitions"] is not None, "pack.json intact after kill -9")
    titles = [i["title"].get("en", "") for i in items_of(load_pack(pack))]
    check("A family letter from Shanghai" not in titles, "the unsaved edit is not in pack.json")
    rc, state = run_editor(args, args.editor, [
        "wait-idle 10000", "screenshot editor-recover-offer", "tap @dialog:recover", "wait-idle 3000",
        "key ctrl+s", "wait-idle 3000"], "recover-2", extra=[pack])
    check(rc == 0, f"restart exits 0 ({rc}, {state.get('script_errors')})")
    titles = [i["title"].get("en", "") for i in items_of(load_pack(pack))]
    check("A family letter from Shanghai" in titles, "Recover brought the edit back and it saved")


def scenario_read_only(args, pack):
    holder, _ = run_editor(args, args.editor, ["wait-idle 10000", "wait 60000"], "holder",
                           extra=[pack], background=True)
    time.sleep(6)
    rc, state = run_editor(args, args.editor, ["wait-idle 10000", "screenshot editor-read-only"],
                           "second", extra=[pack])
    os.killpg(holder.pid, signal.SIGTERM)
    holder.wait()
    check(state["pack"]["read_only"], "the second editor opened the pack read-only")
    check("@" in state["pack"].get("lock_holder", ""), f"and names who holds it ({state['pack'].get('lock_holder')})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--editor", required=True)
    ap.add_argument("--lantai", required=True)
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    pack, item = scenario_build(args)
    scenario_publish(args, pack)
    scenario_recover(args, pack, item)
    scenario_read_only(args, pack)
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
