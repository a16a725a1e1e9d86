// tests/web: a tiny static file server for the exported site — loopback only, several mount points, Range requests
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.webm': 'video/webm', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.png': 'image/png', '.webp': 'image/webp', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

/** Parses a single `bytes=a-b` range against `size`: {start, end} (inclusive), null (ignore), or 'bad'. */
export function parseRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(header || '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start; let end;
  if (m[1] === '') { start = Math.max(0, size - Number(m[2])); end = size - 1; } // suffix: last N bytes
  else { start = Number(m[1]); end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1); }
  if (start > end || start >= size) return 'bad';
  return { start, end };
}

/**
 * Serves `root` under every path in `mounts` (each starting and ending with "/") on 127.0.0.1 at a
 * random port. Every request is logged as {method, url, status}. Returns {origin, log, close()}.
 */
export async function serveSite(root, mounts = ['/']) {
  const base = path.resolve(root);
  const log = [];
  const server = createServer(async (req, res) => {
    const entry = { method: req.method, url: req.url, status: 0 };
    log.push(entry);
    const send = (status, body = '', headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { Allow: 'GET, HEAD' });
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return send(400, 'bad url'); }
    const mount = mounts.filter((m) => pathname.startsWith(m)).sort((a, b) => b.length - a.length)[0];
    if (!mount) return send(404, 'not found');
    let file = path.resolve(base, `.${path.posix.normalize(`/${pathname.slice(mount.length)}`)}`);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'forbidden');
    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) return send(301, '', { Location: `${pathname}/` });
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
    } catch { return send(404, 'not found'); }
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache', 'Last-Modified': info.mtime.toUTCString() };
    const range = req.headers.range ? parseRange(req.headers.range, info.size) : null;
    if (range === 'bad') return send(416, '', { 'Content-Range': `bytes */${info.size}` });
    const { start, end } = range || { start: 0, end: info.size - 1 };
    entry.status = range ? 206 : 200;
    res.writeHead(entry.status, {
      ...headers,
      'Content-Length': Math.max(0, end - start + 1),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${info.size}` } : {}),
    });
    if (req.method === 'HEAD' || info.size === 0) return res.end();
    createReadStream(file, { start, end }).on('error', () => res.destroy()).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    log,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
