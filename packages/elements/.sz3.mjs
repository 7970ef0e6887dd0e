import { build } from 'vite';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
writeFileSync('/work/main/packages/elements/.sz-entry.js', process.argv[2]);
const out = await build({
  root: '/work/main/packages/elements',
  configFile: false,
  logLevel: 'silent',
  build: {
    write: false,
    minify: true,
    lib: {
      entry: '/work/main/packages/elements/.sz-entry.js',
      formats: ['es'],
      fileName: () => `x.js`,
    },
  },
});
const code = (Array.isArray(out) ? out[0] : out).output[0].code;
console.log('min', code.length, 'gz', gzipSync(code).length);
