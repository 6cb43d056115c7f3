// Imperfect hosts that a test controls. `startHost(dir, options)` serves a build like a static host (the
// site at `/`, index.html for folders, a redirect for a missing slash, the nearest 404.html with status 404
// for anything else) and, unlike site-server.js, can behave like real hosts do:
//   headers: true   applies the build's `_headers` file as Netlify and Cloudflare Pages read it (every rule
//                   whose path matches adds its headers; `*` matches anything, `:name` one segment)
//   alter(request)  lets a test change any answer: given { pathname, status, type, body } it returns
//                   nothing (unchanged) or { status, type, body } (a host that injects a comment, a 503…)
// `startNewsSite(body)` is someone else's page on another origin (another port), for embeds.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { types } from './site-server.js';

const isFile = (file) => stat(file).then((s) => s.isFile(), () => false);

/** The rules of a `_headers` file: [{ pattern: RegExp, headers: [[name, value]] }]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const at = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    } else {
      const source = line
        .trim()
        .split(/(\*|:[A-Za-z]\w*)/)
        .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    }
  }
  return rules;
}

/** Every header the rules give a path, as a host combines them: with `join` (Cloudflare Pages' documented
 * reading) the values of one name from every matching rule joined with ", "; without it (Netlify's local
 * server, netlify/cli's `headersForPath`) a later rule's value replacing an earlier one. */
export function headersFor(rules, pathname, { join = true } = {}) {
  const out = {};
  for (const { pattern, headers } of rules) {
    if (!pattern.test(pathname)) continue;
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      out[key] = out[key] && join ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

/** Starts serving `dir`; resolves to { url, origin, stop() }. */
export async function startHost(dir, { headers = false, alter = () => undefined } = {}) {
  const rules = headers ? parseHeaders(await readFile(path.join(dir, '_headers'), 'utf8')) : [];
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    const notFound = async () => {
      const parts = decodeURIComponent(pathname).split('/').filter((p) => p && p !== '..');
      for (let n = parts.length; n >= 0; n--) {
        const file = path.join(dir, ...parts.slice(0, n), '404.html');
        if (await isFile(file)) return file;
      }
      return null;
    };
    let status = 200;
    let file = path.join(dir, decodeURIComponent(pathname));
    let location;
    if (decodeURIComponent(pathname).split('/').includes('..')) [status, file] = [404, await notFound()];
    else if (await isFile(file)) status = 200;
    else if (await isFile(path.join(file, 'index.html'))) {
      if (pathname.endsWith('/')) file = path.join(file, 'index.html');
      else [status, file, location] = [301, null, `${pathname}/`];
    } else [status, file] = [404, await notFound()];
    let answer = {
      pathname,
      status,
      type: file ? types[path.extname(file)] || 'application/octet-stream' : 'text/plain',
      body: file ? await readFile(file) : Buffer.alloc(0),
    };
    answer = { ...answer, ...(alter(answer) || {}) };
    res.writeHead(answer.status, {
      ...headersFor(rules, pathname),
      'Content-Type': answer.type,
      'Cache-Control': 'no-cache',
      ...(location ? { Location: location } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}/`,
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A news site on another origin: every address is an article with `body()` in it, with the headers
 * `headers()` gives (a strict Content-Security-Policy, say). */
export async function startNewsSite(body, headers = () => ({})) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers() });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title></head>
      <body><p>Before the embed</p>${body()}<p>After the embed</p></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/article.html`;
  return { url, stop: () => new Promise((resolve) => server.close(resolve)) };
}
