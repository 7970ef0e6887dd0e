/**
 * Wire schemas of the credit-bank HTTP API (`/v1`): what the reference server sends and what
 * the client SDK checks every response against. One definition for both sides.
 *
 * Import from `@creditbank/core/api`.
 */
import * as z from 'zod/mini';
import {
  AppliedGrant,
  type BuiltinOutcome,
  BalanceResult,
  Certificate,
  Course,
  Credits,
  DisplayName,
  Grant,
  Id,
  IsoDate,
  NonNegative,
  OUTCOME_STATUSES,
  PlanResult,
  Program,
  RuleBase,
} from './schemas.js';

export const ROLES = ['learner', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A field error of a problem response. */
export const FieldError = /* @__PURE__ */ z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with a stable `code` and field errors for bad input. */
export const Problem = /* @__PURE__ */ z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;

/** Stable problem codes. */
export const PROBLEM_CODES = [
  'bad_request',
  'invalid_json',
  'unsupported_media_type',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'outcome_consumed',
  'idempotency_key_required',
  'idempotency_key_reused',
  'payload_too_large',
  'rate_limited',
  'fault_injected',
  'internal',
  'unavailable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const Tenant = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['training-org', 'enterprise', 'course-platform']),
});
export type Tenant = z.infer<typeof Tenant>;

/** 终身学习账户 a lifelong learning account. */
export const LearnerAccount = /* @__PURE__ */ z.object({
  id: Id,
  tenant: Id,
  displayName: z.string(),
  openedOn: IsoDate,
  /** employee number, student number… as the tenant knows the learner */
  externalRef: z.optional(z.nullable(z.string())),
});
export type LearnerAccount = z.infer<typeof LearnerAccount>;

/** A row of a staff listing: the account with its headline numbers. */
export const LearnerSummary = /* @__PURE__ */ z.extend(LearnerAccount, {
  bankedCredits: Credits,
  points: z.number(),
  tier: z.nullable(z.string()),
  certificates: z.array(
    z.object({ id: Id, name: z.string(), level: Id, levelName: z.optional(DisplayName) }),
  ),
});
export type LearnerSummary = z.infer<typeof LearnerSummary>;

export const OpenAccountRequest = /* @__PURE__ */ z.object({
  id: z.optional(Id),
  displayName: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100)),
  externalRef: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
});
export type OpenAccountRequest = z.infer<typeof OpenAccountRequest>;

/** Evidence attached to an outcome (a file reference, a link, an issuer's record). */
export const Evidence = /* @__PURE__ */ z.object({
  kind: z.enum(['document', 'link', 'record']),
  label: /* @__PURE__ */ z.string().check(z.maxLength(200)),
  url: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(2000))),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * An outcome of the learning archive (档案): the core outcome plus archive fields.
 * `outcome` is the core record (spec §2) the rules evaluate.
 */
export const ArchiveEntry = /* @__PURE__ */ z.object({
  outcome: z.looseObject({
    id: Id,
    kind: z.string(),
    status: z.enum(OUTCOME_STATUSES),
    earnedOn: IsoDate,
    expiresOn: z.optional(IsoDate),
  }),
  title: z.string(),
  /**
   * the title in both languages, when the archive built it from the outcome (the depositor
   * gave none): `Web 前端开发 · 中级` / `Web 前端开发 · Intermediate`
   */
  titles: z.optional(DisplayName),
  issuer: z.optional(z.nullable(z.string())),
  evidence: z.array(Evidence),
  depositedAt: z.string(),
  verifiedAt: z.optional(z.nullable(z.string())),
  revokedAt: z.optional(z.nullable(z.string())),
  revokedReason: z.optional(z.nullable(z.string())),
});
export type ArchiveEntry = z.infer<typeof ArchiveEntry>;

/** Deposit of a new outcome: the core outcome without `status` (always `pending`). */
export const DepositRequest = /* @__PURE__ */ z.object({
  outcome: z.looseObject({ id: z.optional(Id), kind: z.string() }),
  title: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
  issuer: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
  evidence: z.optional(/* @__PURE__ */ z.array(Evidence).check(z.maxLength(20))),
});
type WithoutStatus<O> = O extends unknown ? Omit<O, 'status' | 'id'> & { id?: string } : never;
/**
 * The outcome of a deposit, typed: a built-in outcome (course, certificate, non-formal) without
 * `status`, `id` optional. (The wire accepts any `kind` a server's rule-kind plugins know; a
 * plugin's outcome is passed with a cast.)
 */
export type DepositOutcome = WithoutStatus<BuiltinOutcome>;
export type DepositRequest = Omit<z.infer<typeof DepositRequest>, 'outcome'> & {
  outcome: DepositOutcome;
};

export const RevokeRequest = /* @__PURE__ */ z.object({
  reason: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(500)),
});
export type RevokeRequest = z.infer<typeof RevokeRequest>;

/** An append-only ledger entry: every credit movement; never updated or deleted. */
export const LedgerEntry = /* @__PURE__ */ z.object({
  id: Id,
  learner: Id,
  at: z.string(),
  type: z.enum(['grant', 'reversal']),
  transfer: Id,
  program: Id,
  rule: Id,
  outcomes: z.array(Id),
  courses: z.array(Id),
  /** the catalog titles of `courses`, in their order (ledger listings give them) */
  courseTitles: z.optional(z.array(z.string())),
  /** the kind of `rule` (`substitution`, `recognition`…; ledger listings give it) */
  ruleKind: z.optional(z.string()),
  /** positive for a grant, negative for a reversal */
  credits: z.number(),
  /** the entry a reversal cancels */
  reverses: z.optional(z.nullable(Id)),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A page of a cursor-paginated listing. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.optional(z.number()),
  });

export const LedgerPage = /* @__PURE__ */ page(LedgerEntry);
export type LedgerPage = z.infer<typeof LedgerPage>;
export const LearnerPage = /* @__PURE__ */ page(LearnerSummary);
export type LearnerPage = z.infer<typeof LearnerPage>;
/**
 * The learning archive. `asOf` is the server's date when it answered (statuses such as expired
 * are decided on it); optional so that a reader of an older server still parses the list.
 */
export const ArchiveList = /* @__PURE__ */ z.object({
  asOf: z.optional(IsoDate),
  items: z.array(ArchiveEntry),
  /** certificate id → level → display name, for the certificates of `items` the catalog names */
  levelNames: z.optional(z.record(z.string(), z.record(z.string(), DisplayName))),
});
export type ArchiveList = z.infer<typeof ArchiveList>;

/** A course of the course supermarket (课程超市): a catalog course with its offer. */
export const CatalogCourse = /* @__PURE__ */ z.extend(Course, {
  fee: NonNegative,
  providerName: z.optional(z.string()),
});
export type CatalogCourse = z.infer<typeof CatalogCourse>;

/** A facet value with its count; `label` is its display name where the value is an id. */
export const FacetBucket = /* @__PURE__ */ z.object({
  value: z.string(),
  count: z.number(),
  label: z.optional(z.string()),
});
export type FacetBucket = z.infer<typeof FacetBucket>;

export const COURSE_SORTS = [
  'relevance',
  'title',
  'credits-asc',
  'credits-desc',
  'fee-asc',
  'fee-desc',
] as const;
export type CourseSort = (typeof COURSE_SORTS)[number];

export const CoursePage = /* @__PURE__ */ z.object({
  items: z.array(CatalogCourse),
  nextCursor: z.nullable(z.string()),
  total: z.number(),
  facets: z.object({
    provider: z.array(FacetBucket),
    credits: z.array(FacetBucket),
    level: z.array(FacetBucket),
    mode: z.array(FacetBucket),
    fee: z.array(FacetBucket),
  }),
});
export type CoursePage = z.infer<typeof CoursePage>;

/** Course search: every field optional; fee range buckets are `0-0`, `1-200`, `201-500`, `501-` */
export interface CourseQuery {
  q?: string;
  provider?: string;
  credits?: number;
  level?: number;
  mode?: string;
  fee?: string;
  sort?: CourseSort;
  cursor?: string;
  limit?: number;
}

export const CertificatePage = /* @__PURE__ */ page(Certificate);
export type CertificatePage = z.infer<typeof CertificatePage>;

export interface CertificateQuery {
  q?: string;
  category?: string;
  level?: string;
  issuer?: string;
  cursor?: string;
  limit?: number;
}

export const ProgramList = /* @__PURE__ */ z.object({ items: z.array(Program) });
export type ProgramList = z.infer<typeof ProgramList>;
export const RuleList = /* @__PURE__ */ z.object({ items: z.array(z.looseObject(RuleBase.shape)) });
export type RuleList = z.infer<typeof RuleList>;

/** Transfer preview: the plan of the learner's archive, optionally with what-if outcomes. */
export const PreviewRequest = /* @__PURE__ */ z.object({
  program: Id,
  asOf: z.optional(IsoDate),
  /** hypothetical outcomes (always treated as verified), not stored */
  whatIf: z.optional(
    /* @__PURE__ */ z.array(z.looseObject({ id: Id, kind: z.string() })).check(z.maxLength(50)),
  ),
});
export type PreviewRequest = z.infer<typeof PreviewRequest>;

export const ApplyRequest = /* @__PURE__ */ z.object({ program: Id, asOf: z.optional(IsoDate) });
export type ApplyRequest = z.infer<typeof ApplyRequest>;

/** The server's authoritative result of an apply. */
export const TransferResult = /* @__PURE__ */ z.object({
  transfer: z.object({
    id: Id,
    learner: Id,
    program: Id,
    createdAt: z.string(),
    grants: z.array(Grant),
  }),
  plan: PlanResult,
  ledger: z.array(LedgerEntry),
});
export type TransferResult = z.infer<typeof TransferResult>;

/** Public certificate verification (no token): only what may be shown. */
export const CertificateVerification = /* @__PURE__ */ z.object({
  number: z.string(),
  holder: z.string(),
  certificate: z.object({ id: Id, name: z.string(), category: z.string() }),
  level: Id,
  /** the level's display name, when the catalog gives one */
  levelName: z.optional(DisplayName),
  status: z.enum(['valid', 'expired', 'revoked', 'pending']),
  earnedOn: IsoDate,
  expiresOn: z.nullable(IsoDate),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const TokenRequest = /* @__PURE__ */ z.object({
  tenant: Id,
  role: z.enum(ROLES),
  learner: z.optional(Id),
  ttlSeconds: z.optional(/* @__PURE__ */ z.number().check(z.minimum(1), z.maximum(86400))),
});
export type TokenRequest = z.infer<typeof TokenRequest>;
export const TokenResponse = /* @__PURE__ */ z.object({ token: z.string(), expiresAt: z.string() });
export type TokenResponse = z.infer<typeof TokenResponse>;

/** A fault rule for tests and demos (refused in production mode). */
export const FaultRule = /* @__PURE__ */ z.object({
  /** route pattern: method and path with `*` wildcards, e.g. `GET /v1/learners/*\/balance` */
  route: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200)),
  delayMs: z.optional(/* @__PURE__ */ z.number().check(z.minimum(0), z.maximum(60000))),
  status: z.optional(/* @__PURE__ */ z.number().check(z.minimum(400), z.maximum(599))),
  rate: z.optional(/* @__PURE__ */ z.number().check(z.minimum(0), z.maximum(1))),
  /** how many requests it still applies to (default: until cleared) */
  times: z.optional(/* @__PURE__ */ z.int().check(z.minimum(1))),
});
export type FaultRule = z.infer<typeof FaultRule>;

/** Scenario export (spec §7) for a learner and program, without `expected`. */
export const ScenarioExport = /* @__PURE__ */ z.object({
  asOf: IsoDate,
  ruleset: z.looseObject({ id: Id, version: z.string() }),
  learner: z.looseObject({
    id: Id,
    outcomes: z.array(z.looseObject({ id: Id })),
    applied: z.optional(z.array(AppliedGrant)),
  }),
  query: z.looseObject({ kind: z.string() }),
});
export type ScenarioExport = z.infer<typeof ScenarioExport>;

export const Health = /* @__PURE__ */ z.object({
  status: z.literal('ok'),
  database: z.string(),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

export { BalanceResult, PlanResult };
