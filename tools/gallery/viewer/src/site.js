// web: where the site is (root from this script's own URL), page language, safe DOM building, JSON fetch

// The bundle is ROOT/assets/lantai.js (chunks live below assets/ too, but this module is in the
// entry), so the site root is one level up from this module, wherever the site is hosted.
export const siteRoot = new URL(/* @vite-ignore */ '../', import.meta.url);

/** "zh" or "en" from <html lang>. */
export function pageLang(doc = document) {
  return (doc.documentElement.lang || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** URL of a site-root-relative path such as "data/quiz/x.json". */
export function rootUrl(path) {
  return new URL(path, siteRoot).href;
}

export async function fetchJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json();
}

/**
 * Element builder. Text goes in with textContent only: never innerHTML, so pack text cannot
 * become markup. `props`: attributes (strings), `on*` functions as listeners, `text`, `class`.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Localised text of a pack value {zh, en} (or a plain string), falling back to the other language. */
export function pick(value, lang) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return value[lang] || value[lang === 'zh' ? 'en' : 'zh'] || '';
}
