// web: language choice — remember the visitor's switch, and send the root chooser page to that language

const KEY = 'lantai.lang';

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; } // storage may be disabled
}

function store(lang) {
  try { localStorage.setItem(KEY, lang); } catch { /* private mode: the links still work */ }
}

/** The language a visitor prefers: their last switch, else the browser's languages, else zh. */
export function preferredLang(nav = navigator) {
  const s = stored();
  if (s === 'zh' || s === 'en') return s;
  for (const l of nav.languages || [nav.language || '']) {
    const low = String(l).toLowerCase();
    if (low.startsWith('zh')) return 'zh';
    if (low.startsWith('en')) return 'en';
  }
  return 'zh';
}

/** Remember the language of every lang-switch link the visitor follows. */
export function initLangSwitch(doc = document) {
  for (const a of doc.querySelectorAll('a.lang-switch[hreflang]')) {
    a.addEventListener('click', () => store(a.getAttribute('hreflang').startsWith('en') ? 'en' : 'zh'));
  }
}

/** Root index.html: go to the preferred language's home (the links stay for no-JS visitors). */
export function initChooser(chooser) {
  const lang = preferredLang();
  const link = chooser.querySelector(`a[hreflang^="${lang}"]`);
  for (const a of chooser.querySelectorAll('a[hreflang]')) {
    a.addEventListener('click', () => store(a.getAttribute('hreflang').startsWith('en') ? 'en' : 'zh'));
  }
  if (link) location.replace(link.href);
}
