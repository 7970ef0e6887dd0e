/**
 * Shared fixtures of the core unit tests: a small catalog (an Open University program, an
 * external university, certificates with catalog-ordered levels) and outcome builders.
 */
import { expect } from 'vitest';
import {
  plan,
  validateLearner,
  validateRuleset,
  type AppliedGrant,
  type EngineOptions,
  type ExplanationStep,
  type Learner,
  type Outcome,
  type PlanResult,
  type Program,
  type Rule,
  type Ruleset,
} from '../src/index.js';

export const AS_OF = '2026-11-21';
export const PROGRAM = 'ouc-cnt';
export const OTHER_PROGRAM = 'ouc-acc';

/** A fresh catalog; every test gets its own copy, so tests may mutate it. */
export function catalog(): Ruleset {
  return {
    id: 'test-pack',
    version: '1.0.0',
    institutions: [
      { id: 'ouc', name: '国家开放大学', kind: 'open-university' },
      { id: 'cqu', name: '重庆大学', kind: 'university' },
      { id: 'sse', name: '自考办', kind: 'self-study-exam' },
    ],
    certificates: [
      {
        id: '1x-web',
        name: 'Web 前端开发',
        category: 'skill-level',
        levels: ['junior', 'intermediate', 'senior'],
        creditValue: { junior: 4, intermediate: 6, senior: 8 },
      },
      {
        // catalog order is not alphabetical: level-5 is the lowest
        id: 'electrician',
        name: '电工',
        category: 'qualification-entry',
        levels: ['level-5', 'level-4', 'level-3', 'level-2', 'level-1'],
        creditValue: { 'level-4': 3 },
      },
      {
        id: '1x-bim',
        name: 'BIM',
        category: 'skill-level',
        levels: ['junior', 'intermediate', 'senior'],
      },
    ],
    courses: [
      { code: 'OUC-WEB1', institution: 'ouc', title: '网页设计与制作', credits: 4 },
      { code: 'OUC-WEB2', institution: 'ouc', title: 'JavaScript 程序设计', credits: 4 },
      { code: 'OUC-DB', institution: 'ouc', title: '数据库基础与应用', credits: 4 },
      { code: 'OUC-CS1', institution: 'ouc', title: '计算机应用基础', credits: 3 },
      { code: 'OUC-ENG', institution: 'ouc', title: '理工英语', credits: 3 },
      { code: 'OUC-SAFE', institution: 'ouc', title: '安全用电', credits: 2 },
      { code: 'OUC-MATH', institution: 'ouc', title: '经济数学基础', credits: 3 },
      { code: 'OUC-PRJ', institution: 'ouc', title: '毕业设计', credits: 5 },
      { code: 'OUC-ACC', institution: 'ouc', title: '会计基础', credits: 4 },
      { code: 'CQU-CS101', institution: 'cqu', title: '大学计算机基础', credits: 3 },
      { code: 'CQU-ENG', institution: 'cqu', title: '大学英语', credits: 2 },
      { code: 'SSE-ENG', institution: 'sse', title: '英语（一）', credits: 7 },
    ],
    programs: [
      {
        id: PROGRAM,
        institution: 'ouc',
        name: '计算机网络技术（专科）',
        totalCredits: 30,
        courses: [
          'OUC-WEB1',
          'OUC-WEB2',
          'OUC-DB',
          'OUC-CS1',
          'OUC-ENG',
          'OUC-SAFE',
          'OUC-MATH',
          'OUC-PRJ',
        ],
        requiredCourses: ['OUC-ENG', 'OUC-PRJ'],
        nonTransferable: ['OUC-PRJ'],
      },
      {
        id: OTHER_PROGRAM,
        institution: 'ouc',
        name: '会计（专科）',
        totalCredits: 20,
        courses: ['OUC-ACC', 'OUC-MATH'],
        requiredCourses: [],
      },
    ],
    rules: [],
  };
}

/** The catalog with `rules` and program fields patched in. */
export function pack(rules: Rule[], program: Partial<Program> = {}, extra: Partial<Ruleset> = {}) {
  const ruleset = { ...catalog(), ...extra, rules };
  ruleset.programs = ruleset.programs.map((p) => (p.id === PROGRAM ? { ...p, ...program } : p));
  return ruleset;
}

type Extra = Partial<Pick<Outcome, 'status' | 'earnedOn' | 'expiresOn'>>;

export function certOutcome(id: string, certificate: string, level: string, extra: Extra = {}) {
  return {
    id,
    kind: 'certificate',
    status: 'verified',
    earnedOn: '2025-06-01',
    certificate: { id: certificate, level },
    ...extra,
  } as Outcome;
}

export function courseOutcome(
  id: string,
  institution: string,
  code: string,
  credits: number,
  result: { score?: number; passed?: boolean } = { score: 80 },
  extra: Extra = {},
) {
  return {
    id,
    kind: 'course',
    status: 'verified',
    earnedOn: '2025-06-01',
    course: { institution, code, credits, ...result },
    ...extra,
  } as Outcome;
}

export function nfOutcome(id: string, category: string, hours: number, extra: Extra = {}) {
  return {
    id,
    kind: 'nonformal',
    status: 'verified',
    earnedOn: '2025-06-01',
    nonformal: { category, hours },
    ...extra,
  } as Outcome;
}

export function learner(outcomes: Outcome[], applied?: AppliedGrant[]): Learner {
  return applied ? { id: 'L-1', outcomes, applied } : { id: 'L-1', outcomes };
}

/** Validates both inputs (they must be valid), then plans. */
export function runPlan(
  ruleset: Ruleset,
  outcomes: Outcome[],
  options: { applied?: AppliedGrant[]; program?: string; asOf?: string } & EngineOptions = {},
): PlanResult {
  const engine: EngineOptions = options.kinds ? { kinds: options.kinds } : {};
  const rs = validateRuleset(ruleset, engine);
  if (!rs.ok) throw new Error(`fixture ruleset invalid: ${JSON.stringify(rs.errors)}`);
  const lr = validateLearner(learner(outcomes, options.applied), rs.value, engine);
  if (!lr.ok) throw new Error(`fixture learner invalid: ${JSON.stringify(lr.errors)}`);
  return plan(rs.value, lr.value, options.program ?? PROGRAM, options.asOf ?? AS_OF, engine);
}

/** New and applied grants without the `kind` noise. */
export function grantsOf(result: PlanResult) {
  return result.grants.map((g) => ({
    rule: g.rule,
    outcomes: g.outcomes,
    courses: g.courses,
    credits: g.credits,
    applied: g.applied,
  }));
}

export function codes(result: PlanResult): string[] {
  return result.explanation.map((e) => e.code);
}

/** The explanation steps with `code`; fails unless there is at least one. */
export function stepsWith(result: PlanResult, code: string): ExplanationStep[] {
  const steps = result.explanation.filter((e) => e.code === code);
  expect(steps, `explanation has ${code}: ${codes(result).join(', ')}`).not.toHaveLength(0);
  return steps;
}

/** A message has both locales, non-empty, and is not just the code echoed back. */
export function expectBilingual(step: ExplanationStep): void {
  expect(typeof step.message['zh-CN']).toBe('string');
  expect(typeof step.message.en).toBe('string');
  expect(step.message['zh-CN'].length).toBeGreaterThan(0);
  expect(step.message.en.length).toBeGreaterThan(0);
  expect(step.message['zh-CN']).not.toBe(step.code);
  expect(step.message.en).not.toBe(step.code);
}
