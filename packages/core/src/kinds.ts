/**
 * Rule kinds: the built-in transfer rules of spec §4, and `defineRuleKind` for kinds an
 * institution adds in code (rules stay data; a kind is code only when data cannot say it).
 */
import type * as z from 'zod/mini';
import {
  DualCertificateRule,
  NonformalRule,
  RecognitionRule,
  SubstitutionRule,
  type CertificateOutcome,
  type Course,
  type CourseOutcome,
  type Message,
  type NonformalOutcome,
  type Outcome,
  type Program,
  type RuleBase,
  type Ruleset,
} from './schemas.js';
import { addRatio, floorHalves, ratio, toHalves, type Ratio } from './numbers.js';

export type PathSegment = string | number;

/** A catalog reference a rule makes, checked by `validateRuleset`. */
export type RuleReference =
  | { path: PathSegment[]; type: 'course'; code: string; target?: boolean }
  | { path: PathSegment[]; type: 'certificate'; id: string }
  | { path: PathSegment[]; type: 'level'; certificate: string; level: string }
  | { path: PathSegment[]; type: 'institution'; id: string };

/** What a rule kind sees of the learner and the program while proposing applications. */
export interface CandidateContext {
  readonly ruleset: Ruleset;
  readonly program: Program;
  readonly asOf: string;
  /** the learner's usable outcomes (spec §3), in the learner's order */
  readonly usable: readonly Outcome[];
  /** true when an applied grant already consumed the outcome */
  isConsumed(outcomeId: string): boolean;
  course(code: string): Course | undefined;
  /** position of `level` in the certificate's catalog levels, -1 when unknown */
  levelRank(certificate: string, level: string): number;
}

/** One way a rule could apply: the outcomes it consumes and what it grants. */
export interface RuleApplication {
  readonly outcomes: readonly Outcome[];
  /** courses granted whole; empty for elective credits */
  readonly courses: readonly string[];
  /** elective credits (no courses): the most this application can grant */
  readonly electiveCredits?: number;
  /** elective credits before the rule's and the program's caps (for the explanation) */
  readonly convertedCredits?: number;
}

/** Why a rule that touches something the learner holds yields no application. */
export interface RuleMiss {
  readonly code: string;
  readonly outcome?: string;
  readonly course?: string;
  /** values the message quotes */
  readonly params?: Readonly<Record<string, string | number>>;
  /** message for a code the core does not know */
  readonly message?: Message;
}

export type RuleProposal = { application: RuleApplication } | { miss: RuleMiss };

/** An outcome kind a plugin adds (for example national exam scores). */
export interface OutcomeKind {
  readonly kind: string;
  readonly schema: z.ZodMiniType<Outcome>;
}

/** A rule kind: the built-ins and plugins are all described so. */
export interface RuleKind<R extends RuleBase = RuleBase> {
  readonly kind: string;
  /** schema of the whole rule, `kind` a literal */
  readonly schema: z.ZodMiniType<R>;
  /** the outcome kind the rule consumes when the core does not know it */
  readonly outcome?: OutcomeKind;
  /** false: the rule earns certificates, never grants credits (双证融通) */
  readonly grants?: boolean;
  /** true: `program` may be left out */
  readonly programOptional?: boolean;
  /** catalog references to check; `target: true` courses must be in the rule's program */
  references?(rule: R): RuleReference[];
  /** every application of the rule to the learner's outcomes, or why there is none */
  candidates(rule: R, context: CandidateContext): RuleProposal[];
}

/** A rule kind of any rule type (the built-ins and plugins together). */
export type AnyRuleKind = RuleKind<RuleBase>;

/** Declares a rule kind that the validator and the optimiser treat like the built-ins. */
export function defineRuleKind<R extends RuleBase>(definition: RuleKind<R>): RuleKind<R> {
  if (!definition.kind) throw new TypeError('defineRuleKind: kind is required');
  if (BUILTIN_KIND_NAMES.includes(definition.kind)) {
    throw new TypeError(`defineRuleKind: "${definition.kind}" is a built-in rule kind`);
  }
  return Object.freeze({ ...definition });
}

const DEFAULT_MIN_SCORE = 60;

/** Does a course outcome pass `minScore` (spec §1)? A score decides; else `passed: true`. */
export function passes(course: CourseOutcome['course'], minScore = DEFAULT_MIN_SCORE): boolean {
  return course.score !== undefined ? course.score >= minScore : course.passed === true;
}

/** Sums hours exactly. */
export function sumHours(outcomes: readonly NonformalOutcome[]): Ratio {
  return outcomes.reduce<Ratio>((sum, o) => addRatio(sum, ratio(o.nonformal.hours)), {
    n: 0n,
    d: 1n,
  });
}

/** floorToHalf(hours ÷ hoursPerCredit), in halves. */
export function hoursToHalves(hours: Ratio, hoursPerCredit: number): number {
  const per = ratio(hoursPerCredit);
  return floorHalves({ n: hours.n * per.d, d: hours.d * per.n });
}

const isCertificate = (o: Outcome): o is CertificateOutcome => o.kind === 'certificate';
const isCourse = (o: Outcome): o is CourseOutcome => o.kind === 'course';
const isNonformal = (o: Outcome): o is NonformalOutcome => o.kind === 'nonformal';

/** 课程置换 course substitution. */
export const substitution: RuleKind<SubstitutionRule> = {
  kind: 'substitution',
  schema: SubstitutionRule,
  references: (rule) => [
    { path: ['certificate'], type: 'certificate', id: rule.certificate },
    ...(rule.minLevel === undefined
      ? []
      : [
          {
            path: ['minLevel'],
            type: 'level' as const,
            certificate: rule.certificate,
            level: rule.minLevel,
          },
        ]),
    ...rule.courses.map((code, i) => ({
      path: ['courses', i],
      type: 'course' as const,
      code,
      target: true,
    })),
  ],
  candidates(rule, ctx) {
    const min = rule.minLevel === undefined ? 0 : ctx.levelRank(rule.certificate, rule.minLevel);
    const out: RuleProposal[] = [];
    for (const o of ctx.usable) {
      if (!isCertificate(o) || o.certificate.id !== rule.certificate) continue;
      const rank = ctx.levelRank(o.certificate.id, o.certificate.level);
      if (rank < min) {
        out.push({
          miss: {
            code: 'rule-level-too-low',
            outcome: o.id,
            params: { level: o.certificate.level, minLevel: rule.minLevel ?? '' },
          },
        });
      } else if (ctx.isConsumed(o.id)) {
        out.push({ miss: { code: 'rule-outcome-consumed', outcome: o.id } });
      } else {
        out.push({ application: { outcomes: [o], courses: rule.courses } });
      }
    }
    return out;
  },
};

/** 学分互认 / 外校课程认定 / 自考免考 recognition. */
export const recognition: RuleKind<RecognitionRule> = {
  kind: 'recognition',
  schema: RecognitionRule,
  references: (rule) => [
    { path: ['from', 'institution'], type: 'institution', id: rule.from.institution },
    { path: ['from', 'course'], type: 'course', code: rule.from.course },
    { path: ['to'], type: 'course', code: rule.to, target: true },
  ],
  candidates(rule, ctx) {
    const out: RuleProposal[] = [];
    for (const o of ctx.usable) {
      if (
        !isCourse(o) ||
        o.course.institution !== rule.from.institution ||
        o.course.code !== rule.from.course
      ) {
        continue;
      }
      const minScore = rule.minScore ?? DEFAULT_MIN_SCORE;
      if (!passes(o.course, minScore)) {
        out.push({
          miss: {
            code: 'rule-score-too-low',
            outcome: o.id,
            params: { score: o.course.score ?? '—', minScore },
          },
        });
      } else if (toHalves(o.course.credits) < toHalves(rule.minCredits ?? 0)) {
        out.push({
          miss: {
            code: 'rule-credits-too-low',
            outcome: o.id,
            params: { credits: o.course.credits, minCredits: rule.minCredits ?? 0 },
          },
        });
      } else if (ctx.isConsumed(o.id)) {
        out.push({ miss: { code: 'rule-outcome-consumed', outcome: o.id } });
      } else {
        out.push({ application: { outcomes: [o], courses: [rule.to] } });
      }
    }
    return out;
  },
};

/** 非学历成果转换 non-formal learning. */
export const nonformal: RuleKind<NonformalRule> = {
  kind: 'nonformal',
  schema: NonformalRule,
  references: (rule) =>
    rule.to === undefined ? [] : [{ path: ['to'], type: 'course', code: rule.to, target: true }],
  candidates(rule, ctx) {
    const matching = ctx.usable.filter(
      (o): o is NonformalOutcome => isNonformal(o) && o.nonformal.category === rule.category,
    );
    if (matching.length === 0) return [];
    const free = matching.filter((o) => !ctx.isConsumed(o.id));
    if (free.length === 0) {
      return matching.map((o) => ({ miss: { code: 'rule-outcome-consumed', outcome: o.id } }));
    }
    const hours = sumHours(free);
    const halves = hoursToHalves(hours, rule.hoursPerCredit);
    const total = Number(hours.n) / Number(hours.d);
    const minHours = ratio(rule.minHours ?? 0);
    const enoughHours = hours.n * minHours.d >= minHours.n * hours.d;
    const miss = (code: string, params: RuleMiss['params'] = {}): RuleProposal[] => [
      { miss: { code, outcome: free[0]?.id ?? '', params: { hours: total, ...params } } },
    ];
    if (!enoughHours) return miss('rule-hours-too-low', { minHours: rule.minHours ?? 0 });
    const display = (n: number) => Math.round(n * 100) / 100;
    if (rule.to !== undefined) {
      const credits = ctx.course(rule.to)?.credits ?? 0;
      if (halves < toHalves(credits)) {
        return miss('rule-hours-too-low', { minHours: display(credits * rule.hoursPerCredit) });
      }
      return [{ application: { outcomes: free, courses: [rule.to] } }];
    }
    if (halves === 0)
      return miss('rule-hours-too-low', { minHours: display(rule.hoursPerCredit / 2) });
    let max = halves;
    if (rule.maxCredits !== undefined) max = Math.min(max, toHalves(rule.maxCredits));
    if (ctx.program.maxNonformalCredits !== undefined) {
      max = Math.min(max, toHalves(ctx.program.maxNonformalCredits));
    }
    // a grant cut to zero by a cap is not made
    if (max === 0) return miss('not-chosen-cap');
    return [
      {
        application: {
          outcomes: free,
          courses: [],
          electiveCredits: max / 2,
          convertedCredits: halves / 2,
        },
      },
    ];
  },
};

/** 双证融通 dual-certificate integration: earns a certificate, grants no credits. */
export const dualCertificate: RuleKind<DualCertificateRule> = {
  kind: 'dual-certificate',
  schema: DualCertificateRule,
  grants: false,
  programOptional: true,
  references: (rule) => [
    { path: ['certificate'], type: 'certificate', id: rule.certificate },
    { path: ['level'], type: 'level', certificate: rule.certificate, level: rule.level },
    ...rule.courses.map((code, i) => ({ path: ['courses', i], type: 'course' as const, code })),
  ],
  candidates: () => [],
};

/** Is the dual-certificate rule's every course passed by a usable outcome? */
export function dualCertificateEarned(rule: DualCertificateRule, ctx: CandidateContext): boolean {
  return rule.courses.every((code) => {
    const course = ctx.course(code);
    return (
      course !== undefined &&
      ctx.usable.some(
        (o) =>
          isCourse(o) &&
          o.course.institution === course.institution &&
          o.course.code === code &&
          passes(o.course, rule.minScore ?? DEFAULT_MIN_SCORE),
      )
    );
  });
}

/** The built-in kinds, in spec order. */
export const BUILTIN_KINDS: readonly AnyRuleKind[] = [
  substitution,
  recognition,
  nonformal,
  dualCertificate,
] as unknown as AnyRuleKind[];

const BUILTIN_KIND_NAMES = ['substitution', 'recognition', 'nonformal', 'dual-certificate'];
