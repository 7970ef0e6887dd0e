// Benchmark (not a test): median times of rule-pack validation and of `plan` on the
// validated pack, for a typical learner and for the hard case of issue 2. Run after a build:
//   pnpm run bench
import { plan, validateRuleset } from '../../packages/core/dist/index.js';
import { hardCase, typicalCase } from './fixtures.mjs';

const AS_OF = '2026-11-21';

function median(fn, { runs, warmup = 5 }) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const cases = [
  ['typical (30 outcomes, 40-course program, 2,000 rules)', typicalCase(), 1, 200],
  ['hard (60 certificates, pairs of 30 courses, cap 37%, equal credits)', hardCase(), 100, 30],
  ['hard, mixed credits 2/3/4', hardCase((i) => 2 + (i % 3)), 100, 30],
];

const rows = [];
for (const [name, c, targetMs, runs] of cases) {
  const checked = validateRuleset(c.ruleset);
  if (!checked.ok)
    throw new Error(
      `${name}: invalid pack: ${checked.errors[0].path} ${checked.errors[0].message}`,
    );
  const validateMs = median(() => validateRuleset(c.ruleset), { runs: Math.min(runs, 50) });
  let result;
  const planMs = median(() => (result = plan(checked.value, c.learner, c.program, AS_OF)), {
    runs,
  });
  rows.push({
    case: name,
    'validate ms': validateMs.toFixed(2),
    'plan ms': planMs.toFixed(3),
    'target ms': targetMs,
    'plan / target': (planMs / targetMs).toFixed(2),
    grants: result.grants.length,
    transferred: result.transferredCredits,
  });
}
console.table(rows);
