// tests/web: client-side search — "档案" and an English word find items, only the needed shards are fetched, highlights are text
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './lib/harness.mjs';
import { shardOf, tokenize } from '../../tools/gallery/viewer/src/tokenize.js';

const ctx = useSite();
const mount = '/exhibits/lantai/';

async function search(lang, q) {
  const opened = await openPage(ctx);
  const { page, traffic } = opened;
  await page.goto(ctx.url(`${lang}/search.html?q=${encodeURIComponent(q)}`, mount));
  await page.locator('#search-results .search-summary').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#search-results[aria-busy]'));
  await page.quiet();
  const hits = await page.$$eval('.search-hit a', (as) => as.map((a) => ({ href: a.href, text: a.textContent })));
  const marks = await page.$$eval('.search-hit mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  const shards = traffic.responses.map((r) => new URL(r.url).pathname).filter((p) => /\/data\/search\/\w+\/\d+\.json$/.test(p));
  return { ...opened, hits, marks, shards };
}

test('search 档案 in Chinese', async () => {
  const { page, hits, marks, shards, traffic, errors, context } = await search('zh', '档案');
  assert.ok(hits.length >= 1, 'results for 档案');
  assert.ok(hits.every((h) => new URL(h.href).pathname.startsWith(`${mount}zh/`)), 'result links stay in the site and language');
  assert.ok(marks.includes('档案'), 'the match is highlighted');
  const meta = await (await page.request.get(ctx.url('data/search/zh/meta.json', mount))).json();
  const needed = new Set(tokenize('档案').map((t) => shardOf(t, meta.shards)));
  assert.equal(new Set(shards).size, needed.size, `only the needed shards are loaded (${shards.join(', ')})`);
  assert.equal(await page.inputValue('form[role="search"] input[name="q"] >> nth=0'), '档案');
  // Long lists come 20 at a time, with a button for more.
  const total = Number((await page.locator('.search-summary').textContent()).match(/\d+/)[0]);
  assert.equal(hits.length, Math.min(total, 20));
  while (await page.locator('.search-more').count()) await page.locator('.search-more').click();
  assert.equal(await page.locator('.search-hit').count(), total);
  assert.deepEqual(traffic.bad(), []);
  assert.deepEqual(errors, []);

  // A result opens its item page (results can be videos too).
  await Promise.all([page.waitForURL(/\/zh\/items\//), page.locator('.search-hit a[href*="/items/"]').first().click()]);
  assert.ok((await page.locator('h1').first().textContent()).length > 0);
  await context.close();
});

test('search an English word', async () => {
  const { hits, marks, traffic, errors, context } = await search('en', 'letter');
  assert.ok(hits.length >= 1, 'results for "letter"');
  assert.ok(marks.some((m) => m === 'letter'), 'the match is highlighted');
  assert.deepEqual(traffic.bad(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the header search form leads to results; nonsense finds nothing', async () => {
  const { page, context } = await openPage(ctx);
  await page.goto(ctx.url('zh/index.html', mount));
  const input = page.locator('form[role="search"] input[name="q"]').first();
  await input.fill('档案');
  await Promise.all([page.waitForURL(/search\.html\?q=/), input.press('Enter')]);
  await page.locator('.search-hit').first().waitFor();
  await input.fill('zzqqxxnotaword');
  await input.press('Enter');
  await page.waitForFunction(() => !document.querySelector('.search-hit') && /zzqqxx/.test(document.querySelector('.search-summary')?.textContent || ''));
  assert.match(page.url(), /q=zzqqxxnotaword/);
  await context.close();
});
