/** Spec §4 rule kinds, §5 plan basics, the exam-score plugin and `defineRuleKind`. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  defineRuleKind,
  plan,
  RuleBase,
  validateLearner,
  validateRuleset,
  type Outcome,
  type Rule,
  type RuleProposal,
} from '../src/index.js';
import { examScore } from '../src/plugins/exam-score.js';
import {
  AS_OF,
  OTHER_PROGRAM,
  PROGRAM,
  catalog,
  certOutcome,
  codes,
  courseOutcome,
  grantsOf,
  learner,
  nfOutcome,
  pack,
  runPlan,
  stepsWith,
} from './helpers.js';

const sub = (id: string, certificate: string, courses: string[], more: object = {}): Rule => ({
  id,
  kind: 'substitution',
  program: PROGRAM,
  certificate,
  courses,
  ...more,
});
const rec = (id: string, from: [string, string], to: string, more: object = {}): Rule => ({
  id,
  kind: 'recognition',
  program: PROGRAM,
  from: { institution: from[0], course: from[1] },
  to,
  ...more,
});
const nf = (id: string, category: string, hoursPerCredit: number, more: object = {}): Rule => ({
  id,
  kind: 'nonformal',
  program: PROGRAM,
  category,
  hoursPerCredit,
  ...more,
});

describe('substitution 课程置换', () => {
  const rule = (more: object = {}) => sub('S', '1x-web', ['OUC-WEB1', 'OUC-WEB2'], more);

  it('grants all its courses at their catalog credits', () => {
    const result = runPlan(pack([rule()]), [certOutcome('c', '1x-web', 'junior')]);
    expect(grantsOf(result)).toEqual([
      { rule: 'S', outcomes: ['c'], courses: ['OUC-WEB1', 'OUC-WEB2'], credits: 8, applied: false },
    ]);
    expect(result.transferredCredits).toBe(8);
    expect(result.grants[0]?.kind).toBe('substitution');
  });

  it('minLevel: a level below is refused with rule-level-too-low, equal and above pass', () => {
    const r = rule({ minLevel: 'intermediate' });
    const low = runPlan(pack([r]), [certOutcome('c', '1x-web', 'junior')]);
    expect(low.grants).toEqual([]);
    expect(stepsWith(low, 'rule-level-too-low')[0]).toMatchObject({ rule: 'S', outcome: 'c' });
    for (const level of ['intermediate', 'senior']) {
      const ok = runPlan(pack([r]), [certOutcome('c', '1x-web', level)]);
      expect(ok.transferredCredits).toBe(8);
    }
  });

  it('minLevel defaults to the lowest level of the certificate', () => {
    const result = runPlan(pack([sub('S', 'electrician', ['OUC-SAFE'])]), [
      certOutcome('c', 'electrician', 'level-5'),
    ]);
    expect(result.transferredCredits).toBe(2);
  });

  it('levels are ordered by the catalog, not alphabetically (level-5 < level-4 < level-3)', () => {
    const r = sub('S', 'electrician', ['OUC-SAFE'], { minLevel: 'level-4' });
    expect(
      runPlan(pack([r]), [certOutcome('c', 'electrician', 'level-3')]).transferredCredits,
    ).toBe(2);
    expect(
      runPlan(pack([r]), [certOutcome('c', 'electrician', 'level-4')]).transferredCredits,
    ).toBe(2);
    const low = runPlan(pack([r]), [certOutcome('c', 'electrician', 'level-5')]);
    expect(low.transferredCredits).toBe(0);
    expect(codes(low)).toContain('rule-level-too-low');
  });

  it('another certificate does not match', () => {
    const result = runPlan(pack([rule()]), [certOutcome('c', '1x-bim', 'senior')]);
    expect(result.grants).toEqual([]);
    // rules that touch nothing the learner holds are not explained
    expect(result.explanation.some((e) => e.rule === 'S')).toBe(false);
  });

  it('atomic: when one course is earned, the application is no candidate (never shrinks)', () => {
    const result = runPlan(pack([rule()]), [
      certOutcome('c', '1x-web', 'senior'),
      courseOutcome('e', 'ouc', 'OUC-WEB2', 4, { score: 90 }),
    ]);
    expect(result.grants).toEqual([]);
    expect(result.transferredCredits).toBe(0);
    expect(stepsWith(result, 'rule-course-earned')[0]).toMatchObject({
      rule: 'S',
      course: 'OUC-WEB2',
    });
  });

  it('atomic: a nonTransferable course blocks the whole application', () => {
    const result = runPlan(pack([sub('S', '1x-web', ['OUC-WEB1', 'OUC-PRJ'])]), [
      certOutcome('c', '1x-web', 'senior'),
    ]);
    expect(result.grants).toEqual([]);
    expect(stepsWith(result, 'rule-course-non-transferable')[0]).toMatchObject({
      rule: 'S',
      course: 'OUC-PRJ',
    });
  });

  it('one rule with two qualifying outcomes: two candidates competing for the same courses', () => {
    const result = runPlan(pack([rule()]), [
      certOutcome('c1', '1x-web', 'junior'),
      certOutcome('c2', '1x-web', 'senior'),
    ]);
    expect(grantsOf(result)).toEqual([
      {
        rule: 'S',
        outcomes: ['c1'],
        courses: ['OUC-WEB1', 'OUC-WEB2'],
        credits: 8,
        applied: false,
      },
    ]);
    expect(stepsWith(result, 'not-chosen-course-conflict')[0]).toMatchObject({
      rule: 'S',
      course: 'OUC-WEB1',
    });
  });

  it('a course listed twice in one rule is refused, never granted or paid for twice', () => {
    // Spec §5 step 3: "a course is granted at most once"; §7 refuses "duplicate ids or codes";
    // §4: substitution grants "all `courses` of the rule, at their catalog credits".
    // Either validateRuleset refuses the pack, or the plan grants OUC-WEB1 once (4 credits).
    const ruleset = pack([sub('S', '1x-web', ['OUC-WEB1', 'OUC-WEB1'])]);
    const checked = validateRuleset(ruleset);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toContainEqual({
      path: 'rules[0].courses[1]',
      message: 'duplicate course "OUC-WEB1"',
    });
  });
});

describe('recognition 学分互认 / 外校课程认定 / 自考免考', () => {
  const rule = (more: object = {}) => rec('R', ['cqu', 'CQU-CS101'], 'OUC-CS1', more);
  const cs = (result: { score?: number; passed?: boolean }, credits = 3) =>
    courseOutcome('x', 'cqu', 'CQU-CS101', credits, result);

  it('grants the one course `to` at its catalog credits (not the outcome credits)', () => {
    const result = runPlan(pack([rule()]), [cs({ score: 80 }, 5)]);
    expect(grantsOf(result)).toEqual([
      { rule: 'R', outcomes: ['x'], courses: ['OUC-CS1'], credits: 3, applied: false },
    ]);
  });

  it('minScore defaults to 60: 60 passes, 59 does not', () => {
    expect(runPlan(pack([rule()]), [cs({ score: 60 })]).transferredCredits).toBe(3);
    const low = runPlan(pack([rule()]), [cs({ score: 59 })]);
    expect(low.transferredCredits).toBe(0);
    expect(stepsWith(low, 'rule-score-too-low')[0]).toMatchObject({ rule: 'R', outcome: 'x' });
  });

  it('an explicit minScore: score >= minScore passes', () => {
    expect(runPlan(pack([rule({ minScore: 85 })]), [cs({ score: 85 })]).transferredCredits).toBe(3);
    expect(runPlan(pack([rule({ minScore: 85 })]), [cs({ score: 84.5 })]).transferredCredits).toBe(
      0,
    );
  });

  it('no score: passes only with passed: true', () => {
    expect(runPlan(pack([rule()]), [cs({ passed: true })]).transferredCredits).toBe(3);
    expect(runPlan(pack([rule()]), [cs({ passed: false })]).transferredCredits).toBe(0);
    expect(runPlan(pack([rule()]), [cs({})]).transferredCredits).toBe(0);
  });

  it('a score present decides; passed is ignored', () => {
    expect(runPlan(pack([rule()]), [cs({ score: 50, passed: true })]).transferredCredits).toBe(0);
    expect(runPlan(pack([rule()]), [cs({ score: 70, passed: false })]).transferredCredits).toBe(3);
  });

  it('minCredits: outcome credits below are refused with rule-credits-too-low', () => {
    const r = rule({ minCredits: 3 });
    expect(runPlan(pack([r]), [cs({ score: 90 }, 3)]).transferredCredits).toBe(3);
    const low = runPlan(pack([r]), [cs({ score: 90 }, 2.5)]);
    expect(low.transferredCredits).toBe(0);
    expect(stepsWith(low, 'rule-credits-too-low')[0]).toMatchObject({ rule: 'R', outcome: 'x' });
  });

  it('the institution and the code must both match', () => {
    const result = runPlan(pack([rule()]), [
      courseOutcome('a', 'sse', 'CQU-CS101', 3),
      courseOutcome('b', 'cqu', 'CQU-ENG', 2),
    ]);
    expect(result.grants).toEqual([]);
    expect(result.explanation.some((e) => e.rule === 'R')).toBe(false);
  });

  it('a recognised course already earned in the program is no candidate', () => {
    const result = runPlan(pack([rule()]), [
      cs({ score: 90 }),
      courseOutcome('own', 'ouc', 'OUC-CS1', 3, { score: 61 }),
    ]);
    expect(result.earnedCredits).toBe(3);
    expect(result.transferredCredits).toBe(0);
    expect(stepsWith(result, 'rule-course-earned')[0]).toMatchObject({
      rule: 'R',
      course: 'OUC-CS1',
    });
  });
});

describe('nonformal 非学历成果转换', () => {
  it('sums the hours of every usable outcome of the category exactly', () => {
    // 0.7 + 0.1 is 0.7999999999999999 in floats; exactly 0.8 hours ÷ 0.4 = 2 credits
    const result = runPlan(pack([nf('N', 'training', 0.4)]), [
      nfOutcome('a', 'training', 0.7),
      nfOutcome('b', 'training', 0.1),
      nfOutcome('c', 'work-experience', 100),
      nfOutcome('d', 'training', 50, { status: 'pending' }),
    ]);
    expect(grantsOf(result)).toEqual([
      { rule: 'N', outcomes: ['a', 'b'], courses: [], credits: 2, applied: false },
    ]);
  });

  it('floorToHalf(hours ÷ hoursPerCredit)', () => {
    const at = (hours: number) =>
      runPlan(pack([nf('N', 'training', 36)]), [nfOutcome('a', 'training', hours)])
        .transferredCredits;
    expect(at(53)).toBe(1); // 1.47
    expect(at(54)).toBe(1.5);
    expect(at(71.9)).toBe(1.5);
    expect(at(72)).toBe(2);
    expect(at(17)).toBe(0); // 0.47: below a half credit, no grant
  });

  it('converted 0 is no grant and is explained as rule-hours-too-low', () => {
    const result = runPlan(pack([nf('N', 'training', 36)]), [nfOutcome('a', 'training', 17)]);
    expect(result.grants).toEqual([]);
    expect(stepsWith(result, 'rule-hours-too-low')[0]).toMatchObject({ rule: 'N' });
  });

  it('minHours: total >= minHours (equal passes)', () => {
    const r = nf('N', 'training', 10, { minHours: 40 });
    const pass = runPlan(pack([r]), [
      nfOutcome('a', 'training', 25),
      nfOutcome('b', 'training', 15),
    ]);
    expect(pass.transferredCredits).toBe(4);
    const fail = runPlan(pack([r]), [nfOutcome('a', 'training', 39)]);
    expect(fail.transferredCredits).toBe(0);
    expect(stepsWith(fail, 'rule-hours-too-low')[0]).toMatchObject({ rule: 'N' });
  });

  it('maxCredits cuts the elective (elective-cut)', () => {
    const result = runPlan(pack([nf('N', 'training', 10, { maxCredits: 2.5 })]), [
      nfOutcome('a', 'training', 100),
    ]);
    expect(result.transferredCredits).toBe(2.5);
    expect(stepsWith(result, 'elective-cut')[0]).toMatchObject({ rule: 'N' });
  });

  it('program maxNonformalCredits caps electives in total, filled in rule-id order', () => {
    const result = runPlan(
      pack([nf('n2', 'work-experience', 10), nf('n1', 'training', 10)], { maxNonformalCredits: 4 }),
      [nfOutcome('w', 'work-experience', 30), nfOutcome('t', 'training', 30)],
    );
    expect(grantsOf(result)).toEqual([
      { rule: 'n1', outcomes: ['t'], courses: [], credits: 3, applied: false },
      { rule: 'n2', outcomes: ['w'], courses: [], credits: 1, applied: false },
    ]);
  });

  it('an elective cut to zero is not made and consumes nothing', () => {
    const result = runPlan(
      pack([nf('n1', 'training', 10), nf('n2', 'work-experience', 10)], { maxNonformalCredits: 3 }),
      [nfOutcome('t', 'training', 30), nfOutcome('w', 'work-experience', 30)],
    );
    expect(grantsOf(result)).toEqual([
      { rule: 'n1', outcomes: ['t'], courses: [], credits: 3, applied: false },
    ]);
  });

  it('`to`: a course grant when converted >= its credits; caps of electives do not apply', () => {
    const r = nf('N', 'work-experience', 36, { to: 'OUC-CS1', maxCredits: 1 });
    const result = runPlan(pack([r], { maxNonformalCredits: 0 }), [
      nfOutcome('a', 'work-experience', 60),
      nfOutcome('b', 'work-experience', 48),
    ]);
    expect(grantsOf(result)).toEqual([
      { rule: 'N', outcomes: ['a', 'b'], courses: ['OUC-CS1'], credits: 3, applied: false },
    ]);
    expect(result.savings.exams).toBe(1);
  });

  it('`to`: converted below the course credits gives no grant (rule-hours-too-low)', () => {
    const r = nf('N', 'work-experience', 36, { to: 'OUC-CS1' });
    const result = runPlan(pack([r]), [nfOutcome('a', 'work-experience', 107)]);
    expect(result.grants).toEqual([]);
    expect(stepsWith(result, 'rule-hours-too-low')[0]).toMatchObject({ rule: 'N' });
  });

  it('`to` a 0-credit course: converted 0 >= 0 makes a candidate (fixed in 9278e4a)', () => {
    // Spec §4 nonformal: "`to` given: course `to` if the converted credits >= its credits".
    // With a 0-credit course any hours qualify; the candidate is then not chosen on the tie-break
    // (fewer outcomes consumed), so it must be explained as not-chosen-tie, not rule-hours-too-low.
    const ruleset = pack([nf('N', 'training', 36, { to: 'OUC-ORIENT' })], {
      courses: [...catalog().programs[0]!.courses, 'OUC-ORIENT'],
    });
    ruleset.courses.push({ code: 'OUC-ORIENT', institution: 'ouc', title: '入学教育', credits: 0 });
    const result = runPlan(ruleset, [nfOutcome('a', 'training', 10)]);
    expect(result.grants).toEqual([]);
    expect(codes(result)).not.toContain('rule-hours-too-low');
    expect(stepsWith(result, 'not-chosen-tie')[0]).toMatchObject({ rule: 'N' });
  });
});

describe('dual-certificate 双证融通', () => {
  const dual = (program: string | undefined, id = 'D'): Rule => ({
    id,
    kind: 'dual-certificate',
    ...(program === undefined ? {} : { program }),
    certificate: '1x-web',
    level: 'junior',
    courses: ['OUC-WEB1', 'OUC-WEB2'],
    minScore: 70,
  });
  const passedBoth = [
    courseOutcome('w1', 'ouc', 'OUC-WEB1', 4, { score: 70 }),
    courseOutcome('w2', 'ouc', 'OUC-WEB2', 4, { score: 95 }),
  ];

  it("the program's rule: certificate earned when every course passes minScore; no credits", () => {
    const result = runPlan(pack([dual(PROGRAM)]), passedBoth);
    expect(result.certificatesEarned).toEqual([
      { certificate: '1x-web', level: 'junior', rule: 'D' },
    ]);
    expect(result.grants).toEqual([]);
    expect(result.transferredCredits).toBe(0);
    expect(result.earnedCredits).toBe(8);
    expect(stepsWith(result, 'certificate-earned')[0]).toMatchObject({ rule: 'D' });
  });

  it('a rule of no program counts for every program', () => {
    expect(runPlan(pack([dual(undefined)]), passedBoth).certificatesEarned).toHaveLength(1);
    const other = runPlan(pack([dual(undefined)]), passedBoth, { program: OTHER_PROGRAM });
    expect(other.certificatesEarned).toHaveLength(1);
  });

  it("another program's rule does not count here", () => {
    const result = runPlan(pack([dual(OTHER_PROGRAM)]), passedBoth);
    expect(result.certificatesEarned).toEqual([]);
    expect(codes(result)).not.toContain('certificate-earned');
  });

  it('one course below minScore: not earned', () => {
    const result = runPlan(pack([dual(PROGRAM)]), [
      courseOutcome('w1', 'ouc', 'OUC-WEB1', 4, { score: 69 }),
      courseOutcome('w2', 'ouc', 'OUC-WEB2', 4, { score: 95 }),
    ]);
    expect(result.certificatesEarned).toEqual([]);
  });

  it("the outcome's institution must be the catalog course's", () => {
    const result = runPlan(pack([dual(PROGRAM)]), [
      courseOutcome('w1', 'cqu', 'OUC-WEB1', 4, { score: 99 }),
      courseOutcome('w2', 'ouc', 'OUC-WEB2', 4, { score: 95 }),
    ]);
    expect(result.certificatesEarned).toEqual([]);
  });

  it('the earned certificate counts toward minCertificates', () => {
    const ruleset = pack([dual(PROGRAM)], { minCertificates: 1, certificateOptions: ['1x-web'] });
    const without = runPlan(ruleset, []);
    expect(without.graduation.missing).toContainEqual({ reason: 'certificates', needed: 1 });
    const result = runPlan(ruleset, passedBoth);
    expect(result.graduation.missing.some((m) => m.reason === 'certificates')).toBe(false);
  });
});

describe('plan basics: earned credits, applied grants, audit, savings', () => {
  it('earned: usable passing outcomes of the program institution, each course once', () => {
    const result = runPlan(pack([]), [
      courseOutcome('a', 'ouc', 'OUC-DB', 4, { score: 50 }),
      courseOutcome('b', 'ouc', 'OUC-DB', 4, { score: 80 }),
      courseOutcome('c', 'ouc', 'OUC-DB', 4, { score: 90 }),
      courseOutcome('d', 'cqu', 'OUC-MATH', 3, { score: 90 }), // another institution
      courseOutcome('e', 'ouc', 'OUC-ACC', 4, { score: 90 }), // not in the program
      courseOutcome('f', 'ouc', 'OUC-ENG', 3, { passed: true }),
      courseOutcome('g', 'ouc', 'OUC-CS1', 3, { score: 99 }, { status: 'pending' }),
    ]);
    expect(result.earnedCredits).toBe(7);
  });

  it('applied grants are taken as recorded and count against the caps', () => {
    const rules = [
      sub('S', '1x-web', ['OUC-WEB1']),
      rec('R', ['cqu', 'CQU-CS101'], 'OUC-CS1'),
      nf('N', 'training', 10),
    ];
    const result = runPlan(
      pack(rules, { maxTransferShare: 0.3, maxNonformalCredits: 2 }),
      [
        certOutcome('c', '1x-web', 'junior'),
        courseOutcome('x', 'cqu', 'CQU-CS101', 3),
        nfOutcome('t', 'training', 100),
        nfOutcome('t2', 'training', 100),
      ],
      {
        applied: [
          { program: PROGRAM, rule: 'R', outcomes: ['x'], courses: ['OUC-CS1'], credits: 3 },
          { program: PROGRAM, rule: 'N', outcomes: ['t'], courses: [], credits: 1.5 },
          { program: OTHER_PROGRAM, rule: 'S', outcomes: ['c'], courses: [], credits: 4 },
        ],
      },
    );
    // cap 9: 3 + 1.5 applied, then WEB1 4 (room 4.5), then t2 fills 0.5 of the 2 - 1.5 left
    expect(result.transferCap).toBe(9);
    expect(grantsOf(result)).toEqual([
      { rule: 'N', outcomes: ['t'], courses: [], credits: 1.5, applied: true },
      { rule: 'N', outcomes: ['t2'], courses: [], credits: 0.5, applied: false },
      { rule: 'R', outcomes: ['x'], courses: ['OUC-CS1'], credits: 3, applied: true },
      { rule: 'S', outcomes: ['c'], courses: ['OUC-WEB1'], credits: 4, applied: false },
    ]);
    expect(result.transferredCredits).toBe(9);
    expect(stepsWith(result, 'applied').map((s) => s.rule)).toEqual(['N', 'R']);
    // savings count applied and new grants alike
    expect(result.savings).toEqual({ credits: 9, exams: 2, amount: 0, currency: 'CNY' });
  });

  it('graduation: eligible, and the missing list in order credits, courses, certificates', () => {
    const ruleset = pack([], {
      totalCredits: 6,
      requiredCourses: ['OUC-ENG', 'OUC-PRJ', 'OUC-CS1'],
      minCertificates: 2,
      certificateOptions: ['1x-web', 'electrician'],
    });
    const missing = runPlan(ruleset, [
      courseOutcome('e', 'ouc', 'OUC-ENG', 3),
      certOutcome('b', '1x-bim', 'senior'), // not an option
      certOutcome('w', '1x-web', 'junior'),
      certOutcome('w2', '1x-web', 'senior'), // same certificate: counted once
    ]);
    expect(missing.graduation).toEqual({
      eligible: false,
      missing: [
        { reason: 'credits', credits: 3 },
        { reason: 'course', course: 'OUC-PRJ' },
        { reason: 'course', course: 'OUC-CS1' },
        { reason: 'certificates', needed: 1 },
      ],
    });
    expect(missing.remainingCredits).toBe(3);
    const ok = runPlan(pack([], { totalCredits: 3, requiredCourses: ['OUC-ENG'] }), [
      courseOutcome('e', 'ouc', 'OUC-ENG', 3),
    ]);
    expect(ok.graduation).toEqual({ eligible: true, missing: [] });
    expect(codes(ok)).toContain('graduation-eligible');
  });

  it('no certificateOptions: every held certificate counts', () => {
    const result = runPlan(pack([], { totalCredits: 0, requiredCourses: [], minCertificates: 2 }), [
      certOutcome('b', '1x-bim', 'senior'),
      certOutcome('w', '1x-web', 'junior'),
    ]);
    expect(result.graduation.eligible).toBe(true);
  });

  it('savings: course credits × perCredit + courses × perExam; electives no exams', () => {
    const result = runPlan(
      pack(
        [sub('S', '1x-web', ['OUC-WEB1', 'OUC-WEB2']), nf('N', 'training', 10)],
        {},
        {
          fees: { perCredit: 5, perExam: 10, currency: 'CNY' },
        },
      ),
      [certOutcome('c', '1x-web', 'junior'), nfOutcome('t', 'training', 25)],
    );
    expect(result.savings).toEqual({ credits: 10.5, exams: 2, amount: 72.5, currency: 'CNY' });
  });

  it('savings without fees: amount 0, currency CNY, credits and exams still reported', () => {
    const result = runPlan(pack([sub('S', '1x-web', ['OUC-WEB1'])]), [
      certOutcome('c', '1x-web', 'junior'),
    ]);
    expect(result.savings).toEqual({ credits: 4, exams: 1, amount: 0, currency: 'CNY' });
  });

  it('fees fields left out take the no-fees defaults: perCredit 0, perExam 0, currency CNY', () => {
    const outcomes = [certOutcome('c', '1x-web', 'junior')];
    const rules = [sub('S', '1x-web', ['OUC-WEB1'])];
    const noCurrency = runPlan(pack(rules, {}, { fees: { perCredit: 5, perExam: 10 } }), outcomes);
    expect(noCurrency.savings).toEqual({ credits: 4, exams: 1, amount: 30, currency: 'CNY' });
    const examsOnly = runPlan(
      pack(rules, {}, { fees: { perExam: 10, currency: 'RMB' } }),
      outcomes,
    );
    expect(examsOnly.savings).toEqual({ credits: 4, exams: 1, amount: 10, currency: 'RMB' });
  });

  it('totals and the certificates held', () => {
    const result = runPlan(pack([sub('S', '1x-web', ['OUC-WEB1'])]), [
      certOutcome('c', '1x-web', 'junior'),
      courseOutcome('d', 'ouc', 'OUC-DB', 4),
      certOutcome('u', 'unknown-cert', 'x'), // not in the catalog: usable, matches nothing
    ]);
    expect(result).toMatchObject({
      program: PROGRAM,
      asOf: AS_OF,
      earnedCredits: 4,
      transferredCredits: 4,
      transferCap: null,
      totalCredits: 8,
      remainingCredits: 22,
    });
    expect(result.certificatesHeld).toEqual([
      { certificate: '1x-web', level: 'junior', outcome: 'c' },
      { certificate: 'unknown-cert', level: 'x', outcome: 'u' },
    ]);
  });

  it('an unknown program throws', () => {
    expect(() => plan(catalog(), learner([]), 'nope', AS_OF)).toThrow(/nope/);
  });
});

describe('exam-score plugin (全国统考成绩)', () => {
  const rule: Rule = {
    id: 'E',
    kind: 'exam-score',
    program: PROGRAM,
    exam: 'cet4',
    minScore: 425,
    to: 'OUC-ENG',
  };
  const exam = (id: string, score: number): Outcome =>
    ({
      id,
      kind: 'exam',
      status: 'verified',
      earnedOn: '2024-06-15',
      exam: { id: 'cet4', score },
    }) as Outcome;

  it('CET-4 >= 425 substitutes the English course', () => {
    for (const score of [425, 560]) {
      const result = runPlan(pack([rule]), [exam('x', score)], { kinds: [examScore] });
      expect(grantsOf(result)).toEqual([
        { rule: 'E', outcomes: ['x'], courses: ['OUC-ENG'], credits: 3, applied: false },
      ]);
      expect(result.grants[0]?.kind).toBe('exam-score');
    }
  });

  it('below the threshold: rule-score-too-low', () => {
    const result = runPlan(pack([rule]), [exam('x', 424)], { kinds: [examScore] });
    expect(result.grants).toEqual([]);
    expect(stepsWith(result, 'rule-score-too-low')[0]).toMatchObject({ rule: 'E', outcome: 'x' });
  });

  it('competes with built-in rules for the same course', () => {
    const result = runPlan(
      pack([rule, rec('A-REC', ['cqu', 'CQU-ENG'], 'OUC-ENG')]),
      [exam('x', 500), courseOutcome('c', 'cqu', 'CQU-ENG', 2)],
      { kinds: [examScore] },
    );
    // equal credits and outcomes: the smaller rule id wins
    expect(grantsOf(result).map((g) => g.rule)).toEqual(['A-REC']);
    expect(stepsWith(result, 'not-chosen-course-conflict')[0]).toMatchObject({ rule: 'E' });
  });

  it('without the plugin a pack using kind exam-score is refused', () => {
    const refused = validateRuleset(pack([rule]));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors[0]?.path).toBe('rules[0].kind');
      expect(refused.errors[0]?.message).toContain('exam-score');
    }
    expect(validateRuleset(pack([rule]), { kinds: [examScore] }).ok).toBe(true);
  });

  it('without the plugin an exam outcome is refused by validateLearner', () => {
    const l = learner([exam('x', 500)]);
    expect(validateLearner(l, catalog()).ok).toBe(false);
    expect(validateLearner(l, catalog(), { kinds: [examScore] }).ok).toBe(true);
  });

  it('its references are checked: `to` outside the program', () => {
    const refused = validateRuleset(pack([{ ...rule, to: 'OUC-ACC' }]), { kinds: [examScore] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors).toEqual([
        {
          path: 'rules[0].to',
          message: 'rule target "OUC-ACC" is outside its program "ouc-cnt"',
        },
      ]);
    }
  });
});

describe('defineRuleKind', () => {
  /** 作品集认定: a portfolio of at least `minItems` certificates of any kind grants `to`. */
  const PortfolioRule = z.extend(RuleBase, {
    kind: z.literal('portfolio'),
    program: z.string(),
    minItems: z.int().check(z.minimum(1)),
    to: z.string(),
  });
  type PortfolioRule = z.infer<typeof PortfolioRule>;
  const portfolio = defineRuleKind<PortfolioRule>({
    kind: 'portfolio',
    schema: PortfolioRule,
    references: (rule) => [{ path: ['to'], type: 'course', code: rule.to, target: true }],
    candidates(rule, ctx) {
      const held = ctx.usable.filter((o) => o.kind === 'certificate' && !ctx.isConsumed(o.id));
      if (held.length === 0) return [];
      if (held.length < rule.minItems) {
        return [{ miss: { code: 'rule-portfolio-small', outcome: held[0]!.id } }];
      }
      return [{ application: { outcomes: held, courses: [rule.to] } }] as RuleProposal[];
    },
  });
  const rule = (more: object = {}): Rule => ({
    id: 'PF',
    kind: 'portfolio',
    program: PROGRAM,
    minItems: 2,
    to: 'OUC-DB',
    ...more,
  });

  it('redefining a built-in kind throws', () => {
    for (const kind of ['substitution', 'recognition', 'nonformal', 'dual-certificate']) {
      expect(() => defineRuleKind({ kind, schema: PortfolioRule, candidates: () => [] })).toThrow(
        /built-in/,
      );
    }
  });

  it('a custom kind is refused without being registered, accepted with it', () => {
    expect(validateRuleset(pack([rule()])).ok).toBe(false);
    expect(validateRuleset(pack([rule()]), { kinds: [portfolio] }).ok).toBe(true);
  });

  it('its schema errors come with paths', () => {
    const refused = validateRuleset(
      pack([sub('S', '1x-web', ['OUC-WEB1']), rule({ minItems: 0 })]),
      {
        kinds: [portfolio],
      },
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors.map((e) => e.path)).toEqual(['rules[1].minItems']);
    }
    const missing = validateRuleset(pack([{ id: 'PF', kind: 'portfolio', program: PROGRAM }]), {
      kinds: [portfolio],
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.errors.map((e) => e.path).sort()).toEqual([
        'rules[0].minItems',
        'rules[0].to',
      ]);
      for (const e of missing.errors) expect(e.message).toBe('is required');
    }
  });

  it('its references are validated like the built-ins', () => {
    const refused = validateRuleset(
      pack([rule({ to: 'NOPE' }), rule({ id: 'PF2', to: 'OUC-ACC' })]),
      {
        kinds: [portfolio],
      },
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.errors).toEqual([
        { path: 'rules[0].to', message: 'unknown course "NOPE"' },
        {
          path: 'rules[1].to',
          message: 'rule target "OUC-ACC" is outside its program "ouc-cnt"',
        },
      ]);
    }
  });

  it('it is optimised like the built-ins: credits first, then fewer outcomes', () => {
    const outcomes = [certOutcome('c1', '1x-web', 'junior'), certOutcome('c2', '1x-bim', 'junior')];
    // the portfolio grants OUC-DB (4) with both certificates; the substitution WEB1 (4) with c1:
    // both cannot be made (c1 is shared); equal credits, fewer outcomes wins.
    const rules = [rule(), sub('S', '1x-web', ['OUC-WEB1'])];
    const result = runPlan(pack(rules), outcomes, { kinds: [portfolio] });
    expect(grantsOf(result).map((g) => g.rule)).toEqual(['S']);
    expect(stepsWith(result, 'not-chosen-outcome-conflict')[0]).toMatchObject({ rule: 'PF' });
    // a cap of 3.5 leaves room for neither; without S, the portfolio grant is made
    const alone = runPlan(pack([rule()]), outcomes, { kinds: [portfolio] });
    expect(grantsOf(alone)).toEqual([
      { rule: 'PF', outcomes: ['c1', 'c2'], courses: ['OUC-DB'], credits: 4, applied: false },
    ]);
    const capped = runPlan(pack([rule()], { maxTransferShare: 0.1 }), outcomes, {
      kinds: [portfolio],
    });
    expect(capped.grants).toEqual([]);
    expect(stepsWith(capped, 'not-chosen-cap')[0]).toMatchObject({ rule: 'PF' });
  });

  it('a miss with a code the core does not know is explained with the code', () => {
    const result = runPlan(pack([rule({ minItems: 3 })]), [certOutcome('c1', '1x-web', 'junior')], {
      kinds: [portfolio],
    });
    expect(stepsWith(result, 'rule-portfolio-small')[0]).toMatchObject({
      rule: 'PF',
      outcome: 'c1',
    });
  });
});
