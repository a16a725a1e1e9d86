// tests/web: Debian's chromium driven by playwright-core (from tools/gallery/viewer/node_modules), plus the paths the tests share
import { createRequire } from 'node:module';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = path.resolve(here, '../../..');
export const webDir = path.join(sourceDir, 'tools/gallery/viewer');
const requireWeb = createRequire(path.join(webDir, 'package.json'));

/** Exported demo site, XSS fixture site and screenshot folder: from the environment (CTest sets them). */
export const paths = {
  demo: process.env.LANTAI_WEB_DEMO || path.join(sourceDir, 'build/web/demo'),
  xss: process.env.LANTAI_WEB_XSS || path.join(sourceDir, 'build/web/xss'),
  shots: process.env.LANTAI_WEB_SHOTS || path.join(sourceDir, 'build/web-screenshots'),
};

export function chromiumPath() {
  for (const p of [process.env.LANTAI_CHROMIUM, '/usr/bin/chromium', '/usr/lib/chromium/chromium']) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

export function playwright() {
  return requireWeb('playwright-core');
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];

/** A fresh headless chromium (playwright gives each launch a new temporary --user-data-dir). */
export async function launch(extra = []) {
  const exe = chromiumPath();
  if (!exe) throw new Error('chromium not found: install the Debian package chromium or set LANTAI_CHROMIUM');
  return playwright().chromium.launch({ executablePath: exe, headless: true, args: [...CHROMIUM_ARGS, ...extra], timeout: 30000 });
}

export function axeSource() {
  return requireWeb.resolve('axe-core/axe.min.js');
}

/** Mirador's prebuilt UMD bundle (React included; a test-only devDependency, never in the site). */
export function miradorBundle() {
  return requireWeb.resolve('mirador');
}

export function shotPath(name) {
  mkdirSync(paths.shots, { recursive: true });
  return path.join(paths.shots, name);
}

/**
 * Records every response and failed request of a page: {responses: [{url, status}], failed: [url]}.
 * bad() lists those a visitor would notice (4xx, 5xx, network failures).
 */
export function recordTraffic(page) {
  const responses = [];
  const failed = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  page.on('requestfailed', (r) => {
    const err = r.failure()?.errorText || '';
    // Aborted is not failed: leaving a page cancels its tile loads, and a video cancels its
    // own range requests once it has enough.
    if (!/ERR_ABORTED/.test(err)) failed.push(`${r.url()} ${err}`);
  });
  return {
    responses,
    failed,
    bad: () => [...responses.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`), ...failed],
  };
}
