// tests/e2e: two real phones for the class-on-phones e2e — headless Chromium (playwright-core, as
// tests/web) with mobile emulation opens the join page, joins with a preset nickname (and, given
// NICK:TEAM, taps that team on the join page and checks its chip on the phone), answers every
// question on the shape buttons (ticking one option and submitting for multiple choice) to the
// podium; the first reloads its page after question 2 and must
// get its seat back (the token in localStorage). Prints one JSON line: what the phones did.
// Usage: node phones_chromium.mjs JOIN_URL SHOTS_DIR NICK1[:TEAM1] NICK2[:TEAM2]
import path from 'node:path';
import { launch } from '../web/lib/browser.mjs';

const [url, shots, ...nicks] = process.argv.slice(2);
const PHONE = {
  viewport: { width: 393, height: 851 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 9; MI 8 Build/PKQ1) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Version/4.0 Chrome/70.0.3538.110 Mobile Safari/537.36 MicroMessenger/8.0.2.1860 WeChat',
};

async function playOne(browser, nickAndTeam, index) {
  const [nick, team] = nickAndTeam.split(':');
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector(`button[data-nick="${nick}"]`, { timeout: 30000 });
  if (team) {
    await page.tap(`button[data-team="${team}"]`);
    // Without a nickname yet the join button stays off.
    if (!(await page.$eval('#join', (b) => b.disabled))) errors.push('join enabled before a nickname');
  }
  if (index === 0) await page.screenshot({ path: path.join(shots, 'phone-join.png') });
  await page.tap(`button[data-nick="${nick}"]`);
  await page.tap('#join');
  const result = { nick, team: team || '', teamShown: '', answered: 0, correct: 0, reloaded: false,
    seatBefore: null, seatAfter: null, errors };
  await page.waitForFunction(() => localStorage.getItem('lantai-phones-token'), null, { timeout: 15000 });
  result.seatBefore = await page.evaluate(() => localStorage.getItem('lantai-phones-token'));
  if (team) {
    const shown = await page.waitForFunction(() => {
      const chip = document.getElementById('my-team');
      return chip && chip.textContent;
    }, null, { timeout: 15000 });
    result.teamShown = await shown.jsonValue();
  }
  let lastQ = -1;
  const deadline = Date.now() + 110000;
  while (Date.now() < deadline) {
    const text = await page.textContent('#app');
    if (/领奖台|Podium/.test(text)) break;
    if (index === 0 && /排行榜|Leaderboard/.test(text) && !result.leaderboardShot) {
      result.leaderboardShot = true;
      await page.screenshot({ path: path.join(shots, 'phone-leaderboard.png') });
    }
    const q = await page.evaluate(() => {
      const b = document.getElementById('answer-0');
      const m = /第 (\d+) \//.exec(document.getElementById('app').textContent);
      return b && m ? Number(m[1]) - 1 : -1;
    });
    if (q >= 0 && q !== lastQ) {
      lastQ = q;
      if (index === 0 && q === 0) await page.screenshot({ path: path.join(shots, 'phone-question.png') });
      // A tap on a button the page re-rendered meanwhile is lost: tap again while it is there.
      const sent = () => page.waitForFunction(
        () => /已提交|Answer sent|答对|答错|Correct|Not this/.test(document.body.textContent),
        null, { timeout: 6000 });
      let ok = false;
      for (let attempt = 0; attempt < 3 && !ok; attempt++) {
        if (!(await page.$(`#answer-${(q + index) % 2}`))) break;
        await page.tap(`#answer-${(q + index) % 2}`).catch(() => {});
        // Multiple choice: the tap ticks the option; "提交 / Submit" sends it.
        if (await page.$('#submit')) await page.tap('#submit').catch(() => {});
        ok = await sent().then(() => true, () => false);
      }
      if (ok) result.answered += 1;
      if (index === 0 && q === 1) { // the phone drops: a reload, then the seat comes back by token
        await page.reload();
        result.reloaded = true;
        await page.waitForFunction(() => !/正在连接|Connecting|重新连接/.test(document.body.textContent),
          null, { timeout: 15000 });
        result.seatAfter = await page.evaluate(() => localStorage.getItem('lantai-phones-token'));
      }
    }
    // "答对了" shown for this question (no second read of the element: the next state may have
    // replaced it meanwhile, and a read would wait for it).
    if (await page.$('.big.ok') && !result.counted?.includes(lastQ)) {
      result.counted = [...(result.counted || []), lastQ];
      result.correct += 1;
    }
    await page.waitForTimeout(100);
  }
  if (index === 0) await page.screenshot({ path: path.join(shots, 'phone-podium.png') });
  await context.close();
  return result;
}

const browser = await launch();
try {
  const phones = await Promise.all(nicks.map((nick, i) => playOne(browser, nick, i)));
  const report = {
    phones,
    answered: phones.reduce((n, p) => n + p.answered, 0),
    correct: phones.reduce((n, p) => n + p.correct, 0),
  };
  console.log(JSON.stringify(report));
  // A team phone shows its team (e.g. "蓝队Blue team") from joining to the podium.
  const teamsShown = phones.every((p) => !p.team || /队/.test(p.teamShown));
  process.exitCode = teamsShown && phones.every((p) => p.errors.length === 0 && p.answered === 5) &&
    phones[0].seatBefore && phones[0].seatBefore === phones[0].seatAfter ? 0 : 1;
} finally {
  await browser.close();
}
