// tests/web: the browser side of search — only the shards the query needs, every token must match, title hits first
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shardOf, tokenize } from '../../../tools/gallery/viewer/src/tokenize.js';
import { searchIndex } from '../../../tools/gallery/viewer/src/search.js';

const SHARDS = 8;
const docs = [
  ['zh/items/a.html', '示例书信', '一封档案书信', 'DEMO-01-001'],
  ['zh/items/b.html', '档案馆照片', '照片', 'DEMO-01-002'],
  ['zh/items/c.html', '电报', '电报纸', 'DEMO-02-001'],
];
const files = { 'meta.json': { shards: SHARDS, docs: docs.length, version: 1 }, 'docs.json': docs };
for (let i = 0; i < SHARDS; i++) files[`${i}.json`] = {};
docs.forEach((d, id) => {
  for (const tok of tokenize(d.slice(1).join(' '))) (files[`${shardOf(tok, SHARDS)}.json`][tok] ||= []).push(id);
});

const fetched = [];
globalThis.fetch = async (url) => {
  const name = String(url).split('/').pop();
  fetched.push(name);
  return name in files ? { ok: true, json: async () => files[name] } : { ok: false, status: 404 };
};

test('档案 finds both documents, the one with it in the title first', async () => {
  fetched.length = 0;
  const { ids } = await searchIndex('http://x/data/search/zh/', tokenize('档案'));
  assert.deepEqual(ids, [1, 0]);
  const shardFiles = fetched.filter((f) => /^\d+\.json$/.test(f));
  assert.deepEqual(shardFiles, [`${shardOf('档案', SHARDS)}.json`], 'one shard for one token');
});

test('every token must match; unknown tokens find nothing', async () => {
  assert.deepEqual((await searchIndex('http://y/', tokenize('demo 01'))).ids, [0, 1]);
  assert.deepEqual((await searchIndex('http://y/', tokenize('demo 02 电报'))).ids, [2]);
  assert.deepEqual((await searchIndex('http://y/', tokenize('档案 电报'))).ids, []);
  assert.deepEqual((await searchIndex('http://y/', [])).ids, []);
});
