// Builds dist/creditbank-embed.js (the entry) and one chunk per widget, fetched only when a
// page uses that widget; chunks load relative to the script's own URL, so the folder can be
// served from any CDN path.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b', here], {
  stdio: 'inherit',
});
rmSync(`${here}dist/cdn`, { recursive: true, force: true });
await build({
  root: here,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: `${here}dist/tsc/embed.js`,
      formats: ['es'],
      fileName: () => 'creditbank-embed.js',
    },
    rolldownOptions: { output: { chunkFileNames: 'creditbank-[name]-[hash].js' } },
  },
});
