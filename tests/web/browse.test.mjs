// tests/web: browse home -> exhibition -> chapter -> item at the site root and under a sub-path; deep zoom with no failed tile
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MOUNTS, itemLinks, openPage, sitePath, useSite, walkToItem } from './lib/harness.mjs';

const ctx = useSite();

/** The item page (site-relative) with the largest zoomable image among those a chapter links. */
async function biggestImageItem(page, chapterUrl, mount) {
  await page.goto(chapterUrl);
  let best = null;
  for (const rel of (await itemLinks(page, mount)).slice(0, 12)) {
    const html = await (await page.request.get(ctx.url(rel, mount))).text();
    for (const m of html.matchAll(/class="zoom"[^>]*data-width="(\d+)"[^>]*data-height="(\d+)"/g)) {
      const px = Number(m[1]) * Number(m[2]);
      if (!best || px > best.px) best = { rel, px };
    }
  }
  return best?.rel;
}

const viewerState = (page) => page.evaluate(() => {
  const v = document.querySelector('figure.zoom')?.lantaiViewer;
  const item = v?.world.getItemAt(0);
  return v && item ? { zoom: v.viewport.getZoom(true), loaded: item.getFullyLoaded(), center: v.viewport.getCenter(true) } : null;
});

for (const mount of MOUNTS) {
  test(`navigate and zoom (site at ${mount})`, async () => {
    const { page, traffic, errors, context } = await openPage(ctx);
    const steps = await walkToItem(page, ctx, 'zh', mount);
    assert.match(steps[0], /^zh\/exhibitions\/[a-z0-9-]+\.html$/);
    assert.match(steps[1], /^zh\/chapters\/[a-z0-9-]+\/[a-z0-9-]+\.html$/);
    assert.match(steps[2], /^zh\/items\/[a-z0-9-]+\.html$/);
    assert.ok((await page.locator('h1').first().textContent()).trim().length > 0);

    const rel = await biggestImageItem(page, ctx.url(steps[1], mount), mount);
    assert.ok(rel, 'an item with a zoomable image in the first chapter');
    await page.goto(ctx.url(rel, mount));
    await page.locator('.zoom-stage.zoom-open').first().waitFor({ timeout: 15000 });
    const img = page.locator('figure.zoom img').first();
    assert.ok((await img.getAttribute('alt')).length > 0, 'the thumbnail keeps its alt text');

    // Every tile comes from this site, resolved from the page location.
    const canvas = page.locator('figure.zoom .openseadragon-canvas').first();
    const box = await canvas.boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const start = await viewerState(page);
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 14; i++) { await page.mouse.wheel(0, -240); await page.waitForTimeout(60); }
    await page.quiet();
    const zoomed = await viewerState(page);
    assert.ok(zoomed.zoom > start.zoom * 4, `wheel zooms in (${start.zoom} -> ${zoomed.zoom})`);

    // Drag to pan, twice, in different directions.
    for (const [dx, dy] of [[-300, -180], [220, 260]]) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let s = 1; s <= 8; s++) await page.mouse.move(cx + (dx * s) / 8, cy + (dy * s) / 8);
      await page.mouse.up();
      await page.quiet();
    }
    const panned = await viewerState(page);
    assert.notDeepEqual(panned.center, zoomed.center, 'dragging pans');

    // Keyboard: the toolbar buttons work with Enter, the canvas with + / -.
    await page.locator('.zoom-btn-out').first().focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await canvas.focus();
    const outline = await canvas.evaluate((el) => getComputedStyle(el).outlineStyle);
    await page.keyboard.press('Minus');
    await page.keyboard.press('0');
    await page.quiet();
    const home = await viewerState(page);
    assert.ok(home.zoom < panned.zoom, 'zoom out by keyboard');

    // Full screen and back, with the button's label following.
    const full = page.locator('.zoom-btn-full').first();
    await full.click();
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('zoom-stage'));
    // fullscreenchange is dispatched after fullscreenElement is set: wait for the label to follow.
    await page.waitForFunction(() => document.querySelector('.zoom-btn-full')?.getAttribute('aria-pressed') === 'true', null, { timeout: 5000 });
    await full.click();
    await page.waitForFunction(() => !document.fullscreenElement);
    await page.waitForFunction(() => document.querySelector('.zoom-btn-full')?.getAttribute('aria-pressed') === 'false', null, { timeout: 5000 });
    await page.quiet();

    const tiles = traffic.responses.filter((r) => r.url.includes('/iiif/'));
    assert.ok(tiles.length >= 10, `tiles were loaded (${tiles.length})`);
    assert.ok(tiles.every((r) => new URL(r.url).pathname.startsWith(`${mount}iiif/`)), 'tiles load from the site mount');
    const regions = tiles.map((r) => /\/(\d+),(\d+),(\d+),(\d+)\/(\d+),(\d+)\//.exec(r.url)).filter(Boolean);
    assert.ok(regions.length > 0, 'region tiles at deeper levels were requested');
    assert.ok(regions.some((m) => m[3] === m[5]), 'full-resolution tiles (scale factor 1) were requested');
    assert.deepEqual(traffic.bad(), [], 'no request failed (4xx/5xx) while zooming and panning');
    assert.notEqual(outline, 'none', 'the focused viewer shows a focus outline');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
