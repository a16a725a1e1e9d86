// web: quiz scoring in the browser — the kiosk's accuracy mode (core/quiz_scoring): 1 point a question, partial credit for multiple

/** The question's options, with true/false questions given as two options when a bank writes `answer` instead. */
export function optionsOf(q) {
  if (Array.isArray(q.options) && q.options.length) return q.options;
  if (q.type === 'true_false' && typeof q.answer === 'boolean') {
    return [
      { text: { zh: '正确', en: 'True' }, correct: q.answer === true, feedback: q.feedback?.true },
      { text: { zh: '错误', en: 'False' }, correct: q.answer === false, feedback: q.feedback?.false },
    ];
  }
  return [];
}

/** Weight of choosing option i: its `weight` (clamped to −1…1); else 1/0 for single and true/false, ±1/k for multiple. */
export function optionWeight(q, i) {
  const opts = optionsOf(q);
  const o = opts[i];
  if (!o) return 0;
  if (q.type === 'true_false') return o.correct ? 1 : 0;
  if (typeof o.weight === 'number' && Number.isFinite(o.weight)) return Math.min(1, Math.max(-1, o.weight));
  if (q.type !== 'multiple') return o.correct ? 1 : 0;
  const k = opts.filter((x) => x.correct).length;
  return k ? (o.correct ? 1 : -1) / k : 0;
}

export function isExactlyCorrect(q, chosen) {
  const opts = optionsOf(q);
  const picked = new Set(chosen);
  if (!picked.size || [...picked].some((i) => !(i >= 0 && i < opts.length))) return false;
  return opts.some((o) => o.correct) && opts.every((o, i) => picked.has(i) === Boolean(o.correct));
}

/** Credit 0…1 for the chosen option indices. */
export function partialCredit(q, chosen) {
  if (isExactlyCorrect(q, chosen)) return 1;
  const picked = [...new Set(chosen)];
  if (q.type !== 'multiple' && picked.length !== 1) return 0;
  const sum = picked.reduce((s, i) => s + optionWeight(q, i), 0);
  return Number.isFinite(sum) ? Math.min(1, Math.max(0, sum)) : 0;
}

/** A draw of n questions without repeats (Fisher–Yates on a copy); `random` for tests. */
export function drawQuestions(questions, n, random = Math.random) {
  const a = questions.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, Math.max(0, Math.min(n, a.length)));
}

/** Score shown to the player: credits summed, to one decimal place. */
export function formatScore(total) {
  return String(Math.round(total * 10) / 10);
}
