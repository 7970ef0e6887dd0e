// Runs the end-to-end tests (tests/e2e/*.test.mjs) one file at a time with node's test runner,
// prints the spec report, and ends with its own line `N passed, N failed`; exit 1 on a failure.
// Needs the built packages and demos (`pnpm run build`) and /usr/bin/chromium.
import { readdirSync } from 'node:fs';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => `${here}${f}`);

let passed = 0;
let failed = 0;
const started = Date.now();
const stream = run({ files, concurrency: 1, timeout: 170_000 });
// suites report too: count only the tests (leaves) by their nesting and type
stream.on('test:pass', (data) => {
  if (data.details?.type !== 'suite') passed++;
});
stream.on('test:fail', (data) => {
  if (data.details?.type !== 'suite') failed++;
});
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.once('end', resolve));
await new Promise((resolve) => setImmediate(resolve));
process.stdout.write(
  `\nend-to-end: ${((Date.now() - started) / 1000).toFixed(1)} s\n${passed} passed, ${failed} failed\n`,
);
process.exitCode = failed > 0 ? 1 : 0;
