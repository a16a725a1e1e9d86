// tests/web: the info.json handed to OpenSeadragon — id from where it was fetched, only pyramids whose every level exists
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareInfo } from '../../../tools/gallery/viewer/src/zoom.js';

const info = {
  '@context': 'http://iiif.io/api/image/3/context.json', id: 'https://old.example/iiif/k', type: 'ImageService3',
  protocol: 'http://iiif.io/api/image', profile: 'level0', width: 9000, height: 6000,
  tiles: [{ width: 512, scaleFactors: [1, 2, 4, 8, 16, 32] }],
};

test('id is rewritten to the URL the info.json came from', () => {
  const p = prepareInfo(info, 'http://127.0.0.1:8080/exhibits/lantai/iiif/k/info.json');
  assert.equal(p.id, 'http://127.0.0.1:8080/exhibits/lantai/iiif/k');
  assert.equal(p.width, 9000);
  assert.equal(info.id, 'https://old.example/iiif/k'); // the original is not changed
  assert.equal(prepareInfo(info, 'http://h/iiif/k/info.json?v=1').id, 'http://h/iiif/k');
});

test('pyramids OpenSeadragon would ask missing levels of are refused', () => {
  assert.equal(prepareInfo({ ...info, tiles: [{ width: 512, scaleFactors: [1, 2, 8] }] }, 'x/info.json'), null);
  assert.equal(prepareInfo({ ...info, tiles: [{ width: 512, scaleFactors: [2, 4] }] }, 'x/info.json'), null);
  assert.equal(prepareInfo({ ...info, tiles: [] }, 'x/info.json'), null);
  assert.equal(prepareInfo({ ...info, width: 0 }, 'x/info.json'), null);
  assert.equal(prepareInfo(null, 'x/info.json'), null);
  assert.ok(prepareInfo({ ...info, tiles: [{ width: 512, scaleFactors: [1] }] }, 'x/info.json'));
});
