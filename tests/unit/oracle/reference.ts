/**
 * An independent, deliberately simple and slow reference implementation of the credit-bank
 * rule semantics (spec v1, /work/shared/spec/rules.md §1, §3–§6), written from the spec text
 * only, to fuzz-compare the core against. Exact arithmetic throughout (BigInt rationals of
 * each number's shortest decimal form); the plan's choice is a brute force over every subset
 * of the candidate grants. Only for small inputs.
 */

// ---------------------------------------------------------------------------------------------
// Plain shapes of the scenario (as JSON gives them; validation is the core's job)

export interface RCourse {
  code: string;
  institution: string;
  title?: string;
  credits: number;
}
export interface RCertificate {
  id: string;
  name?: string;
  category?: string;
  levels: string[];
  creditValue?: Record<string, number>;
}
export interface RProgram {
  id: string;
  name?: string;
  institution: string;
  totalCredits: number;
  courses: string[];
  requiredCourses: string[];
  minCertificates?: number;
  certificateOptions?: string[];
  maxTransferShare?: number;
  maxNonformalCredits?: number;
  nonTransferable?: string[];
}
export interface RRule {
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
  level?: string;
}
export interface ROutcome {
  id: string;
  kind: string;
  status: string;
  earnedOn: string;
  expiresOn?: string;
  course?: { institution: string; code: string; credits: number; score?: number; passed?: boolean };
  certificate?: { id: string; level: string; number?: string };
  nonformal?: { category: string; hours: number };
}
export interface RApplied {
  program: string;
  rule: string;
  outcomes: string[];
  courses: string[];
  credits: number;
}
export interface RRuleset {
  id: string;
  version: string;
  fees?: { perCredit?: number; perExam?: number; currency?: string };
  points?: {
    perCredit?: number;
    hoursPerCredit?: number;
    tiers?: { name: string; minPoints: number }[];
  };
  institutions: { id: string; name: string; kind: string }[];
  certificates: RCertificate[];
  courses: RCourse[];
  programs: RProgram[];
  rules: RRule[];
}
export interface RLearner {
  id: string;
  outcomes: ROutcome[];
  applied?: RApplied[];
}
export interface RScenario {
  asOf: string;
  ruleset: RRuleset;
  learner: RLearner;
  query: { kind: 'plan'; program: string } | { kind: 'balance' };
}

// ---------------------------------------------------------------------------------------------
// §1 exact rationals

export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function q(n: bigint, d: bigint = 1n): Q {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** The rational of a number's shortest decimal form (`String(n)`). */
export function fromNumber(x: number): Q {
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(s);
  if (!m) throw new Error(`not a finite number: ${s}`);
  const frac = m[3] ?? '';
  let n = BigInt((m[2] ?? '0') + frac);
  let d = 10n ** BigInt(frac.length);
  const e = Number(m[4] ?? '0');
  if (e > 0) n *= 10n ** BigInt(e);
  if (e < 0) d *= 10n ** BigInt(-e);
  if (m[1] === '-') n = -n;
  return q(n, d);
}

export const ZERO = q(0n);
export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const cmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
/** floor toward −∞ */
export function floorQ(a: Q): bigint {
  const f = a.n / a.d; // truncates toward zero
  return a.n < 0n && f * a.d !== a.n ? f - 1n : f;
}
export const floorToHalf = (a: Q): Q => q(floorQ(mul(a, q(2n))), 2n);
/** half-up to 0.01 */
export const roundCents = (a: Q): Q => q(floorQ(add(mul(a, q(100n)), q(1n, 2n))), 100n);
export const toNumber = (a: Q): number => Number(a.n) / Number(a.d);
const sum = (xs: Q[]): Q => xs.reduce(add, ZERO);
const num = (x: number | undefined, dflt: number): Q => fromNumber(x ?? dflt);

/** Comparison of ids by Unicode code point; a proper prefix is smaller. */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
  }
  return x.length - y.length === 0 ? 0 : x.length < y.length ? -1 : 1;
}

function compareLists<T>(a: T[], b: T[], c: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const r = c(a[i] as T, b[i] as T);
    if (r !== 0) return r;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// §1 scores, §3 certification

/** A course outcome passes `minScore` (default 60): score decides when present, else `passed`. */
export function passes(o: ROutcome, minScore: number | undefined): boolean {
  const c = o.course;
  if (!c) return false;
  if (c.score !== undefined) return cmp(fromNumber(c.score), num(minScore, 60)) >= 0;
  return c.passed === true;
}

export type Reason = 'revoked' | 'unverified' | 'future' | 'expired';

export function rejection(o: ROutcome, asOf: string): Reason | null {
  if (o.status === 'revoked') return 'revoked';
  if (o.status !== 'verified') return 'unverified';
  if (!(o.earnedOn <= asOf)) return 'future';
  if (o.expiresOn !== undefined && !(o.expiresOn >= asOf)) return 'expired';
  return null;
}

function certifyAll(s: RScenario) {
  const usable: ROutcome[] = [];
  const rejected: { outcome: string; reason: Reason }[] = [];
  for (const o of s.learner.outcomes) {
    const r = rejection(o, s.asOf);
    if (r === null) usable.push(o);
    else rejected.push({ outcome: o.id, reason: r });
  }
  return { usable, rejected };
}

// ---------------------------------------------------------------------------------------------
// §5 plan

export interface RGrant {
  rule: string;
  kind: string;
  outcomes: string[];
  courses: string[];
  credits: number;
  applied: boolean;
}
export interface RPlan {
  program: string;
  asOf: string;
  earnedCredits: number;
  transferredCredits: number;
  transferCap: number | null;
  totalCredits: number;
  remainingCredits: number;
  grants: RGrant[];
  certificatesHeld: { certificate: string; level: string; outcome: string }[];
  certificatesEarned: { certificate: string; level: string; rule: string }[];
  graduation: {
    eligible: boolean;
    missing: (
      | { reason: 'credits'; credits: number }
      | { reason: 'course'; course: string }
      | { reason: 'certificates'; needed: number }
    )[];
  };
  rejected: { outcome: string; reason: Reason }[];
  savings: { credits: number; exams: number; amount: number; currency: string };
}

/** A candidate grant (§5.2). */
export interface Candidate {
  rule: RRule;
  outcomes: ROutcome[];
  courses: string[];
  /** course grants: the catalog credits of `courses`; electives: the most they may give */
  credits: Q;
  elective: boolean;
}

export interface PlanDebug {
  candidates: Candidate[];
  /** ids of the groups the applied grants hold */
  appliedGroups: string[];
}

/**
 * Options for readings of the spec that are ambiguous; the defaults are this oracle's reading.
 */
export interface OracleOptions {
  /** an applied grant holds its rule's group: no new grant of that group (default true) */
  appliedHoldsGroup?: boolean;
}

export function candidatesFor(s: RScenario, programId: string) {
  const rs = s.ruleset;
  const program = rs.programs.find((p) => p.id === programId);
  if (!program) throw new Error(`unknown program ${programId}`);
  const courseOf = new Map(rs.courses.map((c) => [c.code, c]));
  const credit = (code: string): Q => fromNumber(courseOf.get(code)?.credits ?? 0);
  const { usable } = certifyAll(s);
  const applied = (s.learner.applied ?? []).filter((a) => a.program === programId);

  // 0. applied grants
  const consumed = new Set(applied.flatMap((a) => a.outcomes));
  const grantedByApplied = new Set(applied.flatMap((a) => a.courses));

  // 1. earned
  const earned = program.courses.filter((code) =>
    usable.some(
      (o) =>
        o.kind === 'course' &&
        o.course?.institution === program.institution &&
        o.course.code === code &&
        passes(o, undefined),
    ),
  );
  const earnedSet = new Set(earned);
  const nonTransferable = new Set(program.nonTransferable ?? []);
  const inProgram = new Set(program.courses);
  const targetOk = (code: string) =>
    inProgram.has(code) &&
    !earnedSet.has(code) &&
    !grantedByApplied.has(code) &&
    !nonTransferable.has(code);

  // 2. candidates
  const free = usable.filter((o) => !consumed.has(o.id));
  const candidates: Candidate[] = [];
  for (const rule of rs.rules) {
    if (rule.program !== programId) continue;
    if (rule.kind === 'substitution') {
      const cert = rs.certificates.find((c) => c.id === rule.certificate);
      if (!cert) continue;
      const minIdx = rule.minLevel === undefined ? 0 : cert.levels.indexOf(rule.minLevel);
      const courses = rule.courses ?? [];
      if (!courses.every(targetOk)) continue;
      for (const o of free) {
        if (o.kind !== 'certificate' || o.certificate?.id !== cert.id) continue;
        const idx = cert.levels.indexOf(o.certificate.level);
        if (idx < 0 || idx < minIdx) continue;
        candidates.push({
          rule,
          outcomes: [o],
          courses: [...courses],
          credits: sum(courses.map(credit)),
          elective: false,
        });
      }
    } else if (rule.kind === 'recognition') {
      const to = rule.to as string;
      if (!targetOk(to)) continue;
      for (const o of free) {
        if (o.kind !== 'course' || !o.course) continue;
        if (o.course.institution !== rule.from?.institution) continue;
        if (o.course.code !== rule.from.course) continue;
        if (!passes(o, rule.minScore)) continue;
        if (cmp(fromNumber(o.course.credits), num(rule.minCredits, 0)) < 0) continue;
        candidates.push({
          rule,
          outcomes: [o],
          courses: [to],
          credits: credit(to),
          elective: false,
        });
      }
    } else if (rule.kind === 'nonformal') {
      const outs = free.filter(
        (o) => o.kind === 'nonformal' && o.nonformal?.category === rule.category,
      );
      if (outs.length === 0) continue;
      const hours = sum(outs.map((o) => fromNumber(o.nonformal?.hours ?? 0)));
      if (cmp(hours, num(rule.minHours, 0)) < 0) continue;
      const converted = floorToHalf(div(hours, fromNumber(rule.hoursPerCredit as number)));
      if (rule.to !== undefined) {
        if (!targetOk(rule.to)) continue;
        if (cmp(converted, credit(rule.to)) < 0) continue;
        candidates.push({
          rule,
          outcomes: outs,
          courses: [rule.to],
          credits: credit(rule.to),
          elective: false,
        });
      } else {
        let c = converted;
        if (rule.maxCredits !== undefined) c = min(c, fromNumber(rule.maxCredits));
        if (program.maxNonformalCredits !== undefined)
          c = min(c, fromNumber(program.maxNonformalCredits));
        candidates.push({ rule, outcomes: outs, courses: [], credits: c, elective: true });
      }
    }
  }
  return { program, usable, applied, earned, candidates, credit };
}

interface Choice {
  made: { cand: Candidate; credits: Q }[];
  total: Q;
  outcomes: number;
  priority: Q;
  ruleIds: string[];
  positions: number[][];
}

export function plan(s: RScenario, programId: string, opts: OracleOptions = {}): RPlan {
  const appliedHoldsGroup = opts.appliedHoldsGroup ?? true;
  const rs = s.ruleset;
  const { program, usable, applied, earned, candidates, credit } = candidatesFor(s, programId);
  const { rejected } = certifyAll(s);
  const ruleById = new Map(rs.rules.map((r) => [r.id, r]));
  const position = new Map(s.learner.outcomes.map((o, i) => [o.id, i]));

  const appliedCredits = sum(applied.map((a) => fromNumber(a.credits)));
  const appliedElective = sum(
    applied.filter((a) => a.courses.length === 0).map((a) => fromNumber(a.credits)),
  );
  const appliedGroups = new Set<string>();
  if (appliedHoldsGroup)
    for (const a of applied) {
      const g = ruleById.get(a.rule)?.group;
      if (g !== undefined) appliedGroups.add(g);
    }
  const transferCap =
    program.maxTransferShare === undefined
      ? null
      : floorToHalf(mul(fromNumber(program.maxTransferShare), fromNumber(program.totalCredits)));
  const maxNf =
    program.maxNonformalCredits === undefined ? null : fromNumber(program.maxNonformalCredits);

  // 3. brute force over every subset
  const n = candidates.length;
  if (n > 20) throw new Error(`too many candidates for brute force: ${n}`);
  let best: Choice | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const set = candidates.filter((_, i) => mask & (1 << i));
    const outs = set.flatMap((c) => c.outcomes.map((o) => o.id));
    if (new Set(outs).size !== outs.length) continue;
    const courses = set.flatMap((c) => c.courses);
    if (new Set(courses).size !== courses.length) continue;
    const groups = set.map((c) => c.rule.group).filter((g): g is string => g !== undefined);
    if (new Set(groups).size !== groups.length) continue;
    if (groups.some((g) => appliedGroups.has(g))) continue;
    const courseGrants = set.filter((c) => !c.elective);
    const courseCredits = sum(courseGrants.map((c) => c.credits));
    if (transferCap !== null && cmp(add(appliedCredits, courseCredits), transferCap) > 0) continue;
    let roomCap =
      transferCap === null ? null : sub(sub(transferCap, appliedCredits), courseCredits);
    let roomNf = maxNf === null ? null : sub(maxNf, appliedElective);
    const made: { cand: Candidate; credits: Q }[] = courseGrants.map((c) => ({
      cand: c,
      credits: c.credits,
    }));
    const electives = set
      .filter((c) => c.elective)
      .sort((a, b) => compareCodePoints(a.rule.id, b.rule.id));
    for (const e of electives) {
      let give = e.credits;
      if (roomCap !== null) give = min(give, roomCap);
      if (roomNf !== null) give = min(give, roomNf);
      if (cmp(give, ZERO) <= 0) continue; // cut to zero: not made, consumes nothing
      made.push({ cand: e, credits: give });
      if (roomCap !== null) roomCap = sub(roomCap, give);
      if (roomNf !== null) roomNf = sub(roomNf, give);
    }
    made.sort(
      (a, b) =>
        compareCodePoints(a.cand.rule.id, b.cand.rule.id) ||
        compareLists(posOf(a.cand), posOf(b.cand), (x, y) => x - y),
    );
    const choice: Choice = {
      made,
      total: sum(made.map((m) => m.credits)),
      outcomes: made.reduce((k, m) => k + m.cand.outcomes.length, 0),
      priority: sum(made.map((m) => num(m.cand.rule.priority, 0))),
      ruleIds: made.map((m) => m.cand.rule.id),
      positions: made.map((m) => posOf(m.cand)),
    };
    if (best === null || better(choice, best)) best = choice;
  }
  function posOf(c: Candidate): number[] {
    return c.outcomes.map((o) => position.get(o.id) ?? -1).sort((x, y) => x - y);
  }
  function better(a: Choice, b: Choice): boolean {
    const t = cmp(a.total, b.total);
    if (t !== 0) return t > 0;
    if (a.outcomes !== b.outcomes) return a.outcomes < b.outcomes;
    const p = cmp(a.priority, b.priority);
    if (p !== 0) return p > 0;
    const r = compareLists(a.ruleIds, b.ruleIds, compareCodePoints);
    if (r !== 0) return r < 0;
    const pos = compareLists(a.positions, b.positions, (x, y) =>
      compareLists(x, y, (u, v) => u - v),
    );
    return pos < 0;
  }
  const chosen = best?.made ?? [];

  // grants: applied and new, sorted by rule id, applied first on equal ids
  const grants: RGrant[] = [
    ...applied.map((a) => ({
      rule: a.rule,
      kind: ruleById.get(a.rule)?.kind ?? '',
      outcomes: [...a.outcomes],
      courses: [...a.courses],
      credits: a.credits,
      applied: true,
    })),
    ...chosen.map((m) => ({
      rule: m.cand.rule.id,
      kind: m.cand.rule.kind,
      outcomes: m.cand.outcomes.map((o) => o.id),
      courses: [...m.cand.courses],
      credits: toNumber(m.credits),
      applied: false,
    })),
  ];
  const sortedGrants = grants
    .map((g, i) => ({ g, i }))
    .sort(
      (a, b) =>
        compareCodePoints(a.g.rule, b.g.rule) ||
        (a.g.applied === b.g.applied ? 0 : a.g.applied ? -1 : 1) ||
        a.i - b.i,
    )
    .map((x) => x.g);

  const earnedCredits = sum(earned.map(credit));
  const transferred = add(appliedCredits, best?.total ?? ZERO);
  const total = add(earnedCredits, transferred);
  const programTotal = fromNumber(program.totalCredits);

  // 4. certificates
  const certificatesHeld = usable
    .filter((o) => o.kind === 'certificate' && o.certificate)
    .map((o) => ({
      certificate: o.certificate?.id as string,
      level: o.certificate?.level as string,
      outcome: o.id,
    }));
  const certificatesEarned = rs.rules
    .filter((r) => r.kind === 'dual-certificate')
    .filter((r) => r.program === undefined || r.program === programId)
    .filter((r) =>
      (r.courses ?? []).every((code) => {
        const c = courseOf(code);
        return usable.some(
          (o) =>
            c !== undefined &&
            o.kind === 'course' &&
            o.course?.institution === c.institution &&
            o.course.code === c.code &&
            passes(o, r.minScore),
        );
      }),
    )
    .map((r) => ({ certificate: r.certificate as string, level: r.level as string, rule: r.id }));
  function courseOf(code: string) {
    return rs.courses.find((c) => c.code === code);
  }

  // 5. graduation
  const granted = new Set(sortedGrants.flatMap((g) => g.courses));
  const earnedSet = new Set(earned);
  const missing: RPlan['graduation']['missing'] = [];
  if (cmp(total, programTotal) < 0)
    missing.push({ reason: 'credits', credits: toNumber(sub(programTotal, total)) });
  for (const c of program.requiredCourses)
    if (!earnedSet.has(c) && !granted.has(c)) missing.push({ reason: 'course', course: c });
  const ids = new Set(
    [...certificatesHeld, ...certificatesEarned]
      .map((c) => c.certificate)
      .filter(
        (id) => program.certificateOptions === undefined || program.certificateOptions.includes(id),
      ),
  );
  const minCerts = program.minCertificates ?? 0;
  if (ids.size < minCerts) missing.push({ reason: 'certificates', needed: minCerts - ids.size });

  // 6. savings
  const exams = sortedGrants.reduce((k, g) => k + g.courses.length, 0);
  const fees = rs.fees ?? {};
  const amount = roundCents(
    add(mul(transferred, num(fees.perCredit, 0)), mul(q(BigInt(exams)), num(fees.perExam, 0))),
  );

  return {
    program: programId,
    asOf: s.asOf,
    earnedCredits: toNumber(earnedCredits),
    transferredCredits: toNumber(transferred),
    transferCap: transferCap === null ? null : toNumber(transferCap),
    totalCredits: toNumber(total),
    remainingCredits: toNumber(max(ZERO, sub(programTotal, total))),
    grants: sortedGrants,
    certificatesHeld,
    certificatesEarned,
    graduation: { eligible: missing.length === 0, missing },
    rejected,
    savings: {
      credits: toNumber(transferred),
      exams,
      amount: toNumber(amount),
      currency: fees.currency ?? 'CNY',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// §6 balance

export interface RBalance {
  asOf: string;
  usableOutcomes: number;
  rejected: { outcome: string; reason: Reason }[];
  credits: { course: number; certificate: number; nonformal: number; total: number };
  byKind: { course: number; certificate: number; nonformal: number };
  points: {
    total: number;
    tier: string | null;
    nextTier: string | null;
    toNextTier: number | null;
  };
}

export function balance(s: RScenario): RBalance {
  const rs = s.ruleset;
  const { usable, rejected } = certifyAll(s);

  // courses: passing, each institution + code once (the best attempt: the most credits)
  const bestCourse = new Map<string, Q>();
  for (const o of usable) {
    if (o.kind !== 'course' || !o.course || !passes(o, undefined)) continue;
    const key = JSON.stringify([o.course.institution, o.course.code]);
    const c = fromNumber(o.course.credits);
    const prev = bestCourse.get(key);
    bestCourse.set(key, prev === undefined ? c : max(prev, c));
  }
  const course = sum([...bestCourse.values()]);

  // certificates: once per certificate, at its highest level held
  const highest = new Map<string, number>();
  for (const o of usable) {
    if (o.kind !== 'certificate' || !o.certificate) continue;
    const cert = rs.certificates.find((c) => c.id === o.certificate?.id);
    if (!cert) continue; // unknown certificate: banks 0
    const idx = cert.levels.indexOf(o.certificate.level);
    const prev = highest.get(cert.id);
    if (prev === undefined || idx > prev) highest.set(cert.id, idx);
  }
  let certificate = ZERO;
  for (const [id, idx] of highest) {
    const cert = rs.certificates.find((c) => c.id === id) as RCertificate;
    const level = cert.levels[idx] as string;
    const v = cert.creditValue?.[level];
    if (v !== undefined) certificate = add(certificate, fromNumber(v));
  }

  // nonformal: all hours, converted once
  const hours = sum(
    usable
      .filter((o) => o.kind === 'nonformal' && o.nonformal)
      .map((o) => fromNumber(o.nonformal?.hours ?? 0)),
  );
  const nonformal = floorToHalf(div(hours, num(rs.points?.hoursPerCredit, 18)));
  const total = add(add(course, certificate), nonformal);

  const pointsTotal = q(floorQ(mul(num(rs.points?.perCredit, 1), total)));
  const tiers = [...(rs.points?.tiers ?? [])]
    .map((t, i) => ({ t, i, min: fromNumber(t.minPoints) }))
    .sort((a, b) => cmp(a.min, b.min) || a.i - b.i);
  const reached = tiers.filter((t) => cmp(t.min, pointsTotal) <= 0);
  const next = tiers.find((t) => cmp(t.min, pointsTotal) > 0);

  return {
    asOf: s.asOf,
    usableOutcomes: usable.length,
    rejected,
    credits: {
      course: toNumber(course),
      certificate: toNumber(certificate),
      nonformal: toNumber(nonformal),
      total: toNumber(total),
    },
    byKind: {
      course: usable.filter((o) => o.kind === 'course').length,
      certificate: usable.filter((o) => o.kind === 'certificate').length,
      nonformal: usable.filter((o) => o.kind === 'nonformal').length,
    },
    points: {
      total: toNumber(pointsTotal),
      tier: reached.length ? (reached[reached.length - 1]?.t.name ?? null) : null,
      nextTier: next ? next.t.name : null,
      toNextTier: next ? toNumber(sub(next.min, pointsTotal)) : null,
    },
  };
}

export function evaluate(s: RScenario, opts: OracleOptions = {}): RPlan | RBalance {
  return s.query.kind === 'plan' ? plan(s, s.query.program, opts) : balance(s);
}
