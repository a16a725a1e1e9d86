// tests/web: an exhibition's IIIF Presentation 3 manifest opens in Mirador 4 — title, table of contents, deep-zoom tiles
//
// The acceptance: "the IIIF manifest opens in Mirador". Mirador wants absolute ids, so the
// demo pack is exported again with --base-url pointing at this test's loopback server
// (http://127.0.0.1:PORT/site/, a sub-path on purpose). Mirador's prebuilt bundle comes from
// tools/gallery/viewer/node_modules (a devDependency for this test; the exported site never ships it) and
// is served beside the site by a one-line page that opens the manifest like an archive would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromiumPath, launch, miradorBundle, shotPath, sourceDir } from './lib/browser.mjs';
import { openPage } from './lib/harness.mjs';
import { serveSite } from './lib/server.mjs';

// CTest passes these; by hand they default to a build/ folder in the source tree.
const cli = process.env.LANTAI_CLI || path.join(sourceDir, 'build/tools/cli/lantai');
const pack = process.env.LANTAI_DEMO_PACK || path.join(sourceDir, 'build/packs/demo');
const assets = process.env.LANTAI_WEB_DIST; // unset: the exporter's own default

function whyNot() {
  if (!chromiumPath()) return 'chromium not found: install the Debian package chromium or set LANTAI_CHROMIUM';
  if (!existsSync(cli)) return `no lantai binary at ${cli}: build it or set LANTAI_CLI`;
  if (!existsSync(path.join(pack, 'derived/index.json'))) return `no built demo pack at ${pack}: build the demo_pack target or set LANTAI_DEMO_PACK`;
  try { miradorBundle(); } catch { return 'mirador is not in tools/gallery/viewer/node_modules: run npm ci there (the lantai_web target does)'; }
  return null;
}
const skip = whyNot();
if (skip) console.log(`# mirador test skipped: ${skip}`);

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mirador</title><link rel="icon" href="data:,">
<style>html,body{margin:0;height:100%}#mirador{position:absolute;inset:0}</style></head>
<body><div id="mirador"></div>
<script src="mirador.min.js"></script>
<script>
  const q = new URLSearchParams(location.search);
  window.mirador = Mirador.viewer({
    id: 'mirador',
    language: q.get('lang') || 'en',
    workspaceControlPanel: { enabled: false },
    windows: [{ manifestId: q.get('manifest'), sideBarOpen: true, sideBarPanel: 'canvas' }],
  });
</script></body></html>
`;

const ctx = { browser: null };
let tmp;
let server;
let manifest; // the exhibition's manifest as exported
let manifestUrl;

before(async () => {
  if (skip) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lantai-mirador-'));
  server = await serveSite(tmp, ['/']);
  const site = path.join(tmp, 'site');
  const args = ['export', 'web', pack, site, '--base-url', `${server.origin}/site/`, '--lang', 'en'];
  if (assets) args.push('--assets', assets);
  const t0 = Date.now();
  await promisify(execFile)(cli, args, { timeout: 60000 });
  console.log(`# exported the demo with --base-url ${server.origin}/site/ in ${Date.now() - t0} ms`);
  symlinkSync(miradorBundle(), path.join(tmp, 'mirador.min.js'));
  writeFileSync(path.join(tmp, 'mirador.html'), PAGE);
  const name = readdirSync(path.join(site, 'iiif/manifests')).filter((f) => f.endsWith('.json')).sort()[0];
  assert.ok(name, 'the export wrote an IIIF manifest');
  manifestUrl = `${server.origin}/site/iiif/manifests/${name}`;
  manifest = JSON.parse(readFileSync(path.join(site, 'iiif/manifests', name), 'utf8'));
  ctx.browser = await launch();
});

after(async () => {
  await ctx.browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Image service key of a canvas ("images_ch1_..._jpg"), from its painting annotation. */
function imageKey(canvas) {
  const serviceId = canvas.items[0].items[0].body.service[0].id;
  return serviceId.slice(serviceId.lastIndexOf('/') + 1);
}

/** Responses of the image service `key`: its info.json and its tiles (x,y,w,h/W,H/0/default.jpg). */
function serviceTraffic(traffic, key) {
  const prefix = `${server.origin}/site/iiif/${key}/`;
  const mine = traffic.responses.filter((r) => r.url.startsWith(prefix));
  return {
    info: mine.filter((r) => r.url === `${prefix}info.json`),
    tiles: mine.filter((r) => /\/\d+,\d+,\d+,\d+\/\d*,\d*\/0\/default\.jpg$/.test(r.url)),
  };
}

/** Waits until `key`'s info.json and at least one of its tiles have come back. */
async function tilesOf(page, traffic, key) {
  const end = Date.now() + 15000;
  for (;;) {
    const t = serviceTraffic(traffic, key);
    if (t.info.length && t.tiles.length) return t;
    if (Date.now() > end) throw new Error(`no info.json or tile of ${key} within 15 s: ${JSON.stringify(t)}`);
    await page.waitForTimeout(100);
  }
}

/** Standard deviation of the luminance of the OpenSeadragon canvas as it shows on screen (0 = blank). */
async function osdContrast(page) {
  const png = await page.locator('.mirador-osd-container .openseadragon-canvas').first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0; let sum = 0; let sq = 0;
    for (let i = 0; i < d.length; i += 16) {
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      n++; sum += y; sq += y * y;
    }
    return Math.sqrt(sq / n - (sum / n) ** 2);
  }, png.toString('base64'));
}

/** What Mirador reports on the page: error texts in the DOM, and errors in its store. */
async function miradorErrors(page, url) {
  return page.evaluate((id) => {
    const found = [];
    const text = document.body.innerText;
    for (const re of [/could not be loaded/i, /cannot be added/i, /an error occurred/i, /\berror\b/i]) {
      const m = text.match(re);
      if (m) found.push(`DOM: "${text.slice(Math.max(0, m.index - 60), m.index + 80).replace(/\s+/g, ' ')}"`);
    }
    const state = window.mirador.store.getState();
    if (state.manifests[id]?.error) found.push(`manifest: ${state.manifests[id].error}`);
    for (const [k, v] of Object.entries(state.infoResponses || {})) if (v.error) found.push(`info ${k}: ${v.error}`);
    for (const e of state.errors?.items || []) found.push(`errors: ${JSON.stringify(state.errors[e] || e)}`);
    return found;
  }, url);
}

test('the exhibition manifest opens in Mirador: title, chapters as table of contents, tiles', { skip: skip || false }, async () => {
  assert.ok(manifest.id.startsWith(`${server.origin}/site/`), `manifest id is absolute: ${manifest.id}`);
  assert.equal(manifest.id, manifestUrl, 'manifest id is its own URL');
  const title = manifest.label.en[0];
  const chapters = manifest.structures.map((r) => r.label.en[0]);
  const canvases = manifest.items;
  assert.ok(chapters.length >= 2 && canvases.length >= 2, 'the demo exhibition has chapters with images');

  const { page, traffic, errors, context } = await openPage(ctx);
  const started = Date.now();
  await page.goto(`${server.origin}/mirador.html?manifest=${encodeURIComponent(manifestUrl)}`);

  // The window title is the exhibition's label.
  const heading = page.locator('.mirador-window-top-bar h2');
  await heading.filter({ hasText: title }).first().waitFor({ timeout: 15000 });

  // The canvas panel opens on the table of contents: one entry per chapter, in order.
  const toc = page.locator('.mirador-window [role="treeitem"]');
  await toc.first().waitFor({ timeout: 10000 });
  assert.deepEqual((await toc.allInnerTexts()).map((s) => s.trim()), chapters, 'table of contents = chapters');

  // The first canvas, with "1 of N" for every image of the exhibition.
  const info = page.locator('.mirador-osd-info');
  await info.filter({ hasText: `1 of ${canvases.length}` }).waitFor({ timeout: 10000 });
  await page.locator('.mirador-osd-container .openseadragon-canvas').first().waitFor({ timeout: 10000 });
  const first = await tilesOf(page, traffic, imageKey(canvases[0]));
  await page.quiet();
  const contrast = await osdContrast(page);
  assert.ok(contrast > 8, `the first canvas's image is drawn (luminance sd ${contrast.toFixed(1)})`);

  // A user picks the second chapter in the table of contents: Mirador goes to its first canvas.
  const second = manifest.structures[1];
  const index = canvases.findIndex((c) => c.id === second.items[0].id);
  await toc.nth(1).click();
  await info.filter({ hasText: `${index + 1} of ${canvases.length}` }).waitFor({ timeout: 10000 });
  const secondTiles = await tilesOf(page, traffic, imageKey(canvases[index]));
  await page.quiet();
  await page.screenshot({ path: shotPath('mirador.png') });

  // Nothing failed: manifest, info.json, tiles, thumbnails; no error shown or stored.
  assert.deepEqual(traffic.bad(), [], 'no 4xx/5xx or failed request');
  const manifestLoads = traffic.responses.filter((r) => r.url === manifestUrl);
  assert.ok(manifestLoads.length >= 1 && manifestLoads.every((r) => r.status === 200), 'manifest loaded');
  for (const t of [first, secondTiles]) {
    assert.ok([...t.info, ...t.tiles].every((r) => r.status === 200), JSON.stringify(t));
  }
  assert.deepEqual(await miradorErrors(page, manifestUrl), []);
  assert.deepEqual(server.log.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`), [], 'server: no 4xx/5xx');
  // Mirador 4.0.0's own React 19 deprecation warning is not ours; anything else is.
  assert.deepEqual(errors.filter((e) => !/Accessing element\.ref was removed in React 19/.test(e)), [], 'no script error');
  const tiles = first.tiles.length + serviceTraffic(traffic, imageKey(canvases[index])).tiles.length;
  console.log(`# Mirador: "${title}", ${chapters.length} chapters, ${canvases.length} canvases, ${tiles} tiles, ${Date.now() - started} ms`);
  await context.close();
});

// Mirador's language picks from the language maps: the zh labels with a Chinese interface. (Mirador
// 4.0.0 itself still labels table-of-contents entries in its default locale, so they are not checked.)
test('in Chinese, Mirador shows the zh labels of the exhibition and the canvas', { skip: skip || false }, async () => {
  const { page, traffic, context } = await openPage(ctx);
  await page.goto(`${server.origin}/mirador.html?lang=zh-CN&manifest=${encodeURIComponent(manifestUrl)}`);
  await page.locator('.mirador-window-top-bar h2').filter({ hasText: manifest.label.zh[0] }).first().waitFor({ timeout: 15000 });
  const canvasLabel = manifest.items[0].label.zh[0];
  await page.locator('.mirador-osd-info').filter({ hasText: canvasLabel }).waitFor({ timeout: 10000 });
  await tilesOf(page, traffic, imageKey(manifest.items[0]));
  await page.quiet();
  assert.deepEqual(traffic.bad(), [], 'no 4xx/5xx or failed request');
  assert.deepEqual(await miradorErrors(page, manifestUrl), []);
  await context.close();
});
