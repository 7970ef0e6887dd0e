// The React wrappers under React 19 StrictMode, in chromium, against the real server. React
// ships CommonJS, so each test is first bundled by esbuild into test/.bundled/.
import { readdirSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { wtrConfig } from '../elements/wtr.shared.mjs';

const here = new URL('.', import.meta.url).pathname;
const tests = readdirSync(`${here}test`).filter((f) => f.endsWith('.test.tsx'));
buildSync({
  entryPoints: tests.map((f) => `${here}test/${f}`),
  outdir: `${here}test/.bundled`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  sourcemap: 'inline',
  define: { 'process.env.NODE_ENV': '"development"' },
  // the test framework comes from the test runner's own import map
  external: ['@open-wc/testing', '@web/test-runner-commands'],
  logLevel: 'warning',
});

export default wtrConfig({ files: ['test/.bundled/*.test.js'] });
