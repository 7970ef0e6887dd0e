// The demos' static server (node:http, no dependency), shared by `npm start` and the
// end-to-end tests: the built demos (demos/dist), the embed bundle at /cdn/embed/… and a second
// copy of the same files at /cdn/embed-copy/… (another URL, for the two-copies page), and
// /demo-config.json, which tells every page the API's base URL (not known at build time).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The demo pages (demos/dist/<name>.html) with what each shows, in the order `npm start` prints them. */
export const DEMOS = [
  { page: 'lms.html', title: 'LMS course page: balance and learning record in the sidebar' },
  { page: 'hr-portal.html', title: 'HR portal: employees, credits, certificates, drill-down' },
  {
    page: 'course-platform.html',
    title: 'Course platform: course supermarket, enrolment form, transfer calculator',
  },
  { page: 'script-tag.html', title: 'Plain HTML with the embed script only (two copies)' },
  { page: 'react.html', title: 'React 19 host with @creditbank/react' },
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Is `port` free on `host`? */
function portFree(port, host) {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** `port` or the next free one after it (tries 50); 0 stays 0 (the system picks). */
export async function freePort(port, host = '127.0.0.1') {
  if (port === 0) return 0;
  for (let p = port; p < port + 50; p++) if (await portFree(p, host)) return p;
  throw new Error(`no free port from ${port} to ${port + 49} on ${host}`);
}

/**
 * Starts the static server. `apiUrl` is what /demo-config.json answers as `baseUrl`.
 * Resolves to `{ url, port, close() }`.
 */
export async function startDemoServer({
  apiUrl,
  port = 5173,
  host = '127.0.0.1',
  demosDir = join(root, 'demos/dist'),
  embedDir = join(root, 'packages/embed/dist/cdn'),
} = {}) {
  if (!apiUrl) throw new TypeError('startDemoServer: apiUrl is required');
  const mounts = [
    ['/cdn/embed/', embedDir],
    ['/cdn/embed-copy/', embedDir],
    ['/', demosDir],
  ];
  const config = JSON.stringify({ baseUrl: apiUrl });

  const server = createHttpServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (path === '/demo-config.json') return send(200, config, TYPES['.json']);
    if (path === '/') path = '/index.html';
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
    if (!dir) return send(404, 'not found');
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) {
      return send(403, 'forbidden');
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, 'not found');
    }
    if (!info.isFile()) return send(404, 'not found');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
      // the embed bundle is a module script: a page of another origin loads it only with CORS
      ...(prefix.startsWith('/cdn/') ? { 'access-control-allow-origin': '*' } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing = null;
  return {
    url: `http://${urlHost}:${actual}`,
    port: actual,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
      return closing;
    },
  };
}
