/**
 * The request pipeline under every client method: token, tenant and locale headers; ky for
 * timeouts and retries; one token refresh on 401; response parsing with the shared schemas;
 * in-flight sharing and the TTL cache for reads; error mapping onto `CreditBankError`.
 */
import ky, { isHTTPError, type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { keyMatches, TtlCache } from './cache.js';
import {
  abortedError,
  CreditBankError,
  invalidResponse,
  isCreditBankError,
  networkErrors,
  responseIssues,
  toCreditBankError,
} from './errors.js';
import { InFlight } from './inflight.js';
import { kyRetry, normalizeRetry, type NormalizedRetryPolicy, type RetryPolicy } from './retry.js';

/**
 * Supplies the bearer token. Called once for the first authenticated call, its answer kept;
 * called again with `refresh: true` when the server answers 401, and the call is then repeated
 * once with the new token. An empty answer sends no `Authorization` header.
 */
export type TokenProvider = (context: {
  readonly refresh: boolean;
}) => string | null | undefined | Promise<string | null | undefined>;

/** The read cache: catalog reads for `ttl`, learner reads for `learnerTtl`. */
export interface CacheOptions {
  /** how long catalog reads (`/v1/catalog/*`) are kept, in ms (default 60 000) */
  ttl?: number;
  /**
   * how long a learner's reads (account, outcomes, balance, ledger, scenario) are kept, in ms
   * (default 0: not cached). Writes through this client drop them at once either way.
   */
  learnerTtl?: number;
  /** most entries kept; the oldest go first (default 200) */
  maxEntries?: number;
}

export interface ClientOptions {
  /** the API's origin (and path prefix, if any), e.g. `https://bank.example.org` */
  baseUrl: string;
  /** a bearer token, or a function that supplies one (see `TokenProvider`) */
  token?: string | TokenProvider | undefined;
  /** sent as `X-Tenant` on every call */
  tenant?: string | undefined;
  /** sent as `Accept-Language` on every call, e.g. `zh-CN` */
  locale?: string | undefined;
  /** the `fetch` to use (default: the global one) */
  fetch?: typeof globalThis.fetch | undefined;
  /** per-attempt timeout in ms, `false` for none (default 10 000) */
  timeout?: number | false | undefined;
  /** retry policy; a number is the retry limit, `false` turns retrying off */
  retry?: number | false | RetryPolicy | undefined;
  /** the read cache; `false` turns it off (identical concurrent reads are still shared) */
  cache?: false | CacheOptions | undefined;
}

/** Options every method takes last. */
export interface RequestOptions {
  /** aborts this call: it rejects with `CreditBankError` code `aborted` */
  signal?: AbortSignal | undefined;
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** One call as a client method describes it. */
export interface Call<T> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** the path with its ids already encoded, e.g. `/v1/learners/l%201/balance` */
  readonly path: string;
  readonly schema: z.ZodMiniType<T>;
  readonly query?: QueryParams | undefined;
  readonly body?: unknown;
  /** send the bearer token (false for public endpoints) */
  readonly auth: boolean;
  /** safe to send more than once: GET, DELETE, a POST that writes nothing or carries a key */
  readonly repeatable: boolean;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** which cache lifetime a GET's result may be kept for; absent: not cached */
  readonly cache?: 'catalog' | 'learner' | undefined;
  /** after a write (success or not): which cached and in-flight reads to drop, by key */
  readonly invalidates?: ((key: string) => boolean) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** `?a=1&b=x` with the keys sorted and empty values left out; `''` when there are none. */
export function queryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const entries = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] != null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

export class Transport {
  readonly #ky: KyInstance;
  readonly #token: string | TokenProvider | undefined;
  readonly #tenant: string | undefined;
  readonly #locale: string | undefined;
  readonly #retry: NormalizedRetryPolicy;
  readonly #cache: TtlCache | undefined;
  readonly #inflight = new InFlight();
  /** catalog and learner cache lifetimes in ms */
  readonly ttl: { readonly catalog: number; readonly learner: number };
  #pendingToken: Promise<string | undefined> | undefined;

  constructor(options: ClientOptions) {
    if (typeof options.baseUrl !== 'string' || options.baseUrl === '') {
      throw new TypeError('createClient: `baseUrl` must be a non-empty string');
    }
    const userFetch = options.fetch;
    this.#token = options.token;
    this.#tenant = options.tenant;
    this.#locale = options.locale;
    this.#retry = normalizeRetry(options.retry);
    const cache = options.cache === false ? undefined : (options.cache ?? {});
    this.#cache = cache ? new TtlCache(cache.maxEntries ?? 200) : undefined;
    this.ttl = {
      catalog: cache ? (cache.ttl ?? 60_000) : 0,
      learner: cache ? (cache.learnerTtl ?? 0) : 0,
    };
    this.#ky = ky.create({
      // ky 1 joins `prefixUrl`, a `/` and an input without a leading slash
      prefixUrl: options.baseUrl.replace(/\/+$/, '/'),
      timeout: options.timeout ?? 10_000,
      // called as a plain function: a browser's fetch throws when called as a method of another object
      fetch: async (input, init) => {
        try {
          return await (userFetch ?? globalThis.fetch)(input, init);
        } catch (error) {
          // fetch rejects with a TypeError for a network failure
          if (error instanceof TypeError) networkErrors.add(error);
          throw error;
        }
      },
      hooks: {
        // an answer that is retried is not read: free its connection
        beforeRetry: [
          ({ error }) => {
            if (isHTTPError(error)) void error.response.body?.cancel().catch(() => undefined);
          },
        ],
      },
    });
  }

  /** Sends a call: reads go through the cache and in-flight sharing, writes straight out. */
  request<T>(call: Call<T>): Promise<T> {
    const endpoint = `${call.method} ${call.path}`;
    if (call.signal?.aborted) return Promise.reject(abortedError(endpoint, call.signal.reason));
    if (call.method !== 'GET') {
      const sent = this.#send(call, call.signal, endpoint);
      const { invalidates } = call;
      if (!invalidates) return sent;
      return sent.finally(() => this.invalidateWhere(invalidates));
    }
    const key = `${call.path}${queryString(call.query)}`;
    const ttl = call.cache ? this.ttl[call.cache] : 0;
    if (this.#cache && ttl > 0) {
      const hit = this.#cache.get(key);
      if (hit !== undefined) return Promise.resolve(hit as T);
    }
    return this.#inflight.run(
      key,
      async (signal, state) => {
        const value = await this.#send(call, signal, endpoint);
        if (this.#cache && ttl > 0 && !state.stale) this.#cache.set(key, value, ttl);
        return value;
      },
      call.signal,
      (reason) => abortedError(endpoint, reason),
    );
  }

  /**
   * Drops cached reads and forgets in-flight ones under an API path (`/v1/catalog`,
   * `/v1/learners/l-1`), segment by segment; everything without a prefix.
   */
  invalidate(prefix?: string): void {
    this.invalidateWhere(prefix === undefined ? () => true : (key) => keyMatches(key, prefix));
  }

  invalidateWhere(matches: (key: string) => boolean): void {
    this.#cache?.delete(matches);
    this.#inflight.forget(matches);
  }

  async #send<T>(call: Call<T>, signal: AbortSignal | undefined, endpoint: string): Promise<T> {
    const token = call.auth ? await this.#currentToken(endpoint) : undefined;
    try {
      return await this.#attempt(call, token, signal, endpoint);
    } catch (error) {
      if (
        isCreditBankError(error) &&
        error.status === 401 &&
        call.auth &&
        typeof this.#token === 'function' &&
        !signal?.aborted
      ) {
        const fresh = await this.#refreshToken(token, endpoint);
        return await this.#attempt(call, fresh, signal, endpoint);
      }
      throw error;
    }
  }

  async #attempt<T>(
    call: Call<T>,
    token: string | undefined,
    signal: AbortSignal | undefined,
    endpoint: string,
  ): Promise<T> {
    let status = 0;
    let requestId: string | undefined;
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
      if (token) headers['authorization'] = `Bearer ${token}`;
      if (this.#tenant) headers['x-tenant'] = this.#tenant;
      if (this.#locale) headers['accept-language'] = this.#locale;
      const query = queryString(call.query);
      const response = await this.#ky(`${call.path.replace(/^\/+/, '')}${query}`, {
        method: call.method,
        headers,
        json: call.body,
        signal,
        retry: kyRetry(this.#retry, call.method, call.repeatable),
      });
      status = response.status;
      requestId = response.headers.get('x-request-id') ?? undefined;
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (cause) {
        throw invalidResponse(endpoint, [{ path: '', message: 'body is not JSON' }], {
          status,
          requestId,
          cause,
        });
      }
      const parsed = call.schema.safeParse(body);
      if (!parsed.success) {
        throw invalidResponse(endpoint, responseIssues(parsed.error, body), { status, requestId });
      }
      return parsed.data;
    } catch (error) {
      throw await toCreditBankError(error, endpoint, signal);
    }
  }

  #currentToken(endpoint: string): Promise<string | undefined> {
    const token = this.#token;
    if (typeof token !== 'function') return Promise.resolve(token || undefined);
    this.#pendingToken ??= this.#callProvider(token, false, endpoint);
    return this.#pendingToken;
  }

  /** A new token after a 401 with `used`; one refresh serves every call that saw that 401. */
  async #refreshToken(used: string | undefined, endpoint: string): Promise<string | undefined> {
    const before = this.#pendingToken;
    const current = await before?.catch(() => undefined);
    if (this.#pendingToken !== before || current !== used) return this.#currentToken(endpoint);
    this.#pendingToken = this.#callProvider(this.#token as TokenProvider, true, endpoint);
    return this.#pendingToken;
  }

  #callProvider(
    provider: TokenProvider,
    refresh: boolean,
    endpoint: string,
  ): Promise<string | undefined> {
    const pending = (async () => {
      try {
        return (await provider({ refresh })) || undefined;
      } catch (cause) {
        const why = cause instanceof Error ? cause.message : String(cause);
        throw new CreditBankError('token_error', `${endpoint}: the token provider failed: ${why}`, {
          endpoint,
          cause,
        });
      }
    })();
    // a failed provider is asked again by the next call
    pending.catch(() => {
      if (this.#pendingToken === pending) this.#pendingToken = undefined;
    });
    return pending;
  }
}
