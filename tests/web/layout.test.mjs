// tests/web: responsive layout from a 360 px phone to desktop (screenshots kept for people), visible keyboard focus
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shotPath } from './lib/browser.mjs';
import { openPage, useSite, walkToItem } from './lib/harness.mjs';

const ctx = useSite();

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const [name, options] of [
  ['phone', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 }],
  ['desktop', { viewport: { width: 1280, height: 860 } }],
]) {
  test(`${name} layout: no sideways scrolling, screenshots`, async () => {
    const { page, traffic, errors, context } = await openPage(ctx, options);
    const [exhibition, chapter, item] = await walkToItem(page, ctx, 'zh');
    await page.locator('.zoom-stage.zoom-open').first().waitFor({ timeout: 15000 }).catch(() => {});
    await page.quiet();
    assert.ok(await overflow(page) <= 1, `${item}: no horizontal overflow`);
    await page.screenshot({ path: shotPath(`${name}-item.png`) });
    await page.screenshot({ path: shotPath(`${name}-item-full.png`), fullPage: true });
    const pages = name === 'phone'
      ? [['zh/index.html', 'home'], ['zh/search.html?q=%E6%A1%A3%E6%A1%88', 'search'], ['en/quiz/index.html', 'quiz-en']]
      : [['zh/index.html', 'home'], [chapter, 'chapter'], [exhibition, 'exhibition'], ['en/index.html', 'home-en']];
    for (const [rel, shot] of pages) {
      await page.goto(ctx.url(rel));
      await page.quiet();
      assert.ok(await overflow(page) <= 1, `${rel}: no horizontal overflow`);
      await page.screenshot({ path: shotPath(`${name}-${shot}.png`), fullPage: shot === 'search' || shot === 'chapter' });
    }
    if (name === 'phone') {
      const width = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().width);
      assert.ok(width <= 360, 'main fits the phone');
    }
    assert.deepEqual(traffic.bad(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('keyboard: skip link first, visible focus on links and buttons', async () => {
  const { page, context } = await openPage(ctx);
  await walkToItem(page, ctx, 'en');
  await page.locator('.zoom-stage.zoom-open').first().waitFor({ timeout: 15000 }).catch(() => {});
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { cls: a.className, href: a.getAttribute('href'), outline: getComputedStyle(a).outlineStyle, top: r.top };
  });
  assert.equal(first.href, '#main', 'the first Tab reaches the skip link');
  assert.ok(first.top >= 0, 'the focused skip link is on screen');
  assert.notEqual(first.outline, 'none');
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      const s = getComputedStyle(a);
      return { tag: a.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    if (f.tag === 'BODY') break;
    assert.ok((f.outline !== 'none' && f.width >= 2) || f.shadow !== 'none', `focus is visible on ${f.tag} (${JSON.stringify(f)})`);
  }
  await page.screenshot({ path: shotPath('desktop-keyboard-focus.png') });
  await context.close();
});
