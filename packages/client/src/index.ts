/**
 * @creditbank/client — the typed SDK over the credit bank (学分银行) HTTP API: ky underneath
 * (timeouts, retries with backoff and jitter), every answer checked with the shared zod
 * schemas, one error class, in-flight sharing of identical reads and a TTL cache for the
 * catalog. Runs in browsers and Node.
 */
export { createBaseClient, createClient } from './client.js';
export { CreditBankError, isCreditBankError } from './errors.js';
export { DEFAULT_RETRY } from './retry.js';
export type {
  ApplyOptions,
  BaseClient,
  BalanceQuery,
  CatalogApi,
  CreditBankClient,
  FaultsApi,
  LearnerQuery,
  LearnersApi,
  LedgerQuery,
  RulesetQuery,
  RulesQuery,
  ScenarioQuery,
  TransfersApi,
} from './client.js';
export type {
  ClientErrorCode,
  CreditBankErrorCode,
  CreditBankErrorInit,
  ResponseIssue,
} from './errors.js';
export type { RetryPolicy } from './retry.js';
export type { FaultList, OpenApiDocument, TenantList } from './schemas.js';
export type {
  CacheOptions,
  Call,
  ClientOptions,
  QueryParams,
  RequestOptions,
  TokenProvider,
} from './transport.js';
