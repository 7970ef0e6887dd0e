/**
 * A seeded generator of small, valid scenarios for the oracle comparison: 2–6 program
 * courses, 1–2 programs, 1–6 rules of every kind, a handful of outcomes of every status, and
 * sometimes applied grants taken from a plan the reference computed first.
 */
import {
  candidatesFor,
  plan,
  type RApplied,
  type RCertificate,
  type RCourse,
  type ROutcome,
  type RProgram,
  type RRule,
  type RRuleset,
  type RScenario,
} from './reference.js';

/** mulberry32 */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const chance = (p: number): boolean => next() < p;
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const a2 = [...xs];
    for (let i = a2.length - 1; i > 0; i--) {
      const j = int(0, i);
      [a2[i], a2[j]] = [a2[j] as T, a2[i] as T];
    }
    return a2;
  };
  const subset = <T>(xs: readonly T[], lo: number, hi: number): T[] =>
    shuffle(xs).slice(0, Math.min(xs.length, int(lo, hi)));
  return { next, int, pick, chance, shuffle, subset };
}

export const AS_OF = '2026-11-21';
const HALVES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6];
const RULE_IDS = [
  'R1',
  'R10',
  'R2',
  'R1a',
  'R-SUB',
  'R-sub',
  'R-REC',
  'R-NF',
  'r',
  'Z9',
  'R\uFF01', // U+FF01: smaller than the next by code point, larger by UTF-16 unit
  'R\u{1F600}',
  '规则A',
  'R',
];
const CATEGORIES = ['work-experience', 'training', 'online-learning'] as const;

export function generate(seed: number): RScenario {
  const r = rng(seed);
  for (let attempt = 0; ; attempt++) {
    const s = attemptGenerate(r);
    if (s) return s;
    if (attempt > 100) throw new Error(`no small scenario for seed ${seed}`);
  }
}

/** A scenario, or null when a program has too many candidates for the brute force. */
function attemptGenerate(r: ReturnType<typeof rng>): RScenario | null {
  // catalog
  const institutions = [
    { id: 'ouc', name: '国家开放大学', kind: 'open-university' },
    { id: 'cqu', name: '重庆大学', kind: 'university' },
    { id: 'zk', name: '自考', kind: 'self-study-exam' },
  ];
  const certTemplates: RCertificate[] = [
    { id: '1x-web', levels: ['junior', 'intermediate', 'senior'] },
    { id: 'elec', levels: ['level-5', 'level-4', 'level-3'] },
    { id: 'cook', levels: ['only'] },
  ];
  const certificates = r.subset(certTemplates, 1, 3).map((c) => {
    const cert: RCertificate & { name: string; category: string } = {
      id: c.id,
      name: c.id,
      category: r.pick(['skill-level', 'qualification-entry', 'industry']),
      levels: c.levels,
    };
    if (r.chance(0.7)) {
      const cv: Record<string, number> = {};
      for (const l of c.levels) if (r.chance(0.6)) cv[l] = r.pick([0, 1, 2, 2.5, 4, 6]);
      cert.creditValue = cv;
    }
    return cert;
  });
  const nP = r.int(2, 6);
  const courses: (RCourse & { title: string })[] = [];
  for (let i = 1; i <= nP; i++)
    courses.push({
      code: `P${i}`,
      institution: 'ouc',
      title: `P${i}`,
      credits: r.chance(0.03) ? 0 : r.pick(HALVES),
    });
  const nX = r.int(1, 3);
  for (let i = 1; i <= nX; i++)
    courses.push({
      code: `X${i}`,
      institution: r.pick(['cqu', 'zk']),
      title: `X${i}`,
      credits: r.pick(HALVES),
    });
  const pCodes = courses.filter((c) => c.institution === 'ouc').map((c) => c.code);
  const xCourses = courses.filter((c) => c.institution !== 'ouc');
  const creditsOf = (code: string) => courses.find((c) => c.code === code)?.credits ?? 0;

  // programs
  const nPrograms = r.chance(0.3) ? 2 : 1;
  const programs: (RProgram & { name: string })[] = [];
  for (let i = 0; i < nPrograms; i++) {
    const pcourses = i === 0 ? r.subset(pCodes, Math.max(2, nP - 1), nP) : r.subset(pCodes, 1, nP);
    const sumCredits = pcourses.reduce((k, c) => k + creditsOf(c), 0);
    const p: RProgram & { name: string } = {
      id: i === 0 ? 'prog-a' : 'prog-b',
      institution: 'ouc',
      name: `program ${i}`,
      totalCredits: r.chance(0.2)
        ? r.pick([...HALVES, 0, 90, 45.5, 33, 21])
        : Math.max(0, sumCredits - r.pick([0, 0.5, 2, 3])),
      courses: pcourses,
      requiredCourses: r.subset(pcourses, 0, 2),
    };
    if (r.chance(0.35)) p.minCertificates = r.int(0, 2);
    if (r.chance(0.3)) p.certificateOptions = r.subset(certificates, 0, 2).map((c) => c.id);
    if (r.chance(0.6))
      p.maxTransferShare = r.pick([0.35, 0.5, 0.3, 0.25, 0.7, 1, 0, 0.15, 0.1, 0.45, 0.33]);
    if (r.chance(0.4)) p.maxNonformalCredits = r.pick([0, 0.5, 1, 2, 3.5, 4]);
    if (r.chance(0.25)) p.nonTransferable = r.subset(pcourses, 1, 1);
    programs.push(p);
  }

  // rules
  const nRules = r.int(1, 6);
  const ids = r.subset(RULE_IDS, nRules, nRules);
  const rules: RRule[] = ids.map((id) => {
    const kind = r.pick(['substitution', 'recognition', 'nonformal', 'dual-certificate']);
    const program = r.pick(programs);
    const rule: RRule = { id, kind, program: program.id };
    if (r.chance(0.4)) rule.priority = r.pick([0, 1, 2, -1, 0.1, 0.2, 0.3, 1.5]);
    if (r.chance(0.3)) rule.group = r.pick(['g1', 'g2']);
    if (kind === 'substitution') {
      const cert = r.pick(certificates);
      rule.certificate = cert.id;
      if (r.chance(0.6)) rule.minLevel = r.pick(cert.levels);
      rule.courses = r.subset(program.courses, 1, 2);
    } else if (kind === 'recognition') {
      const from = r.chance(0.85) ? r.pick(xCourses) : r.pick(courses);
      rule.from = { institution: from.institution, course: from.code };
      rule.to = r.pick(program.courses);
      if (r.chance(0.5)) rule.minScore = r.pick([60, 70, 75.5, 85, 0]);
      if (r.chance(0.3)) rule.minCredits = r.pick([0, 2, 2.5, 3]);
    } else if (kind === 'nonformal') {
      rule.category = r.pick(CATEGORIES.slice(0, 2));
      rule.hoursPerCredit = r.pick([18, 36, 16, 20, 7.5, 0.35, 0.1]);
      if (r.chance(0.3)) rule.minHours = r.pick([0, 20, 50.5, 0.7]);
      if (r.chance(0.4)) rule.maxCredits = r.pick([0, 1, 2, 2.5, 4]);
      if (r.chance(0.35)) rule.to = r.pick(program.courses);
    } else {
      const cert = r.pick(certificates);
      rule.certificate = cert.id;
      rule.level = r.pick(cert.levels);
      rule.courses = r.subset(
        courses.map((c) => c.code),
        1,
        2,
      );
      if (r.chance(0.4)) delete rule.program;
      if (r.chance(0.4)) rule.minScore = r.pick([60, 70, 75.5, 85]);
    }
    return rule;
  });
  // sometimes priorities whose float sums are off (0.1 + 0.2, 0.7 + 0.1) on equal credits
  if (r.chance(0.1)) {
    for (const c of courses) c.credits = 2;
    for (const rule of rules) rule.priority = r.pick([0.1, 0.2, 0.3, 0.7, 0.8, 0]);
  }
  // sometimes two elective nonformal rules of one program under a binding cap
  if (r.chance(0.12)) {
    const program = programs[0] as RProgram;
    const free = RULE_IDS.filter((id) => !ids.includes(id));
    const [a, b] = r.subset(free, 2, 2);
    for (const [id, category] of [
      [a, 'work-experience'],
      [b, 'training'],
    ] as const)
      rules.push({
        id: id as string,
        kind: 'nonformal',
        program: program.id,
        category,
        hoursPerCredit: r.pick([18, 36, 10]),
        ...(r.chance(0.5) ? { maxCredits: r.pick([1, 2, 2.5, 4]) } : {}),
        ...(r.chance(0.3) ? { priority: r.pick([1, 0.5]) } : {}),
      });
    if (r.chance(0.5)) program.maxNonformalCredits = r.pick([1.5, 2.5, 3, 4.5]);
    else program.maxTransferShare = r.pick([0.35, 0.25, 0.5]);
  }

  // outcomes: mostly sources of the rules, plus a few at random
  const outcomes: ROutcome[] = [];
  type Kind = 'course' | 'certificate' | 'nonformal';
  const wanted: { kind: Kind; course?: RCourse; cert?: RCertificate; category?: string }[] = [];
  const courseByCode = (code: string) => courses.find((c) => c.code === code) as RCourse;
  for (const rule of rules) {
    if (!r.chance(0.8)) continue;
    const times = r.chance(0.3) ? 2 : 1;
    for (let t = 0; t < times; t++) {
      if (rule.kind === 'substitution' || (rule.kind === 'dual-certificate' && r.chance(0.2)))
        wanted.push({
          kind: 'certificate',
          cert: certificates.find((c) => c.id === rule.certificate),
        });
      else if (rule.kind === 'recognition')
        wanted.push({ kind: 'course', course: courseByCode(rule.from?.course as string) });
      else if (rule.kind === 'nonformal')
        wanted.push({ kind: 'nonformal', category: rule.category });
      else
        for (const code of rule.courses ?? [])
          wanted.push({ kind: 'course', course: courseByCode(code) });
    }
  }
  for (let i = r.int(0, 3); i > 0; i--)
    wanted.push({ kind: r.pick(['course', 'certificate', 'nonformal']) });
  if (r.chance(0.5))
    for (const code of r.subset(pCodes, 1, 3))
      wanted.push({ kind: 'course', course: courseByCode(code) });
  for (const [i, w] of r.shuffle(wanted).slice(0, 10).entries()) {
    const o: ROutcome = {
      id: r.pick(['o', 'c', 'n', 'x']) + i,
      kind: w.kind,
      status: r.chance(0.82) ? 'verified' : r.pick(['pending', 'revoked']),
      earnedOn: r.chance(0.9) ? '2025-06-01' : r.pick([AS_OF, '2026-11-22', '2027-01-01']),
    };
    if (r.chance(0.2)) o.expiresOn = r.pick(['2026-11-20', AS_OF, '2026-11-22', '2024-01-01']);
    if (w.kind === 'course') {
      const c =
        w.course ??
        (r.chance(0.9) ? r.pick(courses) : { institution: 'other', code: 'OTHER1', credits: 2 });
      const oc: NonNullable<ROutcome['course']> = {
        institution: r.chance(0.08) ? r.pick(['ouc', 'cqu', 'zk', 'other']) : c.institution,
        code: c.code,
        credits: r.chance(0.85) ? c.credits : r.pick(HALVES),
      };
      if (r.chance(0.75)) oc.score = r.pick([59, 59.5, 60, 70, 75.5, 85, 100, 0, 75.4, 90]);
      if (r.chance(0.5)) oc.passed = r.chance(0.6);
      o.course = oc;
    } else if (w.kind === 'certificate') {
      if (r.chance(0.95)) {
        const cert = w.cert ?? r.pick(certificates);
        o.certificate = { id: cert.id, level: r.pick(cert.levels) };
      } else o.certificate = { id: 'unknown-cert', level: 'x' };
    } else {
      o.nonformal = {
        category: w.category ?? r.pick(CATEGORIES),
        hours: r.pick([10, 18, 36, 40.5, 0.7, 100, 72, 17.9, 0, 0.1, 0.2, 54, 0.35]),
      };
    }
    outcomes.push(o);
  }

  const ruleset: RRuleset = {
    id: 'oracle',
    version: '1.0.0',
    institutions,
    certificates,
    courses,
    programs,
    rules,
  };
  if (r.chance(0.6))
    ruleset.fees = r.pick([
      { perCredit: 5, perExam: 10, currency: 'CNY' },
      { perCredit: 2.35, perExam: 0.5 },
      { perCredit: 0.1, perExam: 3, currency: 'USD' },
      { perCredit: 1.005, perExam: 0.335 },
      {},
    ]);
  if (r.chance(0.6)) {
    const points: NonNullable<RRuleset['points']> = {};
    if (r.chance(0.6)) points.perCredit = r.pick([1, 1.5, 0.7, 10, 0.1, 4.56, 2.32]);
    if (r.chance(0.5)) points.hoursPerCredit = r.pick([18, 20, 7.5, 0.3]);
    if (r.chance(0.8))
      points.tiers = r.subset(
        [
          { name: 'bronze', minPoints: 10 },
          { name: 'silver', minPoints: 30.5 },
          { name: 'gold', minPoints: 60 },
          { name: 'zero', minPoints: 0 },
          { name: 'tiny', minPoints: 2.3 },
          ...(r.chance(0.1) ? [{ name: 'bronze-bis', minPoints: 10 }] : []),
        ],
        1,
        5,
      );
    ruleset.points = points;
  }

  const s: RScenario = {
    asOf: AS_OF,
    ruleset,
    learner: { id: 'L', outcomes },
    query: r.chance(0.8) ? { kind: 'plan', program: r.pick(programs).id } : { kind: 'balance' },
  };

  if (programs.some((p) => candidatesFor(s, p.id).candidates.length > 12)) return null;

  // applied grants: a subset of a plan the reference computed first
  if (r.chance(0.45)) {
    const applied: RApplied[] = [];
    for (const p of programs) {
      if (!r.chance(0.7)) continue;
      const earlier = plan(s, p.id);
      for (const g of earlier.grants)
        if (r.chance(0.6))
          applied.push({
            program: p.id,
            rule: g.rule,
            outcomes: g.outcomes,
            courses: g.courses,
            credits: g.credits,
          });
    }
    if (applied.length) s.learner.applied = r.shuffle(applied);
  }

  // edge cases: hand-made applied grants, repeated attempts, a certificate at several levels
  if (r.chance(0.2)) {
    const applied = s.learner.applied ?? [];
    for (let k = r.int(1, 2); k > 0; k--) {
      const rule = r.pick(rules);
      if (rule.kind === 'dual-certificate' || !rule.program) continue;
      const program = programs.find((p) => p.id === rule.program) as RProgram;
      const sources = outcomes.filter(
        (o) =>
          (rule.kind === 'substitution' && o.certificate?.id === rule.certificate) ||
          (rule.kind === 'recognition' && o.course?.code === rule.from?.course) ||
          (rule.kind === 'nonformal' && o.nonformal?.category === rule.category),
      );
      const used = r.subset(sources.length ? sources : outcomes, 1, 2).map((o) => o.id);
      const targets =
        rule.kind === 'substitution' ? (rule.courses ?? []) : rule.to ? [rule.to] : [];
      const credits = targets.length
        ? targets.reduce((k2, c) => k2 + creditsOf(c), 0)
        : r.pick([0.5, 1, 2, 3.5, 5]);
      applied.push({
        program: program.id,
        rule: rule.id,
        outcomes: used,
        courses: targets,
        credits,
      });
    }
    if (applied.length) s.learner.applied = applied;
  }
  if (r.chance(0.15) && outcomes.length) {
    const o = r.pick(outcomes);
    const copy: ROutcome = JSON.parse(JSON.stringify(o)) as ROutcome;
    copy.id = `${o.id}-again`;
    if (copy.course) {
      copy.course.credits = r.pick(HALVES);
      copy.course.score = r.pick([50, 65, 95]);
    }
    if (copy.certificate) {
      const cert = certificates.find((c) => c.id === copy.certificate?.id);
      if (cert) copy.certificate.level = r.pick(cert.levels);
    }
    if (copy.nonformal) copy.nonformal.hours = r.pick([0.3, 9, 18]);
    outcomes.splice(r.int(0, outcomes.length), 0, copy);
  }
  return s;
}
