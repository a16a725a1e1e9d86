// tests/bench: the phone page's first paint in headless Chromium (mobile emulation) on Chrome
// DevTools' "Slow 3G" and "Fast 3G" network profiles (CDP Network.emulateNetworkConditions) beside
// an unthrottled load; median of 3 loads each, one JSON line.
// Usage: node phones_paint_bench.mjs URL
import { launch } from '../web/lib/browser.mjs';

const url = process.argv[2];
// DevTools' presets (as Puppeteer's PredefinedNetworkConditions): bytes/s and ms.
const PROFILES = {
  none: null,
  'Fast 3G': { download: (1.6 * 1000 * 1000 / 8) * 0.9, upload: (750 * 1000 / 8) * 0.9, latency: 150 * 3.75 },
  'Slow 3G': { download: (500 * 1000 / 8) * 0.8, upload: (500 * 1000 / 8) * 0.8, latency: 400 * 5 },
};

async function load(browser, profile) {
  const context = await browser.newContext({ viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: profile.latency, downloadThroughput: profile.download, uploadThroughput: profile.upload,
    });
  }
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  const t = await page.evaluate(() => {
    const paint = {};
    for (const e of performance.getEntriesByType('paint')) paint[e.name] = e.startTime;
    const nav = performance.getEntriesByType('navigation')[0];
    return { fp: paint['first-paint'], fcp: paint['first-contentful-paint'], ttfb: nav.responseStart,
      bytes: nav.transferSize };
  });
  await context.close();
  return t;
}

const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
const browser = await launch();
const out = {};
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await load(browser, profile));
    out[name] = {
      first_paint_ms: Math.round(median(runs.map((r) => r.fp))),
      first_contentful_paint_ms: Math.round(median(runs.map((r) => r.fcp))),
      first_byte_ms: Math.round(median(runs.map((r) => r.ttfb))),
      paint_after_first_byte_ms: Math.round(median(runs.map((r) => r.fp - r.ttfb))),
    };
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
