/**
 * @creditbank/core — the credit bank (学分银行) rule library: domain schemas, certification
 * (认证), accumulation (积累) and transfer (转换) per spec v1. Pure functions: no DOM, no
 * network, no clock.
 */
export { balance } from './balance.js';
export { certify, certifyAll } from './certify.js';
export {
  BUILTIN_KINDS,
  defineRuleKind,
  dualCertificate,
  nonformal,
  passes,
  recognition,
  substitution,
} from './kinds.js';
export { explain } from './messages.js';
export { dotGap, joinDot, levelName, NONFORMAL_NAMES, type Language } from './names.js';
export { compareIds } from './numbers.js';
export { plan } from './plan.js';
export { evaluateScenario } from './scenario.js';
export {
  AppliedGrant,
  BalanceResult,
  Certificate,
  CertificateOutcome,
  CERTIFICATE_CATEGORIES,
  Course,
  CourseOutcome,
  CreditTotal,
  Credits,
  DisplayName,
  DualCertificateRule,
  EXPLANATION_CODES,
  ExplanationStep,
  Fees,
  Grant,
  Id,
  INSTITUTION_KINDS,
  Institution,
  MAX_NUMBER,
  IsoDate,
  Message,
  MissingItem,
  NONFORMAL_CATEGORIES,
  NonformalOutcome,
  NonformalRule,
  NonNegative,
  OUTCOME_STATUSES,
  OutcomeBase,
  PlanResult,
  PointsConfig,
  Positive,
  Program,
  Query,
  RecognitionRule,
  Rejection,
  REJECTION_REASONS,
  RuleBase,
  Savings,
  Score,
  Share,
  SubstitutionRule,
  Tier,
} from './schemas.js';
export { schemasFor, kindTable } from './registry.js';
export { describeZodIssues, formatPath } from './issues.js';
export {
  CreditBankRuleError,
  formatIssue,
  validateLearner,
  validateRuleset,
  validateScenario,
} from './validate.js';
export type {
  AnyRuleKind,
  CandidateContext,
  OutcomeKind,
  PathSegment,
  RuleApplication,
  RuleKind,
  RuleMiss,
  RuleProposal,
  RuleReference,
} from './kinds.js';
export type { EngineOptions } from './registry.js';
export type { Evaluation, ScenarioResult } from './scenario.js';
export type {
  BuiltinOutcome,
  BuiltinRule,
  CertificateCategory,
  ExplanationCode,
  Learner,
  NonformalCategory,
  Outcome,
  OutcomeStatus,
  RejectionReason,
  Rule,
  Ruleset,
} from './schemas.js';
export type { Scenario, Validation, ValidationIssue } from './validate.js';
