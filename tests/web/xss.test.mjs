// tests/web: pack text with <script> and onerror= is shown as text on every exported page, in search results and the quiz
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { paths } from './lib/browser.mjs';
import { openPage, useSite } from './lib/harness.mjs';

const ctx = useSite(paths.xss);

function htmlPages(dir, rel = '') {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return ['assets', 'iiif', 'media', 'data'].includes(r) ? [] : htmlPages(dir, r);
    return e.name.endsWith('.html') ? [r] : [];
  });
}

const injected = (page) => page.evaluate(() => ({
  xss: window.__xss,
  strayImages: document.querySelectorAll('img[src="x"]').length,
  scripts: [...document.scripts].filter((s) => !s.src).map((s) => s.textContent).filter((t) => /__xss/.test(t)).length,
  text: document.body.innerText,
}));

test('every page of the XSS fixture shows the markup as text', async () => {
  const { page, traffic, context } = await openPage(ctx);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const pages = htmlPages(ctx.site).filter((p) => p !== 'index.html');
  assert.ok(pages.length > 0);
  let shown = 0;
  for (const rel of pages) {
    await page.goto(ctx.url(rel));
    await page.quiet(200);
    const r = await injected(page);
    assert.equal(r.xss, undefined, `${rel}: injected script ran`);
    assert.equal(r.strayImages, 0, `${rel}: injected <img> became an element`);
    assert.equal(r.scripts, 0, `${rel}: injected <script> became an element`);
    if (r.text.includes('<script>')) shown++;
  }
  assert.ok(shown >= 1, 'the caption with <script> is visible as text somewhere');
  assert.deepEqual(dialogs, []);
  assert.ok(!traffic.responses.some((r) => /\/x$/.test(new URL(r.url).pathname)), 'no request for the injected image');
  await context.close();
});

test('search results and the quiz show pack markup as text', async () => {
  const { page, context } = await openPage(ctx);
  for (const [lang, q] of [['en', 'script'], ['zh', 'script']]) {
    await page.goto(ctx.url(`${lang}/search.html?q=${q}`));
    await page.locator('.search-summary').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('#search-results[aria-busy]'));
    const r = await injected(page);
    assert.equal(r.xss, undefined);
    assert.equal(r.strayImages, 0);
    const hits = await page.locator('.search-hit').count();
    if (hits) assert.match(await page.locator('#search-results').innerText(), /<script>|onerror/, 'markup in a result is text');
  }
  await page.goto(ctx.url('en/quiz/index.html'));
  const start = page.locator('#quiz .quiz-bank button').first();
  if (await start.count()) {
    await start.click();
    await page.locator('.quiz-option label').first().click();
    await page.locator('.quiz-question button[type="submit"]').click();
    await page.locator('.quiz-verdict').waitFor();
    const r = await injected(page);
    assert.equal(r.xss, undefined);
    assert.equal(r.strayImages, 0);
  }
  await context.close();
});

test('a query with markup is echoed as text', async () => {
  const { page, context } = await openPage(ctx);
  const q = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> script';
  await page.goto(ctx.url(`en/search.html?q=${encodeURIComponent(q)}`));
  await page.locator('.search-summary').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#search-results[aria-busy]'));
  const r = await injected(page);
  assert.equal(r.xss, undefined);
  assert.equal(r.strayImages, 0);
  assert.match(await page.locator('.search-summary').innerText(), /<script>window\.__xss=1<\/script>/);
  await context.close();
});
