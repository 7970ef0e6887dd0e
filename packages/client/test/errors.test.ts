import { ProgramList } from '@creditbank/core/api';
import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import {
  codeForStatus,
  CreditBankError,
  invalidResponse,
  isCreditBankError,
  networkErrors,
  problemError,
  responseIssues,
  toCreditBankError,
} from '../src/errors.js';

const endpoint = 'GET /v1/catalog/programs';
const request = new Request('http://127.0.0.1:1/v1/catalog/programs');

/** ky 1's HTTPError carries the answer unread: the client reads its body itself. */
function httpError(status: number, body: string | null, headers: Record<string, string> = {}) {
  const response = new Response(body, { status, headers });
  return new HTTPError(response, request, {} as never);
}

const notFound = JSON.stringify({
  type: 'about:blank',
  title: 'Not found',
  status: 404,
  code: 'not_found',
});

describe('problem responses', () => {
  it('carry the server code, status, request id and field errors', () => {
    const error = problemError(
      'POST /v1/learners',
      422,
      new Headers({ 'x-request-id': 'from-header' }),
      {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        requestId: 'req-1',
        errors: [{ path: 'displayName', message: 'expected at least 1 character(s)' }],
      },
    );
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(422);
    expect(error.requestId).toBe('req-1');
    expect(error.endpoint).toBe('POST /v1/learners');
    expect(error.errors).toEqual([
      { path: 'displayName', message: 'expected at least 1 character(s)' },
    ]);
    expect(error.message).toContain('displayName: expected at least 1 character(s)');
  });

  it('falls back to the status and the X-Request-Id header for a body that is no problem', () => {
    const error = problemError(endpoint, 502, new Headers({ 'x-request-id': 'h-1' }), '<html>');
    expect(error.code).toBe('internal');
    expect(error.status).toBe(502);
    expect(error.requestId).toBe('h-1');
    expect(codeForStatus(404)).toBe('not_found');
    expect(codeForStatus(418)).toBe('http_error');
  });
});

describe('invalid responses', () => {
  it('name the endpoint and the field path', () => {
    const body = { items: [{ id: 'p', institution: 'i', totalCredits: 3, courses: [] }] };
    const parsed = ProgramList.safeParse(body);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = responseIssues(parsed.error, body);
    expect(issues).toContainEqual({ path: 'items[0].name', message: 'is required' });
    const error = invalidResponse(endpoint, issues, { status: 200 });
    expect(error.code).toBe('invalid_response');
    expect(error.endpoint).toBe(endpoint);
    expect(error.path).toBe(issues[0]?.path);
    expect(error.message).toMatch(/^invalid response from GET \/v1\/catalog\/programs: /);
    expect(error.message).toContain('items[0].name: is required');
  });

  it('describe wrong types and values', () => {
    const body = { items: [{ id: 7 }] };
    const parsed = ProgramList.safeParse(body);
    if (parsed.success) throw new Error('expected a failure');
    const issues = responseIssues(parsed.error, body);
    expect(issues).toContainEqual({
      path: 'items[0].id',
      message: 'expected string, received number',
    });
  });
});

describe('mapping ky failures', () => {
  it('maps an HTTPError with a problem body', async () => {
    const error = await toCreditBankError(
      httpError(404, notFound, {
        'content-type': 'application/problem+json; charset=utf-8',
        'x-request-id': 'h-2',
      }),
      endpoint,
      undefined,
    );
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.requestId).toBe('h-2');
  });

  it('reads an error body as a problem only when it is JSON', async () => {
    const asText = await toCreditBankError(
      httpError(404, notFound.replace('not_found', 'conflict'), { 'content-type': 'text/plain' }),
      endpoint,
      undefined,
    );
    expect(asText).toMatchObject({ code: 'not_found', status: 404 });
    const broken = await toCreditBankError(
      httpError(503, '{"type":', { 'content-type': 'application/json' }),
      endpoint,
      undefined,
    );
    expect(broken).toMatchObject({ code: 'unavailable', status: 503 });
    const empty = await toCreditBankError(httpError(502, null), endpoint, undefined);
    expect(empty).toMatchObject({ code: 'internal', status: 502 });
  });

  it('maps timeouts, network errors and aborts', async () => {
    expect((await toCreditBankError(new TimeoutError(request), endpoint, undefined)).code).toBe(
      'timeout',
    );
    // the TypeError fetch rejects with (the transport marks it)
    const failure = new TypeError('fetch failed');
    networkErrors.add(failure);
    const network = await toCreditBankError(failure, endpoint, undefined);
    expect(network.code).toBe('network_error');
    expect(network.message).toBe(`${endpoint} failed: network error`);
    expect(network.cause).toBe(failure);
    // any other TypeError (a bad URL or header value) keeps its message
    const other = await toCreditBankError(new TypeError('Invalid URL'), endpoint, undefined);
    expect(other).toMatchObject({
      code: 'network_error',
      message: `${endpoint} failed: Invalid URL`,
    });
    expect(other.cause).toBeInstanceOf(TypeError);
    const controller = new AbortController();
    controller.abort();
    const aborted = await toCreditBankError(new TimeoutError(request), endpoint, controller.signal);
    expect(aborted.code).toBe('aborted');
    expect(aborted.cause).toBe(controller.signal.reason);
    const abortedHttp = await toCreditBankError(
      httpError(404, notFound),
      endpoint,
      controller.signal,
    );
    expect(abortedHttp.code).toBe('aborted');
    const domAbort = new DOMException('This operation was aborted', 'AbortError');
    expect((await toCreditBankError(domAbort, endpoint, undefined)).code).toBe('aborted');
  });

  it('passes a CreditBankError through and recognises copies by name', async () => {
    const original = new CreditBankError('timeout', 'x');
    expect(await toCreditBankError(original, endpoint, undefined)).toBe(original);
    const foreign = Object.assign(new Error('y'), { name: 'CreditBankError', code: 'timeout' });
    expect(isCreditBankError(foreign)).toBe(true);
    expect(isCreditBankError(new Error('z'))).toBe(false);
  });
});
