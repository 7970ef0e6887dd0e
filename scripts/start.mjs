// `npm start`: bootstraps the machine (pnpm, dependencies, `pnpm run build`), then starts the
// reference server in demo mode (PGlite in .data/pglite, created and seeded on first start) and
// the demos' static server, prints their URLs and stays up; Ctrl-C (SIGINT) or SIGTERM closes
// both and exits 0.
//
// PORT (default 8787) and DEMO_PORT (default 5173) choose the ports; when one is taken the next
// free port is used. CREDITBANK_TODAY (YYYY-MM-DD) fixes the server's "today". The API answers
// pages of any loopback origin (http://localhost:* and http://127.0.0.1:*, so a page of your
// own on another port works too); CREDITBANK_CORS_ORIGINS (comma-separated) adds others.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bootstrap, root } from './bootstrap.mjs';
import { DEMOS, freePort, startDemoServer } from './demo-server.mjs';

function port(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name} must be a port number, got "${value}"`);
    process.exit(2);
  }
  return n;
}

bootstrap({ browser: false, postgres: false });

const host = '127.0.0.1';
const apiPort = await freePort(port('PORT', 8787), host);
let demoPort = await freePort(port('DEMO_PORT', 5173), host);
if (demoPort === apiPort && demoPort !== 0) demoPort = await freePort(demoPort + 1, host);

// the server's package is built by bootstrap: import it only now
const { startServer } = await import(
  pathToFileURL(join(root, 'packages/server/dist/index.js')).href
);
// PGlite makes the data folder itself, not its parent
mkdirSync(join(root, '.data'), { recursive: true });
const started = Date.now();
const api = await startServer({
  port: apiPort,
  host,
  mode: 'demo',
  database: { kind: 'pglite', dataDir: join(root, '.data/pglite') },
  corsOrigins: [
    'http://127.0.0.1:*',
    'http://localhost:*',
    ...(process.env.CREDITBANK_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  ],
  ...(process.env.CREDITBANK_TODAY ? { today: process.env.CREDITBANK_TODAY } : {}),
});
let demos;
try {
  demos = await startDemoServer({ apiUrl: api.url, port: demoPort, host });
} catch (error) {
  await api.close();
  throw error;
}

const width = Math.max(...DEMOS.map((d) => d.page.length)) + demos.url.length + 2;
console.log(
  `\ncreditbank reference API  ${api.url}  (demo mode, PGlite .data/pglite, ready in ${Date.now() - started} ms)`,
);
console.log(`demos                     ${demos.url}/\n`);
for (const demo of DEMOS) {
  console.log(`  ${`${demos.url}/${demo.page}`.padEnd(width)}  ${demo.title}`);
}
console.log('\nCtrl-C stops both servers.');

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the demos and the API…`);
  const timer = setTimeout(() => {
    console.error('servers did not close within 10 s; exiting');
    process.exit(1);
  }, 10_000);
  timer.unref();
  await Promise.allSettled([demos.close(), api.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
