// web: search tokeniser and shard function — must match the exporter exactly (tools/gallery/SITE.md "Search index")

/** True for a CJK ideograph code point (the ranges in SITE.md). */
export function isCjk(cp) {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f);
}

function isAsciiWord(cp) {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/**
 * Tokens of a text, deduplicated, in order of first appearance: ASCII words lower-cased, CJK runs
 * as overlapping bigrams (a lone CJK character as itself). Everything else separates runs.
 */
export function tokenize(text) {
  const tokens = [];
  const seen = new Set();
  const add = (t) => { if (!seen.has(t)) { seen.add(t); tokens.push(t); } };
  let ascii = '';
  let cjk = [];
  const flushAscii = () => { if (ascii) add(ascii.toLowerCase()); ascii = ''; };
  const flushCjk = () => {
    if (cjk.length === 1) add(cjk[0]);
    for (let i = 0; i + 1 < cjk.length; i++) add(cjk[i] + cjk[i + 1]);
    cjk = [];
  };
  for (const ch of String(text)) {
    const cp = ch.codePointAt(0);
    if (isAsciiWord(cp)) { flushCjk(); ascii += ch; }
    else if (isCjk(cp)) { flushAscii(); cjk.push(ch); }
    else { flushAscii(); flushCjk(); }
  }
  flushAscii();
  flushCjk();
  return tokens;
}

const utf8 = new TextEncoder();

/** FNV-1a, 32 bit, over the UTF-8 bytes of s. */
export function fnv1a32(s) {
  let h = 0x811c9dc5;
  for (const b of utf8.encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function shardOf(token, shards) {
  return fnv1a32(token) % shards;
}
