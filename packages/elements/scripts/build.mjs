// Builds @creditbank/elements:
//  1. tsc: ESM + declarations in dist/ (what bundler users import; decorators compiled by tsc);
//  2. vite, then terser: one self-contained, minified bundle per component and one
//     with all of them in dist/cdn/ (what CDN pages load, what the browser tests load, what
//     size-limit measures); they bundle the tsc output, so decorators are compiled once, by tsc;
//  3. the custom-elements manifest (custom-elements.json) from the class doc comments.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle, ENTRIES } from './bundle.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b', here], {
  stdio: 'inherit',
});

// `node scripts/build.mjs name…` rebuilds only those bundles (and leaves the others alone).
const only = process.argv.slice(2);
if (only.length === 0) rmSync(`${here}dist/cdn`, { recursive: true, force: true });
for (const name of Object.keys(ENTRIES)) {
  if (only.length && !only.includes(name)) continue;
  const code = await bundle(name);
  mkdirSync(`${here}dist/cdn`, { recursive: true });
  writeFileSync(`${here}dist/cdn/${name}.js`, code);
}

execFileSync(
  process.execPath,
  [
    `${here}node_modules/@custom-elements-manifest/analyzer/cem.js`,
    'analyze',
    '--litelement',
    '--globs',
    'src/**/*.component.ts',
    'src/shared/base.ts',
    '--outdir',
    '.',
  ],
  { cwd: here, stdio: 'inherit' },
);

// Our define files call `define('cb-x', Class)`, which the analyzer does not read: add each
// tag to its class, and the custom-element definitions to the manifest's exports.
const manifestFile = `${here}custom-elements.json`;
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const tags = new Map();
for (const dir of readdirSync(`${here}src`, { withFileTypes: true })) {
  const file = `${here}src/${dir.name}/${dir.name}.ts`;
  if (!dir.isDirectory() || !existsSync(file)) continue;
  for (const [, tag, name] of readFileSync(file, 'utf8').matchAll(
    /define\('([a-z0-9-]+)',\s*(\w+)\)/g,
  )) {
    tags.set(name, { tag, file: `src/${dir.name}/${dir.name}.ts` });
  }
}
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    const found = tags.get(declaration.name);
    if (declaration.kind !== 'class' || !found) continue;
    declaration.tagName = found.tag;
    declaration.customElement = true;
    module.exports = [
      ...(module.exports ?? []).filter((e) => e.kind !== 'custom-element-definition'),
      {
        kind: 'custom-element-definition',
        name: found.tag,
        declaration: { name: declaration.name, module: module.path },
      },
    ];
  }
}
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
