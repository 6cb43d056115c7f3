// A static host that a test controls: it can deploy another build (`serve(dir)`) and go down (`stop()`).
// It answers like xtask's server: the site at `/`, index.html for folders, a redirect for a missing
// slash, 404.html with status 404 for anything else; loopback only, on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types by file extension (also used by host-server.js). */
export const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const isFile = (file) => stat(file).then((s) => s.isFile(), () => false);

/** Starts serving `dir`; resolves to { url, serve(dir), stop() }. */
export async function startSite(dir) {
  let root = dir;
  const server = createServer(async (req, res) => {
    const send = async (status, file, headers = {}) => {
      const body = file ? await readFile(file) : '';
      const type = file ? types[path.extname(file)] || 'application/octet-stream' : 'text/plain';
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, pathname);
    if (pathname.split('/').includes('..')) return send(404, path.join(root, '404.html'));
    if (await isFile(file)) return send(200, file);
    if (await isFile(path.join(file, 'index.html'))) {
      return pathname.endsWith('/') ? send(200, path.join(file, 'index.html')) : send(301, null, { Location: `${pathname}/` });
    }
    return send(404, path.join(root, '404.html'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    serve(dir) {
      root = dir;
    },
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
