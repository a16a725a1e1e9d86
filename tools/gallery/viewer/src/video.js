// web: videos — subtitles in the page language showing by default (the exporter writes <video> and <track>s)

/** Shows the track in `lang` (else the one marked default, else the first); hides the others. */
export function showSubtitles(video, lang) {
  const tracks = [...video.textTracks].filter((tt) => tt.kind === 'subtitles' || tt.kind === 'captions');
  if (!tracks.length) return null;
  const marked = [...video.querySelectorAll('track')].find((el) => el.default)?.track;
  const want = tracks.find((tt) => (tt.language || '').toLowerCase().startsWith(lang))
    || (tracks.includes(marked) ? marked : tracks[0]);
  for (const tt of tracks) tt.mode = tt === want ? 'showing' : 'disabled';
  return want;
}

export function initVideos(videos, lang) {
  for (const video of videos) {
    showSubtitles(video, lang);
    // Tracks can be added after the script runs (or re-enabled by the browser): settle once more.
    video.textTracks.addEventListener?.('addtrack', () => showSubtitles(video, lang), { once: true });
  }
}
