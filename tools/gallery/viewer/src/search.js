// web: client-side search — tokenise the query like the exporter, fetch only the shards it needs, intersect
import { el, fetchJson, rootUrl } from './site.js';
import { t } from './strings.js';
import { shardOf, tokenize } from './tokenize.js';

const PAGE = 20; // results shown at a time

const cache = new Map();
function load(url) {
  if (!cache.has(url)) cache.set(url, fetchJson(url).catch((e) => { cache.delete(url); throw e; }));
  return cache.get(url);
}

/** Doc ids containing every token, best first (more tokens in the title, then doc order). */
export async function searchIndex(base, tokens) {
  if (!tokens.length) return { ids: [], docs: [] };
  const meta = await load(`${base}meta.json`);
  const shards = Math.max(1, meta.shards | 0);
  const needed = [...new Set(tokens.map((tok) => shardOf(tok, shards)))];
  const [docs, ...loaded] = await Promise.all([load(`${base}docs.json`), ...needed.map((n) => load(`${base}${n}.json`))]);
  const byShard = new Map(needed.map((n, i) => [n, loaded[i]]));
  let ids = null;
  for (const tok of tokens) {
    const list = new Set(byShard.get(shardOf(tok, shards))[tok] || []);
    ids = ids ? ids.filter((id) => list.has(id)) : [...list];
    if (!ids.length) break;
  }
  const hits = new Map((ids || []).filter((id) => docs[id]).map((id) => {
    const title = new Set(tokenize(docs[id][1] || ''));
    return [id, tokens.filter((tok) => title.has(tok)).length];
  }));
  return { ids: [...hits.keys()].sort((a, b) => hits.get(b) - hits.get(a) || a - b), docs };
}

const asciiLower = (s) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** `text` as nodes with every occurrence of a token wrapped in <mark>; plain text nodes otherwise. */
export function highlight(text, tokens) {
  const low = asciiLower(text); // same length as text, so indices line up
  const hit = new Uint8Array(text.length);
  for (const tok of tokens) {
    for (let i = low.indexOf(tok); i >= 0; i = low.indexOf(tok, i + 1)) hit.fill(1, i, i + tok.length);
  }
  const out = [];
  for (let i = 0; i < text.length;) {
    let j = i;
    while (j < text.length && hit[j] === hit[i]) j++;
    const part = text.slice(i, j);
    out.push(hit[i] ? el('mark', { text: part }) : document.createTextNode(part));
    i = j;
  }
  return out;
}

async function run(results, q, lang) {
  const tokens = tokenize(q);
  results.replaceChildren();
  if (!tokens.length) {
    results.append(el('p', { class: 'search-summary', text: t(lang, 'searchEmpty') }));
    return;
  }
  results.setAttribute('aria-busy', 'true');
  results.append(el('p', { class: 'search-summary', text: t(lang, 'searchLoading') }));
  try {
    const { ids, docs } = await searchIndex(rootUrl(`data/search/${lang}/`), tokens);
    const summary = el('p', { class: 'search-summary', text: ids.length ? t(lang, 'searchCount', { n: ids.length, q }) : t(lang, 'searchNone', { q }) });
    const hit = (id) => {
      const [url, title, snippet, reference] = docs[id];
      return el('li', { class: 'search-hit' },
        el('a', { href: rootUrl(url) }, highlight(String(title || url), tokens)),
        snippet ? el('p', { class: 'search-snippet' }, highlight(String(snippet), tokens)) : null,
        reference ? el('p', { class: 'search-ref' }, `${t(lang, 'reference')}: `, highlight(String(reference), tokens)) : null);
    };
    const list = el('ol', { class: 'search-list' }, ids.slice(0, PAGE).map(hit));
    results.replaceChildren(...(ids.length ? [summary, list] : [summary]));
    // Long result lists come in pages: a phone lays out only what is asked for.
    let shown = PAGE;
    if (ids.length > shown) {
      const more = el('button', { type: 'button', class: 'btn search-more' });
      const label = () => { more.textContent = t(lang, 'searchMore', { n: ids.length - shown }); };
      label();
      more.addEventListener('click', () => {
        const next = ids.slice(shown, shown + PAGE).map(hit);
        list.append(...next);
        shown += PAGE;
        next[0]?.querySelector('a')?.focus();
        if (shown >= ids.length) more.remove(); else label();
      });
      results.append(more);
    }
  } catch (err) {
    console.warn('lantai search:', err);
    results.replaceChildren(el('p', { class: 'search-summary', text: t(lang, 'searchFailed') }));
  } finally {
    results.removeAttribute('aria-busy');
  }
}

export function initSearch(results, lang) {
  const params = new URLSearchParams(location.search);
  const q = params.get('q') || '';
  const forms = [...document.querySelectorAll('form[role="search"]')];
  for (const input of document.querySelectorAll('form[role="search"] input[name="q"]')) input.value = q;
  // On the search page, searching again does not reload the page.
  for (const form of forms) {
    form.addEventListener('submit', (e) => {
      const value = new FormData(form).get('q') || '';
      e.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('q', value);
      history.replaceState(null, '', url);
      for (const input of document.querySelectorAll('form[role="search"] input[name="q"]')) input.value = value;
      run(results, String(value), lang);
    });
  }
  return run(results, q, lang);
}
