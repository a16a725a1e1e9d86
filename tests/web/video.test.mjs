// tests/web: a video plays (time advances) with WebVTT subtitles in the page language; an item's narration loads
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './lib/harness.mjs';

const ctx = useSite();

for (const lang of ['zh', 'en']) {
  test(`play a video with ${lang} subtitles`, async () => {
    const { page, traffic, errors, context } = await openPage(ctx);
    await page.goto(ctx.url(`${lang}/videos/index.html`));
    const link = page.locator('main a[href$=".html"]:not([href$="index.html"])').first();
    await Promise.all([page.waitForURL(/\/videos\/(?!index)[a-z0-9-]+\.html$/), link.click()]);
    const video = page.locator('video').first();
    await video.waitFor();
    assert.ok(await page.locator('video track[kind="subtitles"]').count() >= 1, 'the page has subtitle tracks');

    await video.evaluate((v) => { v.muted = true; return v.play(); });
    await page.waitForFunction(() => document.querySelector('video').currentTime > 0.8, null, { timeout: 15000 });
    const state = await video.evaluate(async (v) => {
      const showing = [...v.textTracks].find((t) => t.mode === 'showing');
      for (let i = 0; i < 50 && showing && !(showing.cues && showing.cues.length); i++) await new Promise((r) => setTimeout(r, 100));
      return { tracks: v.textTracks.length, lang: showing?.language, cues: showing?.cues?.length || 0, time: v.currentTime, error: v.error?.code };
    });
    assert.ok(state.tracks >= 1, 'text tracks exist');
    assert.equal(state.lang, lang, 'the page language subtitles are showing');
    assert.ok(state.cues > 0, 'the WebVTT file was loaded and parsed');
    assert.ok(state.time > 0.8, 'currentTime advances');
    assert.equal(state.error, undefined);
    const vtt = traffic.responses.filter((r) => r.url.endsWith('.vtt'));
    assert.ok(vtt.length >= 1 && vtt.every((r) => r.status === 200), 'subtitles served');
    assert.deepEqual(traffic.bad(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Issue 18: an item's narration (the demo build's `lantai build --narrate`) is offered on its page
// as an <audio> player with a bilingual label, and the copied file is served and loads.
for (const lang of ['zh', 'en']) {
  test(`item narration plays (${lang})`, async () => {
    const { page, traffic, errors, context } = await openPage(ctx);
    await page.goto(ctx.url(`${lang}/items/sample-2-06-letter.html`));
    const audio = page.locator('figure.item-narration audio[controls]');
    assert.equal(await audio.count(), 1, 'the item page has one narration player');
    const label = await page.locator('figure.item-narration figcaption').textContent();
    assert.match(label, /朗读/);
    assert.match(label, /Listen/);
    const src = await audio.evaluate((a) => a.src);
    assert.match(src, new RegExp(`/media/narration/sample-2-06-letter\\.${lang}\\.mp3$`));
    const response = await page.request.get(src);
    assert.equal(response.status(), 200, 'the audio file is served');
    const state = await audio.evaluate(async (a) => {
      a.load();
      for (let i = 0; i < 100 && a.readyState < 1 && !a.error; i++) await new Promise((r) => setTimeout(r, 100));
      return { readyState: a.readyState, duration: a.duration, error: a.error?.code };
    });
    assert.equal(state.error, undefined, 'the browser can decode it');
    assert.ok(state.readyState >= 1, 'its metadata loaded');
    assert.ok(state.duration > 0.5, `it lasts a while (${state.duration} s)`);
    assert.deepEqual(traffic.bad(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
