// WebKitGTK (Debian's webkit2gtk-driver): WebKitWebDriver drives its MiniBrowser, under xvfb-run, over plain
// W3C WebDriver (HTTP and JSON, with Node's fetch). Classic WebDriver has no console events, so here a
// journey fails on what it checks, not on console messages.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const KEYS = { Escape: '\uE00C', Enter: '\uE007', Tab: '\uE004' };

/** The MiniBrowser that ships with the WebKitGTK library (its folder is named by API version). */
function miniBrowser() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  for (const lib of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib', '/usr/libexec']) {
    if (!existsSync(lib)) continue;
    for (const dir of readdirSync(lib).filter((d) => /^webkit2?gtk-[\d.]+$/.test(d)).sort().reverse()) {
      const binary = `${lib}/${dir}/MiniBrowser`;
      if (existsSync(binary)) return binary;
    }
  }
  throw new Error('no MiniBrowser found (Debian: libwebkit2gtk-4.1-0, pulled in by webkit2gtk-driver)');
}

/** A free TCP port on 127.0.0.1. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Starts WebKitWebDriver and a MiniBrowser session; resolves to a driver (see journeys.js). */
export async function launch() {
  const port = await freePort();
  // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and the browser together.
  const child = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const endpoint = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(`${endpoint}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  };
  try {
    const end = Date.now() + 20_000;
    for (;;) {
      const ready = await call('GET', '/status').then((s) => s.ready, () => false);
      if (ready) break;
      if (Date.now() > end || child.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const { sessionId } = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: { 'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] } },
      },
    });
    const session = (method, path, body) => call(method, `/session/${sessionId}${path}`, body);
    const find = async (selector) => (await session('POST', '/element', { using: 'css selector', value: selector }))[ELEMENT];
    const execute = (fn, args) =>
      session('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args });
    return {
      goto: (url) => session('POST', '/url', { url }),
      url: () => session('GET', '/url'),
      evaluate: (fn, ...args) => execute(fn, args),
      // A real pointer click at the middle of the element's first line box: WebKitWebDriver's element click
      // aims at the middle of the whole box, which for a link wrapped over two lines is outside the link
      // ("element not interactable"), unlike a reader's click.
      async click(selector) {
        const { x, y } = await execute(
          (selector) => {
            const el = document.querySelector(selector);
            el.scrollIntoView({ block: 'center', behavior: 'instant' }); // not the page's smooth scrolling
            const box = el.getClientRects()[0];
            return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
          },
          [selector],
        );
        await session('POST', '/actions', {
          actions: [
            {
              type: 'pointer',
              id: 'mouse',
              parameters: { pointerType: 'mouse' },
              actions: [
                { type: 'pointerMove', origin: 'viewport', x, y },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ],
        });
        await session('DELETE', '/actions');
      },
      async press(key) {
        const value = KEYS[key] ?? key;
        await session('POST', '/actions', {
          actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
        });
        await session('DELETE', '/actions');
      },
      async inFrame(selector, fn, ...args) {
        await session('POST', '/frame', { id: { [ELEMENT]: await find(selector) } });
        try {
          return await execute(fn, args);
        } finally {
          await session('POST', '/frame/parent', {});
        }
      },
      problems: () => [],
      async close() {
        await session('DELETE', '').catch(() => {});
        kill();
      },
    };
  } catch (e) {
    kill();
    throw e;
  }
}
