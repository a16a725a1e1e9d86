// tests/web: axe-core on every kind of page — no serious or critical accessibility violation
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeSource } from './lib/browser.mjs';
import { openPage, useSite, walkToItem } from './lib/harness.mjs';

const ctx = useSite();

async function axe(page, label) {
  await page.addScriptTag({ path: axeSource() });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, [], `${label}: ${page.url()}`);
}

// Every kind of page in Chinese; the English item and search pages check the other language.
test('axe: home, exhibition, chapter, item (zh); item (en)', async () => {
  const { page, context } = await openPage(ctx);
  await page.goto(ctx.url('zh/index.html'));
  await axe(page, 'home');
  const [exhibition, chapter, item] = await walkToItem(page, ctx, 'zh');
  await page.locator('.zoom-stage.zoom-open').first().waitFor({ timeout: 15000 }).catch(() => {});
  await axe(page, 'item (viewer open)');
  for (const rel of [exhibition, chapter]) {
    await page.goto(ctx.url(rel));
    await axe(page, rel);
  }
  await page.goto(ctx.url(item.replace(/^zh\//, 'en/')));
  await page.locator('.zoom-stage.zoom-open').first().waitFor({ timeout: 15000 }).catch(() => {});
  await axe(page, 'item (en)');
  await context.close();
});

test('axe: search, quiz, videos (zh); search (en)', async () => {
  const { page, context } = await openPage(ctx);
  for (const [lang, q] of [['zh', '%E6%A1%A3%E6%A1%88'], ['en', 'letter']]) {
    await page.goto(ctx.url(`${lang}/search.html?q=${q}`));
    await page.locator('.search-hit').first().waitFor();
    await axe(page, `search results (${lang})`);
  }

  await page.goto(ctx.url('zh/quiz/index.html'));
  await page.locator('#quiz .quiz-bank button').first().waitFor();
  await axe(page, 'quiz banks');
  await page.locator('#quiz .quiz-bank button').first().click();
  await page.locator('.quiz-option label').first().click();
  await axe(page, 'quiz question');
  await page.locator('.quiz-question button[type="submit"]').click();
  await page.locator('.quiz-verdict').waitFor();
  await axe(page, 'quiz feedback');

  await page.goto(ctx.url('zh/videos/index.html'));
  await axe(page, 'video library');
  await Promise.all([page.waitForURL(/\/videos\/(?!index)[a-z0-9-]+\.html$/),
    page.locator('main a[href$=".html"]:not([href$="index.html"])').first().click()]);
  await page.locator('video').waitFor();
  await axe(page, 'video');
  await context.close();
});

test('axe: the root language chooser (its redirect held back)', async () => {
  const { page, context } = await openPage(ctx);
  // The script would leave the page at once: serve an empty one so that axe sees the chooser.
  await page.route('**/assets/lantai.js*', (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  await page.goto(ctx.url(''));
  assert.equal(await page.locator('a[hreflang]').count(), 2);
  await axe(page, 'language chooser');
  await context.close();
});
