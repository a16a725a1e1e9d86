// tests/web: browser quiz scoring matches the kiosk's accuracy mode (core/quiz_scoring) on the same cases
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawQuestions, formatScore, isExactlyCorrect, optionsOf, partialCredit } from '../../../tools/gallery/viewer/src/quiz_score.js';

const opt = (correct, weight) => ({ text: { zh: 'x', en: 'x' }, correct, ...(weight === undefined ? {} : { weight }) });
const single = { type: 'single', options: [opt(true), opt(false), opt(false)] };
const multiple = { type: 'multiple', options: [opt(true), opt(true), opt(false), opt(false)] };
const weighted = { type: 'multiple', options: [opt(true, 0.7), opt(true, 0.3), opt(false, -1)] };
const tf = { type: 'true_false', answer: false, feedback: { true: { en: 'no' }, false: { en: 'yes' } } };

test('single choice: 1 for the right option, 0 otherwise, 0 for several picks', () => {
  assert.equal(partialCredit(single, [0]), 1);
  assert.equal(partialCredit(single, [1]), 0);
  assert.equal(partialCredit(single, [0, 1]), 0);
  assert.equal(partialCredit(single, []), 0);
});

test('multiple choice: ±1/k per option, clamped to 0…1, exact answer 1', () => {
  assert.equal(partialCredit(multiple, [0, 1]), 1);
  assert.equal(partialCredit(multiple, [0]), 0.5);
  assert.equal(partialCredit(multiple, [0, 2]), 0);
  assert.equal(partialCredit(multiple, [2, 3]), 0);
  assert.equal(partialCredit(multiple, [0, 0]), 0.5); // duplicates count once
  assert.ok(isExactlyCorrect(multiple, [1, 0]));
});

test('multiple choice with weights from the bank', () => {
  assert.equal(partialCredit(weighted, [0]), 0.7);
  assert.equal(partialCredit(weighted, [0, 2]), 0);
  assert.equal(partialCredit(weighted, [0, 1]), 1);
});

test('true/false written with `answer` becomes two options', () => {
  const opts = optionsOf(tf);
  assert.equal(opts.length, 2);
  assert.equal(opts[1].correct, true);
  assert.equal(partialCredit(tf, [1]), 1);
  assert.equal(partialCredit(tf, [0]), 0);
  assert.deepEqual(opts[1].feedback, { en: 'yes' });
});

test('draw: no repeats, at most the bank size', () => {
  const qs = Array.from({ length: 12 }, (_, i) => ({ id: i }));
  const drawn = drawQuestions(qs, 10);
  assert.equal(drawn.length, 10);
  assert.equal(new Set(drawn.map((q) => q.id)).size, 10);
  assert.equal(drawQuestions(qs, 50).length, 12);
  assert.equal(formatScore(7.25), '7.3');
  assert.equal(formatScore(8), '8');
});
