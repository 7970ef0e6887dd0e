/**
 * Compares the core's answer with the reference's on one scenario, for every query it can
 * ask (the plan of each program, and the balance), and shrinks a disagreeing scenario.
 */
import { evaluateScenario, validateScenario } from '../../../packages/core/src/index.js';
import {
  balance,
  candidatesFor,
  plan,
  rejection,
  type OracleOptions,
  type RPlan,
  type RScenario,
} from './reference.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths where `a` (core) and `b` (reference) differ. */
export function diff(a: unknown, b: unknown, path = ''): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    if (a.length !== b.length)
      return [`${path}: core ${JSON.stringify(a)} ≠ reference ${JSON.stringify(b)}`];
    a.forEach((x, i) => out.push(...diff(x, b[i], `${path}[${i}]`)));
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const out: string[] = [];
    for (const k of Object.keys(b as object))
      out.push(
        ...diff(
          (a as Record<string, unknown>)[k],
          (b as Record<string, unknown>)[k],
          path ? `${path}.${k}` : k,
        ),
      );
    return out;
  }
  return Object.is(a, b)
    ? []
    : [`${path}: core ${JSON.stringify(a)} ≠ reference ${JSON.stringify(b)}`];
}

export function isValid(s: RScenario): boolean {
  return validateScenario(s).ok;
}

/** The queries of a scenario: each program's plan and the balance. */
export function queriesOf(s: RScenario): RScenario['query'][] {
  return [
    ...s.ruleset.programs.map((p) => ({ kind: 'plan' as const, program: p.id })),
    { kind: 'balance' as const },
  ];
}

/** Disagreements of core and reference on one query (empty when they agree). */
export function compareQuery(
  s: RScenario,
  query: RScenario['query'],
  opts: OracleOptions = {},
): string[] {
  const scenario = { ...s, query };
  const core = evaluateScenario(scenario);
  if (!core.ok) return [`core refused: ${JSON.stringify(core.errors)}`];
  const result = core.result as unknown as Record<string, Json>;
  if (query.kind === 'balance') return diff(result, balance(scenario));
  const ref = plan(scenario, query.program, opts);
  const out = diff(result, ref);
  out.push(...compareExplanation(scenario, query.program, ref, result.explanation));
  return out;
}

interface Step {
  code: string;
  rule?: string;
  outcome?: string;
  course?: string;
}

/**
 * The explanation's structure (§5 "ordered steps: every rejection, every candidate not chosen
 * and why, every grant, the verdict"): the codes and the records they name, not the wording.
 */
function compareExplanation(s: RScenario, programId: string, ref: RPlan, raw: unknown): string[] {
  const steps = (raw ?? []) as Step[];
  const out: string[] = [];
  const sorted = (xs: string[]) => [...xs].sort();
  const pick = (f: (e: Step) => boolean, key: (e: Step) => string) => steps.filter(f).map(key);
  // every rejection first, in the learner's order
  const rejections = ref.rejected.map((r) => `outcome-${r.reason}|${r.outcome}`);
  out.push(
    ...diff(
      steps.slice(0, rejections.length).map((e) => `${e.code}|${e.outcome ?? ''}`),
      rejections,
      'explanation(rejections first)',
    ),
  );
  // the verdict last
  const verdict = ref.graduation.eligible
    ? ['graduation-eligible|']
    : ref.graduation.missing.map((m) =>
        m.reason === 'credits'
          ? 'graduation-missing-credits|'
          : m.reason === 'course'
            ? `graduation-missing-course|${m.course}`
            : 'graduation-missing-certificates|',
      );
  out.push(
    ...diff(
      steps.slice(steps.length - verdict.length).map((e) => `${e.code}|${e.course ?? ''}`),
      verdict,
      'explanation(verdict last)',
    ),
  );
  const newGrants = ref.grants.filter((g) => !g.applied);
  out.push(
    ...diff(
      sorted(
        pick(
          (e) => e.code === 'granted',
          (e) => e.rule ?? '',
        ),
      ),
      sorted(newGrants.map((g) => g.rule)),
      'explanation(granted)',
    ),
  );
  out.push(
    ...diff(
      sorted(
        pick(
          (e) => e.code === 'applied',
          (e) => e.rule ?? '',
        ),
      ),
      sorted(ref.grants.filter((g) => g.applied).map((g) => g.rule)),
      'explanation(applied)',
    ),
  );
  out.push(
    ...diff(
      pick(
        (e) => e.code === 'certificate-earned',
        (e) => e.rule ?? '',
      ),
      ref.certificatesEarned.map((c) => c.rule),
      'explanation(certificate-earned)',
    ),
  );
  // every candidate not chosen, once
  const { candidates } = candidatesFor(s, programId);
  const made = new Set(newGrants.map((g) => `${g.rule}|${g.outcomes.join('+')}`));
  // an elective whose hours convert to 0 credits: a candidate cut to zero (not made), or a
  // rule whose hours are too low — the spec reads both ways; either is accepted
  const zero = candidates.filter((c) => c.elective && c.credits.n === 0n);
  const zeroRules = new Set(zero.map((c) => c.rule.id));
  const notChosen = candidates
    .filter((c) => !zero.includes(c))
    .filter((c) => !made.has(`${c.rule.id}|${c.outcomes.map((o) => o.id).join('+')}`))
    .map((c) => c.rule.id);
  out.push(
    ...diff(
      sorted(
        pick(
          (e) => e.code.startsWith('not-chosen-') && !zeroRules.has(e.rule ?? ''),
          (e) => e.rule ?? '',
        ),
      ),
      sorted(notChosen),
      'explanation(not-chosen)',
    ),
  );
  // rule misses: only rules of this program without a candidate that touch a usable outcome
  const usable = s.learner.outcomes.filter((o) => rejection(o, s.asOf) === null);
  const missed = s.ruleset.rules
    .filter((rule) => rule.program === programId)
    .filter((rule) => !candidates.some((c) => c.rule === rule))
    .filter((rule) =>
      usable.some(
        (o) =>
          (rule.kind === 'substitution' && o.certificate?.id === rule.certificate) ||
          (rule.kind === 'recognition' &&
            o.kind === 'course' &&
            o.course?.institution === rule.from?.institution &&
            o.course?.code === rule.from?.course) ||
          (rule.kind === 'nonformal' &&
            o.kind === 'nonformal' &&
            o.nonformal?.category === rule.category),
      ),
    )
    .map((rule) => rule.id);
  const missSteps = [
    ...new Set(
      pick(
        (e) => e.code.startsWith('rule-') && !zeroRules.has(e.rule ?? ''),
        (e) => e.rule ?? '',
      ),
    ),
  ];
  out.push(...diff(sorted(missSteps), sorted(missed), 'explanation(rule misses)'));
  return out;
}

export function compareAll(s: RScenario, opts: OracleOptions = {}): string[] {
  return queriesOf(s).flatMap((query) =>
    compareQuery(s, query, opts).map((d) => `${JSON.stringify(query)} ${d}`),
  );
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * Greedily removes outcomes, rules, applied grants, programs' optional fields, fees and
 * points while the scenario stays valid and the query still disagrees.
 */
export function shrink(
  s0: RScenario,
  query: RScenario['query'],
  opts: OracleOptions = {},
): RScenario {
  let s = clone({ ...s0, query });
  const fails = (c: RScenario) => isValid(c) && compareQuery(c, query, opts).length > 0;
  const edits = (c: RScenario): RScenario[] => {
    const out: RScenario[] = [];
    const each = (n: number, f: (x: RScenario, i: number) => void) => {
      for (let i = n - 1; i >= 0; i--) {
        const y = clone(c);
        f(y, i);
        out.push(y);
      }
    };
    each(c.learner.outcomes.length, (y, i) => y.learner.outcomes.splice(i, 1));
    each(c.learner.applied?.length ?? 0, (y, i) => y.learner.applied?.splice(i, 1));
    each(c.ruleset.rules.length, (y, i) => y.ruleset.rules.splice(i, 1));
    each(c.ruleset.programs.length, (y, i) => y.ruleset.programs.splice(i, 1));
    each(c.ruleset.certificates.length, (y, i) => y.ruleset.certificates.splice(i, 1));
    each(c.ruleset.courses.length, (y, i) => y.ruleset.courses.splice(i, 1));
    for (const key of ['fees', 'points'] as const) {
      if (c.ruleset[key] === undefined) continue;
      const y = clone(c);
      delete y.ruleset[key];
      out.push(y);
    }
    const optional = [
      'minCertificates',
      'certificateOptions',
      'maxTransferShare',
      'maxNonformalCredits',
      'nonTransferable',
    ] as const;
    c.ruleset.programs.forEach((p, i) => {
      for (const k of optional)
        if (p[k] !== undefined) {
          const y = clone(c);
          delete (y.ruleset.programs[i] as unknown as Record<string, unknown>)[k];
          out.push(y);
        }
      each(p.requiredCourses.length, (y, j) => y.ruleset.programs[i]?.requiredCourses.splice(j, 1));
      each(p.courses.length, (y, j) => y.ruleset.programs[i]?.courses.splice(j, 1));
    });
    c.ruleset.rules.forEach((rule, i) => {
      for (const k of [
        'priority',
        'group',
        'minLevel',
        'minScore',
        'minCredits',
        'minHours',
        'maxCredits',
        'to',
      ] as const)
        if (rule[k] !== undefined) {
          const y = clone(c);
          delete (y.ruleset.rules[i] as unknown as Record<string, unknown>)[k];
          out.push(y);
        }
    });
    c.learner.outcomes.forEach((o, i) => {
      if (o.expiresOn !== undefined) {
        const y = clone(c);
        delete y.learner.outcomes[i]?.expiresOn;
        out.push(y);
      }
    });
    return out;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const c of edits(s))
      if (fails(c)) {
        s = c;
        changed = true;
        break;
      }
  }
  return s;
}
