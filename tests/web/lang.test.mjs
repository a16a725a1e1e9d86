// tests/web: the Chinese/English switch keeps the page, and the root chooser remembers the visitor's language
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, sitePath, useSite, walkToItem } from './lib/harness.mjs';

const ctx = useSite();
const mount = '/exhibits/lantai/';

test('switch language on an item page, then the root goes to the chosen language', async () => {
  const { page, traffic, errors, context } = await openPage(ctx, { locale: 'zh-CN' });
  const [, , item] = await walkToItem(page, ctx, 'zh', mount);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const switchLink = page.locator('a.lang-switch[hreflang^="en"]');
  await Promise.all([page.waitForURL(/\/en\/items\//), switchLink.click()]);
  assert.equal(sitePath(page.url(), mount), item.replace(/^zh\//, 'en/'), 'the same item in English');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  await page.goto(ctx.url('', mount));
  await page.waitForURL(/\/en\/index\.html$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'root index.html remembers English');

  await Promise.all([page.waitForURL(/\/zh\/index\.html$/), page.locator('a.lang-switch[hreflang^="zh"]').click()]);
  await page.goto(ctx.url('index.html', mount));
  await page.waitForURL(/\/zh\/index\.html$/);
  assert.deepEqual(traffic.bad(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a remembered choice the root follows the browser language', async () => {
  for (const [locale, lang] of [['en-GB', 'en'], ['zh-CN', 'zh']]) {
    const { page, context } = await openPage(ctx, { locale });
    await page.goto(ctx.url(''));
    await page.waitForURL(new RegExp(`/${lang}/index\\.html$`));
    await context.close();
  }
});

test('without JavaScript the chooser links work', async () => {
  const { page, context } = await openPage(ctx, { javaScriptEnabled: false });
  await page.goto(ctx.url('', mount));
  assert.equal(await page.locator('a[hreflang="zh"]').count() + await page.locator('a[hreflang="en"]').count(), 2);
  await Promise.all([page.waitForURL(/\/en\/index\.html$/), page.locator('a[hreflang="en"]').click()]);
  await context.close();
});
