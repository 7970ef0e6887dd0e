// The web-test-runner setup of every browser test suite (the widgets here, the React wrappers):
// Debian's chromium, the real reference server on loopback (PGlite in memory) started with the
// run, `window.CB_TEST` with its URL and tokens, the `creditbank evaluate` command, and a
// reporter that counts tests for `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { FIXTURES, startServer } from '@creditbank/server';

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const port = await freePort();
let server;

/** Starts the reference server with the test run and stops it after. */
const creditBankServer = {
  name: 'creditbank-server',
  async serverStart() {
    server = await startServer({
      port: 0,
      mode: 'development',
      seed: { courses: 3000 },
      corsOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
      today: '2026-11-21',
    });
  },
  async serverStop() {
    await server?.close();
  },
};

/**
 * `executeServerCommand('creditbank-evaluate', scenario)` from a test: runs the real CLI
 * (`creditbank evaluate FILE`) on a scenario and answers its result JSON.
 */
const creditBankCli = {
  name: 'creditbank-cli',
  executeCommand({ command, payload }) {
    if (command !== 'creditbank-evaluate') return undefined;
    const dir = mkdtempSync(join(tmpdir(), 'cb-wtr-'));
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(payload));
      const cli = new URL('../cli/dist/bin.js', import.meta.url).pathname;
      return JSON.parse(
        execFileSync(process.execPath, [cli, 'evaluate', file], { encoding: 'utf8' }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Counts passed and failed tests into `$CB_WTR_REPORT` (JSON) for `npm test`'s summary. */
function countingReporter(file) {
  const count = (suite, acc) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) continue;
      if (test.passed) acc.passed++;
      else acc.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, acc);
    return acc;
  };
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0 };
      for (const session of sessions) {
        count(session.testResults, acc);
        // a file that failed to load or errored outside a test counts as one failure
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed++;
      }
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}

/** What every test page can read as `window.CB_TEST`. */
function testGlobals() {
  const fixture = (id) => FIXTURES.find((f) => f.id === id);
  const learnerToken = (id) =>
    server.issueToken({ tenant: fixture(id).tenantId, role: 'learner', learner: id });
  return {
    baseUrl: server.url,
    today: '2026-11-21',
    tokens: {
      training: {
        staff: server.issueToken({ tenant: 'training', role: 'staff' }),
        admin: server.issueToken({ tenant: 'training', role: 'admin' }),
      },
      enterprise: { staff: server.issueToken({ tenant: 'enterprise', role: 'staff' }) },
      learners: Object.fromEntries(FIXTURES.map((f) => [f.id, learnerToken(f.id)])),
    },
    fixtures: FIXTURES.map((f) => ({ id: f.id, tenant: f.tenantId, displayName: f.displayName })),
  };
}

/** A web-test-runner config for `files`, with extra dev-server `plugins` and esbuild options. */
export function wtrConfig({ files, plugins = [], rootDir = '.', esbuild = {} }) {
  return {
    rootDir,
    reporters: [
      defaultReporter(),
      summaryReporter({ flatten: false }),
      ...(process.env.CB_WTR_REPORT ? [countingReporter(process.env.CB_WTR_REPORT)] : []),
    ],
    files,
    nodeResolve: true,
    port,
    concurrency: 1,
    browserStartTimeout: 60000,
    testsStartTimeout: 60000,
    testsFinishTimeout: 180000,
    testFramework: { config: { timeout: 20000 } },
    plugins: [
      esbuildPlugin({
        ts: true,
        tsconfig: new URL('./test/tsconfig.json', import.meta.url).pathname,
        ...esbuild,
      }),
      creditBankServer,
      creditBankCli,
      ...plugins,
    ],
    testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8"><script>window.CB_TEST = ${JSON.stringify(testGlobals())};</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          headless: true,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      }),
    ],
  };
}
