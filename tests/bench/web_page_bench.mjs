#!/usr/bin/env node
// tests/bench: item page of the exported site — gzipped HTML+JS+CSS bytes vs OpenSeadragon alone, load event vs the page without JS
//
// node tests/bench/web_page_bench.mjs [--site DIR] [--item zh/items/ID.html] [--runs 10] [--weight-only] [--check]
//   --site   exported site (default $LANTAI_WEB_DEMO or build/web/demo)
//   --item   item page, site-relative (default: the first item with a zoomable image)
//   --check  exit 1 when over a target: 150 KB gzipped; with timing, a 500 ms median load event
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveSite } from '../web/lib/server.mjs';
import { launch, paths } from '../web/lib/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const site = path.resolve(opt('--site', paths.demo));
const runs = Number(opt('--runs', 10));
const weightOnly = args.includes('--weight-only');
const check = args.includes('--check');
const TARGET_KB = 150;
const TARGET_MS = 500;

const gz = (buf) => gzipSync(buf, { level: 6 }).length; // level 6: the usual web server setting
const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function firstZoomItem() {
  for (const lang of ['zh', 'en']) {
    const dir = path.join(site, lang, 'items');
    for (const f of readdirSync(dir).sort()) {
      if (readFileSync(path.join(dir, f), 'utf8').includes('class="zoom"')) return `${lang}/items/${f}`;
    }
  }
  throw new Error(`no item page with a zoomable image in ${site}`);
}

const item = opt('--item', null) || firstZoomItem();
const server = await serveSite(site, ['/']);
const browser = await launch();
let failed = false;
try {
  // (a) weight: every document, script and stylesheet the item page loads, gzipped as served.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    const type = r.request().resourceType();
    if (['document', 'script', 'stylesheet'].includes(type) && r.status() === 200) bodies.push(r.body().then((b) => ({ type, url: r.url(), raw: b.length, gz: gz(b) })));
  });
  await page.goto(`${server.origin}/${item}`, { waitUntil: 'load' });
  await page.locator('.zoom-stage.zoom-open').first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(300);
  const files = await Promise.all(bodies);
  await context.close();
  const total = files.reduce((s, f) => s + f.gz, 0);
  const osd = files.filter((f) => /openseadragon/.test(f.url)).reduce((s, f) => s + f.gz, 0);
  console.log(`item page: ${item}`);
  for (const f of files) console.log(`  ${f.type.padEnd(10)} ${kb(f.raw).padStart(7)} KB raw ${kb(f.gz).padStart(6)} KB gz  ${new URL(f.url).pathname}`);
  console.log(`weight: ${kb(total)} KB gzipped (HTML+JS+CSS); OpenSeadragon alone ${kb(osd)} KB; ratio page/OSD ${(total / osd).toFixed(2)}; target <= ${TARGET_KB} KB`);
  if (total > TARGET_KB * 1024) { console.log('weight: OVER TARGET'); failed = true; }

  // (b) load event: fresh context each run (cold cache), alternating with the same page without JS.
  if (!weightOnly) {
    const times = { js: [], nojs: [] };
    for (let i = 0; i < runs; i++) {
      for (const kind of ['js', 'nojs']) {
        const c = await browser.newContext({ viewport: { width: 1280, height: 860 }, javaScriptEnabled: kind === 'js' });
        const p = await c.newPage();
        await p.goto(`${server.origin}/${item}`, { waitUntil: 'load' });
        const ms = await p.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
        times[kind].push(ms);
        await c.close();
      }
    }
    const js = median(times.js);
    const nojs = median(times.nojs);
    console.log(`load event (median of ${runs}, loopback, headless chromium): ${js.toFixed(0)} ms with the viewer; ${nojs.toFixed(0)} ms same page without JS; ratio ${(js / nojs).toFixed(2)}; target <= ${TARGET_MS} ms`);
    if (js > TARGET_MS) { console.log('load: OVER TARGET'); failed = true; }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(check && failed ? 1 : 0);
