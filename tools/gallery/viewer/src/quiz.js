// web: the quiz played in the browser from the exported banks (data/quiz/BANK.json), scored locally
import { el, fetchJson, pick, rootUrl } from './site.js';
import { t } from './strings.js';
import { drawQuestions, formatScore, isExactlyCorrect, optionsOf, partialCredit } from './quiz_score.js';

const COUNTS = [5, 10, 20];

function heading(text) {
  return el('h2', { class: 'quiz-heading', tabindex: '-1', text });
}

// Shows a step; after a visitor's action, focus moves to its heading so keyboard and
// screen-reader users start there (not on page load: that would scroll the page).
function show(root, ...nodes) {
  root.replaceChildren(...nodes);
  if (root.dataset.started) root.querySelector('.quiz-heading')?.focus();
  root.dataset.started = '1';
}

function bankList(root, banks, lang) {
  const items = banks.map((bank) => {
    const count = bank.questions.length;
    const select = el('select', { id: `quiz-count-${bank.id}`, class: 'quiz-count' },
      [...new Set([...COUNTS.filter((n) => n < count), count])].map((n) =>
        el('option', { value: n, selected: n === Math.min(10, count) }, String(n))));
    return el('li', { class: 'quiz-bank' },
      el('h3', { text: pick(bank.title, lang) || bank.id }),
      el('p', { class: 'quiz-bank-meta', text: t(lang, 'quizQuestions', { n: count }) }),
      el('div', { class: 'quiz-bank-start' },
        el('label', { for: select.id, text: t(lang, 'quizCount') }), select,
        el('button', { type: 'button', class: 'btn btn-primary', onclick: () => play(root, banks, bank, Number(select.value), lang) },
          t(lang, 'quizStart'))));
  });
  // With one bank the page's own <h1> already says it all: the heading is there for focus only.
  const h = heading(t(lang, 'quizChooseBank'));
  if (banks.length === 1) h.classList.add('visually-hidden');
  show(root, h, el('ul', { class: 'quiz-banks' }, items));
}

function play(root, banks, bank, n, lang) {
  const questions = drawQuestions(bank.questions.filter((q) => optionsOf(q).length), n);
  const state = { index: 0, total: 0, correct: 0 };
  const step = () => (state.index < questions.length ? ask() : finish());

  function ask() {
    const q = questions[state.index];
    const multiple = q.type === 'multiple';
    const name = `q-${state.index}`;
    const opts = optionsOf(q);
    const inputs = [];
    const optionItems = opts.map((o, i) => {
      const input = el('input', { type: multiple ? 'checkbox' : 'radio', name, value: i, id: `${name}-${i}` });
      inputs.push(input);
      const mark = el('span', { class: 'quiz-mark' });
      return el('li', { class: 'quiz-option' }, el('label', { for: input.id }, input, el('span', { class: 'quiz-option-text', text: pick(o.text, lang) }), mark));
    });
    const image = q.image && q.image.src
      ? el('img', { class: 'quiz-image', src: rootUrl(q.image.src), alt: pick(q.image.alt, lang) }) : null;
    const feedback = el('div', { class: 'quiz-feedback', 'aria-live': 'polite' });
    const submit = el('button', { type: 'submit', class: 'btn btn-primary', text: t(lang, 'quizSubmit') });
    const form = el('form', { class: 'quiz-question', novalidate: true },
      el('fieldset', {},
        el('legend', {}, el('span', { text: pick(q.prompt, lang) }),
          multiple ? el('span', { class: 'quiz-hint', text: ` ${t(lang, 'quizMultipleHint')}` }) : null),
        image,
        el('ul', { class: 'quiz-options' }, optionItems)),
      feedback,
      el('div', { class: 'quiz-actions' }, submit));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (form.dataset.answered) { state.index++; step(); return; }
      const chosen = inputs.filter((x) => x.checked).map((x) => Number(x.value));
      if (!chosen.length) { feedback.replaceChildren(el('p', { text: t(lang, 'quizPickOne') })); return; }
      form.dataset.answered = '1';
      const credit = partialCredit(q, chosen);
      const exact = isExactlyCorrect(q, chosen);
      state.total += credit;
      if (exact) state.correct++;
      opts.forEach((o, i) => {
        inputs[i].disabled = true;
        const li = optionItems[i];
        const mark = li.querySelector('.quiz-mark');
        const marks = [];
        if (o.correct) { li.classList.add('is-correct'); marks.push(`✓ ${t(lang, 'quizCorrectAnswer')}`); }
        if (chosen.includes(i)) {
          li.classList.add('is-chosen');
          marks.push(o.correct ? t(lang, 'quizYourAnswer') : `✗ ${t(lang, 'quizYourAnswer')}`);
        }
        mark.textContent = marks.join(' · ');
      });
      const verdict = exact ? t(lang, 'quizCorrect')
        : credit > 0 ? t(lang, 'quizPartial', { p: formatScore(credit) }) : t(lang, 'quizWrong');
      const optionFeedback = chosen.map((i) => pick(opts[i].feedback, lang)).filter(Boolean);
      const explanation = pick(q.explanation, lang);
      feedback.replaceChildren(...[
        el('p', { class: `quiz-verdict ${exact ? 'is-right' : 'is-wrong'}`, text: verdict }),
        ...optionFeedback.map((f) => el('p', { class: 'quiz-option-feedback', text: f })),
        explanation ? el('p', { class: 'quiz-explanation' }, el('strong', { text: t(lang, 'quizExplanation') }), explanation) : null,
        q.item ? el('p', {}, el('a', { href: rootUrl(`${lang}/items/${q.item}.html`), text: t(lang, 'quizSeeItem') })) : null,
      ].filter(Boolean));
      submit.textContent = t(lang, state.index + 1 < questions.length ? 'quizNext' : 'quizFinish');
      submit.focus();
    });
    show(root,
      heading(t(lang, 'quizQuestionOf', { i: state.index + 1, n: questions.length })),
      el('progress', { max: questions.length, value: state.index, 'aria-hidden': 'true' }),
      form);
  }

  function finish() {
    show(root,
      heading(t(lang, 'quizScore', { s: formatScore(state.total), n: questions.length })),
      el('p', { class: 'quiz-score', 'data-score': formatScore(state.total), text: t(lang, 'quizScoreDetail', { c: state.correct, n: questions.length }) }),
      el('div', { class: 'quiz-actions' },
        el('button', { type: 'button', class: 'btn btn-primary', onclick: () => play(root, banks, bank, n, lang), text: t(lang, 'quizAgain') }),
        el('button', { type: 'button', class: 'btn', onclick: () => bankList(root, banks, lang), text: t(lang, 'quizBanks') })));
  }
  step();
}

export async function initQuiz(root, lang) {
  let ids = [];
  try { ids = JSON.parse(root.dataset.banks || '[]'); } catch { ids = []; }
  try {
    const banks = (await Promise.all(ids.map((id) => fetchJson(rootUrl(`data/quiz/${encodeURIComponent(id)}.json`)))))
      .filter((b) => b && Array.isArray(b.questions) && b.questions.length);
    if (!banks.length) throw new Error('no bank');
    root.classList.add('quiz-ready');
    bankList(root, banks, lang);
  } catch (err) {
    console.warn('lantai quiz:', err);
    root.append(el('p', { class: 'quiz-error', role: 'alert', text: t(lang, 'quizLoadFailed') }));
  }
}
