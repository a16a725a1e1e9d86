// tests/web: the viewer's search tokeniser against the shared vectors (tests/web/search_tokens.json)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fnv1a32, shardOf, tokenize } from '../../../tools/gallery/viewer/src/tokenize.js';

const vectors = new URL('../search_tokens.json', import.meta.url);

test('tokens and shards match tests/web/search_tokens.json', { skip: existsSync(vectors) ? false : 'tests/web/search_tokens.json is not there yet (the exporter side writes it)' }, () => {
  const { shards, cases } = JSON.parse(readFileSync(vectors, 'utf8'));
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const tokens = tokenize(c.text);
    assert.deepEqual(tokens, c.tokens, `tokens of ${JSON.stringify(c.text)}`);
    assert.deepEqual(tokens.map((t) => shardOf(t, shards)), c.shards, `shards of ${JSON.stringify(c.text)}`);
  }
});

test('fnv1a32 reference values', () => {
  assert.equal(fnv1a32(''), 2166136261);
  assert.equal(fnv1a32('a'), 0xe40c292c);
  assert.equal(fnv1a32('foobar'), 0xbf9cf968);
});

test('a lone CJK character is a token only on its own', () => {
  assert.deepEqual(tokenize('档'), ['档']);
  assert.deepEqual(tokenize('档案馆'), ['档案', '案馆']);
  assert.deepEqual(tokenize('DEMO-01-001 Letter'), ['demo', '01', '001', 'letter']);
});
