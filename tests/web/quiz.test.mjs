// tests/web: the quiz played in the browser — answer every question, see ✓ on the right answers, the explanation and the score
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './lib/harness.mjs';

const ctx = useSite();

for (const [lang, scoreWord] of [['zh', /得分：\d+(\.\d)? \/ 5/], ['en', /Score: \d+(\.\d)? \/ 5/]]) {
  test(`finish a 5-question quiz (${lang})`, async () => {
    const { page, traffic, errors, context } = await openPage(ctx);
    await page.goto(ctx.url(`${lang}/quiz/index.html`));
    const start = page.locator('#quiz .quiz-bank button').first();
    await start.waitFor();
    await page.locator('#quiz .quiz-bank select').first().selectOption('5');
    await start.click();
    const itemLinks = [];
    for (let i = 0; i < 5; i++) {
      await page.locator('.quiz-heading', { hasText: String(i + 1) }).waitFor();
      // Answer by keyboard on the first question, by mouse afterwards.
      if (i === 0) {
        await page.locator('.quiz-option input').first().focus();
        await page.keyboard.press('Space');
      } else {
        await page.locator('.quiz-option label').first().click();
      }
      await page.locator('.quiz-question button[type="submit"]').click();
      await page.locator('.quiz-verdict').waitFor();
      const marks = await page.$$eval('.quiz-option.is-correct .quiz-mark', (ms) => ms.map((m) => m.textContent));
      assert.ok(marks.length >= 1 && marks.every((m) => m.startsWith('✓')), 'correct answers carry a ✓, not only a colour');
      assert.equal(await page.locator('.quiz-option input:not(:disabled)').count(), 0, 'answers are locked after submitting');
      assert.doesNotMatch(await page.locator('#quiz').innerText(), /\b(null|undefined|NaN)\b/, 'no placeholder leaks into the text');
      itemLinks.push(...await page.$$eval('.quiz-feedback a[href*="/items/"]', (as) => as.map((a) => a.href)));
      const next = page.locator('.quiz-question button[type="submit"]');
      assert.ok(await next.evaluate((b) => b === document.activeElement), 'focus moves to the next button');
      await page.keyboard.press('Enter');
    }
    const heading = page.locator('.quiz-heading');
    await page.locator('.quiz-score').waitFor();
    assert.match(await heading.textContent(), scoreWord);
    for (const href of itemLinks.slice(0, 3)) {
      assert.equal((await page.request.get(href)).status(), 200, `the related item page exists: ${href}`);
    }
    // Play again starts a new round.
    await page.locator('#quiz .quiz-actions .btn-primary').click();
    await page.locator('.quiz-question').waitFor();
    assert.deepEqual(traffic.bad(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
