/**
 * One descriptor per endpoint of the API contract (`packages/server/API.md`): method, path,
 * query, body and the shared schema its answer must match. `createClient` builds its methods
 * from these; a widget that needs two endpoints imports those two and sends them with
 * `client.request(call)`, so its bundle carries only their schemas.
 */
import { Program, type Ruleset } from '@creditbank/core';
import {
  ArchiveEntry,
  ArchiveList,
  BalanceResult,
  CertificatePage,
  CertificateVerification,
  CoursePage,
  Health,
  LearnerAccount,
  LearnerPage,
  LedgerPage,
  PlanResult,
  ProgramList,
  RuleList,
  ScenarioExport,
  TokenResponse,
  TransferResult,
  type ApplyRequest,
  type CertificateQuery,
  type CourseQuery,
  type DepositRequest,
  type FaultRule,
  type OpenAccountRequest,
  type PreviewRequest,
  type RevokeRequest,
  type TokenRequest,
} from '@creditbank/core/api';
import { keyMatches } from './cache.js';
import { newIdempotencyKey } from './ids.js';
import { FaultList, OpenApiDocument, RulesetDocument, TenantList } from './schemas.js';
import type { Call } from './transport.js';

/** `GET /v1/learners` filters. */
export interface LearnerQuery {
  /** matches name or external reference */
  q?: string;
  /** only holders of this certificate id */
  certificate?: string;
  cursor?: string;
  /** 1–200, default 50 */
  limit?: number;
}

export interface BalanceQuery {
  /** `YYYY-MM-DD`; default today */
  asOf?: string;
}

export interface LedgerQuery {
  cursor?: string;
  /** 1–200, default 50 */
  limit?: number;
}

export interface ScenarioQuery {
  program: string;
  asOf?: string;
}

export interface RulesQuery {
  program?: string;
}

export interface RulesetQuery {
  program: string;
}

const seg = encodeURIComponent;
const learnerPath = (id: string) => `/v1/learners/${seg(id)}`;
const isLearnerList = (key: string) => key === '/v1/learners' || key.startsWith('/v1/learners?');
/** after a write to a learner: their reads and the listings that summarise them */
const learnerReads = (id: string) => (key: string) =>
  isLearnerList(key) || keyMatches(key, learnerPath(id));

const read = <T>(
  path: string,
  schema: Call<T>['schema'],
  query?: Call<T>['query'],
  cache?: Call<T>['cache'],
  auth = true,
): Call<T> => ({ method: 'GET', path, schema, query, auth, repeatable: true, cache });

export const getHealth = (): Call<Health> =>
  read('/v1/health', Health, undefined, undefined, false);

export const getOpenApi = (): Call<OpenApiDocument> =>
  read('/v1/openapi.json', OpenApiDocument, undefined, undefined, false);

export const postDevToken = (request: TokenRequest): Call<TokenResponse> => ({
  method: 'POST',
  path: '/v1/dev/token',
  schema: TokenResponse,
  body: request,
  auth: false,
  repeatable: false,
});

export const getTenants = (): Call<TenantList> => read('/v1/tenants', TenantList);

export const postLearner = (request: OpenAccountRequest): Call<LearnerAccount> => ({
  method: 'POST',
  path: '/v1/learners',
  schema: LearnerAccount,
  body: request,
  auth: true,
  repeatable: false,
  invalidates: isLearnerList,
});

export const getLearners = (query: LearnerQuery = {}): Call<LearnerPage> =>
  read('/v1/learners', LearnerPage, { ...query }, 'learner');

export const getLearner = (id: string): Call<LearnerAccount> =>
  read(learnerPath(id), LearnerAccount, undefined, 'learner');

export const getOutcomes = (id: string): Call<ArchiveList> =>
  read(`${learnerPath(id)}/outcomes`, ArchiveList, undefined, 'learner');

export const postOutcome = (id: string, request: DepositRequest): Call<ArchiveEntry> => ({
  method: 'POST',
  path: `${learnerPath(id)}/outcomes`,
  schema: ArchiveEntry,
  body: request,
  auth: true,
  repeatable: false,
  invalidates: learnerReads(id),
});

export const postVerify = (id: string, outcomeId: string): Call<ArchiveEntry> => ({
  method: 'POST',
  path: `${learnerPath(id)}/outcomes/${seg(outcomeId)}/verify`,
  schema: ArchiveEntry,
  auth: true,
  repeatable: false,
  invalidates: learnerReads(id),
});

export const postRevoke = (
  id: string,
  outcomeId: string,
  request: RevokeRequest,
): Call<ArchiveEntry> => ({
  method: 'POST',
  path: `${learnerPath(id)}/outcomes/${seg(outcomeId)}/revoke`,
  schema: ArchiveEntry,
  body: request,
  auth: true,
  repeatable: false,
  invalidates: learnerReads(id),
});

export const getBalance = (id: string, query: BalanceQuery = {}): Call<BalanceResult> =>
  read(`${learnerPath(id)}/balance`, BalanceResult, { ...query }, 'learner');

export const getLedger = (id: string, query: LedgerQuery = {}): Call<LedgerPage> =>
  read(`${learnerPath(id)}/ledger`, LedgerPage, { ...query }, 'learner');

export const getScenario = (id: string, query: ScenarioQuery): Call<ScenarioExport> =>
  read(`${learnerPath(id)}/scenario`, ScenarioExport, { ...query }, 'learner');

/** A preview writes nothing, so repeating it is safe. */
export const postPreview = (learnerId: string, request: PreviewRequest): Call<PlanResult> => ({
  method: 'POST',
  path: `${learnerPath(learnerId)}/transfers/preview`,
  schema: PlanResult,
  body: request,
  auth: true,
  repeatable: true,
});

/**
 * Applies a plan. The idempotency key (8–200 characters; random when not given) makes a
 * repeat answer the first result instead of writing again, so the call may be retried.
 */
export const postApply = (
  learnerId: string,
  request: ApplyRequest,
  idempotencyKey: string = newIdempotencyKey(),
): Call<TransferResult> => ({
  method: 'POST',
  path: `${learnerPath(learnerId)}/transfers`,
  schema: TransferResult,
  body: request,
  auth: true,
  repeatable: true,
  headers: { 'idempotency-key': idempotencyKey },
  invalidates: learnerReads(learnerId),
});

export const getCertificates = (query: CertificateQuery = {}): Call<CertificatePage> =>
  read('/v1/catalog/certificates', CertificatePage, { ...query }, 'catalog');

export const getCourses = (query: CourseQuery = {}): Call<CoursePage> =>
  read('/v1/catalog/courses', CoursePage, { ...query }, 'catalog');

export const getPrograms = (): Call<ProgramList> =>
  read('/v1/catalog/programs', ProgramList, undefined, 'catalog');

export const getProgram = (id: string): Call<Program> =>
  read(`/v1/catalog/programs/${seg(id)}`, Program, undefined, 'catalog');

export const getRules = (query: RulesQuery = {}): Call<RuleList> =>
  read('/v1/catalog/rules', RuleList, { ...query }, 'catalog');

export const getRuleset = (query: RulesetQuery): Call<Ruleset> =>
  read('/v1/catalog/ruleset', RulesetDocument, { ...query }, 'catalog');

/** Public certificate lookup by number; sends no token. */
export const getVerification = (number: string): Call<CertificateVerification> =>
  read(`/v1/verify/${seg(number)}`, CertificateVerification, undefined, undefined, false);

export const getFaults = (): Call<FaultList> => read('/v1/dev/faults', FaultList);

/** Each PUT adds a rule, so a repeat would add it twice. */
export const putFault = (rule: FaultRule): Call<FaultList> => ({
  method: 'PUT',
  path: '/v1/dev/faults',
  schema: FaultList,
  body: rule,
  auth: true,
  repeatable: false,
});

export const deleteFaults = (): Call<FaultList> => ({
  method: 'DELETE',
  path: '/v1/dev/faults',
  schema: FaultList,
  auth: true,
  repeatable: true,
});
