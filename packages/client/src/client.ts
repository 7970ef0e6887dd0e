/**
 * `createClient`: the typed credit-bank API client. One method per endpoint of the API
 * contract (`packages/server/API.md`), each checking its answer against the shared schemas.
 */
import type { Program, Ruleset } from '@creditbank/core';
import type {
  ApplyRequest,
  ArchiveEntry,
  ArchiveList,
  BalanceResult,
  CertificatePage,
  CertificateQuery,
  CertificateVerification,
  CoursePage,
  CourseQuery,
  DepositRequest,
  FaultRule,
  Health,
  LearnerAccount,
  LearnerPage,
  LedgerPage,
  OpenAccountRequest,
  PlanResult,
  PreviewRequest,
  ProgramList,
  RevokeRequest,
  RuleList,
  ScenarioExport,
  TokenRequest,
  TokenResponse,
  TransferResult,
} from '@creditbank/core/api';
import * as api from './endpoints.js';
import type {
  BalanceQuery,
  LearnerQuery,
  LedgerQuery,
  RulesetQuery,
  RulesQuery,
  ScenarioQuery,
} from './endpoints.js';
import type { FaultList, OpenApiDocument, TenantList } from './schemas.js';
import { Transport, type Call, type ClientOptions, type RequestOptions } from './transport.js';

export type { BalanceQuery, LearnerQuery, LedgerQuery, RulesetQuery, RulesQuery, ScenarioQuery };

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

/**
 * The smallest client: sends endpoint descriptors (`@creditbank/client/endpoints`) and drops
 * cached reads. The widgets use this, so a page's bundle carries only the endpoints it sends;
 * every `CreditBankClient` is one too.
 */
export interface BaseClient {
  /** Sends one endpoint call; rejects with `CreditBankError` only. */
  request<T>(call: Call<T>, options?: RequestOptions): Promise<T>;
  /**
   * Drops cached reads under an API path prefix, segment by segment (`/v1/catalog`,
   * `/v1/learners/l-1`), or all of them. Reads in flight under it are not shared any more.
   */
  invalidate(prefix?: string): void;
}

/** The credit-bank API client. Every method rejects with `CreditBankError` only. */
export interface CreditBankClient extends BaseClient {
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
}

/** Creates the smallest client (see `BaseClient`). Nothing is sent until a call is made. */
export function createBaseClient(options: ClientOptions): BaseClient {
  const transport = new Transport(options);
  return {
    request: (call, opts) => transport.request({ ...call, signal: opts?.signal }),
    invalidate: (prefix) => transport.invalidate(prefix),
  };
}

/** Creates a client. Nothing is sent until a method is called. */
export function createClient(options: ClientOptions): CreditBankClient {
  const { request, invalidate } = createBaseClient(options);
  return {
    request,
    invalidate,
    health: (opts) => request(api.getHealth(), opts),
    openapi: (opts) => request(api.getOpenApi(), opts),
    devToken: (body, opts) => request(api.postDevToken(body), opts),
    tenants: (opts) => request(api.getTenants(), opts),
    learners: {
      open: (body, opts) => request(api.postLearner(body), opts),
      list: (query, opts) => request(api.getLearners(query), opts),
      get: (id, opts) => request(api.getLearner(id), opts),
      outcomes: (id, opts) => request(api.getOutcomes(id), opts),
      deposit: (id, body, opts) => request(api.postOutcome(id, body), opts),
      verify: (id, outcomeId, opts) => request(api.postVerify(id, outcomeId), opts),
      revoke: (id, outcomeId, body, opts) => request(api.postRevoke(id, outcomeId, body), opts),
      balance: (id, query, opts) => request(api.getBalance(id, query), opts),
      ledger: (id, query, opts) => request(api.getLedger(id, query), opts),
      scenario: (id, query, opts) => request(api.getScenario(id, query), opts),
    },
    transfers: {
      preview: (id, body, opts) => request(api.postPreview(id, body), opts),
      apply: (id, body, opts) => request(api.postApply(id, body, opts?.idempotencyKey), opts),
    },
    catalog: {
      certificates: (query, opts) => request(api.getCertificates(query), opts),
      courses: (query, opts) => request(api.getCourses(query), opts),
      programs: (opts) => request(api.getPrograms(), opts),
      program: (id, opts) => request(api.getProgram(id), opts),
      rules: (query, opts) => request(api.getRules(query), opts),
      ruleset: (query, opts) => request(api.getRuleset(query), opts),
    },
    verifyCertificate: (number, opts) => request(api.getVerification(number), opts),
    faults: {
      list: (opts) => request(api.getFaults(), opts),
      add: (rule, opts) => request(api.putFault(rule), opts),
      clear: (opts) => request(api.deleteFaults(), opts),
    },
  };
}
