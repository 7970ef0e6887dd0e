// Size report (not a test; size-limit in `npm test` enforces the budgets): how much of each CDN
// bundle of @creditbank/elements is third-party code (Lit, @lit-labs/virtualizer, zod, ky) and
// how much is ours (the components, the client, the core). Each dependency's share is what the
// bundle loses when that dependency is left out, built by the same pipeline as the real bundles
// (packages/elements/scripts/bundle.mjs). Run after a build:
//   pnpm run bench
import { gzipSync } from 'node:zlib';
import { bundle, ENTRIES } from '../../packages/elements/scripts/bundle.mjs';

/** The targets of issue 4, in bytes (1 KB = 1,000 bytes, as size-limit counts). */
const TARGETS = { 'transfer-calculator': 40_000, all: 60_000 };
const DEFAULT_TARGET = 30_000;

const DEPENDENCIES = {
  Lit: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', '@lit/task'],
  virtualizer: ['@lit-labs/virtualizer'],
  zod: ['zod'],
  ky: ['ky'],
};

const gzipped = async (name, external) =>
  gzipSync(await bundle(name, { external }), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

const rows = [];
for (const name of Object.keys(ENTRIES)) {
  const total = await gzipped(name, []);
  const row = { bundle: name, size: kb(total) };
  for (const [dependency, packages] of Object.entries(DEPENDENCIES)) {
    row[dependency] = kb(total - (await gzipped(name, packages)));
  }
  const ours = await gzipped(name, Object.values(DEPENDENCIES).flat());
  const target = TARGETS[name] ?? DEFAULT_TARGET;
  row['third-party'] = kb(total - ours);
  row['ours'] = kb(ours);
  row.target = kb(target);
  row['size / target'] = (total / target).toFixed(2);
  row['third-party / target'] = ((total - ours) / target).toFixed(2);
  rows.push(row);
}
console.table(rows);
console.log(
  'gzip level 9 of the minified bundle; a dependency counts what the bundle loses without it.',
);
