// web: entry of the viewer script — enhances the exporter's static pages by the features each page has
import './style.css';
import { initChooser, initLangSwitch } from './lang.js';
import { pageLang } from './site.js';
import { initSearch } from './search.js';
import { initQuiz } from './quiz.js';
import { initVideos } from './video.js';
import { initZoom } from './zoom.js';

function start() {
  const lang = pageLang();
  document.documentElement.classList.add('js');
  const chooser = document.getElementById('lang-chooser');
  if (chooser) { initChooser(chooser); return; }
  initLangSwitch();
  const figures = document.querySelectorAll('figure.zoom[data-info]');
  if (figures.length) initZoom(figures, lang);
  const results = document.getElementById('search-results');
  if (results) initSearch(results, lang);
  const quiz = document.getElementById('quiz');
  if (quiz) initQuiz(quiz, lang);
  const videos = document.querySelectorAll('video');
  if (videos.length) initVideos(videos, lang);
}

// A module script runs after parsing, but be safe when it is loaded another way.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
