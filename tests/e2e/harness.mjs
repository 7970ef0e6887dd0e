// What every end-to-end test file shares: the reference server in-process (PGlite in memory,
// demo mode, today 2026-11-21), the built demos on the same static server as `npm start`
// (scripts/demo-server.mjs), Debian's Chromium through playwright-core, and page helpers that
// fail a test on any console error or failed request.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

export const TODAY = '2026-11-21';
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
export const DEMO_PAGES = [
  'lms.html',
  'hr-portal.html',
  'course-platform.html',
  'script-tag.html',
  'react.html',
];
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const { startServer } = await import(pathToFileURL(`${root}packages/server/dist/index.js`).href);
const { startDemoServer } = await import(pathToFileURL(`${root}scripts/demo-server.mjs`).href);

/** axe-core's browser bundle, injected into pages as a script. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Starts the API (`seed`: the server's seed options), the demo server and Chromium. Returns
 * `{ api, demos, browser, close() }`.
 * Both servers bind 127.0.0.1 on free ports; the API allows the demo origin (CORS).
 */
export async function startStack({ seed } = {}) {
  const api = await startServer({
    port: 0,
    mode: 'demo',
    today: TODAY,
    ...(seed ? { seed } : {}),
    // the demo server's port is not known yet: the dev default (any loopback port)
    corsOrigins: ['http://127.0.0.1:*', 'http://localhost:*'],
  });
  const demos = await startDemoServer({ apiUrl: api.url, port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    api,
    demos,
    browser,
    /** a token of the API, e.g. `{ tenant: 'training', role: 'staff' }` */
    token: (claims) => api.issueToken(claims),
    /** GET/POST against the API with a token; resolves to the parsed JSON (throws on !ok) */
    async call(path, claims, { method = 'GET', body } = {}) {
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${api.issueToken(claims)}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await response.json();
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    async close() {
      await browser.close().catch(() => {});
      await demos.close();
      await api.close();
    },
  };
}

/**
 * Opens a page and records every console error, page error and failed request (a network
 * failure or an HTTP status ≥ 400) in `problems`; `assertClean()` throws with the list.
 */
export async function openPage(stack, path, { viewport = { width: 1366, height: 900 } } = {}) {
  const context = await stack.browser.newContext({ viewport, locale: 'zh-CN' });
  await context.addInitScript(DEEP);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // a request the page itself cancelled (a superseded search) is not a failure
    if (failure === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  await page.goto(`${stack.demos.url}/${path}`);
  return {
    page,
    context,
    problems,
    assertClean() {
      if (problems.length) throw new Error(`problems on ${path}:\n${problems.join('\n')}`);
    },
    close: () => context.close(),
  };
}

/**
 * Waits until `fn` (run in the page) returns a truthy value, and returns it. `fn` gets `arg`.
 * Deep queries: use `deep(selector, …)` inside (defined on the page by `installDeep`).
 */
export async function waitFor(page, fn, arg, { timeout = 15_000, what = 'condition' } = {}) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 100 });
    return await handle.jsonValue();
  } catch (error) {
    throw new Error(`timed out waiting for ${what}: ${error.message.split('\n')[0]}`);
  }
}

/**
 * `deepQuery(root, 'cb-transfer-calculator', '[part=grants] li')`: querySelector through open
 * shadow roots, one selector per level (source for page.evaluate / waitForFunction).
 */
export const DEEP = `
  window.deep = (...selectors) => {
    let node = document;
    for (const [i, selector] of selectors.entries()) {
      const scope = i === 0 ? node : node.shadowRoot ?? node;
      node = scope.querySelector(selector);
      if (!node) return null;
    }
    return node;
  };
  window.deepAll = (...selectors) => {
    const last = selectors.pop();
    const parent = selectors.length ? window.deep(...selectors) : document;
    if (!parent) return [];
    return Array.from((parent.shadowRoot ?? parent).querySelectorAll(last));
  };
  window.activeDeep = () => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  };
`;

/** Installs `deep`, `deepAll` and `activeDeep` on every page of a context. */
export async function installDeep(context) {
  await context.addInitScript(DEEP);
}
