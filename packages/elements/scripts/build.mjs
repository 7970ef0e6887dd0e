// Builds @creditbank/elements:
//  1. tsc: ESM + declarations in dist/ (what bundler users import; decorators compiled by tsc);
//  2. vite, then esbuild's minifier: one self-contained, minified bundle per component and one
//     with all of them in dist/cdn/ (what CDN pages load, what the browser tests load, what
//     size-limit measures); they bundle the tsc output, so decorators are compiled once, by tsc;
//  3. the custom-elements manifest (custom-elements.json) from the class doc comments.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { minifyHTMLLiterals } from 'minify-html-literals';
import { build } from 'vite';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** One bundle per component folder that has a define file (`src/<name>/<name>.ts`), and all. */
export const ENTRIES = Object.fromEntries([
  ['all', 'dist/all.js'],
  ...readdirSync(`${here}src`, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${here}src/${d.name}/${d.name}.ts`))
    .map((d) => [d.name, `dist/${d.name}/${d.name}.js`]),
]);

execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b', here], {
  stdio: 'inherit',
});

/** Minifies the HTML and CSS inside Lit's html`` and css`` templates of our own modules. */
const minifyTemplates = {
  name: 'minify-lit-templates',
  transform(code, id) {
    if (!/packages\/(elements|client|core)\/dist\/.*\.js$/.test(id)) return null;
    if (!/\b(html|css)\s*`/.test(code)) return null;
    try {
      const result = minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    } catch {
      // it cannot parse some templates (a static tag name `<${tag}`, interpolated CSS blocks):
      // there, only collapse the whitespace of css`` templates
      const collapsed = code.replace(
        /\bcss\s*`([^`]*)`/g,
        (_, body) => `css\`${body.replace(/\s+/g, ' ').replace(/\s*([{};:,])\s*/g, '$1')}\``,
      );
      return collapsed === code ? null : { code: collapsed, map: null };
    }
  },
};

// `node scripts/build.mjs name…` rebuilds only those bundles (and leaves the others alone).
const only = process.argv.slice(2);
if (only.length === 0) rmSync(`${here}dist/cdn`, { recursive: true, force: true });
for (const [name, entry] of Object.entries(ENTRIES)) {
  if (only.length && !only.includes(name)) continue;
  if (!existsSync(`${here}${entry}`)) throw new Error(`missing build entry ${entry}`);
  // vite (rolldown) bundles and tree-shakes best; a second pass of esbuild's minifier then
  // takes another ~9% off the gzip size (measured: 31.0 KB → 28.1 KB for credit-balance).
  const out = await build({
    root: here,
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: `${here}${entry}`, formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  const bundled = (Array.isArray(out) ? out[0] : out).output[0].code;
  const { code } = await transform(bundled, { minify: true, format: 'esm', target: 'es2022' });
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
