// web: deep zoom — every figure.zoom[data-info] becomes an OpenSeadragon viewer on the site's IIIF level-0 tiles
import { el } from './site.js';
import { t } from './strings.js';

const SVG = 'http://www.w3.org/2000/svg';
const ICONS = {
  in: 'M11 5v6H5v2h6v6h2v-6h6v-2h-6V5z',
  out: 'M5 11h14v2H5z',
  home: 'M12 4 3 11h3v9h5v-6h2v6h5v-9h3z',
  full: 'M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z',
};

function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

function iconButton(name, label, onclick) {
  const b = el('button', { type: 'button', class: `zoom-btn zoom-btn-${name}`, 'aria-label': label, title: label, onclick });
  b.append(icon(name));
  return b;
}

/**
 * The info.json ready for OpenSeadragon, or null when it cannot be shown without missing tiles.
 * `id` becomes the URL the info.json was fetched from (minus /info.json), so tiles load from
 * wherever the site is hosted. Level-0 tiles exist for exactly the listed scale factors, and
 * OpenSeadragon asks for every power of two from 1 to the largest: refuse anything else.
 */
export function prepareInfo(info, infoUrl) {
  if (!info || !(info.width > 0 && info.height > 0)) return null;
  const tiles = Array.isArray(info.tiles) ? info.tiles : [];
  if (tiles.length !== 1) return null;
  const sf = tiles[0].scaleFactors || [];
  if (!sf.length || !sf.every((s, i) => s === 2 ** i)) return null;
  return { ...info, id: String(infoUrl).replace(/\/info\.json(\?.*)?$/, '') };
}

let osdPromise;
function loadOsd() {
  osdPromise ??= import('openseadragon').then((m) => m.default || m);
  return osdPromise;
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

async function enhance(figure, lang) {
  const img = figure.querySelector('img');
  const alt = img?.getAttribute('alt') || figure.querySelector('figcaption')?.textContent || '';
  const infoUrl = new URL(figure.dataset.info, location.href).href;
  const w = Number(figure.dataset.width), h = Number(figure.dataset.height);

  const stage = el('div', { class: 'zoom-stage' });
  if (w > 0 && h > 0) stage.style.setProperty('--zoom-aspect', `${w} / ${h}`);
  const host = el('div', { class: 'zoom-viewer' });
  figure.insertBefore(stage, img || figure.firstChild);
  if (img) stage.append(img);
  stage.append(host);

  let viewer;
  try {
    const [OpenSeadragon, info] = await Promise.all([
      loadOsd(),
      fetch(infoUrl).then((r) => { if (!r.ok) throw new Error(`${r.status} ${infoUrl}`); return r.json(); }),
    ]);
    const source = prepareInfo(info, infoUrl);
    if (!source) throw new Error(`unsupported info.json ${infoUrl}`);
    const still = reducedMotion();
    viewer = OpenSeadragon({
      element: host,
      tileSources: source,
      showNavigationControl: false,
      showNavigator: false,
      crossOriginPolicy: false,
      visibilityRatio: 0.5,
      minZoomImageRatio: 0.8,
      maxZoomPixelRatio: 2,
      animationTime: still ? 0 : 0.6,
      springStiffness: still ? 100 : 8,
      immediateRender: false,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
      // The 2D canvas drawer: WebGL gains nothing for one still image and falls back to software
      // rendering on many kiosks, phones and headless browsers.
      drawer: 'canvas',
    });
  } catch (err) {
    stage.classList.add('zoom-failed');
    host.remove();
    figure.append(el('p', { class: 'zoom-note', text: t(lang, 'zoomFailed') }));
    console.warn('lantai zoom:', err);
    return null;
  }

  const canvas = host.querySelector('.openseadragon-canvas');
  canvas?.setAttribute('role', 'application');
  canvas?.setAttribute('aria-label', t(lang, 'zoomRegion', { title: alt }));

  const full = iconButton('full', t(lang, 'fullscreen'), () => toggleFullscreen(stage));
  const bar = el('div', { class: 'zoom-toolbar', role: 'toolbar', 'aria-label': alt || t(lang, 'fullscreen') },
    iconButton('in', t(lang, 'zoomIn'), () => { viewer.viewport.zoomBy(1.5); viewer.viewport.applyConstraints(); }),
    iconButton('out', t(lang, 'zoomOut'), () => { viewer.viewport.zoomBy(1 / 1.5); viewer.viewport.applyConstraints(); }),
    iconButton('home', t(lang, 'zoomHome'), () => viewer.viewport.goHome()),
    full);
  stage.append(bar);

  const syncFull = () => {
    const on = document.fullscreenElement === stage || stage.classList.contains('zoom-full');
    const label = t(lang, on ? 'exitFullscreen' : 'fullscreen');
    full.setAttribute('aria-label', label);
    full.title = label;
    full.setAttribute('aria-pressed', String(on));
  };
  document.addEventListener('fullscreenchange', syncFull);
  stage.addEventListener('lantai-fullscreen', syncFull);
  stage.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && stage.classList.contains('zoom-full')) toggleFullscreen(stage);
  });

  // The thumbnail stays visible under the viewer until the first tile is in.
  viewer.addOnceHandler('tile-loaded', () => requestAnimationFrame(() => stage.classList.add('zoom-open')));
  viewer.addHandler('open-failed', () => {
    stage.classList.remove('zoom-open');
    stage.classList.add('zoom-failed');
  });
  syncFull();
  figure.lantaiViewer = viewer; // for tests and the console
  return viewer;
}

function toggleFullscreen(stage) {
  if (stage.requestFullscreen && document.fullscreenEnabled) {
    if (document.fullscreenElement) document.exitFullscreen();
    else stage.requestFullscreen().catch(() => toggleClass(stage));
  } else {
    toggleClass(stage);
  }
}

// Where the Fullscreen API is missing (iPhone Safari): the stage covers the window instead.
function toggleClass(stage) {
  stage.classList.toggle('zoom-full');
  document.documentElement.classList.toggle('zoom-full-open', stage.classList.contains('zoom-full'));
  stage.dispatchEvent(new Event('lantai-fullscreen'));
}

export function initZoom(figures, lang) {
  return Promise.all([...figures].map((f) => enhance(f, lang)));
}
