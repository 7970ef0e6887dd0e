/**
 * zod schemas of the credit-bank domain (spec §2, §5–§7) and the TypeScript types inferred
 * from them. Built on `zod/mini` so a widget that validates with them stays small.
 *
 * The schemas check shapes and number ranges; references between records (an unknown
 * course, a level a certificate does not list) are checked by `validateRuleset`.
 */
import * as z from 'zod/mini';
import { isHalfMultiple } from './numbers.js';

const describe = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

/**
 * The largest number a rule pack or a learner may give (credits, hours, money): far beyond any
 * real record, and small enough that every sum and product stays exact.
 */
export const MAX_NUMBER = 1_000_000_000;

const tooLarge = (value: unknown): value is number =>
  typeof value === 'number' && value > MAX_NUMBER;
const aboveMax = (value: unknown) =>
  `${describe(value)} is above the largest accepted, ${MAX_NUMBER}`;

/** Credits: a non-negative multiple of 0.5 (at most MAX_NUMBER). */
export const Credits = /* @__PURE__ */ z.number().check(
  z.refine((v: number) => isHalfMultiple(v) && v <= MAX_NUMBER, {
    error: (issue) =>
      tooLarge(issue.input)
        ? `credits ${describe(issue.input)} are above the largest accepted, ${MAX_NUMBER}`
        : typeof issue.input !== 'number' || issue.input >= 0
          ? `credits ${describe(issue.input)} are not a multiple of 0.5`
          : Number.isInteger(issue.input * 2)
            ? `credits ${describe(issue.input)} are negative`
            : `credits ${describe(issue.input)} are negative and not a multiple of 0.5`,
  }),
);

/** Credits a result adds up: a non-negative multiple of 0.5, without the input's upper bound. */
export const CreditTotal = /* @__PURE__ */ z.number().check(
  z.refine((v: number) => isHalfMultiple(v), {
    error: (issue) => `credits ${describe(issue.input)} are not a multiple of 0.5`,
  }),
);

/** A score on the 0–100 scale. */
export const Score = /* @__PURE__ */ z.number().check(
  z.refine((v: number) => v >= 0 && v <= 100, {
    error: (issue) => `score ${describe(issue.input)} is outside 0..100`,
  }),
);

/** A share of a program, 0..1. */
export const Share = /* @__PURE__ */ z.number().check(
  z.refine((v: number) => v >= 0 && v <= 1, {
    error: (issue) => `share ${describe(issue.input)} is outside 0..1`,
  }),
);

/** A non-negative finite number (hours, money), at most MAX_NUMBER. */
export const NonNegative = /* @__PURE__ */ z.number().check(
  z.refine((v: number) => v >= 0 && v <= MAX_NUMBER, {
    error: (issue) =>
      tooLarge(issue.input) ? aboveMax(issue.input) : `${describe(issue.input)} is negative`,
  }),
);

/** A strictly positive number (hours per credit), at most MAX_NUMBER. */
export const Positive = /* @__PURE__ */ z.number().check(
  z.refine((v: number) => v > 0 && v <= MAX_NUMBER, {
    error: (issue) =>
      tooLarge(issue.input)
        ? aboveMax(issue.input)
        : `${describe(issue.input)} is not greater than 0`,
  }),
);

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = /* @__PURE__ */ z.string().check(
  z.refine(isIsoDate, {
    error: (issue) => `expected a date YYYY-MM-DD, got ${describe(issue.input)}`,
  }),
);

/** A non-empty identifier. */
export const Id = /* @__PURE__ */ z
  .string()
  .check(z.minLength(1, 'must not be empty'), z.maxLength(200));

export const INSTITUTION_KINDS = [
  'open-university',
  'university',
  'vocational-college',
  'self-study-exam',
  'training-org',
  'enterprise',
] as const;

export const Institution = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
});
export type Institution = z.infer<typeof Institution>;

export const CERTIFICATE_CATEGORIES = [
  'qualification-entry',
  'qualification-level',
  'skill-level',
  'industry',
  'enterprise',
  'professional-training',
  'co-branded',
] as const;
export type CertificateCategory = (typeof CERTIFICATE_CATEGORIES)[number];

/**
 * A name people read, in the widgets' languages: `zh-CN` (the rule pack's own language) and,
 * when the rule pack gives one, `en`.
 */
export const DisplayName = /* @__PURE__ */ z.object({
  'zh-CN': /* @__PURE__ */ z.string().check(z.minLength(1)),
  en: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1))),
});
export type DisplayName = z.infer<typeof DisplayName>;

/**
 * A certificate of the catalog; `levels` are ordered low to high. `levelNames` (an extension
 * of spec §2, optional) names levels for people: `{ "grade-1": { "zh-CN": "一级", "en": "Grade 1" } }`.
 */
export const Certificate = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  category: z.enum(CERTIFICATE_CATEGORIES),
  levels: /* @__PURE__ */ z.array(Id).check(z.minLength(1, 'expected at least 1 level')),
  issuer: z.optional(z.string()),
  creditValue: z.optional(z.record(z.string(), Credits)),
  levelNames: z.optional(z.record(z.string(), DisplayName)),
});
export type Certificate = z.infer<typeof Certificate>;

/** A course of the catalog (the course supermarket lists these). */
export const Course = /* @__PURE__ */ z.object({
  code: Id,
  institution: Id,
  title: z.string(),
  credits: Credits,
  frameworkLevel: z.optional(z.number()),
  provider: z.optional(z.string()),
  mode: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
});
export type Course = z.infer<typeof Course>;

export const Program = /* @__PURE__ */ z.object({
  id: Id,
  institution: Id,
  name: z.string(),
  totalCredits: Credits,
  courses: z.array(Id),
  requiredCourses: z.array(Id),
  minCertificates: z.optional(/* @__PURE__ */ z.int().check(z.minimum(0, 'must not be negative'))),
  certificateOptions: z.optional(z.array(Id)),
  maxTransferShare: z.optional(Share),
  maxNonformalCredits: z.optional(Credits),
  /** practical components (毕业设计…): no grant may target them */
  nonTransferable: z.optional(z.array(Id)),
});
export type Program = z.infer<typeof Program>;

/** Fees a grant saves (spec §5 step 6); a field left out takes its no-fees default. */
export const Fees = /* @__PURE__ */ z.object({
  /** default 0 */
  perCredit: z.optional(NonNegative),
  /** default 0 */
  perExam: z.optional(NonNegative),
  /** default `CNY` */
  currency: z.optional(z.string()),
});
export type Fees = z.infer<typeof Fees>;

export const Tier = /* @__PURE__ */ z.object({ name: z.string(), minPoints: NonNegative });
export type Tier = z.infer<typeof Tier>;

export const PointsConfig = /* @__PURE__ */ z.object({
  perCredit: z.optional(NonNegative),
  hoursPerCredit: z.optional(Positive),
  tiers: z.optional(z.array(Tier)),
});
export type PointsConfig = z.infer<typeof PointsConfig>;

/** Fields every rule has, whatever its kind. */
export const RuleBase = /* @__PURE__ */ z.object({
  id: Id,
  kind: z.string(),
  program: z.optional(Id),
  priority: z.optional(z.number()),
  group: z.optional(Id),
});
export type RuleBase = z.infer<typeof RuleBase>;

/** 课程置换 course substitution: a held certificate replaces courses. */
export const SubstitutionRule = /* @__PURE__ */ z.extend(RuleBase, {
  kind: z.literal('substitution'),
  program: Id,
  certificate: Id,
  minLevel: z.optional(Id),
  courses: /* @__PURE__ */ z.array(Id).check(z.minLength(1, 'expected at least 1 course')),
});
export type SubstitutionRule = z.infer<typeof SubstitutionRule>;

/** 学分互认 / 外校课程认定 / 自考免考 recognition of a course taken elsewhere. */
export const RecognitionRule = /* @__PURE__ */ z.extend(RuleBase, {
  kind: z.literal('recognition'),
  program: Id,
  from: z.object({ institution: Id, course: Id }),
  to: Id,
  minScore: z.optional(Score),
  minCredits: z.optional(Credits),
});
export type RecognitionRule = z.infer<typeof RecognitionRule>;

export const NONFORMAL_CATEGORIES = [
  'work-experience',
  'training',
  'online-learning',
  'internship',
  'volunteering',
  'innovation',
  'research',
] as const;
export type NonformalCategory = (typeof NONFORMAL_CATEGORIES)[number];

/** 非学历成果转换 conversion of non-formal learning hours. */
export const NonformalRule = /* @__PURE__ */ z.extend(RuleBase, {
  kind: z.literal('nonformal'),
  program: Id,
  category: z.enum(NONFORMAL_CATEGORIES),
  hoursPerCredit: Positive,
  minHours: z.optional(NonNegative),
  maxCredits: z.optional(Credits),
  to: z.optional(Id),
});
export type NonformalRule = z.infer<typeof NonformalRule>;

/** 双证融通 dual-certificate integration: passing shared courses earns a certificate. */
export const DualCertificateRule = /* @__PURE__ */ z.extend(RuleBase, {
  kind: z.literal('dual-certificate'),
  certificate: Id,
  level: Id,
  courses: /* @__PURE__ */ z.array(Id).check(z.minLength(1, 'expected at least 1 course')),
  minScore: z.optional(Score),
});
export type DualCertificateRule = z.infer<typeof DualCertificateRule>;

export type BuiltinRule = SubstitutionRule | RecognitionRule | NonformalRule | DualCertificateRule;

/** A rule of any kind: the built-ins, or a kind added with `defineRuleKind`. */
export type Rule = BuiltinRule | (RuleBase & Record<string, unknown>);

export const OUTCOME_STATUSES = ['verified', 'pending', 'revoked'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const OutcomeBase = /* @__PURE__ */ z.object({
  id: Id,
  kind: z.string(),
  status: z.enum(OUTCOME_STATUSES),
  earnedOn: IsoDate,
  expiresOn: z.optional(IsoDate),
});
export type OutcomeBase = z.infer<typeof OutcomeBase>;

export const CourseOutcome = /* @__PURE__ */ z.extend(OutcomeBase, {
  kind: z.literal('course'),
  course: z.object({
    institution: Id,
    code: Id,
    credits: Credits,
    score: z.optional(Score),
    passed: z.optional(z.boolean()),
  }),
});
export type CourseOutcome = z.infer<typeof CourseOutcome>;

export const CertificateOutcome = /* @__PURE__ */ z.extend(OutcomeBase, {
  kind: z.literal('certificate'),
  certificate: z.object({ id: Id, level: Id, number: z.optional(z.string()) }),
});
export type CertificateOutcome = z.infer<typeof CertificateOutcome>;

export const NonformalOutcome = /* @__PURE__ */ z.extend(OutcomeBase, {
  kind: z.literal('nonformal'),
  nonformal: z.object({ category: z.enum(NONFORMAL_CATEGORIES), hours: NonNegative }),
});
export type NonformalOutcome = z.infer<typeof NonformalOutcome>;

export type BuiltinOutcome = CourseOutcome | CertificateOutcome | NonformalOutcome;

/** A learning outcome (学习成果) of the archive: a course, a certificate, non-formal hours. */
export type Outcome = BuiltinOutcome | (OutcomeBase & Record<string, unknown>);

/** A grant already written to the ledger (spec §5 step 0). */
export const AppliedGrant = /* @__PURE__ */ z.object({
  program: Id,
  rule: Id,
  outcomes: z.array(Id),
  courses: z.array(Id),
  credits: Credits,
});
export type AppliedGrant = z.infer<typeof AppliedGrant>;

export interface Ruleset {
  id: string;
  version: string;
  fees?: Fees | undefined;
  points?: PointsConfig | undefined;
  institutions: Institution[];
  certificates: Certificate[];
  courses: Course[];
  programs: Program[];
  rules: Rule[];
}

export interface Learner {
  id: string;
  outcomes: Outcome[];
  applied?: AppliedGrant[] | undefined;
}

export const Query = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), program: Id }),
  z.object({ kind: z.literal('balance') }),
]);
export type Query = z.infer<typeof Query>;

export const REJECTION_REASONS = ['revoked', 'unverified', 'future', 'expired'] as const;
/** Why an outcome is not usable (spec §3). */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const Rejection = /* @__PURE__ */ z.object({
  outcome: Id,
  reason: z.enum(REJECTION_REASONS),
});
export type Rejection = z.infer<typeof Rejection>;

/** A message in both supported locales. */
export const Message = /* @__PURE__ */ z.object({ 'zh-CN': z.string(), en: z.string() });
export type Message = z.infer<typeof Message>;

export const EXPLANATION_CODES = [
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
] as const;
/** Stable explanation codes (spec §5); new ones may be added, none renamed. */
export type ExplanationCode = (typeof EXPLANATION_CODES)[number];

export const ExplanationStep = /* @__PURE__ */ z.object({
  code: z.string(),
  rule: z.optional(z.string()),
  outcome: z.optional(z.string()),
  course: z.optional(z.string()),
  message: Message,
});
export type ExplanationStep = z.infer<typeof ExplanationStep>;

export const Grant = /* @__PURE__ */ z.object({
  rule: Id,
  kind: z.string(),
  outcomes: z.array(Id),
  courses: z.array(Id),
  credits: CreditTotal,
  applied: z.boolean(),
});
export type Grant = z.infer<typeof Grant>;

export const MissingItem = /* @__PURE__ */ z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('credits'), credits: Credits }),
  z.object({ reason: z.literal('course'), course: Id }),
  z.object({ reason: z.literal('certificates'), needed: z.number() }),
]);
export type MissingItem = z.infer<typeof MissingItem>;

export const Savings = /* @__PURE__ */ z.object({
  credits: CreditTotal,
  exams: z.number(),
  amount: z.number(),
  currency: z.string(),
});
export type Savings = z.infer<typeof Savings>;

/** The answer of `plan` (spec §5). */
export const PlanResult = /* @__PURE__ */ z.object({
  program: Id,
  asOf: IsoDate,
  earnedCredits: CreditTotal,
  transferredCredits: CreditTotal,
  transferCap: z.nullable(CreditTotal),
  totalCredits: CreditTotal,
  remainingCredits: CreditTotal,
  grants: z.array(Grant),
  certificatesHeld: z.array(z.object({ certificate: Id, level: Id, outcome: Id })),
  certificatesEarned: z.array(z.object({ certificate: Id, level: Id, rule: Id })),
  graduation: z.object({ eligible: z.boolean(), missing: z.array(MissingItem) }),
  rejected: z.array(Rejection),
  savings: Savings,
  explanation: z.array(ExplanationStep),
});
export type PlanResult = z.infer<typeof PlanResult>;

/** The answer of `balance` (spec §6). */
export const BalanceResult = /* @__PURE__ */ z.object({
  asOf: IsoDate,
  usableOutcomes: z.number(),
  rejected: z.array(Rejection),
  credits: z.object({
    course: CreditTotal,
    certificate: CreditTotal,
    nonformal: CreditTotal,
    total: CreditTotal,
  }),
  byKind: z.object({ course: z.number(), certificate: z.number(), nonformal: z.number() }),
  points: z.object({
    total: z.number(),
    tier: z.nullable(z.string()),
    nextTier: z.nullable(z.string()),
    toNextTier: z.nullable(z.number()),
  }),
});
export type BalanceResult = z.infer<typeof BalanceResult>;
