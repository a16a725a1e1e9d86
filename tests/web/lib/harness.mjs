// tests/web: one served site + one headless chromium per test file, and the page helpers the scenarios share
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveSite } from './server.mjs';
import { launch, paths, recordTraffic } from './browser.mjs';

export const MOUNTS = ['/', '/exhibits/lantai/'];

/**
 * Serves `site` (default: the exported demo) at the root and under a sub-path, launches chromium
 * before the file's tests and closes both after. The returned object fills in on `before`.
 */
export function useSite(site = paths.demo) {
  const ctx = { site, server: null, browser: null };
  before(async () => {
    assert.ok(existsSync(path.join(site, 'index.html')),
      `no exported site at ${site}: build the web_demo_site target first (tools/gallery/SITE.md)`);
    ctx.server = await serveSite(site, MOUNTS);
    ctx.browser = await launch();
    ctx.url = (rel = '', mount = '/') => `${ctx.server.origin}${mount}${rel}`;
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/** A new page (fresh context: own storage) with its traffic recorded and JS errors collected. */
export async function openPage(ctx, options = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  const traffic = recordTraffic(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let inflight = 0;
  page.on('request', () => inflight++);
  page.on('requestfinished', () => inflight--);
  page.on('requestfailed', () => inflight--);
  /** Resolves once no request has been in flight for `quietMs`. */
  page.quiet = async (quietMs = 400, timeoutMs = 20000) => {
    const end = Date.now() + timeoutMs;
    let since = Date.now();
    while (Date.now() < end) {
      if (inflight > 0) since = Date.now();
      else if (Date.now() - since >= quietMs) return;
      await page.waitForTimeout(50);
    }
    throw new Error(`network still busy after ${timeoutMs} ms`);
  };
  return { context, page, traffic, errors };
}

/** Site-relative path of a page URL ("zh/items/x.html"), whatever the mount. */
export function sitePath(url, mount) {
  const p = new URL(url).pathname;
  return p.startsWith(mount) ? p.slice(mount.length) : p;
}

/** The first item page reachable from the home page: home -> exhibition -> chapter -> item. */
export async function walkToItem(page, ctx, lang = 'zh', mount = '/') {
  await page.goto(ctx.url(`${lang}/index.html`, mount));
  const steps = [];
  for (const part of ['exhibitions/', 'chapters/', 'items/']) {
    const link = page.locator(`main a[href*="${part}"]`).first();
    await link.waitFor();
    await Promise.all([page.waitForURL((u) => u.pathname.includes(`/${part}`)), link.click()]);
    await page.locator('h1').first().waitFor();
    steps.push(sitePath(page.url(), mount));
  }
  return steps;
}

/** Item pages linked from a page, as site-relative paths (deduplicated, in order). */
export async function itemLinks(page, mount) {
  const hrefs = await page.$$eval('main a[href*="items/"]', (as) => as.map((a) => a.href));
  return [...new Set(hrefs.map((h) => sitePath(h, mount)))];
}
