#!/usr/bin/env python3
# tests: `lantai export web` — refusals, escaping, publishing policies, re-export (a changed caption, an interrupted
# export, OUT never partial), golden manifest and item <head>
#
# usage: export_web.py LANTAI SOURCE_DIR [BUILT_DEMO_PACK]
# LANTAI_UPDATE_GOLDEN=1 rewrites tests/golden/web-xss/ from this run instead of comparing.
import difflib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

lantai, source = sys.argv[1], pathlib.Path(sys.argv[2])
demo = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
golden = source / "tests/golden/web-xss"
base_url = "https://archives.example.org/gallery/"
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def run(*args):
    r = subprocess.run([lantai, *map(str, args)], capture_output=True, text=True, timeout=300)
    return r.returncode, r.stdout + r.stderr


def stub_assets(tmp):
    """Fixed viewer files, so the ?v= hashes in the golden <head> do not follow tools/gallery/viewer."""
    d = tmp / "assets-dist"
    (d / "assets/chunks").mkdir(parents=True)
    (d / "assets/lantai.js").write_text("// stub viewer for tests\n")
    (d / "assets/lantai.css").write_text("/* stub styles for tests */\n")
    (d / "assets/icon.svg").write_text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
    (d / "assets/chunks/zoom-0000.js").write_text("// stub chunk\n")
    return d


def items_of(pack):
    doc = json.loads((pack / "pack.json").read_text())
    return [i["id"] for e in doc["exhibitions"] for c in e["chapters"] for i in c["items"]]


def pages(site):
    return sorted(site.rglob("*.html"))


def compare_golden(name, text):
    path = golden / name
    if os.environ.get("LANTAI_UPDATE_GOLDEN"):
        path.write_text(text)
        print("updated", path)
        return
    want = path.read_text() if path.exists() else ""
    if want != text:
        diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True), str(path), "this export"))
        check(False, f"{name} differs from the golden file (LANTAI_UPDATE_GOLDEN=1 to accept):\n{diff}")


def main():
    tmp = pathlib.Path(tempfile.mkdtemp())
    try:
        assets = stub_assets(tmp)
        pack = tmp / "web-xss"
        shutil.copytree(source / "tests/packs/web-xss", pack)
        shutil.rmtree(pack / "derived", ignore_errors=True)
        site = tmp / "site"

        # An unbuilt pack is refused with the command to run.
        rc, out = run("export", "web", pack, site, "--assets", assets, "--lang", "en")
        check(rc == 1 and "lantai build" in out and "export.not_built" in out, f"unbuilt pack: rc {rc}: {out}")
        check(not site.exists(), "an unbuilt pack left an output folder")
        # Missing viewer assets are named.
        rc, out = run("build", pack, "--lang", "en")
        check(rc == 0, f"lantai build: {out}")
        rc, out = run("export", "web", pack, site, "--assets", tmp / "nowhere", "--lang", "en")
        check(rc != 0 and "assets/lantai.js" in out, f"missing assets: rc {rc}: {out}")
        rc, out = run("export", "web", pack, site, "--assets", assets, "--base-url", "ftp://x", "--lang", "en")
        check(rc != 0 and "export.bad_base_url" in out, f"bad base url: rc {rc}: {out}")

        rc, out = run("export", "web", pack, site, "--assets", assets, "--base-url", base_url, "--json")
        check(rc == 0, f"export: rc {rc}: {out}")
        report = json.loads(out) if rc == 0 else {}
        check(report.get("images_limited") == 1 and report.get("images_withheld") == 1 and report.get("items") == 3,
              f"report: {report}")

        # Every item page in both languages; every page escapes pack text.
        for lang in ("zh", "en"):
            for item in items_of(pack):
                check((site / lang / "items" / f"{item}.html").is_file(), f"missing {lang}/items/{item}.html")
        for page in pages(site):
            html = page.read_text()
            check(html.count("<script") == 1, f"{page.relative_to(site)}: {html.count('<script')} <script> tags (1 expected)")
            for raw in ("<img src=x", "<b>", "<i>", "<u>", "<em>", "<mark>", "<a href=javascript"):
                check(raw not in html, f"{page.relative_to(site)}: unescaped {raw}")
        item = (site / "en/items/xss-caption.html").read_text()
        check('<p class="caption">&lt;script&gt;alert(1)&lt;/script&gt;</p>' in item, "caption not shown escaped")
        check('alt="&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"' in item, "alt text not escaped")
        check("J&lt;001&gt;-&quot;002&quot;" in item, "reference not escaped")
        check('<link rel="canonical" href="https://archives.example.org/gallery/en/items/xss-caption.html">' in item,
              "canonical link")

        # Publishing policies.
        info = json.loads((site / "iiif/images_wide_jpg/info.json").read_text())
        check(max(info["width"], info["height"]) == 600, f"limited image is {info['width']}x{info['height']}")
        check(info["id"] == base_url + "iiif/images_wide_jpg", f"info.json id {info['id']}")
        check(not list(site.rglob("*kiosk-only*jpg*")), "the unpublished image was exported")
        check("shown at the exhibition only" in (site / "en/items/kiosk-only.html").read_text(), "kiosk-only note")
        check(not (pack / "derived/iiif/images_wide_jpg/info.json").read_text().count("archives.example.org"),
              "the export wrote into the pack's derived/")

        # Data files parse; the quiz bank keeps text as data; sitemap with a base URL.
        for f in site.rglob("*.json"):
            json.loads(f.read_text())
        bank = json.loads((site / "data/quiz/xss.json").read_text())
        check(len(bank["questions"]) == 2 and len(bank["questions"][1]["options"]) == 2, "quiz bank shape")
        check((site / "sitemap.xml").is_file() and (site / "robots.txt").is_file(), "sitemap.xml / robots.txt")

        # Golden files: the manifest and one item page's <head>.
        manifest = (site / "iiif/manifests/escapes.json").read_text()
        compare_golden("manifest.json", manifest)
        head = re.search(r"<head>.*?</head>\n", item, re.S).group(0)
        compare_golden("item-head.html", head)
        check_manifest_shape(json.loads(manifest))

        # Re-export over an earlier export: replaced; a foreign folder is refused and left alone.
        (site / "stale.html").write_text("old")
        rc, out = run("export", "web", pack, site, "--assets", assets, "--lang", "en")
        check(rc == 0 and not (site / "stale.html").exists(), f"re-export: rc {rc}: {out}")
        check_siblings(site)
        check_caption_reexport(pack, site, assets)
        foreign = tmp / "foreign"
        foreign.mkdir()
        (foreign / "keep.txt").write_text("mine")
        rc, out = run("export", "web", pack, foreign, "--assets", assets, "--lang", "en")
        check(rc != 0 and "export.out_not_site" in out and (foreign / "keep.txt").read_text() == "mine",
              f"foreign folder: rc {rc}: {out}")

        if demo:
            check_demo(demo, tmp, assets)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("export_web: all checks passed")
    return 0


def site_siblings(site):
    return [p for p in site.parent.iterdir() if p.name.startswith(f".{site.name}.")]


def check_siblings(site, leftover_seconds=120):
    """After an export: no temp folder and nothing else that looks like a site beside OUT; the
    previous site and leftovers, renamed .NAME.trash-*, are gone once the background rm is done."""
    for p in site_siblings(site):
        check(p.name.startswith(f".{site.name}.trash-"), f"left beside the site: {p.name}")
        check(not (p / ".lantai-export.json").exists(), f"{p.name} still looks like a site")
    deadline = time.monotonic() + leftover_seconds
    while site_siblings(site) and time.monotonic() < deadline:
        time.sleep(0.2)
    check(not site_siblings(site), f"not removed after {leftover_seconds} s: {[p.name for p in site_siblings(site)]}")


def tiles(site):
    """Every file below iiif/ but info.json (rewritten each export): relative path -> inode."""
    return {str(p.relative_to(site)): p.stat().st_ino for p in (site / "iiif").rglob("*")
            if p.is_file() and p.name != "info.json" and p.parent.name != "manifests"}


def check_caption_reexport(pack, site, assets):
    """A curator fixes one caption and exports again: that page changes, every tile stays (same files)."""
    before = tiles(site)
    other = (site / "en/items/xss-caption.html").read_text()
    doc = pack / "pack.json"
    doc.write_text(doc.read_text().replace('"At most 600 px online"', '"At most 600 px on the web (revised)"'))
    rc, out = run("build", pack, "--lang", "en")
    check(rc == 0, f"lantai build after a caption change: {out}")
    rc, out = run("export", "web", pack, site, "--assets", assets, "--lang", "en")
    check(rc == 0, f"re-export after a caption change: rc {rc}: {out}")
    page = (site / "en/items/limited-wide.html").read_text()
    check('<p class="caption">At most 600 px on the web (revised)</p>' in page, "the changed caption is not on its page")
    check("At most 600 px online" not in (site / "data/search/en/docs.json").read_text(), "search index kept the old caption")
    check((site / "en/items/xss-caption.html").read_text() == other, "an unchanged page changed")
    after = tiles(site)
    check(len(before) > 0 and after == before,
          f"tiles differ after a caption change: {len(before)} before, {len(after)} after, "
          f"{sum(1 for k in before if after.get(k) != before[k])} not the same file")
    check_siblings(site)


def check_interrupted(demo, site, assets):
    """An export killed while writing leaves OUT as it was (OUT is watched throughout); the next
    export removes what it left behind."""
    def listing():
        return sorted(str(p.relative_to(site)) for p in site.rglob("*"))

    before, stamp = listing(), (site / ".lantai-export.json").read_text()
    info = next((site / "iiif").glob("*/info.json")).relative_to(site)
    watching, seen_partial, looks = True, [], [0]

    def watch():
        while watching:
            looks[0] += 1
            for rel in (".lantai-export.json", "index.html", "en/index.html", str(info)):
                if not (site / rel).is_file():
                    seen_partial.append(rel)

    watcher = threading.Thread(target=watch)
    watcher.start()
    killed = None
    try:
        for _ in range(5):
            proc = subprocess.Popen([lantai, "export", "web", demo, site, "--assets", assets],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            tmp_dir = site.parent / f".{site.name}.tmp-{proc.pid}"
            while proc.poll() is None and not (tmp_dir / "iiif").exists():
                time.sleep(0.001)
            if proc.poll() is None:
                proc.kill()
                proc.wait()
                killed = tmp_dir
                break
            proc.wait()
        check(killed is not None and killed.exists(), "could not interrupt an export while it was writing")
        check(listing() == before and (site / ".lantai-export.json").read_text() == stamp,
              "the interrupted export changed the previous site")
        rc, out = run("export", "web", demo, site, "--assets", assets, "--json")
        check(rc == 0, f"export after an interrupted one: rc {rc}: {out}")
        check(killed is None or not killed.exists(), "the interrupted export's temp folder is still there")
    finally:
        watching = False
        watcher.join()
    check(looks[0] > 0 and not seen_partial, f"OUT was partial during an export ({len(seen_partial)} of {looks[0]} looks): "
          f"{sorted(set(seen_partial))}")
    check(listing() == before, "the export after an interrupted one is not the same site")
    print(f"interrupted export: killed while writing {killed.name if killed else '-'}; OUT looked at {looks[0]} times")
    check_siblings(site)


def check_manifest_shape(m):
    """IIIF Presentation 3 essentials (what Mirador and Universal Viewer rely on)."""
    check(m["@context"] == "http://iiif.io/api/presentation/3/context.json" and m["type"] == "Manifest", "manifest type")
    check(set(m["label"]) == {"zh", "en"} and all(isinstance(v, list) for v in m["label"].values()), "label language map")
    canvases = {c["id"] for c in m["items"]}
    for c in m["items"]:
        check(c["type"] == "Canvas" and c["width"] > 0 and c["height"] > 0, f"canvas {c['id']}")
        anno = c["items"][0]["items"][0]
        check(anno["motivation"] == "painting" and anno["target"] == c["id"], f"annotation of {c['id']}")
        check(anno["body"]["service"][0]["type"] == "ImageService3", f"image service of {c['id']}")
    for r in m["structures"]:
        check(r["type"] == "Range" and all(i["id"] in canvases for i in r["items"]), f"range {r['id']}")
    check(len(m["items"]) == 2, f"{len(m['items'])} canvases (2 published images expected)")


def check_demo(demo, tmp, assets):
    site = tmp / "demo-site"
    rc, out = run("export", "web", demo, site, "--assets", assets, "--json")
    check(rc == 0, f"demo export: rc {rc}: {out}")
    if rc != 0:
        return
    for lang in ("zh", "en"):
        for item in items_of(demo):
            check((site / lang / "items" / f"{item}.html").is_file(), f"demo: missing {lang}/items/{item}.html")
    for page in pages(site):
        check(page.read_text().count("<script") == 1, f"demo: {page.relative_to(site)} has extra <script>")
    # Every tile the info.json files imply exists (no 404 while zooming).
    for info_path in (site / "iiif").glob("*/info.json"):
        info = json.loads(info_path.read_text())
        w, h, t = info["width"], info["height"], info["tiles"][0]["width"]
        for s in info["tiles"][0]["scaleFactors"]:
            for y in range(0, h, t * s):
                for x in range(0, w, t * s):
                    rw, rh = min(t * s, w - x), min(t * s, h - y)
                    tile = info_path.parent / f"{x},{y},{rw},{rh}" / f"{-(-rw // s)},{-(-rh // s)}" / "0/default.jpg"
                    if not tile.is_file():
                        check(False, f"demo: missing tile {tile.relative_to(site)}")
                        return
    rc, out = run("export", "web", demo, site, "--assets", assets, "--json")
    check(rc == 0, f"demo re-export: rc {rc}: {out}")
    check_siblings(site)
    check_interrupted(demo, site, assets)


if __name__ == "__main__":
    sys.exit(main())
