/**
 * RFC 9457 problem details: every error the API answers is `application/problem+json` with a
 * stable `code` (`@creditbank/core/api` PROBLEM_CODES), the request id, and for bad input the
 * field paths (`errors: [{ path, message }]`).
 */
import type { FieldError, Problem, ProblemCode } from '@creditbank/core/api';

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  invalid_json: 'Invalid JSON',
  unsupported_media_type: 'Unsupported media type',
  validation_failed: 'Validation failed',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  outcome_consumed: 'Outcome already consumed',
  idempotency_key_required: 'Idempotency-Key required',
  idempotency_key_reused: 'Idempotency-Key reused',
  payload_too_large: 'Payload too large',
  rate_limited: 'Too many requests',
  fault_injected: 'Fault injected',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

/** Thrown anywhere in a handler; answered as a problem response. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? TITLES[code]);
  }

  get detail(): string {
    return this.message;
  }
}

export const PROBLEM_TYPE_BASE = 'https://creditbank.example/problems/';

export function problemBody(
  status: number,
  code: ProblemCode,
  detail: string | undefined,
  extra: { instance?: string; requestId?: string; errors?: FieldError[] | undefined },
): Problem {
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code],
    status,
    code,
  };
  if (detail !== undefined) body.detail = detail;
  if (extra.instance !== undefined) body.instance = extra.instance;
  if (extra.requestId !== undefined) body.requestId = extra.requestId;
  if (extra.errors && extra.errors.length > 0) body.errors = extra.errors;
  return body;
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(400, 'bad_request', detail, errors);
export const invalid = (errors: FieldError[], detail = 'the request has invalid fields') =>
  new HttpProblem(422, 'validation_failed', detail, errors);
export const notFound = (detail: string) => new HttpProblem(404, 'not_found', detail);
export const conflict = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(409, 'conflict', detail, errors);
export const forbidden = (detail: string) => new HttpProblem(403, 'forbidden', detail);
export const unauthorized = (detail: string) =>
  new HttpProblem(401, 'unauthorized', detail, undefined, {
    'WWW-Authenticate': 'Bearer realm="creditbank"',
  });
