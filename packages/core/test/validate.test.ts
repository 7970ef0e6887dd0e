/** Spec §7: a pack, a learner or a scenario is refused as a whole, one error per problem. */
import { describe, expect, it } from 'vitest';
import {
  CreditBankRuleError,
  evaluateScenario,
  formatIssue,
  formatPath,
  validateLearner,
  validateRuleset,
  validateScenario,
  type Outcome,
  type Rule,
  type Ruleset,
  type ValidationIssue,
} from '../src/index.js';
import {
  AS_OF,
  PROGRAM,
  catalog,
  certOutcome,
  courseOutcome,
  learner,
  nfOutcome,
  pack,
} from './helpers.js';

const RULES: Rule[] = [
  {
    id: 'S',
    kind: 'substitution',
    program: PROGRAM,
    certificate: '1x-web',
    minLevel: 'junior',
    courses: ['OUC-WEB1'],
  },
  {
    id: 'R',
    kind: 'recognition',
    program: PROGRAM,
    from: { institution: 'cqu', course: 'CQU-CS101' },
    to: 'OUC-CS1',
    minScore: 70,
    minCredits: 2,
  },
  {
    id: 'N',
    kind: 'nonformal',
    program: PROGRAM,
    category: 'training',
    hoursPerCredit: 18,
    to: 'OUC-MATH',
  },
  {
    id: 'D',
    kind: 'dual-certificate',
    program: PROGRAM,
    certificate: '1x-web',
    level: 'junior',
    courses: ['OUC-WEB1', 'OUC-WEB2'],
  },
];

/** A deep copy of the valid pack with RULES, to break in one place. */
function good(): Ruleset {
  return structuredClone(pack(RULES, { certificateOptions: ['1x-web'], minCertificates: 1 }));
}

/** Refused; returns the issues. */
function refused(input: unknown, validate = validateRuleset): readonly ValidationIssue[] {
  const v = validate(input as Ruleset);
  expect(v.ok, 'expected a refusal').toBe(false);
  return v.ok ? [] : v.errors;
}

/** Exactly one issue, at `path`, whose message contains `text`. */
function refusedWith(input: unknown, path: string, text: string): void {
  const errors = refused(input);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  expect(errors[0]!.path).toBe(path);
  expect(errors[0]!.message).toContain(text);
}

const rule = <T>(r: Ruleset, i: number) => r.rules[i] as unknown as T;

describe('validateRuleset: accepts', () => {
  it('a valid pack is ok and returned', () => {
    const v = validateRuleset(good());
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.value.rules.map((r) => r.id)).toEqual(['S', 'R', 'N', 'D']);
  });
  it('a dual-certificate rule without a program', () => {
    const r = good();
    delete (r.rules[3] as { program?: string }).program;
    expect(validateRuleset(r).ok).toBe(true);
  });
});

describe('validateRuleset: every refusal of spec §7, with its path', () => {
  it('schema: a missing field', () => {
    const r = good() as unknown as { courses: Array<Record<string, unknown>> };
    delete r.courses[2]!.title;
    refusedWith(r, 'courses[2].title', 'is required');
  });
  it('schema: a wrong type', () => {
    const r = good() as unknown as { programs: Array<Record<string, unknown>> };
    r.programs[0]!.totalCredits = '30';
    refusedWith(r, 'programs[0].totalCredits', 'expected number');
  });
  it('schema: an unknown enum value', () => {
    const r = good();
    (r.institutions[1] as { kind: string }).kind = 'college';
    refusedWith(r, 'institutions[1].kind', '"college"');
  });
  it('schema: an unknown rule kind', () => {
    const r = good();
    (r.rules[2] as { kind: string }).kind = 'magic';
    refusedWith(r, 'rules[2].kind', 'unknown kind "magic"');
  });
  it('schema: a substitution without courses', () => {
    const r = good();
    rule<{ courses: string[] }>(r, 0).courses = [];
    refusedWith(r, 'rules[0].courses', 'at least 1');
  });
  it('schema: hoursPerCredit must be > 0', () => {
    const r = good();
    rule<{ hoursPerCredit: number }>(r, 2).hoursPerCredit = 0;
    refusedWith(r, 'rules[2].hoursPerCredit', 'greater than 0');
  });
  it('schema: not an object at all', () => {
    expect(refused(null)[0]!.path).toBe('ruleset');
  });

  it('unknown course in a rule: rules[i].courses[j]: unknown course "X"', () => {
    const r = good();
    r.rules.push({
      id: 'S2',
      kind: 'substitution',
      program: PROGRAM,
      certificate: '1x-web',
      courses: ['OUC-WEB2', 'X'],
    });
    const errors = refused(r);
    expect(errors).toEqual([{ path: 'rules[4].courses[1]', message: 'unknown course "X"' }]);
    expect(formatIssue(errors[0]!)).toBe('rules[4].courses[1]: unknown course "X"');
  });
  it('unknown course: recognition external course and target', () => {
    const r = good();
    rule<{ from: { course: string } }>(r, 1).from.course = 'CQU-NOPE';
    refusedWith(r, 'rules[1].from.course', 'unknown course "CQU-NOPE"');
    const t = good();
    rule<{ to: string }>(t, 1).to = 'OUC-NOPE';
    refusedWith(t, 'rules[1].to', 'unknown course "OUC-NOPE"');
  });
  it('unknown course: nonformal to, dual-certificate courses, program lists', () => {
    const a = good();
    rule<{ to: string }>(a, 2).to = 'Y';
    refusedWith(a, 'rules[2].to', 'unknown course "Y"');
    const b = good();
    rule<{ courses: string[] }>(b, 3).courses[1] = 'Y';
    refusedWith(b, 'rules[3].courses[1]', 'unknown course "Y"');
    const c = good();
    c.programs[0]!.courses.push('Y');
    refusedWith(c, 'programs[0].courses[8]', 'unknown course "Y"');
    const d = good();
    d.programs[0]!.requiredCourses.push('Y');
    refusedWith(d, 'programs[0].requiredCourses[2]', 'unknown course "Y"');
    const e = good();
    e.programs[0]!.nonTransferable = ['Y'];
    refusedWith(e, 'programs[0].nonTransferable[0]', 'unknown course "Y"');
  });
  it('unknown certificate', () => {
    const a = good();
    rule<{ certificate: string }>(a, 0).certificate = 'nope';
    refusedWith(a, 'rules[0].certificate', 'unknown certificate "nope"');
    const b = good();
    rule<{ certificate: string }>(b, 3).certificate = 'nope';
    refusedWith(b, 'rules[3].certificate', 'unknown certificate "nope"');
    const c = good();
    c.programs[0]!.certificateOptions = ['1x-web', 'nope'];
    refusedWith(c, 'programs[0].certificateOptions[1]', 'unknown certificate "nope"');
  });
  it('unknown level', () => {
    const a = good();
    rule<{ minLevel: string }>(a, 0).minLevel = 'master';
    refusedWith(a, 'rules[0].minLevel', 'unknown level "master"');
    const b = good();
    rule<{ level: string }>(b, 3).level = 'master';
    refusedWith(b, 'rules[3].level', 'unknown level "master"');
    const c = good();
    c.certificates[0]!.creditValue = { junior: 4, master: 9 };
    refusedWith(c, 'certificates[0].creditValue.master', 'unknown level "master"');
    const d = good();
    d.certificates[0]!.levelNames = { junior: { 'zh-CN': '初级' }, master: { 'zh-CN': '大师' } };
    refusedWith(d, 'certificates[0].levelNames.master', 'unknown level "master"');
  });
  it('level names: optional, zh-CN required, en optional', () => {
    const a = good();
    a.certificates[0]!.levelNames = {
      junior: { 'zh-CN': '初级', en: 'Junior' },
      senior: { 'zh-CN': '高级' },
    };
    expect(validateRuleset(a).ok).toBe(true);
    const b = good();
    (b.certificates[0] as { levelNames: unknown }).levelNames = { junior: { en: 'Junior' } };
    refusedWith(b, 'certificates[0].levelNames.junior.zh-CN', '');
  });
  it('unknown institution', () => {
    const a = good();
    a.courses[0]!.institution = 'mit';
    // the program course now also belongs to another institution
    expect(refused(a).map((e) => e.path)).toContain('courses[0].institution');
    const b = good();
    rule<{ from: { institution: string } }>(b, 1).from.institution = 'mit';
    refusedWith(b, 'rules[1].from.institution', 'unknown institution "mit"');
    const c = good();
    c.programs[1]!.institution = 'mit';
    expect(refused(c)).toContainEqual({
      path: 'programs[1].institution',
      message: 'unknown institution "mit"',
    });
  });
  it('unknown program', () => {
    const a = good();
    rule<{ program: string }>(a, 1).program = 'nope';
    refusedWith(a, 'rules[1].program', 'unknown program "nope"');
    const b = good();
    rule<{ program: string }>(b, 3).program = 'nope';
    refusedWith(b, 'rules[3].program', 'unknown program "nope"');
  });
  it('duplicate ids or codes', () => {
    const r = good();
    r.institutions.push({ id: 'cqu', name: 'again', kind: 'university' });
    r.certificates.push({ ...r.certificates[0]! });
    r.courses.push({ ...r.courses[1]! });
    r.programs.push({ ...r.programs[1]! });
    r.rules.push({ ...r.rules[0]! });
    const paths = refused(r).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'institutions[3].id',
        'certificates[3].id',
        'courses[12].code',
        'programs[2].id',
        'rules[4].id',
      ]),
    );
    for (const e of refused(r)) expect(e.message).toMatch(/duplicate/);
  });
  it('duplicate level of a certificate, duplicate course of a program', () => {
    const a = good();
    a.certificates[2]!.levels = ['junior', 'junior'];
    refusedWith(a, 'certificates[2].levels[1]', 'duplicate');
    const b = good();
    b.programs[1]!.courses.push('OUC-ACC');
    refusedWith(b, 'programs[1].courses[2]', 'duplicate');
  });
  it('credits negative or not a multiple of 0.5', () => {
    const a = good();
    a.courses[3]!.credits = -1;
    refusedWith(a, 'courses[3].credits', 'negative');
    const b = good();
    b.courses[3]!.credits = 2.3;
    refusedWith(b, 'courses[3].credits', 'multiple of 0.5');
    const c = good();
    c.programs[0]!.totalCredits = 30.25;
    refusedWith(c, 'programs[0].totalCredits', 'multiple of 0.5');
    const d = good();
    c.programs[0]!.totalCredits = 30;
    d.programs[0]!.maxNonformalCredits = 0.7;
    refusedWith(d, 'programs[0].maxNonformalCredits', 'multiple of 0.5');
    const e = good();
    rule<{ minCredits: number }>(e, 1).minCredits = 1.2;
    refusedWith(e, 'rules[1].minCredits', 'multiple of 0.5');
    const f = good();
    f.certificates[0]!.creditValue = { junior: 0.1 };
    refusedWith(f, 'certificates[0].creditValue.junior', 'multiple of 0.5');
    const g = good();
    g.courses[0]!.credits = 1e300;
    refusedWith(g, 'courses[0].credits', 'above the largest accepted');
  });
  it('shares outside 0..1', () => {
    for (const share of [-0.1, 1.01]) {
      const r = good();
      r.programs[0]!.maxTransferShare = share;
      refusedWith(r, 'programs[0].maxTransferShare', '0..1');
    }
    for (const share of [0, 1]) {
      const r = good();
      r.programs[0]!.maxTransferShare = share;
      expect(validateRuleset(r).ok).toBe(true);
    }
  });
  it('scores outside 0..100', () => {
    const a = good();
    rule<{ minScore: number }>(a, 1).minScore = 101;
    refusedWith(a, 'rules[1].minScore', '0..100');
    const b = good();
    rule<{ minScore: number }>(b, 3).minScore = -1;
    refusedWith(b, 'rules[3].minScore', '0..100');
  });
  it('a program course of another institution', () => {
    const r = good();
    r.programs[0]!.courses.push('CQU-ENG');
    refusedWith(r, 'programs[0].courses[8]', 'is of another institution, "cqu"');
  });
  it('requiredCourses or nonTransferable outside the program courses', () => {
    const a = good();
    a.programs[0]!.requiredCourses.push('OUC-ACC');
    refusedWith(a, 'programs[0].requiredCourses[2]', "outside the program's courses");
    const b = good();
    b.programs[0]!.nonTransferable = ['OUC-PRJ', 'OUC-ACC'];
    refusedWith(b, 'programs[0].nonTransferable[1]', "outside the program's courses");
  });
  it('a rule target outside its program (substitution, recognition, nonformal)', () => {
    const a = good();
    rule<{ courses: string[] }>(a, 0).courses.push('OUC-ACC');
    refusedWith(a, 'rules[0].courses[1]', 'rule target "OUC-ACC" is outside its program "ouc-cnt"');
    const b = good();
    rule<{ to: string }>(b, 1).to = 'OUC-ACC';
    refusedWith(b, 'rules[1].to', 'outside its program "ouc-cnt"');
    const c = good();
    rule<{ to: string }>(c, 2).to = 'OUC-ACC';
    refusedWith(c, 'rules[2].to', 'outside its program "ouc-cnt"');
    // a dual-certificate rule's courses are not targets
    const d = good();
    rule<{ courses: string[] }>(d, 3).courses.push('OUC-ACC');
    expect(validateRuleset(d).ok).toBe(true);
  });
  it('a program is required for every kind but dual-certificate', () => {
    const r = good();
    delete (r.rules[1] as { program?: string }).program;
    refusedWith(r, 'rules[1].program', 'is required');
  });
});

describe('validateRuleset: several problems at once', () => {
  it('every reference problem is reported, each with its path', () => {
    const r = good();
    rule<{ courses: string[] }>(r, 0).courses = ['OUC-WEB1', 'X'];
    rule<{ from: { institution: string } }>(r, 1).from.institution = 'mit';
    rule<{ to: string }>(r, 2).to = 'OUC-ACC';
    rule<{ level: string }>(r, 3).level = 'master';
    r.programs[0]!.requiredCourses.push('Y');
    r.rules.push({ ...r.rules[1]! });
    const byPath = (a: ValidationIssue, b: ValidationIssue) => (a.path < b.path ? -1 : 1);
    expect([...refused(r)].sort(byPath)).toEqual(
      [
        { path: 'programs[0].requiredCourses[2]', message: 'unknown course "Y"' },
        { path: 'rules[4].id', message: 'duplicate id "R"' },
        { path: 'rules[0].courses[1]', message: 'unknown course "X"' },
        { path: 'rules[1].from.institution', message: 'unknown institution "mit"' },
        {
          path: 'rules[2].to',
          message: 'rule target "OUC-ACC" is outside its program "ouc-cnt"',
        },
        { path: 'rules[3].level', message: 'unknown level "master" of certificate "1x-web"' },
        { path: 'rules[4].from.institution', message: 'unknown institution "mit"' },
      ].sort(byPath),
    );
  });
  it('every schema problem is reported, each with its path', () => {
    const r = good();
    r.courses[0]!.credits = -2;
    r.programs[0]!.maxTransferShare = 2;
    rule<{ minScore: number }>(r, 1).minScore = 120;
    (r as { version?: unknown }).version = undefined;
    const paths = refused(r).map((e) => e.path);
    expect(paths.sort()).toEqual(
      ['courses[0].credits', 'programs[0].maxTransferShare', 'rules[1].minScore', 'version'].sort(),
    );
  });
  it('a schema problem does not hide the reference problems of the same pack', () => {
    // Spec §7: "A scenario is refused as a whole ... with one error per problem, each naming its
    // path". The unknown course below is a problem of its own and must be reported too.
    const r = good();
    rule<{ minScore: number }>(r, 1).minScore = 120;
    rule<{ courses: string[] }>(r, 0).courses = ['X'];
    const paths = refused(r).map((e) => e.path);
    expect(paths).toContain('rules[1].minScore');
    expect(paths).toContain('rules[0].courses[0]');
  });
  it('a record with a schema problem still has its own references checked', () => {
    // one error per problem, also when two problems sit in the same record
    const r = good();
    r.programs[0]!.totalCredits = 30.3;
    r.programs[0]!.certificateOptions = ['1x-ghost'];
    rule<{ minScore: number; to: string }>(r, 1).minScore = 101;
    rule<{ minScore: number; to: string }>(r, 1).to = 'X';
    r.courses[0]!.credits = 1.3;
    r.courses[0]!.institution = 'pku';
    (r.certificates[0] as { category: string }).category = 'nope';
    r.certificates[0]!.creditValue = { master: 2 };
    const errors = refused(r).map(formatIssue);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^programs\[0\]\.totalCredits: /),
        'programs[0].certificateOptions[0]: unknown certificate "1x-ghost"',
        expect.stringMatching(/^rules\[1\]\.minScore: /),
        'rules[1].to: unknown course "X"',
        expect.stringMatching(/^courses\[0\]\.credits: /),
        'courses[0].institution: unknown institution "pku"',
        expect.stringMatching(/^certificates\[0\]\.category: /),
        'certificates[0].creditValue.master: unknown level "master" of certificate "1x-web"',
      ]),
    );
  });
  it('a rule that cannot be read at all does not crash the reference checks', () => {
    const r = good();
    (r.rules[0] as unknown as { courses: unknown }).courses = 'OUC-WEB1';
    (r.rules[1] as unknown as { from: unknown }).from = null;
    const paths = refused(r).map((e) => e.path);
    expect(paths).toEqual(['rules[0].courses', 'rules[1].from']);
    // a list with a hole (from code, not JSON) is a schema problem, not a crash
    const sparse = good();
    const courses: string[] = [];
    courses[1] = 'X';
    (sparse.rules[0] as unknown as { courses: string[] }).courses = courses;
    expect(refused(sparse).map((e) => e.path)).toEqual([
      'rules[0].courses[0]',
      'rules[0].courses[1]',
    ]);
  });
  it('an unknown institution is one problem, not one more at every course of its program', () => {
    const a = good();
    a.programs[0]!.institution = 'pku';
    expect(refused(a)).toEqual([
      { path: 'programs[0].institution', message: 'unknown institution "pku"' },
    ]);
    const b = good();
    b.courses[0]!.institution = 'pku';
    expect(refused(b)).toEqual([
      { path: 'courses[0].institution', message: 'unknown institution "pku"' },
    ]);
  });
});

describe('validateRuleset: messages use the words of spec §7', () => {
  const message = (r: Ruleset) => refused(r).map(formatIssue).join('\n');
  it('credits negative or not a multiple of 0.5', () => {
    const a = good();
    a.courses[0]!.credits = 2.7;
    expect(message(a)).toBe('courses[0].credits: credits 2.7 are not a multiple of 0.5');
    const b = good();
    b.courses[0]!.credits = -2;
    expect(message(b)).toBe('courses[0].credits: credits -2 are negative');
    const c = good();
    c.courses[0]!.credits = -0.3;
    expect(message(c)).toContain('negative');
    expect(message(c)).toContain('not a multiple of 0.5');
  });
  it('shares outside 0..1, scores outside 0..100', () => {
    const a = good();
    a.programs[0]!.maxTransferShare = 1.5;
    expect(message(a)).toContain('outside 0..1');
    const b = good();
    rule<{ minScore: number }>(b, 1).minScore = 101;
    expect(message(b)).toBe('rules[1].minScore: score 101 is outside 0..100');
  });
  it("another institution, outside the program's courses, rule target outside its program", () => {
    const a = good();
    a.programs[0]!.courses.push('CQU-ENG');
    expect(message(a)).toContain('of another institution');
    const b = good();
    b.programs[0]!.requiredCourses.push('OUC-ACC');
    expect(message(b)).toBe(
      'programs[0].requiredCourses[2]: course "OUC-ACC" is outside the program\'s courses',
    );
    const c = good();
    rule<{ to: string }>(c, 1).to = 'OUC-ACC';
    expect(message(c)).toContain('outside its program');
  });
});

describe('validateLearner: refusals', () => {
  const rs = (): Ruleset => catalog();
  const refusedLearner = (outcomes: Outcome[], applied?: unknown) => {
    const v = validateLearner(
      applied ? { id: 'L', outcomes, applied } : { id: 'L', outcomes },
      rs(),
    );
    expect(v.ok).toBe(false);
    return v.ok ? [] : v.errors;
  };

  it('a valid learner is ok', () => {
    expect(validateLearner(learner([certOutcome('a', '1x-web', 'senior')]), rs()).ok).toBe(true);
  });
  it('duplicate outcome ids', () => {
    expect(
      refusedLearner([
        certOutcome('a', '1x-web', 'senior'),
        courseOutcome('a', 'ouc', 'OUC-DB', 4),
      ]),
    ).toEqual([{ path: 'outcomes[1].id', message: 'duplicate outcome id "a"' }]);
  });
  it('a level its certificate does not list', () => {
    expect(refusedLearner([certOutcome('a', '1x-web', 'master')])).toEqual([
      {
        path: 'outcomes[0].certificate.level',
        message: 'unknown level "master" of certificate "1x-web"',
      },
    ]);
  });
  it('a certificate the catalog does not list is accepted (it stays usable)', () => {
    expect(validateLearner(learner([certOutcome('a', 'nope', 'x')]), rs()).ok).toBe(true);
  });
  it('an external course not in the catalog is accepted', () => {
    expect(validateLearner(learner([courseOutcome('a', 'pku', 'PKU-1', 2)]), rs()).ok).toBe(true);
  });
  it('credits not a multiple of 0.5', () => {
    const errors = refusedLearner([courseOutcome('a', 'cqu', 'CQU-ENG', 2.2)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('outcomes[0].course.credits');
    expect(errors[0]!.message).toContain('multiple of 0.5');
  });
  it('numbers beyond the largest accepted (1e9), each named, not called "not a multiple"', () => {
    const errors = refusedLearner([
      courseOutcome('a', 'cqu', 'CQU-ENG', 1e308),
      nfOutcome('b', 'training', 1e20),
    ]);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['outcomes[0].course.credits', 'credits 1e+308 are above the largest accepted, 1000000000'],
      [
        'outcomes[1].nonformal.hours',
        '100000000000000000000 is above the largest accepted, 1000000000',
      ],
    ]);
    // the largest itself is accepted
    expect(validateLearner(learner([nfOutcome('c', 'training', 1e9)]), rs()).ok).toBe(true);
  });
  it('a score outside 0..100', () => {
    const errors = refusedLearner([
      courseOutcome('a', 'cqu', 'CQU-ENG', 2, { score: 100.5 }),
      courseOutcome('b', 'cqu', 'CQU-ENG', 2, { score: -3 }),
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      'outcomes[0].course.score',
      'outcomes[1].course.score',
    ]);
    for (const e of errors) expect(e.message).toContain('0..100');
  });
  it('a certificate outcome failing its schema still has its level checked', () => {
    const errors = refusedLearner([
      certOutcome('a', '1x-web', 'master', { status: 'done' as never }),
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      'outcomes[0].status',
      'outcomes[0].certificate.level',
    ]);
  });
  it('an applied grant of an unknown program or rule', () => {
    const errors = refusedLearner(
      [],
      [{ program: 'nope', rule: 'nope', outcomes: [], courses: [], credits: 1 }],
    );
    expect(errors.map((e) => e.path)).toEqual(['applied[0].program', 'applied[0].rule']);
  });
});

describe('validateScenario and evaluateScenario', () => {
  const scenario = (ruleset: unknown, outcomes: Outcome[] = []) => ({
    asOf: AS_OF,
    ruleset,
    learner: { id: 'L', outcomes },
    query: { kind: 'plan', program: PROGRAM },
  });

  it('paths are prefixed with where the ruleset sits', () => {
    const r = good();
    rule<{ courses: string[] }>(r, 0).courses = ['OUC-WEB1', 'X'];
    const v = validateScenario(scenario(r));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors).toEqual([
        { path: 'ruleset.rules[0].courses[1]', message: 'unknown course "X"' },
      ]);
    }
  });

  it('problems of every part are reported together; nothing is evaluated', () => {
    const r = good();
    r.courses[0]!.credits = 0.3;
    const input = {
      asOf: '2026-02-30',
      ruleset: r,
      learner: { id: 'L', outcomes: [courseOutcome('a', 'cqu', 'CQU-ENG', 2, { score: 101 })] },
      query: { kind: 'audit' },
    };
    const v = evaluateScenario(input);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors.map((e) => e.path)).toEqual([
        'asOf',
        'ruleset.courses[0].credits',
        'learner.outcomes[0].course.score',
        'query.kind',
      ]);
    }
  });

  it('a ruleset that is not an object is one problem, not also an unknown program', () => {
    const v = validateScenario(scenario(42));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.map((e) => e.path)).toEqual(['ruleset']);
  });

  it('an unknown program in the query', () => {
    const v = validateScenario({ ...scenario(good()), query: { kind: 'plan', program: 'nope' } });
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.errors).toEqual([{ path: 'query.program', message: 'unknown program "nope"' }]);
  });

  it('a sound scenario is evaluated', () => {
    const v = evaluateScenario(scenario(good(), [certOutcome('c', '1x-web', 'junior')]));
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.result).toMatchObject({ transferredCredits: 4 });
  });
});

describe('formatting helpers', () => {
  it('formatPath', () => {
    expect(formatPath(['rules', 3, 'courses', 1])).toBe('rules[3].courses[1]');
    expect(formatPath(['rules', 3], 'ruleset')).toBe('ruleset.rules[3]');
    expect(formatPath(['creditValue', 'level 4'])).toBe('creditValue["level 4"]');
  });
  it('CreditBankRuleError carries every issue in its message', () => {
    const error = new CreditBankRuleError('invalid_ruleset', [
      { path: 'a', message: 'x' },
      { path: '', message: 'y' },
    ]);
    expect(error.message).toBe('a: x\ny');
    expect(error.code).toBe('invalid_ruleset');
  });
});
