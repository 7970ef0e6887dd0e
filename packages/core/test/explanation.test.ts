/** Spec §5 explanation codes: each one the engine can produce, its fields and its messages. */
import { describe, expect, it } from 'vitest';
import { EXPLANATION_CODES, type PlanResult, type Rule } from '../src/index.js';
import {
  PROGRAM,
  catalog,
  certOutcome,
  codes,
  courseOutcome,
  expectBilingual,
  nfOutcome,
  pack,
  runPlan,
  stepsWith,
} from './helpers.js';

const SPEC_CODES = [
  'outcome-unverified',
  'outcome-revoked',
  'outcome-expired',
  'outcome-future',
  'rule-level-too-low',
  'rule-score-too-low',
  'rule-credits-too-low',
  'rule-hours-too-low',
  'rule-course-earned',
  'rule-course-non-transferable',
  'rule-outcome-consumed',
  'not-chosen-cap',
  'not-chosen-outcome-conflict',
  'not-chosen-course-conflict',
  'not-chosen-group',
  'not-chosen-tie',
  'granted',
  'elective-cut',
  'applied',
  'certificate-earned',
  'graduation-eligible',
  'graduation-missing-credits',
  'graduation-missing-course',
  'graduation-missing-certificates',
];

const sub = (id: string, certificate: string, courses: string[], more: object = {}): Rule => ({
  id,
  kind: 'substitution',
  program: PROGRAM,
  certificate,
  courses,
  ...more,
});
const rec = (id: string, to: string, more: object = {}): Rule => ({
  id,
  kind: 'recognition',
  program: PROGRAM,
  from: { institution: 'cqu', course: 'CQU-CS101' },
  to,
  ...more,
});
const nf = (id: string, more: object = {}): Rule => ({
  id,
  kind: 'nonformal',
  program: PROGRAM,
  category: 'training',
  hoursPerCredit: 10,
  ...more,
});

/** Checks one step: its code, exactly the rule/outcome/course fields given, both messages. */
function expectStep(
  result: PlanResult,
  code: string,
  fields: { rule?: string; outcome?: string; course?: string },
  mentions: string[] = [],
) {
  const steps = stepsWith(result, code).filter(
    (s) =>
      (fields.rule === undefined || s.rule === fields.rule) &&
      (fields.outcome === undefined || s.outcome === fields.outcome) &&
      (fields.course === undefined || s.course === fields.course),
  );
  expect(
    steps,
    `${code} ${JSON.stringify(fields)} in ${JSON.stringify(result.explanation)}`,
  ).toHaveLength(1);
  const step = steps[0]!;
  for (const key of ['rule', 'outcome', 'course'] as const) {
    if (fields[key] !== undefined) expect(step[key]).toBe(fields[key]);
  }
  expectBilingual(step);
  for (const text of mentions) {
    expect(step.message.en).toContain(text);
    expect(step.message['zh-CN']).toContain(text);
  }
  return step;
}

describe('explanation codes', () => {
  it('the exported list keeps every code of spec §5', () => {
    for (const code of SPEC_CODES) expect(EXPLANATION_CODES).toContain(code);
  });

  it('outcome-unverified / revoked / expired / future: one per rejected outcome', () => {
    const result = runPlan(catalog(), [
      certOutcome('p', '1x-web', 'junior', { status: 'pending' }),
      certOutcome('r', '1x-web', 'junior', { status: 'revoked' }),
      certOutcome('e', '1x-web', 'junior', { expiresOn: '2026-01-31' }),
      certOutcome('f', '1x-web', 'junior', { earnedOn: '2027-03-01' }),
    ]);
    // the outcome by what it is (its id stays in the step's outcome field)
    const u = expectStep(result, 'outcome-unverified', { outcome: 'p' }, ['Web 前端开发']);
    expect(u.rule).toBeUndefined();
    expect(u.message).toEqual({
      'zh-CN': '成果“Web 前端开发 · 初级”尚未核验，暂不可用',
      en: 'Outcome Web 前端开发 · Junior is not verified yet',
    });
    expectStep(result, 'outcome-revoked', { outcome: 'r' }, ['Web 前端开发']);
    expectStep(result, 'outcome-expired', { outcome: 'e' }, ['2026-01-31']);
    expectStep(result, 'outcome-future', { outcome: 'f' }, ['2027-03-01']);
    expect(codes(result).slice(0, 4)).toEqual([
      'outcome-unverified',
      'outcome-revoked',
      'outcome-expired',
      'outcome-future',
    ]);
  });

  it('rule-level-too-low', () => {
    const result = runPlan(pack([sub('S', '1x-web', ['OUC-WEB1'], { minLevel: 'senior' })]), [
      certOutcome('c', '1x-web', 'intermediate'),
    ]);
    const step = expectStep(result, 'rule-level-too-low', { rule: 'S', outcome: 'c' }, ['S']);
    expect(step.message).toEqual({
      'zh-CN': '规则 S：证书等级“中级”低于要求的“高级”',
      en: 'Rule S: the certificate is at Intermediate, below the required Senior',
    });
  });

  it('rule-score-too-low', () => {
    const result = runPlan(pack([rec('R', 'OUC-CS1')]), [
      courseOutcome('x', 'cqu', 'CQU-CS101', 3, { score: 59 }),
    ]);
    expectStep(result, 'rule-score-too-low', { rule: 'R', outcome: 'x' }, ['R', '59', '60']);
  });

  it('rule-credits-too-low', () => {
    const result = runPlan(pack([rec('R', 'OUC-CS1', { minCredits: 3 })]), [
      courseOutcome('x', 'cqu', 'CQU-CS101', 2),
    ]);
    expectStep(result, 'rule-credits-too-low', { rule: 'R', outcome: 'x' }, ['R']);
  });

  it('rule-hours-too-low', () => {
    const result = runPlan(pack([nf('N', { minHours: 40 })]), [nfOutcome('t', 'training', 30)]);
    expectStep(result, 'rule-hours-too-low', { rule: 'N' }, ['N', '30', '40']);
  });

  it('rule-course-earned', () => {
    const result = runPlan(pack([rec('R', 'OUC-CS1')]), [
      courseOutcome('x', 'cqu', 'CQU-CS101', 3),
      courseOutcome('own', 'ouc', 'OUC-CS1', 3),
    ]);
    expectStep(result, 'rule-course-earned', { rule: 'R', course: 'OUC-CS1' }, ['OUC-CS1']);
  });

  it('rule-course-non-transferable', () => {
    const result = runPlan(pack([rec('R', 'OUC-PRJ')]), [
      courseOutcome('x', 'cqu', 'CQU-CS101', 3),
    ]);
    expectStep(result, 'rule-course-non-transferable', { rule: 'R', course: 'OUC-PRJ' }, [
      'OUC-PRJ',
    ]);
  });

  it('rule-course-earned, saying so, when an applied grant already has the course', () => {
    const result = runPlan(
      pack([rec('R', 'OUC-CS1'), sub('S', '1x-web', ['OUC-CS1'])]),
      [courseOutcome('x', 'cqu', 'CQU-CS101', 3), certOutcome('c', '1x-web', 'junior')],
      {
        applied: [
          { program: PROGRAM, rule: 'R', outcomes: ['x'], courses: ['OUC-CS1'], credits: 3 },
        ],
      },
    );
    expectStep(result, 'rule-course-earned', { rule: 'S', course: 'OUC-CS1' }, ['OUC-CS1']);
    const step = stepsWith(result, 'rule-course-earned')[0];
    expect(step?.message.en).toContain('already granted by an applied transfer');
    expect(step?.message['zh-CN']).toContain('已入账');
  });

  it('rule-outcome-consumed', () => {
    const result = runPlan(
      pack([sub('S1', '1x-web', ['OUC-WEB1']), sub('S2', '1x-web', ['OUC-WEB2']), nf('N')]),
      [certOutcome('c', '1x-web', 'junior'), nfOutcome('t', 'training', 30)],
      {
        applied: [
          { program: PROGRAM, rule: 'S1', outcomes: ['c'], courses: ['OUC-WEB1'], credits: 4 },
          { program: PROGRAM, rule: 'N', outcomes: ['t'], courses: [], credits: 3 },
        ],
      },
    );
    expectStep(result, 'rule-outcome-consumed', { rule: 'S2', outcome: 'c' }, ['Web 前端开发']);
    expectStep(result, 'rule-outcome-consumed', { rule: 'N', outcome: 't' }, ['30']);
    expect(result.grants.every((g) => g.applied)).toBe(true);
  });

  it('not-chosen-cap', () => {
    // cap floor(0.2 × 30) = 6: WEB1+WEB2 (8) cannot fit, SAFE (2) and the elective do
    const result = runPlan(
      pack([sub('S', '1x-web', ['OUC-WEB1', 'OUC-WEB2']), sub('E', 'electrician', ['OUC-SAFE'])], {
        maxTransferShare: 0.2,
      }),
      [certOutcome('c', '1x-web', 'junior'), certOutcome('e', 'electrician', 'level-5')],
    );
    expect(result.transferCap).toBe(6);
    expectStep(result, 'not-chosen-cap', { rule: 'S' }, ['S']);
    expectStep(result, 'granted', { rule: 'E' }, ['E', '2']);
  });

  it('not-chosen-outcome-conflict', () => {
    const result = runPlan(
      pack([sub('S1', '1x-web', ['OUC-WEB1']), sub('S2', '1x-web', ['OUC-SAFE'])]),
      [certOutcome('c', '1x-web', 'junior')],
    );
    expectStep(result, 'not-chosen-outcome-conflict', { rule: 'S2', outcome: 'c' }, [
      'S2',
      'Web 前端开发',
      'S1',
    ]);
  });

  it('not-chosen-course-conflict', () => {
    const result = runPlan(
      pack([rec('R', 'OUC-CS1'), sub('S', '1x-web', ['OUC-CS1'], { priority: 1 })]),
      [courseOutcome('x', 'cqu', 'CQU-CS101', 3), certOutcome('c', '1x-web', 'junior')],
    );
    // equal credits and outcomes: the higher priority (S) wins
    expectStep(result, 'granted', { rule: 'S' });
    expectStep(result, 'not-chosen-course-conflict', { rule: 'R', course: 'OUC-CS1' }, ['OUC-CS1']);
  });

  it('not-chosen-course-conflict within one rule: another outcome already took the course', () => {
    const result = runPlan(pack([rec('R', 'OUC-CS1')]), [
      courseOutcome('x', 'cqu', 'CQU-CS101', 3),
      courseOutcome('y', 'cqu', 'CQU-CS101', 3),
    ]);
    expectStep(result, 'granted', { rule: 'R' });
    const step = expectStep(result, 'not-chosen-course-conflict', { rule: 'R' });
    // not "not chosen because rule R granted it", as if the rule stood in its own way
    expect(step.message['zh-CN']).toContain('已由本规则以另一项成果转换');
    expect(step.message.en).toContain('already granted by this rule for another outcome');
  });

  it('not-chosen-group', () => {
    const result = runPlan(
      pack([
        sub('S1', '1x-web', ['OUC-WEB1'], { group: 'it' }),
        sub('S2', 'electrician', ['OUC-SAFE'], { group: 'it' }),
      ]),
      [certOutcome('c', '1x-web', 'junior'), certOutcome('e', 'electrician', 'level-1')],
    );
    expectStep(result, 'granted', { rule: 'S1' });
    expectStep(result, 'not-chosen-group', { rule: 'S2' }, ['S2', 'it']);
  });

  it('not-chosen-group against an applied grant of the group', () => {
    const result = runPlan(
      pack([
        sub('S1', '1x-web', ['OUC-WEB1'], { group: 'it' }),
        sub('S2', 'electrician', ['OUC-SAFE'], { group: 'it' }),
      ]),
      [certOutcome('c', '1x-web', 'junior'), certOutcome('e', 'electrician', 'level-1')],
      {
        applied: [
          { program: PROGRAM, rule: 'S1', outcomes: ['c'], courses: ['OUC-WEB1'], credits: 4 },
        ],
      },
    );
    expectStep(result, 'not-chosen-group', { rule: 'S2' });
    expect(result.grants.filter((g) => !g.applied)).toEqual([]);
  });

  it('not-chosen-tie', () => {
    // a 0-credit course grant adds no credits and consumes an outcome: the empty set wins
    const ruleset = pack([sub('Z', '1x-bim', ['OUC-ORIENT'])], {
      courses: [...catalog().programs[0]!.courses, 'OUC-ORIENT'],
    });
    ruleset.courses.push({ code: 'OUC-ORIENT', institution: 'ouc', title: '入学教育', credits: 0 });
    const result = runPlan(ruleset, [certOutcome('b', '1x-bim', 'junior')]);
    expect(result.grants).toEqual([]);
    expectStep(result, 'not-chosen-tie', { rule: 'Z' }, ['Z']);
  });

  it('granted, with the credits and courses', () => {
    const result = runPlan(pack([sub('S', '1x-web', ['OUC-WEB1', 'OUC-WEB2'])]), [
      certOutcome('c', '1x-web', 'junior'),
    ]);
    expectStep(result, 'granted', { rule: 'S' }, ['S', '8', 'OUC-WEB1', 'OUC-WEB2']);
  });

  it('elective-cut', () => {
    const result = runPlan(pack([nf('N')], { maxNonformalCredits: 2 }), [
      nfOutcome('t', 'training', 55),
    ]);
    expectStep(result, 'granted', { rule: 'N' }, ['2']);
    expectStep(result, 'elective-cut', { rule: 'N' }, ['5.5', '2']);
  });

  it('applied', () => {
    const result = runPlan(
      pack([rec('R', 'OUC-CS1')]),
      [courseOutcome('x', 'cqu', 'CQU-CS101', 3)],
      {
        applied: [
          { program: PROGRAM, rule: 'R', outcomes: ['x'], courses: ['OUC-CS1'], credits: 3 },
        ],
      },
    );
    expectStep(result, 'applied', { rule: 'R' }, ['R', '3']);
    expect(codes(result)).not.toContain('granted');
  });

  it('certificate-earned', () => {
    const result = runPlan(
      pack([
        {
          id: 'D',
          kind: 'dual-certificate',
          certificate: '1x-web',
          level: 'junior',
          courses: ['OUC-WEB1'],
        },
      ]),
      [courseOutcome('w', 'ouc', 'OUC-WEB1', 4)],
    );
    const step = expectStep(result, 'certificate-earned', { rule: 'D' }, ['D', 'Web 前端开发']);
    expect(step.message.en).toContain('(Junior)');
    expect(step.message['zh-CN']).toContain('取得证书“Web 前端开发 · 初级”');
  });

  it('graduation-eligible', () => {
    const result = runPlan(pack([], { totalCredits: 3, requiredCourses: ['OUC-ENG'] }), [
      courseOutcome('e', 'ouc', 'OUC-ENG', 3),
    ]);
    expectStep(result, 'graduation-eligible', {});
    expect(codes(result).at(-1)).toBe('graduation-eligible');
  });

  it('graduation-missing-credits / course / certificates, in that order, last', () => {
    const result = runPlan(
      pack([], { minCertificates: 2, certificateOptions: ['1x-web', '1x-bim'] }),
      [courseOutcome('e', 'ouc', 'OUC-ENG', 3), certOutcome('w', '1x-web', 'junior')],
    );
    expectStep(result, 'graduation-missing-credits', {}, ['27']);
    expectStep(result, 'graduation-missing-course', { course: 'OUC-PRJ' }, ['OUC-PRJ']);
    expectStep(result, 'graduation-missing-certificates', {}, ['1']);
    expect(codes(result).slice(-3)).toEqual([
      'graduation-missing-credits',
      'graduation-missing-course',
      'graduation-missing-certificates',
    ]);
  });

  it('steps are ordered: rejections, rule misses and candidates not chosen, grants, verdict', () => {
    const result = runPlan(
      pack(
        [
          sub('S1', '1x-web', ['OUC-WEB1']),
          sub('S2', '1x-web', ['OUC-SAFE']),
          rec('R', 'OUC-CS1'),
          {
            id: 'D',
            kind: 'dual-certificate',
            certificate: '1x-bim',
            level: 'junior',
            courses: ['OUC-DB'],
          },
        ],
        {},
        { fees: { perCredit: 5, perExam: 10, currency: 'CNY' } },
      ),
      [
        courseOutcome('x', 'cqu', 'CQU-CS101', 3, { score: 10 }),
        certOutcome('c', '1x-web', 'junior'),
        certOutcome('p', '1x-web', 'senior', { status: 'pending' }),
        courseOutcome('db', 'ouc', 'OUC-DB', 4),
      ],
    );
    expect(codes(result)).toEqual([
      'outcome-unverified',
      'rule-score-too-low',
      'not-chosen-outcome-conflict',
      'granted',
      'certificate-earned',
      'graduation-missing-credits',
      'graduation-missing-course',
      'graduation-missing-course',
    ]);
    for (const step of result.explanation) expectBilingual(step);
  });

  it('a rule that yields a candidate explains none of its misses', () => {
    // S yields a candidate on the senior certificate: the junior one below minLevel is not a
    // reason the rule gave nothing, so no rule-level-too-low step
    const result = runPlan(
      pack([
        sub('S', '1x-web', ['OUC-WEB1'], { minLevel: 'intermediate' }),
        rec('R', 'OUC-CS1', { minScore: 70 }),
      ]),
      [
        certOutcome('j', '1x-web', 'junior'),
        certOutcome('s', '1x-web', 'senior'),
        courseOutcome('low', 'cqu', 'CQU-CS101', 3, { score: 65 }),
        courseOutcome('high', 'cqu', 'CQU-CS101', 3, { score: 75 }),
      ],
    );
    expect(result.explanation.filter((e) => e.rule !== undefined).map((e) => e.code)).toEqual([
      'granted',
      'granted',
    ]);
    // with no qualifying outcome, each miss is explained
    const none = runPlan(pack([sub('S', '1x-web', ['OUC-WEB1'], { minLevel: 'senior' })]), [
      certOutcome('j', '1x-web', 'junior'),
      certOutcome('i', '1x-web', 'intermediate'),
    ]);
    expect(none.explanation.filter((e) => e.rule === 'S').map((e) => e.outcome)).toEqual([
      'j',
      'i',
    ]);
  });

  it('rules that touch nothing the learner holds are not explained', () => {
    const result = runPlan(pack([sub('S', '1x-web', ['OUC-WEB1']), rec('R', 'OUC-CS1'), nf('N')]), [
      certOutcome('b', '1x-bim', 'senior'),
      nfOutcome('w', 'work-experience', 100),
    ]);
    expect(result.explanation.filter((e) => e.rule !== undefined)).toEqual([]);
  });
});
