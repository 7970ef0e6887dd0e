/**
 * Property tests of `plan` (spec §5) against a brute-force oracle written from the spec text
 * alone: it enumerates every candidate grant (step 2), every subset of them, computes each
 * subset's credits (step 3), keeps the feasible ones and picks by the spec's tie-breaks. Only
 * the public `plan` and the validators are used; nothing of the engine's internals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  plan,
  validateLearner,
  validateRuleset,
  type AppliedGrant,
  type Learner,
  type Outcome,
  type PlanResult,
  type Rule,
  type Ruleset,
} from '../src/index.js';

// ---------------------------------------------------------------------------------------------
// The oracle (spec §1, §3, §4, §5), independent of the engine.
// ---------------------------------------------------------------------------------------------

/** Unicode code point order; a proper prefix first (spec §5 step 3). */
function compareCodePoints(x: string, y: string): number {
  const a = Array.from(x, (c) => c.codePointAt(0) as number);
  const b = Array.from(y, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return a.length - b.length;
}

function compareLists<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i] as T, b[i] as T);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Exact decimal as an integer count of 1/10000: every number the generator makes has at most
 * four decimals, so products and quotients below are exact in integers.
 */
const units = (n: number): number => Math.round(n * 10000);
const halvesOf = (credits: number): number => Math.round(credits * 2);

interface CourseRecord {
  institution: string;
  code: string;
  credits: number;
  score?: number;
  passed?: boolean;
}
interface AnyOutcome {
  id: string;
  kind: string;
  status: string;
  earnedOn: string;
  expiresOn?: string;
  course?: CourseRecord;
  certificate?: { id: string; level: string };
  nonformal?: { category: string; hours: number };
}
interface AnyRule {
  id: string;
  kind: string;
  program?: string;
  priority?: number;
  group?: string;
  certificate?: string;
  minLevel?: string;
  courses?: string[];
  from?: { institution: string; course: string };
  to?: string;
  minScore?: number;
  minCredits?: number;
  category?: string;
  hoursPerCredit?: number;
  minHours?: number;
  maxCredits?: number;
}

/** §1: a score decides; without one, `passed: true`. */
const passes = (c: CourseRecord, minScore = 60): boolean =>
  c.score !== undefined ? c.score >= minScore : c.passed === true;

/** §3: usable when verified, earned on or before asOf, not expired before asOf. */
const usableOn = (o: AnyOutcome, asOf: string): boolean =>
  o.status === 'verified' &&
  o.earnedOn <= asOf &&
  (o.expiresOn === undefined || o.expiresOn >= asOf);

interface OracleCandidate {
  rule: string;
  priority: number;
  group: string | undefined;
  positions: number[];
  courses: string[];
  /** course grants: catalog credits; electives: the most they can grant (halves) */
  halves: number;
  elective: boolean;
}

export interface OracleGrant {
  rule: string;
  outcomes: string[];
  courses: string[];
  credits: number;
}

interface OracleAnswer {
  grants: OracleGrant[];
  earnedHalves: number;
  appliedHalves: number;
  appliedElectiveHalves: number;
  capHalves: number | null;
  candidates: number;
}

function oracle(ruleset: Ruleset, learner: Learner, programId: string, asOf: string): OracleAnswer {
  const program = ruleset.programs.find((p) => p.id === programId);
  if (!program) throw new Error('no program');
  const outcomes = learner.outcomes as unknown as AnyOutcome[];
  const rules = ruleset.rules as unknown as AnyRule[];
  const catalogHalves = (code: string) =>
    halvesOf(ruleset.courses.find((c) => c.code === code)?.credits ?? 0);

  // step 0: applied grants of this program
  const applied = (learner.applied ?? []).filter((g) => g.program === programId);
  const consumed = new Set(applied.flatMap((g) => g.outcomes));
  const appliedCourses = new Set(applied.flatMap((g) => g.courses));
  const appliedGroups = new Set(
    applied.map((g) => rules.find((r) => r.id === g.rule)?.group).filter((g) => g !== undefined),
  );
  const appliedHalves = applied.reduce((s, g) => s + halvesOf(g.credits), 0);
  const appliedElectiveHalves = applied
    .filter((g) => g.courses.length === 0)
    .reduce((s, g) => s + halvesOf(g.credits), 0);

  // §3 and step 1
  const usable = outcomes
    .map((o, position) => ({ o, position }))
    .filter(({ o }) => usableOn(o, asOf));
  const earned = new Set<string>();
  for (const { o } of usable) {
    if (
      o.kind === 'course' &&
      o.course &&
      o.course.institution === program.institution &&
      program.courses.includes(o.course.code) &&
      passes(o.course)
    ) {
      earned.add(o.course.code);
    }
  }
  const earnedHalves = [...earned].reduce((s, code) => s + catalogHalves(code), 0);

  // step 2: candidates
  const blocked = new Set([...earned, ...appliedCourses, ...(program.nonTransferable ?? [])]);
  const candidates: OracleCandidate[] = [];
  const add = (rule: AnyRule, positions: number[], courses: string[], electiveHalves?: number) => {
    if (courses.some((c) => blocked.has(c))) return;
    if (rule.group !== undefined && appliedGroups.has(rule.group)) return;
    const elective = courses.length === 0;
    const halves = elective
      ? (electiveHalves as number)
      : courses.reduce((s, c) => s + catalogHalves(c), 0);
    if (elective && halves === 0) return; // a grant cut to zero is not made
    candidates.push({
      rule: rule.id,
      priority: rule.priority ?? 0,
      group: rule.group,
      positions: [...positions].sort((a, b) => a - b),
      courses,
      halves,
      elective,
    });
  };
  const free = usable.filter(({ o }) => !consumed.has(o.id));
  for (const rule of rules) {
    if (rule.program !== programId) continue;
    if (rule.kind === 'substitution') {
      const levels = ruleset.certificates.find((c) => c.id === rule.certificate)?.levels ?? [];
      const min = rule.minLevel === undefined ? 0 : levels.indexOf(rule.minLevel);
      for (const { o, position } of free) {
        const held = o.certificate;
        if (o.kind !== 'certificate' || !held || held.id !== rule.certificate) continue;
        if (levels.indexOf(held.level) < min) continue;
        add(rule, [position], rule.courses ?? []);
      }
    } else if (rule.kind === 'recognition') {
      for (const { o, position } of free) {
        const c = o.course;
        if (o.kind !== 'course' || !c) continue;
        if (c.institution !== rule.from?.institution || c.code !== rule.from?.course) continue;
        if (!passes(c, rule.minScore ?? 60)) continue;
        if (halvesOf(c.credits) < halvesOf(rule.minCredits ?? 0)) continue;
        add(rule, [position], [rule.to as string]);
      }
    } else if (rule.kind === 'nonformal') {
      const mine = free.filter(
        ({ o }) => o.kind === 'nonformal' && o.nonformal?.category === rule.category,
      );
      if (mine.length === 0) continue;
      const hours = mine.reduce((s, { o }) => s + units(o.nonformal?.hours ?? 0), 0);
      if (hours < units(rule.minHours ?? 0)) continue;
      // floorToHalf(hours ÷ hoursPerCredit), in halves, exactly
      const converted = Math.floor((2 * hours) / units(rule.hoursPerCredit as number));
      const positions = mine.map(({ position }) => position);
      if (rule.to !== undefined) {
        if (converted >= catalogHalves(rule.to)) add(rule, positions, [rule.to]);
      } else {
        let max = converted;
        if (rule.maxCredits !== undefined) max = Math.min(max, halvesOf(rule.maxCredits));
        if (program.maxNonformalCredits !== undefined) {
          max = Math.min(max, halvesOf(program.maxNonformalCredits));
        }
        add(rule, positions, [], max);
      }
    }
  }

  // step 3: every subset
  const capHalves =
    program.maxTransferShare === undefined
      ? null
      : Math.floor((units(program.maxTransferShare) * halvesOf(program.totalCredits)) / units(1));
  const roomTransfer = capHalves === null ? Infinity : Math.max(0, capHalves - appliedHalves);
  const roomNonformal =
    program.maxNonformalCredits === undefined
      ? Infinity
      : Math.max(0, halvesOf(program.maxNonformalCredits) - appliedElectiveHalves);

  interface Evaluated {
    set: OracleCandidate[];
    credits: Map<OracleCandidate, number>;
    total: number;
    outcomes: number;
    priority: number;
    ruleIds: string[];
    ordered: OracleCandidate[];
  }
  const byRuleThenPositions = (a: OracleCandidate, b: OracleCandidate) =>
    compareCodePoints(a.rule, b.rule) || compareLists(a.positions, b.positions, (x, y) => x - y);

  function evaluate(set: OracleCandidate[]): Evaluated | null {
    const credits = new Map<OracleCandidate, number>();
    let course = 0;
    for (const c of set) {
      if (!c.elective) {
        course += c.halves;
        credits.set(c, c.halves);
      }
    }
    if (course > roomTransfer) return null;
    let budget = Math.min(roomTransfer - course, roomNonformal);
    let total = course;
    const ordered = [...set].sort(byRuleThenPositions);
    for (const c of ordered) {
      if (!c.elective) continue;
      const give = Math.min(c.halves, budget);
      // an elective cut to zero is not made: that set is the set without it, enumerated too
      if (give <= 0) return null;
      credits.set(c, give);
      budget -= give;
      total += give;
    }
    return {
      set,
      credits,
      total,
      outcomes: set.reduce((s, c) => s + c.positions.length, 0),
      priority: set.reduce((s, c) => s + c.priority, 0),
      ruleIds: set.map((c) => c.rule).sort(compareCodePoints),
      ordered,
    };
  }

  /** negative when `a` is the better set */
  function better(a: Evaluated, b: Evaluated): number {
    if (a.total !== b.total) return b.total - a.total;
    if (a.outcomes !== b.outcomes) return a.outcomes - b.outcomes;
    if (a.priority !== b.priority) return b.priority - a.priority;
    const ids = compareLists(a.ruleIds, b.ruleIds, compareCodePoints);
    if (ids !== 0) return ids;
    return compareLists(a.ordered, b.ordered, (x, y) =>
      compareLists(x.positions, y.positions, (p, q) => p - q),
    );
  }

  let best: Evaluated | null = null;
  const usedOutcomes = new Set<number>();
  const usedCourses = new Set<string>();
  const usedGroups = new Set<string>();
  const current: OracleCandidate[] = [];
  const visit = (i: number) => {
    if (i === candidates.length) {
      const e = evaluate(current);
      if (e && (best === null || better(e, best) < 0)) best = e;
      return;
    }
    visit(i + 1);
    const c = candidates[i] as OracleCandidate;
    if (c.positions.some((p) => usedOutcomes.has(p))) return;
    if (c.courses.some((code) => usedCourses.has(code))) return;
    if (c.group !== undefined && usedGroups.has(c.group)) return;
    for (const p of c.positions) usedOutcomes.add(p);
    for (const code of c.courses) usedCourses.add(code);
    if (c.group !== undefined) usedGroups.add(c.group);
    current.push(c);
    visit(i + 1);
    current.pop();
    for (const p of c.positions) usedOutcomes.delete(p);
    for (const code of c.courses) usedCourses.delete(code);
    if (c.group !== undefined) usedGroups.delete(c.group);
  };
  visit(0);

  const chosen = best as Evaluated | null;
  const grants = (chosen?.ordered ?? []).map((c) => ({
    rule: c.rule,
    outcomes: c.positions.map((p) => (outcomes[p] as AnyOutcome).id),
    courses: [...c.courses],
    credits: (chosen?.credits.get(c) ?? 0) / 2,
  }));
  return {
    grants,
    earnedHalves,
    appliedHalves,
    appliedElectiveHalves,
    capHalves,
    candidates: candidates.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Generators: small random rule packs and learners.
// ---------------------------------------------------------------------------------------------

const AS_OF = '2026-11-21';
const CREDIT_VALUES = [0.5, 1, 2, 3, 4];
/** tricky ids: prefixes, case, BMP above the surrogates, astral characters */
const RULE_IDS = [
  'a',
  'b',
  'ab',
  'B',
  'r1',
  'r10',
  'r2',
  '\uFF5E',
  '\uD83D\uDE00',
  'a\uD83D\uDE00',
  'a\uFF5E',
  '中',
];
const CATEGORIES = ['training', 'work-experience'];
const LEVELS = ['junior', 'intermediate', 'senior'];
const CERTS = ['C0', 'C1', 'C2'];
const EXT = ['X0', 'X1'];

/** undefined half of the time */
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** undefined most of the time */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const common = {
  group: option(fc.constantFrom('g1', 'g2')),
  priority: option(fc.constantFrom(-1, 0, 1, 2)),
};
const ruleArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('substitution' as const),
      cert: fc.constantFrom(0, 0, 1),
      minLevel: option(fc.nat(2)),
      courses: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 3 }),
      ...common,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('recognition' as const),
      ext: fc.nat(1),
      to: fc.nat(7),
      minScore: option(fc.constantFrom(50, 60, 70, 85)),
      minCredits: option(fc.constantFrom(0, 0.5, 1, 2, 3)),
      ...common,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('nonformal' as const),
      cat: fc.nat(1),
      hoursPerCredit: fc.constantFrom(0.4, 2.5, 4, 10, 18, 36),
      minHours: option(fc.constantFrom(0, 10, 40)),
      maxCredits: option(fc.constantFrom(0, 0.5, 1, 2, 4)),
      to: option(fc.nat(7)),
      ...common,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('dual-certificate' as const),
      program: fc.constantFrom('P', undefined, 'Q'),
      cert: fc.nat(1),
      level: fc.nat(2),
      courses: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 2 }),
      ...common,
    }),
  },
);

const courseResult = fc.record({
  score: option(fc.constantFrom(40, 59, 60, 60.5, 75, 80, 95)),
  passed: option(fc.boolean()),
});
const outcomeArb = fc.record({
  status: fc.oneof(
    { weight: 8, arbitrary: fc.constant('verified') },
    { weight: 1, arbitrary: fc.constantFrom('pending', 'revoked') },
  ),
  earnedOn: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('2020-01-01', AS_OF) },
    { weight: 1, arbitrary: fc.constant('2027-01-01') },
  ),
  expiresOn: fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('2025-01-01', AS_OF, '2030-01-01') },
  ),
  /** when set, the outcome is made to match the rule at this index (if any) */
  match: fc.option(fc.nat(7), { nil: undefined, freq: 5 }),
  level: fc.nat(2),
  result: courseResult,
  credits: fc.constantFrom(...CREDIT_VALUES),
  hours: fc.constantFrom(5, 9, 10, 18, 20, 27, 36, 40, 72, 100, 150),
  body: fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('home' as const),
        course: fc.nat(7),
        result: courseResult,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('ext' as const),
        ext: fc.nat(1),
        credits: fc.constantFrom(...CREDIT_VALUES),
        result: courseResult,
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('cert' as const),
        cert: fc.constantFrom(0, 0, 0, 0, 1, 1, 2),
        level: fc.nat(2),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('nf' as const),
        cat: fc.nat(1),
        hours: fc.constantFrom(0, 0.1, 0.7, 5, 9, 10, 18, 20, 27, 36, 40, 72, 100, 150),
      }),
    },
  ),
});

const worldArb = fc.record({
  courseCredits: fc.array(fc.constantFrom(...CREDIT_VALUES), {
    minLength: 1,
    maxLength: 8,
    size: 'max',
  }),
  extCredits: fc.tuple(...EXT.map(() => fc.constantFrom(...CREDIT_VALUES))),
  totalCredits: fc.constantFrom(4, 8, 15, 30, 60),
  required: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  nonTransferable: rarely(fc.nat(7)),
  maxTransferShare: option(fc.constantFrom(0, 0.1, 0.25, 0.35, 0.5, 0.75, 1)),
  maxNonformalCredits: option(fc.constantFrom(0, 0.5, 1, 2, 3, 5)),
  rules: fc.array(ruleArb, { minLength: 2, maxLength: 8, size: 'max' }),
  ruleIds: fc.shuffledSubarray(RULE_IDS, { minLength: 8, maxLength: 8 }),
  outcomes: fc.array(outcomeArb, { minLength: 3, maxLength: 8, size: 'max' }),
  applied: fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    {
      weight: 2,
      arbitrary: fc.array(
        fc.record({
          rule: fc.nat(7),
          outcome: fc.nat(7),
          otherProgram: fc.boolean(),
          credits: fc.constantFrom(0.5, 1, 2),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    },
  ),
  ruleOrder: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
  outcomeOrder: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

interface Built {
  ruleset: Ruleset;
  learner: Learner;
}

function build(w: World): Built {
  const n = w.courseCredits.length;
  const code = (i: number) => `P${i % n}`;
  const programCourses = w.courseCredits.map((_, i) => `P${i}`);
  const ruleset: Ruleset = {
    id: 'gen',
    version: '1',
    institutions: [
      { id: 'home', name: 'Home', kind: 'open-university' },
      { id: 'ext', name: 'Ext', kind: 'university' },
    ],
    certificates: CERTS.map((id) => ({
      id,
      name: id,
      category: 'skill-level' as const,
      levels: [...LEVELS],
    })),
    courses: [
      ...w.courseCredits.map((credits, i) => ({
        code: `P${i}`,
        institution: 'home',
        title: `P${i}`,
        credits,
      })),
      ...EXT.map((c, i) => ({ code: c, institution: 'ext', title: c, credits: w.extCredits[i]! })),
    ],
    programs: [
      {
        id: 'P',
        institution: 'home',
        name: 'P',
        totalCredits: w.totalCredits,
        courses: programCourses,
        requiredCourses: programCourses.filter((_, i) => w.required[i]),
        ...(w.nonTransferable === undefined ? {} : { nonTransferable: [code(w.nonTransferable)] }),
        ...(w.maxTransferShare === undefined ? {} : { maxTransferShare: w.maxTransferShare }),
        ...(w.maxNonformalCredits === undefined
          ? {}
          : { maxNonformalCredits: w.maxNonformalCredits }),
      },
      {
        id: 'Q',
        institution: 'home',
        name: 'Q',
        totalCredits: 10,
        courses: programCourses.slice(0, 2),
        requiredCourses: [],
      },
    ],
    rules: [],
  };
  const rules: Rule[] = w.rules.map((r, i) => {
    const base: Record<string, unknown> = { id: w.ruleIds[i]! };
    if (r.group !== undefined) base.group = r.group;
    if (r.priority !== undefined) base.priority = r.priority;
    const opt = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });
    switch (r.kind) {
      case 'substitution':
        return {
          ...base,
          kind: r.kind,
          program: 'P',
          certificate: CERTS[r.cert]!,
          ...opt('minLevel', r.minLevel === undefined ? undefined : LEVELS[r.minLevel]),
          courses: [...new Set(r.courses.map(code))],
        } as Rule;
      case 'recognition':
        return {
          ...base,
          kind: r.kind,
          program: 'P',
          from: { institution: 'ext', course: EXT[r.ext]! },
          to: code(r.to),
          ...opt('minScore', r.minScore),
          ...opt('minCredits', r.minCredits),
        } as Rule;
      case 'nonformal':
        return {
          ...base,
          kind: r.kind,
          program: 'P',
          category: CATEGORIES[r.cat]!,
          hoursPerCredit: r.hoursPerCredit,
          ...opt('minHours', r.minHours),
          ...opt('maxCredits', r.maxCredits),
          ...opt('to', r.to === undefined ? undefined : code(r.to)),
        } as Rule;
      default:
        return {
          ...base,
          kind: r.kind,
          ...opt('program', r.program),
          certificate: CERTS[r.cert]!,
          level: LEVELS[r.level]!,
          courses: [...new Set(r.courses.map(code))],
        } as Rule;
    }
  });
  ruleset.rules = rules;

  const outcomes: Outcome[] = w.outcomes.map((o, i) => {
    const base = {
      id: `o${i}`,
      status: o.status,
      earnedOn: o.earnedOn,
      ...(o.expiresOn === undefined ? {} : { expiresOn: o.expiresOn }),
    };
    const result = (r: { score?: number | undefined; passed?: boolean | undefined }) => ({
      ...(r.score === undefined ? {} : { score: r.score }),
      ...(r.passed === undefined ? {} : { passed: r.passed }),
    });
    const target =
      o.match === undefined || rules.length === 0
        ? undefined
        : (rules[o.match % rules.length] as unknown as AnyRule);
    if (target?.kind === 'substitution') {
      return {
        ...base,
        kind: 'certificate',
        certificate: { id: target.certificate, level: LEVELS[o.level]! },
      } as Outcome;
    }
    if (target?.kind === 'recognition') {
      return {
        ...base,
        kind: 'course',
        course: {
          institution: target.from!.institution,
          code: target.from!.course,
          credits: o.credits,
          ...result(o.result),
        },
      } as Outcome;
    }
    if (target?.kind === 'nonformal') {
      return {
        ...base,
        kind: 'nonformal',
        nonformal: { category: target.category, hours: o.hours },
      } as Outcome;
    }
    if (target?.kind === 'dual-certificate') {
      const code = target.courses![o.level % target.courses!.length]!;
      const credits = ruleset.courses.find((c) => c.code === code)!.credits;
      return {
        ...base,
        kind: 'course',
        course: { institution: 'home', code, credits, ...result(o.result) },
      } as Outcome;
    }
    const b = o.body;
    if (b.kind === 'home') {
      return {
        ...base,
        kind: 'course',
        course: {
          institution: 'home',
          code: code(b.course),
          credits: w.courseCredits[b.course % n]!,
          ...result(b.result),
        },
      } as Outcome;
    }
    if (b.kind === 'ext') {
      return {
        ...base,
        kind: 'course',
        course: { institution: 'ext', code: EXT[b.ext]!, credits: b.credits, ...result(b.result) },
      } as Outcome;
    }
    if (b.kind === 'cert') {
      return {
        ...base,
        kind: 'certificate',
        certificate: { id: CERTS[b.cert]!, level: LEVELS[b.level]! },
      } as Outcome;
    }
    return {
      ...base,
      kind: 'nonformal',
      nonformal: { category: CATEGORIES[b.cat]!, hours: b.hours },
    } as Outcome;
  });

  // applied grants, as the ledger would have written them: never two on one outcome, course
  // or group
  const applied: AppliedGrant[] = [];
  const takenOutcomes = new Map<string, Set<string>>();
  const takenCourses = new Map<string, Set<string>>();
  for (const a of w.applied) {
    if (rules.length === 0 || outcomes.length === 0) break;
    const rule = rules[a.rule % rules.length] as unknown as AnyRule;
    if (rule.kind === 'dual-certificate') continue;
    const program = a.otherProgram ? 'Q' : 'P';
    const outcome = (outcomes[a.outcome % outcomes.length] as Outcome).id;
    const courses =
      rule.kind === 'substitution' ? [...(rule.courses ?? [])] : rule.to ? [rule.to] : [];
    const usedO = takenOutcomes.get(program) ?? new Set<string>();
    const usedC = takenCourses.get(program) ?? new Set<string>();
    const group = rule.group === undefined ? undefined : `group:${rule.group}`;
    if (usedO.has(outcome) || courses.some((c) => usedC.has(c))) continue;
    if (group !== undefined && usedC.has(group)) continue;
    usedO.add(outcome);
    for (const c of courses) usedC.add(c);
    if (group !== undefined) usedC.add(group);
    takenOutcomes.set(program, usedO);
    takenCourses.set(program, usedC);
    const credits = courses.length
      ? courses.reduce((s, c) => s + (ruleset.courses.find((x) => x.code === c)?.credits ?? 0), 0)
      : a.credits;
    applied.push({ program, rule: rule.id, outcomes: [outcome], courses, credits });
  }
  const learner: Learner = applied.length ? { id: 'L', outcomes, applied } : { id: 'L', outcomes };
  return { ruleset, learner };
}

/** The world's inputs, validated (the generator must only make valid packs). */
function inputs(w: World): Built {
  const { ruleset, learner } = build(w);
  const rs = validateRuleset(ruleset);
  if (!rs.ok) throw new Error(`generated ruleset refused: ${JSON.stringify(rs.errors)}`);
  const lr = validateLearner(learner, rs.value);
  if (!lr.ok) throw new Error(`generated learner refused: ${JSON.stringify(lr.errors)}`);
  return { ruleset: rs.value, learner: lr.value };
}

function permute<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}

const newGrants = (result: PlanResult): OracleGrant[] =>
  result.grants
    .filter((g) => !g.applied)
    .map((g) => ({ rule: g.rule, outcomes: g.outcomes, courses: g.courses, credits: g.credits }));

const halvesSum = (list: readonly { credits: number }[]) =>
  list.reduce((s, g) => s + halvesOf(g.credits), 0);

const SEED = Number(process.env.FC_SEED ?? 20261121);

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('plan: properties against a brute-force oracle (spec §5)', () => {
  // Fails on the current core by the rule-id tie-break bug pinned down in tiebreak.test.ts
  // ("the rule-id tie-break does not depend on the order of the rules in the pack").
  it('the grants (rule, outcomes, courses, credits) equal the oracle’s exactly', () => {
    let withGrants = 0;
    let withCandidates = 0;
    fc.assert(
      fc.property(worldArb, (w) => {
        const { ruleset, learner } = inputs(w);
        const result = plan(ruleset, learner, 'P', AS_OF);
        const expected = oracle(ruleset, learner, 'P', AS_OF);
        if (expected.candidates > 1) withCandidates++;
        if (expected.grants.length > 0) withGrants++;
        expect(newGrants(result)).toEqual(expected.grants);
        expect(result.earnedCredits).toBe(expected.earnedHalves / 2);
        expect(halvesOf(result.transferredCredits)).toBe(
          expected.appliedHalves + halvesSum(expected.grants),
        );
        expect(result.transferCap).toBe(
          expected.capHalves === null ? null : expected.capHalves / 2,
        );
      }),
      { numRuns: 300, seed: SEED },
    );
    // the generator must exercise the optimiser, not only trivial plans
    expect(withGrants).toBeGreaterThan(100);
    expect(withCandidates).toBeGreaterThan(60);
  });

  it('caps hold: transferred <= transferCap, nonformal electives <= maxNonformalCredits', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { ruleset, learner } = inputs(w);
        const program = ruleset.programs[0]!;
        const result = plan(ruleset, learner, 'P', AS_OF);
        const applied = result.grants.filter((g) => g.applied);
        const fresh = result.grants.filter((g) => !g.applied);
        const appliedHalves = halvesSum(applied);
        if (result.transferCap !== null) {
          const cap = halvesOf(result.transferCap);
          expect(halvesSum(fresh)).toBeLessThanOrEqual(Math.max(0, cap - appliedHalves));
          if (appliedHalves <= cap) {
            expect(result.transferredCredits).toBeLessThanOrEqual(result.transferCap);
          }
        }
        if (program.maxNonformalCredits !== undefined) {
          const max = halvesOf(program.maxNonformalCredits);
          const appliedElective = halvesSum(applied.filter((g) => g.courses.length === 0));
          const electives = fresh.filter((g) => g.courses.length === 0);
          expect(electives.every((g) => g.kind === 'nonformal')).toBe(true);
          expect(halvesSum(electives)).toBeLessThanOrEqual(Math.max(0, max - appliedElective));
          if (appliedElective <= max) {
            expect(appliedElective + halvesSum(electives)).toBeLessThanOrEqual(max);
          }
        }
        // credits are non-negative multiples of 0.5; a new elective is never cut to zero
        for (const g of result.grants) expect(Number.isInteger(g.credits * 2)).toBe(true);
        for (const g of fresh) expect(g.credits).toBeGreaterThan(0);
      }),
      { numRuns: 250, seed: SEED + 1 },
    );
  });

  it('no outcome and no course is used twice, applied grants included; groups hold', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { ruleset, learner } = inputs(w);
        const program = ruleset.programs[0]!;
        const result = plan(ruleset, learner, 'P', AS_OF);
        const outcomes = result.grants.flatMap((g) => g.outcomes);
        const courses = result.grants.flatMap((g) => g.courses);
        expect(new Set(outcomes).size).toBe(outcomes.length);
        expect(new Set(courses).size).toBe(courses.length);
        const groups = result.grants
          .map((g) => (ruleset.rules.find((r) => r.id === g.rule) as AnyRule).group)
          .filter((g) => g !== undefined);
        expect(new Set(groups).size).toBe(groups.length);
        // new grants: usable outcomes only, never an earned or nonTransferable course
        const usable = new Set(
          (learner.outcomes as unknown as AnyOutcome[])
            .filter((o) => usableOn(o, AS_OF))
            .map((o) => o.id),
        );
        for (const g of result.grants.filter((x) => !x.applied)) {
          for (const o of g.outcomes) expect(usable.has(o)).toBe(true);
          for (const c of g.courses) {
            expect(program.nonTransferable ?? []).not.toContain(c);
            expect(program.courses).toContain(c);
          }
        }
      }),
      { numRuns: 250, seed: SEED + 2 },
    );
  });

  // Fails on the current core by the same bug: reversing the rules changes the chosen rule ids.
  it('shuffling the rules changes no grant; shuffling outcomes keeps credits and rule ids', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { ruleset, learner } = inputs(w);
        const result = plan(ruleset, learner, 'P', AS_OF);
        const ruleIds = (r: PlanResult) =>
          newGrants(r)
            .map((g) => g.rule)
            .sort(compareCodePoints);

        const rulesShuffled = { ...ruleset, rules: permute(ruleset.rules, w.ruleOrder) };
        const a = plan(rulesShuffled, learner, 'P', AS_OF);
        expect(a.grants).toEqual(result.grants);
        expect(a.transferredCredits).toBe(result.transferredCredits);
        const reversed = plan(
          { ...ruleset, rules: [...ruleset.rules].reverse() },
          learner,
          'P',
          AS_OF,
        );
        expect(reversed.grants).toEqual(result.grants);

        const outcomesShuffled = {
          ...learner,
          outcomes: permute(learner.outcomes, w.outcomeOrder),
        };
        const b = plan(ruleset, outcomesShuffled, 'P', AS_OF);
        expect(b.transferredCredits).toBe(result.transferredCredits);
        expect(ruleIds(b)).toEqual(ruleIds(result));

        const c = plan(rulesShuffled, outcomesShuffled, 'P', AS_OF);
        expect(c.transferredCredits).toBe(result.transferredCredits);
        expect(ruleIds(c)).toEqual(ruleIds(result));
        expect(c.grants).toEqual(b.grants);
      }),
      { numRuns: 200, seed: SEED + 3 },
    );
  });

  it('is deterministic and does not mutate its inputs', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { ruleset, learner } = inputs(w);
        const before = JSON.stringify({ ruleset, learner });
        const first = plan(ruleset, learner, 'P', AS_OF);
        const second = plan(ruleset, learner, 'P', AS_OF);
        expect(second).toEqual(first);
        expect(JSON.stringify({ ruleset, learner })).toBe(before);
      }),
      { numRuns: 100, seed: SEED + 4 },
    );
  });
});

describe('the oracle itself (sanity checks on hand-made cases)', () => {
  const ruleset = (rules: AnyRule[], maxTransferShare?: number): Ruleset => ({
    id: 'x',
    version: '1',
    institutions: [{ id: 'home', name: 'H', kind: 'open-university' }],
    certificates: [{ id: 'C0', name: 'C0', category: 'skill-level', levels: [...LEVELS] }],
    courses: [
      { code: 'A', institution: 'home', title: 'A', credits: 3 },
      { code: 'B', institution: 'home', title: 'B', credits: 2 },
      { code: 'D', institution: 'home', title: 'D', credits: 2 },
    ],
    programs: [
      {
        id: 'P',
        institution: 'home',
        name: 'P',
        totalCredits: 10,
        courses: ['A', 'B', 'D'],
        requiredCourses: [],
        ...(maxTransferShare === undefined ? {} : { maxTransferShare }),
      },
    ],
    rules: rules as Rule[],
  });
  const cert = (id: string): Outcome =>
    ({
      id,
      kind: 'certificate',
      status: 'verified',
      earnedOn: '2020-01-01',
      certificate: { id: 'C0', level: 'junior' },
    }) as Outcome;
  const sub = (id: string, courses: string[], priority?: number): AnyRule => ({
    id,
    kind: 'substitution',
    program: 'P',
    certificate: 'C0',
    courses,
    ...(priority === undefined ? {} : { priority }),
  });

  it('maximises credits under the cap: B + D (4) beats A (3) when the cap is 4', () => {
    const rs = ruleset([sub('r1', ['A']), sub('r2', ['B']), sub('r3', ['D'])], 0.4);
    const answer = oracle(
      rs,
      { id: 'L', outcomes: [cert('o0'), cert('o1'), cert('o2')] },
      'P',
      AS_OF,
    );
    expect(answer.grants.map((g) => g.rule)).toEqual(['r2', 'r3']);
    expect(answer.grants.map((g) => g.outcomes)).toEqual([['o0'], ['o1']]);
  });

  it('ties: fewer outcomes, then priority, then rule ids, then positions', () => {
    // B+D with two outcomes vs 'BD' in one: fewer outcomes wins
    const fewer = oracle(
      ruleset([sub('r1', ['B']), sub('r2', ['D']), sub('z', ['B', 'D'])]),
      { id: 'L', outcomes: [cert('o0'), cert('o1')] },
      'P',
      AS_OF,
    );
    expect(fewer.grants.map((g) => g.rule).sort()).toContain('z');
    const prio = oracle(
      ruleset([sub('r1', ['B']), sub('r2', ['B'], 1)]),
      { id: 'L', outcomes: [cert('o0')] },
      'P',
      AS_OF,
    );
    expect(prio.grants.map((g) => g.rule)).toEqual(['r2']);
    const ids = oracle(
      ruleset([sub('\uD83D\uDE00', ['B']), sub('\uFF5E', ['B'])]),
      { id: 'L', outcomes: [cert('o0')] },
      'P',
      AS_OF,
    );
    expect(ids.grants.map((g) => g.rule)).toEqual(['\uFF5E']);
    const positions = oracle(
      ruleset([sub('r', ['B'])]),
      { id: 'L', outcomes: [cert('o0'), cert('o1')] },
      'P',
      AS_OF,
    );
    expect(positions.grants.map((g) => g.outcomes)).toEqual([['o0']]);
  });
});
