// `npm test`: bootstraps a fresh machine, then runs every check and every test suite, and
// ends with one line `N passed, N failed` (each lint/build/budget check counts as one test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap, root } from './bootstrap.mjs';

let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args, { parse, env = {} } = {}) {
  process.stderr.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = parse ? parse(result) : null;
  if (counts && Number.isInteger(counts.passed) && Number.isInteger(counts.failed)) {
    passed += counts.passed;
    failed += counts.failed;
    if (counts.failed > 0 || result.status !== 0) failures.push(name);
    if (counts.failed === 0 && result.status !== 0) failed += 1;
  } else if (result.status === 0) {
    passed += 1;
  } else {
    failed += 1;
    failures.push(name);
  }
  process.stderr.write(`=== ${name}: exit ${result.status} in ${seconds}s\n`);
}

/** Reads the last `N passed, N failed` line a command printed. */
function summaryLine(result) {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^(\d+) passed, (\d+) failed/.exec(lines[i].trim());
    if (m) return { passed: Number(m[1]), failed: Number(m[2]) };
  }
  return null;
}

bootstrap();

const work = mkdtempSync(join(tmpdir(), 'creditbank-test-'));
const vitestReport = join(work, 'vitest.json');

step('eslint', 'pnpm', ['exec', 'eslint', '.']);
step('prettier', 'pnpm', ['exec', 'prettier', '--check', '.']);
// the packages' builds type-check src/; the tests are type-checked here (vitest and
// web-test-runner only strip the types)
for (const project of ['tsconfig.test.json', 'packages/elements/test', 'packages/react/test']) {
  step(`types of the tests (${project})`, 'pnpm', ['exec', 'tsc', '-p', project]);
}
step(
  'unit and integration tests (vitest)',
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ],
  {
    parse: () => {
      try {
        const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
        // a file that fails to load counts as one failure (it has no failed test)
        const brokenFiles = report.testResults.filter(
          (file) =>
            file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed'),
        ).length;
        return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
      } catch {
        return null;
      }
    },
  },
);
step(
  'conformance scenarios (creditbank test)',
  'pnpm',
  ['--silent', 'creditbank', 'test', 'tests/conformance'],
  {
    parse: summaryLine,
  },
);
/** A web-test-runner suite of one package, counted through its reporter's JSON file. */
function browserSuite(name, packageName) {
  const report = join(work, `${packageName.replace(/\W/g, '_')}.json`);
  step(name, 'pnpm', ['--filter', packageName, 'exec', 'web-test-runner'], {
    env: { CB_WTR_REPORT: report },
    parse: () => {
      try {
        return JSON.parse(readFileSync(report, 'utf8'));
      } catch {
        return null;
      }
    },
  });
}
browserSuite('web components in chromium (web-test-runner)', '@creditbank/elements');
browserSuite('React wrappers under StrictMode (web-test-runner)', '@creditbank/react');
step('end-to-end: demos in chromium (playwright-core)', 'node', ['tests/e2e/run.mjs'], {
  parse: summaryLine,
});
step('size budgets (size-limit)', 'pnpm', [
  '--filter',
  '@creditbank/elements',
  'exec',
  'size-limit',
]);
step('README components reference matches custom-elements.json', 'node', [
  'scripts/docs.mjs',
  '--check',
]);
step('changesets', 'pnpm', ['exec', 'changeset', 'status']);

rmSync(work, { recursive: true, force: true });
if (failures.length) process.stderr.write(`\nfailed: ${failures.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
