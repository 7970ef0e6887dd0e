/**
 * `createClient`: the typed credit-bank API client. One method per endpoint of the API
 * contract (`packages/server/API.md`), each checking its answer against the shared schemas.
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
import {
  Transport,
  type Call,
  type ClientOptions,
  type QueryParams,
  type RequestOptions,
} from './transport.js';

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

/** Options of `transfers.apply`. */
export interface ApplyOptions extends RequestOptions {
  /**
   * 8–200 characters. The same key with the same request answers the first result and writes
   * nothing again. Without one the client makes a random key, reused across its own retries.
   */
  idempotencyKey?: string;
}

/** Learner accounts (终身学习账户) and their archive, balance and ledger. */
export interface LearnersApi {
  /** Opens an account in the caller's tenant (staff, admin). */
  open(request: OpenAccountRequest, options?: RequestOptions): Promise<LearnerAccount>;
  /** The tenant's learners with their headline numbers (staff, admin). */
  list(query?: LearnerQuery, options?: RequestOptions): Promise<LearnerPage>;
  get(id: string, options?: RequestOptions): Promise<LearnerAccount>;
  /** The learning archive (档案), in `earnedOn` order. */
  outcomes(id: string, options?: RequestOptions): Promise<ArchiveList>;
  /** Deposits an outcome; it starts `pending`. */
  deposit(id: string, request: DepositRequest, options?: RequestOptions): Promise<ArchiveEntry>;
  /** Marks an outcome verified (staff, admin). */
  verify(id: string, outcomeId: string, options?: RequestOptions): Promise<ArchiveEntry>;
  /** Revokes an outcome and reverses the grants that consumed it (staff, admin). */
  revoke(
    id: string,
    outcomeId: string,
    request: RevokeRequest,
    options?: RequestOptions,
  ): Promise<ArchiveEntry>;
  balance(id: string, query?: BalanceQuery, options?: RequestOptions): Promise<BalanceResult>;
  /** Ledger entries, newest first. */
  ledger(id: string, query?: LedgerQuery, options?: RequestOptions): Promise<LedgerPage>;
  /** The learner's scenario file for a program (spec §7). */
  scenario(id: string, query: ScenarioQuery, options?: RequestOptions): Promise<ScenarioExport>;
}

/** Credit transfer (学分转换): preview a plan, apply it to the ledger. */
export interface TransfersApi {
  /** The plan the server would apply now, with optional what-if outcomes; writes nothing. */
  preview(
    learnerId: string,
    request: PreviewRequest,
    options?: RequestOptions,
  ): Promise<PlanResult>;
  /** Applies the plan's new grants to the ledger, idempotently. */
  apply(learnerId: string, request: ApplyRequest, options?: ApplyOptions): Promise<TransferResult>;
}

/** The catalog: certificates, the course supermarket (课程超市), programs and rules. */
export interface CatalogApi {
  certificates(query?: CertificateQuery, options?: RequestOptions): Promise<CertificatePage>;
  courses(query?: CourseQuery, options?: RequestOptions): Promise<CoursePage>;
  programs(options?: RequestOptions): Promise<ProgramList>;
  program(id: string, options?: RequestOptions): Promise<Program>;
  rules(query?: RulesQuery, options?: RequestOptions): Promise<RuleList>;
  /** The core ruleset trimmed to one program: what the widgets' live preview plans on. */
  ruleset(query: RulesetQuery, options?: RequestOptions): Promise<Ruleset>;
}

/** The fault switch of non-production servers (admin). */
export interface FaultsApi {
  list(options?: RequestOptions): Promise<FaultList>;
  add(rule: FaultRule, options?: RequestOptions): Promise<FaultList>;
  clear(options?: RequestOptions): Promise<FaultList>;
}

/** The credit-bank API client. Every method rejects with `CreditBankError` only. */
export interface CreditBankClient {
  health(options?: RequestOptions): Promise<Health>;
  /** The OpenAPI 3.1 document of the server. */
  openapi(options?: RequestOptions): Promise<OpenApiDocument>;
  /** Issues a token (servers in development or demo mode only). Sends no token. */
  devToken(request: TokenRequest, options?: RequestOptions): Promise<TokenResponse>;
  /** The caller's own tenant (staff, admin). */
  tenants(options?: RequestOptions): Promise<TenantList>;
  readonly learners: LearnersApi;
  readonly transfers: TransfersApi;
  readonly catalog: CatalogApi;
  /** Public certificate lookup by number; sends no token. */
  verifyCertificate(number: string, options?: RequestOptions): Promise<CertificateVerification>;
  readonly faults: FaultsApi;
  /**
   * Drops cached reads under an API path prefix, segment by segment (`/v1/catalog`,
   * `/v1/learners/l-1`), or all of them. Reads in flight under it are not shared any more.
   */
  invalidate(prefix?: string): void;
}

const seg = encodeURIComponent;

/** Creates a client. Nothing is sent until a method is called. */
export function createClient(options: ClientOptions): CreditBankClient {
  const transport = new Transport(options);
  const { ttl } = transport;

  const get = <T>(
    path: string,
    schema: Call<T>['schema'],
    query: QueryParams | undefined,
    opts: RequestOptions | undefined,
    cacheTtl = 0,
    auth = true,
  ): Promise<T> =>
    transport.request({
      method: 'GET',
      path,
      schema,
      query,
      auth,
      repeatable: true,
      ttl: cacheTtl,
      signal: opts?.signal,
    });

  const learnerPath = (id: string) => `/v1/learners/${seg(id)}`;
  const isLearnerList = (key: string) => key === '/v1/learners' || key.startsWith('/v1/learners?');
  /** after a write to a learner: their reads and the listings that summarise them */
  const afterLearnerWrite = (id: string) =>
    transport.invalidateWhere((key) => isLearnerList(key) || keyMatches(key, learnerPath(id)));

  const write = async <T>(call: Call<T>, after: () => void): Promise<T> => {
    try {
      return await transport.request(call);
    } finally {
      after();
    }
  };

  const learners: LearnersApi = {
    open: (request, opts) =>
      write(
        {
          method: 'POST',
          path: '/v1/learners',
          schema: LearnerAccount,
          body: request,
          auth: true,
          repeatable: false,
          signal: opts?.signal,
        },
        () => transport.invalidateWhere(isLearnerList),
      ),
    list: (query, opts) => get('/v1/learners', LearnerPage, { ...query }, opts, ttl.learner),
    get: (id, opts) => get(learnerPath(id), LearnerAccount, undefined, opts, ttl.learner),
    outcomes: (id, opts) =>
      get(`${learnerPath(id)}/outcomes`, ArchiveList, undefined, opts, ttl.learner),
    deposit: (id, request, opts) =>
      write(
        {
          method: 'POST',
          path: `${learnerPath(id)}/outcomes`,
          schema: ArchiveEntry,
          body: request,
          auth: true,
          repeatable: false,
          signal: opts?.signal,
        },
        () => afterLearnerWrite(id),
      ),
    verify: (id, outcomeId, opts) =>
      write(
        {
          method: 'POST',
          path: `${learnerPath(id)}/outcomes/${seg(outcomeId)}/verify`,
          schema: ArchiveEntry,
          auth: true,
          repeatable: false,
          signal: opts?.signal,
        },
        () => afterLearnerWrite(id),
      ),
    revoke: (id, outcomeId, request, opts) =>
      write(
        {
          method: 'POST',
          path: `${learnerPath(id)}/outcomes/${seg(outcomeId)}/revoke`,
          schema: ArchiveEntry,
          body: request,
          auth: true,
          repeatable: false,
          signal: opts?.signal,
        },
        () => afterLearnerWrite(id),
      ),
    balance: (id, query, opts) =>
      get(`${learnerPath(id)}/balance`, BalanceResult, { ...query }, opts, ttl.learner),
    ledger: (id, query, opts) =>
      get(`${learnerPath(id)}/ledger`, LedgerPage, { ...query }, opts, ttl.learner),
    scenario: (id, query, opts) =>
      get(`${learnerPath(id)}/scenario`, ScenarioExport, { ...query }, opts, ttl.learner),
  };

  const transfers: TransfersApi = {
    preview: (learnerId, request, opts) =>
      transport.request({
        method: 'POST',
        path: `${learnerPath(learnerId)}/transfers/preview`,
        schema: PlanResult,
        body: request,
        auth: true,
        // a preview writes nothing, so repeating it is safe
        repeatable: true,
        signal: opts?.signal,
      }),
    apply: (learnerId, request, opts) =>
      write(
        {
          method: 'POST',
          path: `${learnerPath(learnerId)}/transfers`,
          schema: TransferResult,
          body: request,
          auth: true,
          // the key makes a repeat answer the first result instead of writing again
          repeatable: true,
          headers: { 'idempotency-key': opts?.idempotencyKey ?? newIdempotencyKey() },
          signal: opts?.signal,
        },
        () => afterLearnerWrite(learnerId),
      ),
  };

  const catalog: CatalogApi = {
    certificates: (query, opts) =>
      get('/v1/catalog/certificates', CertificatePage, { ...query }, opts, ttl.catalog),
    courses: (query, opts) =>
      get('/v1/catalog/courses', CoursePage, { ...query }, opts, ttl.catalog),
    programs: (opts) => get('/v1/catalog/programs', ProgramList, undefined, opts, ttl.catalog),
    program: (id, opts) =>
      get(`/v1/catalog/programs/${seg(id)}`, Program, undefined, opts, ttl.catalog),
    rules: (query, opts) => get('/v1/catalog/rules', RuleList, { ...query }, opts, ttl.catalog),
    ruleset: (query, opts) =>
      get('/v1/catalog/ruleset', RulesetDocument, { ...query }, opts, ttl.catalog),
  };

  const faults: FaultsApi = {
    list: (opts) => get('/v1/dev/faults', FaultList, undefined, opts),
    add: (rule, opts) =>
      transport.request({
        method: 'PUT',
        path: '/v1/dev/faults',
        schema: FaultList,
        body: rule,
        auth: true,
        // each PUT adds a rule, so a repeat would add it twice
        repeatable: false,
        signal: opts?.signal,
      }),
    clear: (opts) =>
      transport.request({
        method: 'DELETE',
        path: '/v1/dev/faults',
        schema: FaultList,
        auth: true,
        repeatable: true,
        signal: opts?.signal,
      }),
  };

  return {
    health: (opts) => get('/v1/health', Health, undefined, opts, 0, false),
    openapi: (opts) => get('/v1/openapi.json', OpenApiDocument, undefined, opts, 0, false),
    devToken: (request, opts) =>
      transport.request({
        method: 'POST',
        path: '/v1/dev/token',
        schema: TokenResponse,
        body: request,
        auth: false,
        repeatable: false,
        signal: opts?.signal,
      }),
    tenants: (opts) => get('/v1/tenants', TenantList, undefined, opts),
    learners,
    transfers,
    catalog,
    verifyCertificate: (number, opts) =>
      get(`/v1/verify/${seg(number)}`, CertificateVerification, undefined, opts, 0, false),
    faults,
    invalidate: (prefix) => transport.invalidate(prefix),
  };
}
