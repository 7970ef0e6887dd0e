/**
 * `CreditBankError`, the one error class of `@creditbank/client`, and the mapping of every
 * failure (a problem response, a network failure, a timeout, an abort, a response that does not
 * match its schema) onto it.
 */
import { describeZodIssues } from '@creditbank/core';
import { Problem, type FieldError, type ProblemCode } from '@creditbank/core/api';
import { isHTTPError, isTimeoutError } from 'ky';
import type * as z from 'zod/mini';

/** Codes the client itself raises, beside the server's problem codes. */
export type ClientErrorCode =
  'invalid_response' | 'network_error' | 'timeout' | 'aborted' | 'token_error' | 'http_error';

/**
 * A stable error code: one the client raises, one of the server's problem codes, or a problem
 * code a newer server added.
 */
export type CreditBankErrorCode = ClientErrorCode | ProblemCode | (string & {});

/** One mismatch between a response and its schema. */
export interface ResponseIssue {
  /** field path inside the response body, e.g. `items[0].levels`; empty for the body itself */
  readonly path: string;
  readonly message: string;
}

export interface CreditBankErrorInit {
  /** the HTTP status of a server answer; absent for network failures, timeouts and aborts */
  status?: number | undefined;
  /** `METHOD /path` of the call, e.g. `GET /v1/catalog/programs` */
  endpoint?: string | undefined;
  /** the server's `X-Request-Id` (or the problem's `requestId`) */
  requestId?: string | undefined;
  /** field errors of a problem response (bad input) */
  errors?: readonly FieldError[] | undefined;
  /** the first schema mismatch of an `invalid_response` */
  path?: string | undefined;
  /** every schema mismatch of an `invalid_response` */
  issues?: readonly ResponseIssue[] | undefined;
  /** the problem document as the server sent it */
  problem?: Problem | undefined;
  cause?: unknown;
}

/**
 * The error every client call rejects with. `code` is stable: a server problem code
 * (`unauthorized`, `not_found`, `validation_failed`, …) or one of the client's own
 * (`invalid_response`, `network_error`, `timeout`, `aborted`, `token_error`, `http_error`).
 *
 * An aborted call rejects with `code: 'aborted'` (the signal's reason is the `cause`); the
 * client never lets a raw `AbortError` through, so one `instanceof` check covers every failure.
 */
export class CreditBankError extends Error {
  override readonly name = 'CreditBankError';
  readonly code: CreditBankErrorCode;
  readonly status: number | undefined;
  readonly endpoint: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: readonly FieldError[];
  readonly path: string | undefined;
  readonly issues: readonly ResponseIssue[];
  readonly problem: Problem | undefined;

  constructor(code: CreditBankErrorCode, message: string, init: CreditBankErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.path = init.path;
    this.issues = init.issues ?? [];
    this.problem = init.problem;
  }
}

/** True for a `CreditBankError`, also across copies of the package (duck-typed on `name`). */
export function isCreditBankError(error: unknown): error is CreditBankError {
  return (
    error instanceof CreditBankError ||
    (error instanceof Error &&
      error.name === 'CreditBankError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}

/**
 * Codes for error answers that are not problem documents (a proxy's HTML 502, say); other
 * statuses from 500 are `internal` (see `codeForStatus`).
 */
const STATUS_CODES: Readonly<Record<number, ProblemCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The code for an error status that came without a problem document. */
export function codeForStatus(status: number): CreditBankErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'http_error');
}

/** Builds the error for an HTTP error answer from its status, headers and parsed body. */
export function problemError(
  endpoint: string,
  status: number,
  headers: Headers,
  body: unknown,
): CreditBankError {
  const headerId = headers.get('x-request-id') ?? undefined;
  const parsed = Problem.safeParse(body);
  if (parsed.success) {
    const problem = parsed.data;
    const detail = problem.detail ? `: ${problem.detail}` : '';
    const fields = problem.errors?.length ? ` (${listIssues(problem.errors)})` : '';
    return new CreditBankError(
      problem.code,
      `${endpoint} failed with ${status} ${problem.code}: ${problem.title}${detail}${fields}`,
      {
        status,
        endpoint,
        requestId: problem.requestId ?? headerId,
        errors: problem.errors,
        problem,
      },
    );
  }
  const code = codeForStatus(status);
  return new CreditBankError(code, `${endpoint} failed with ${status} (${code})`, {
    status,
    endpoint,
    requestId: headerId,
  });
}

/** `path: message; …` (just the message for an empty path). */
const listIssues = (issues: readonly ResponseIssue[]): string =>
  issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');

/** Readable issues of a failed response parse (zod/mini carries no messages of its own). */
export function responseIssues(error: z.core.$ZodError, body: unknown): ResponseIssue[] {
  return describeZodIssues(error, body);
}

/** The `invalid_response` error for a body that failed its schema (or was not JSON). */
export function invalidResponse(
  endpoint: string,
  issues: readonly ResponseIssue[],
  init: { status?: number; requestId?: string | undefined; cause?: unknown } = {},
): CreditBankError {
  return new CreditBankError(
    'invalid_response',
    `invalid response from ${endpoint}: ${listIssues(issues)}`,
    {
      ...init,
      endpoint,
      path: issues[0]?.path ?? '',
      issues,
    },
  );
}

/** The `aborted` error of a call whose signal fired. */
export function abortedError(endpoint: string, reason: unknown): CreditBankError {
  return new CreditBankError('aborted', `${endpoint} was aborted`, { endpoint, cause: reason });
}

/**
 * The `TypeError`s `fetch` itself rejected with: network failures (the transport's `fetch`
 * wrapper adds them). Other `TypeError`s (a bad URL or header value) keep their own message.
 */
export const networkErrors = new WeakSet<object>();

/** An error answer's body: parsed for a JSON content type, else (or unreadable) undefined. */
async function errorBody(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return /\/(?:[^;]*[.+-])?json\s*(?:;|$)/i.test(type) ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps whatever a ky call threw onto a `CreditBankError`, reading an error answer's body.
 * `signal` is the caller's (or the shared request's) signal: once it has fired, any failure is
 * an abort.
 */
export async function toCreditBankError(
  error: unknown,
  endpoint: string,
  signal: AbortSignal | undefined,
): Promise<CreditBankError> {
  if (isCreditBankError(error)) return error;
  const http = isHTTPError(error) && !signal?.aborted ? error.response : undefined;
  const body = http && (await errorBody(http));
  if (signal?.aborted) return abortedError(endpoint, signal.reason);
  if (http) return problemError(endpoint, http.status, http.headers, body);
  if (isTimeoutError(error)) {
    return new CreditBankError('timeout', `${endpoint} timed out`, { endpoint, cause: error });
  }
  if (!(error instanceof Error)) {
    return new CreditBankError('http_error', `${endpoint} failed: ${String(error)}`, {
      endpoint,
      cause: error,
    });
  }
  if (error.name === 'AbortError') return abortedError(endpoint, error);
  // a TypeError is a network failure: one fetch rejected with (see `networkErrors`), or a bad URL
  // or header value, which keeps its own message
  return new CreditBankError(
    error instanceof TypeError ? 'network_error' : 'http_error',
    `${endpoint} failed: ${networkErrors.has(error) ? 'network error' : error.message}`,
    { endpoint, cause: error },
  );
}
