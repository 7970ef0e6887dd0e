/**
 * The retry policy: exponential backoff with jitter on network errors and on 429/503 answers
 * (honouring `Retry-After`), only for calls that are safe to repeat. Turned into ky's
 * `retry` option per call.
 */
import { isHTTPError, isTimeoutError, type RetryOptions } from 'ky';

/** How the client retries a failed call that is safe to repeat. */
export interface RetryPolicy {
  /** retries after the first attempt; 0 turns retrying off (default 2) */
  limit?: number;
  /** delay before the first retry in ms, before jitter; each next retry doubles it (default 300) */
  baseDelay?: number;
  /** upper bound of one backoff delay in ms (default 10 000) */
  maxDelay?: number;
  /** longest `Retry-After` honoured in ms; a longer one is cut to this (default 60 000) */
  maxRetryAfter?: number;
  /** answer statuses that are retried; `Retry-After` is honoured on each (default 429, 503) */
  statusCodes?: readonly number[];
  /** also retry a call whose attempt timed out (default false) */
  retryOnTimeout?: boolean;
}

export type NormalizedRetryPolicy = Readonly<Required<RetryPolicy>>;

export const DEFAULT_RETRY: NormalizedRetryPolicy = Object.freeze({
  limit: 2,
  baseDelay: 300,
  maxDelay: 10_000,
  maxRetryAfter: 60_000,
  statusCodes: Object.freeze([429, 503]),
  retryOnTimeout: false,
});

/** `retry` as given to `createClient` (a number is the limit, `false` is 0) → a full policy. */
export function normalizeRetry(
  retry: number | false | RetryPolicy | undefined,
): NormalizedRetryPolicy {
  if (retry === undefined) return DEFAULT_RETRY;
  const given = typeof retry === 'object' ? retry : { limit: retry === false ? 0 : retry };
  const policy = { ...DEFAULT_RETRY, ...definedOnly(given) };
  if (!Number.isInteger(policy.limit) || policy.limit < 0) {
    throw new RangeError(`retry.limit must be a non-negative integer, got ${policy.limit}`);
  }
  for (const key of ['baseDelay', 'maxDelay', 'maxRetryAfter'] as const) {
    if (!(policy[key] >= 0)) {
      throw new RangeError(`retry.${key} must be a non-negative number, got ${policy[key]}`);
    }
  }
  return Object.freeze({ ...policy, statusCodes: Object.freeze([...policy.statusCodes]) });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The backoff before retry number `attempt` (1-based), before jitter: base·2^(attempt−1). */
export function backoffDelay(attempt: number, policy: NormalizedRetryPolicy): number {
  return Math.min(policy.maxDelay, policy.baseDelay * 2 ** (attempt - 1));
}

/**
 * "Equal jitter": a delay drawn uniformly from [delay/2, delay], so retries of many clients
 * spread out while each still waits at least half its backoff.
 */
export function jitter(delay: number, random: () => number = Math.random): number {
  return delay / 2 + random() * (delay / 2);
}

/**
 * ky's `retry` option for one call. `repeatable` says whether the call may be sent twice: GET
 * and DELETE always, POST only when it carries an idempotency key (or writes nothing).
 */
export function kyRetry(
  policy: NormalizedRetryPolicy,
  method: string,
  repeatable: boolean,
): RetryOptions {
  if (!repeatable || policy.limit === 0) return { limit: 0 };
  const statusCodes = [...policy.statusCodes];
  return {
    limit: policy.limit,
    methods: [method.toLowerCase() as NonNullable<RetryOptions['methods']>[number]],
    statusCodes,
    afterStatusCodes: statusCodes,
    maxRetryAfter: policy.maxRetryAfter,
    backoffLimit: policy.maxDelay,
    delay: (attempt) => backoffDelay(attempt, policy),
    jitter: (delay) => jitter(delay),
    retryOnTimeout: policy.retryOnTimeout,
    shouldRetry: ({ error }) => retryDecision(error, statusCodes),
  };
}

/**
 * What ky 1 cannot decide alone (`undefined`: its own rules apply). Only network failures (the
 * `TypeError` fetch rejects with), timeouts and error answers are retried, not any other throw;
 * a retried answer whose retry header ky 1 cannot read backs off as usual (ky 1 would wait
 * `maxRetryAfter`).
 */
export function retryDecision(error: Error, statusCodes: readonly number[]): boolean | undefined {
  if (isHTTPError(error)) {
    const { headers, status } = error.response;
    // the header ky 1 reads, in its order
    const after =
      headers.get('retry-after') ??
      headers.get('ratelimit-reset') ??
      headers.get('x-ratelimit-retry-after') ??
      headers.get('x-ratelimit-reset') ??
      headers.get('x-rate-limit-reset');
    return after && statusCodes.includes(status) && isNaN(Number(after)) && isNaN(Date.parse(after))
      ? true
      : undefined;
  }
  return error instanceof TypeError || isTimeoutError(error) ? undefined : false;
}
