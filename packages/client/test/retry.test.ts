import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY,
  jitter,
  kyRetry,
  normalizeRetry,
  retryDecision,
} from '../src/retry.js';

describe('retry policy', () => {
  it('defaults to two retries on 429 and 503', () => {
    expect(normalizeRetry(undefined)).toBe(DEFAULT_RETRY);
    expect(DEFAULT_RETRY.limit).toBe(2);
    expect(DEFAULT_RETRY.statusCodes).toEqual([429, 503]);
    expect(normalizeRetry(false).limit).toBe(0);
    expect(normalizeRetry(5).limit).toBe(5);
    expect(normalizeRetry({ baseDelay: 10, limit: undefined })).toMatchObject({
      limit: 2,
      baseDelay: 10,
    });
  });

  it('refuses nonsense', () => {
    expect(() => normalizeRetry(-1)).toThrow(RangeError);
    expect(() => normalizeRetry({ limit: 1.5 })).toThrow(/retry.limit/);
    expect(() => normalizeRetry({ baseDelay: Number.NaN })).toThrow(/retry.baseDelay/);
  });

  it('backs off exponentially up to maxDelay', () => {
    const policy = normalizeRetry({ baseDelay: 100, maxDelay: 500 });
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 400, 500]);
  });

  it('jitters within [delay/2, delay]', () => {
    expect(jitter(400, () => 0)).toBe(200);
    expect(jitter(400, () => 1)).toBe(400);
    for (let i = 0; i < 100; i++) {
      const d = jitter(400);
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
  });

  it('gives ky no retries for a call that must not repeat', () => {
    expect(kyRetry(DEFAULT_RETRY, 'POST', false)).toEqual({ limit: 0 });
    expect(kyRetry(normalizeRetry(0), 'GET', true)).toEqual({ limit: 0 });
  });

  it('lets ky retry a repeatable call of any method, honouring Retry-After', () => {
    const options = kyRetry(normalizeRetry({ baseDelay: 50 }), 'POST', true);
    expect(options.limit).toBe(2);
    expect(options.methods).toEqual(['post']);
    expect(options.statusCodes).toEqual([429, 503]);
    expect(options.afterStatusCodes).toEqual([429, 503]);
    expect(options.retryOnTimeout).toBe(false);
    expect(options.delay?.(1)).toBe(50);
    expect(options.delay?.(3)).toBe(200);
    const jittered = options.jitter as (d: number) => number;
    expect(jittered(100)).toBeGreaterThanOrEqual(50);
  });

  it('retries only network failures, timeouts and error answers', () => {
    const request = new Request('http://127.0.0.1:1/v1/health');
    const answer = (status: number, headers: Record<string, string> = {}) =>
      new HTTPError(new Response(null, { status, headers }), request, {} as never);
    const codes = [429, 503];
    // undefined: ky's own rules (status codes, Retry-After, retryOnTimeout) decide
    expect(retryDecision(new TypeError('fetch failed'), codes)).toBeUndefined();
    expect(retryDecision(new TimeoutError(request), codes)).toBeUndefined();
    expect(retryDecision(answer(503), codes)).toBeUndefined();
    expect(retryDecision(answer(503, { 'retry-after': '2' }), codes)).toBeUndefined();
    expect(
      retryDecision(answer(429, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), codes),
    ).toBeUndefined();
    // a Retry-After ky 1 cannot read: back off instead of waiting maxRetryAfter
    expect(retryDecision(answer(503, { 'retry-after': 'soon' }), codes)).toBe(true);
    expect(retryDecision(answer(404, { 'retry-after': 'soon' }), codes)).toBeUndefined();
    expect(retryDecision(new Error('a bug'), codes)).toBe(false);
    const options = kyRetry(DEFAULT_RETRY, 'GET', true);
    expect(options.shouldRetry?.({ error: new Error('x'), retryCount: 1 })).toBe(false);
  });
});
