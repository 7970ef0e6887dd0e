// The CDN bundles: one self-contained, minified ES module per component (and one with all of
// them), from the tsc output in dist/. Used by build.mjs and by the size report in tests/bench.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-html-literals';
import { minify } from 'terser';
import { build } from 'vite';

const here = fileURLToPath(new URL('..', import.meta.url));

/** One bundle per component folder that has a define file (`src/<name>/<name>.ts`), and all. */
export const ENTRIES = Object.fromEntries([
  ['all', 'dist/all.js'],
  ...readdirSync(`${here}src`, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${here}src/${d.name}/${d.name}.ts`))
    .map((d) => [d.name, `dist/${d.name}/${d.name}.js`]),
]);

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

/**
 * Bundles one entry of ENTRIES into minified code. `external` names packages to leave out
 * (the size report uses it to measure what each dependency adds).
 */
export async function bundle(name, { external = [] } = {}) {
  const entry = ENTRIES[name];
  if (!entry || !existsSync(`${here}${entry}`))
    throw new Error(`missing build entry ${entry ?? name}`);
  // vite (rolldown) bundles and tree-shakes best; a second pass with terser (two compress
  // passes) then takes another ~12% off the gzip size (measured for credit-balance: 31.0 KB →
  // 27.6 KB; esbuild's minifier in this place reached 28.1 KB).
  const isExternal = (id) => external.some((p) => id === p || id.startsWith(`${p}/`));
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
      rolldownOptions: { external: isExternal, output: { codeSplitting: false } },
    },
  });
  const bundled = (Array.isArray(out) ? out[0] : out).output[0].code;
  const { code } = await minify(bundled, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  if (code === undefined) throw new Error(`terser returned nothing for ${name}`);
  return code;
}
