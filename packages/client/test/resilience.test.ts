/**
 * Retries, Retry-After, timeouts, aborts, network failures and invalid responses, driven by
 * the real server's fault switch and by rewriting its real answers.
 */
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createClient, CreditBankError } from '../src/index.js';
import { clientOf, recorder, rewriteJson, useServerWithFaults } from './helpers.js';

const env = useServerWithFaults();

const PROGRAMS = '/v1/catalog/programs';

describe('retries', () => {
  it('retries a GET after an injected 503 and succeeds', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, status: 503, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch, cache: false });
    const { items } = await client.catalog.programs();
    expect(items.length).toBeGreaterThan(0);
    expect(rec.to(PROGRAMS)).toHaveLength(2);
  });

  it('gives up after the retry limit with the server problem', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, status: 503 });
    const rec = recorder();
    const client = clientOf(env.server, {
      token: env.staffToken,
      fetch: rec.fetch,
      cache: false,
      retry: { limit: 2, baseDelay: 10 },
    });
    const error = await client.catalog.programs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error).toMatchObject({
      code: 'fault_injected',
      status: 503,
      endpoint: `GET ${PROGRAMS}`,
    });
    expect(rec.to(PROGRAMS)).toHaveLength(3);
  });

  it('honours Retry-After on a 429', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, status: 429, times: 1 });
    let retryAfterFromServer: string | null = null;
    const rec = recorder((response) => {
      if (response.status !== 429) return response;
      retryAfterFromServer = response.headers.get('retry-after');
      if (retryAfterFromServer) return response;
      // the server sent none: add it to its real 429 answer
      const headers = new Headers(response.headers);
      headers.set('retry-after', '1');
      return new Response(response.body, { status: 429, headers });
    });
    const client = clientOf(env.server, {
      token: env.staffToken,
      fetch: rec.fetch,
      cache: false,
      retry: { baseDelay: 10, maxDelay: 10 },
    });
    const started = performance.now();
    await client.catalog.programs();
    const elapsed = performance.now() - started;
    const seconds = Number(retryAfterFromServer ?? '1');
    expect(rec.to(PROGRAMS)).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(seconds * 1000 - 50);
  });

  it('does not retry a POST without an idempotency key', async () => {
    await env.admin.faults.add({ route: 'POST /v1/learners', status: 503, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    const error = await client.learners.open({ displayName: 'Not Twice' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'fault_injected', status: 503 });
    expect(rec.to('/v1/learners', 'POST')).toHaveLength(1);
    // the fault was used up: the next call goes through
    expect((await client.learners.open({ displayName: 'Once' })).displayName).toBe('Once');
  });

  it('retries transfers.apply with the same idempotency key', async () => {
    const client0 = clientOf(env.server, { token: env.staffToken });
    const account = await client0.learners.open({ displayName: 'Retry Apply' });
    const { items: programs } = await client0.catalog.programs();
    await env.admin.faults.add({ route: 'POST /v1/learners/*/transfers', status: 503, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    // a new account has nothing to grant: the server answers 409 once the fault has passed
    const error = await client.transfers
      .apply(account.id, { program: programs[0]!.id })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409 });
    const sent = rec.to(`/v1/learners/${account.id}/transfers`, 'POST');
    expect(sent).toHaveLength(2);
    const keys = sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('retries transfers.preview, a POST that writes nothing', async () => {
    const setup = clientOf(env.server, { token: env.staffToken });
    const account = await setup.learners.open({ displayName: 'Retry Preview' });
    const { items: programs } = await setup.catalog.programs();
    await env.admin.faults.add({
      route: 'POST /v1/learners/*/transfers/preview',
      status: 503,
      times: 1,
    });
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    const plan = await client.transfers.preview(account.id, { program: programs[0]!.id });
    expect(plan.program).toBe(programs[0]!.id);
    expect(rec.to(`/v1/learners/${account.id}/transfers/preview`)).toHaveLength(2);
  });

  it('retries a network failure, then reports network_error', async () => {
    const rec = recorder();
    const client = createClient({
      baseUrl: await closedLoopbackUrl(),
      fetch: rec.fetch,
      retry: { limit: 1, baseDelay: 10 },
    });
    const error = await client.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error).toMatchObject({
      code: 'network_error',
      endpoint: 'GET /v1/health',
      message: 'GET /v1/health failed: network error',
    });
    expect((error as CreditBankError).cause).toBeInstanceOf(TypeError);
    expect(rec.sent).toHaveLength(2);
  });

  it('backs off on a Retry-After it cannot read instead of waiting maxRetryAfter', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, status: 503, times: 1 });
    const rec = recorder((response) => {
      if (response.status !== 503) return response;
      const headers = new Headers(response.headers);
      headers.set('retry-after', 'soon');
      return new Response(response.body, { status: 503, headers });
    });
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch, cache: false });
    const started = performance.now();
    await client.catalog.programs();
    expect(rec.to(PROGRAMS)).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('does not retry what a custom fetch throws beside network failures', async () => {
    let calls = 0;
    const client = createClient({
      baseUrl: env.server.url,
      fetch: () => {
        calls++;
        return Promise.reject(new Error('blocked by policy'));
      },
      retry: { baseDelay: 10 },
    });
    await expect(client.health()).rejects.toMatchObject({
      code: 'http_error',
      message: 'GET /v1/health failed: blocked by policy',
    });
    expect(calls).toBe(1);
  });

  it('joins a base URL with a path prefix and trailing slashes', async () => {
    const rec = recorder();
    const client = createClient({ baseUrl: `${env.server.url}/v1//`, fetch: rec.fetch });
    const error = await client.health().catch((e: unknown) => e);
    // the prefix is kept: /v1/v1/health does not exist
    expect(error).toMatchObject({ status: 404 });
    expect(rec.sent[0]?.path).toBe('/v1/v1/health');
  });
});

/** A loopback URL nothing listens on: a port the system handed out, then closed. */
async function closedLoopbackUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('timeouts and aborts', () => {
  it('times out a slow answer with code timeout', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, delayMs: 2000, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, {
      token: env.staffToken,
      timeout: 200,
      cache: false,
      fetch: rec.fetch,
    });
    const started = performance.now();
    const error = await client.catalog.programs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error).toMatchObject({ code: 'timeout', endpoint: `GET ${PROGRAMS}` });
    expect(performance.now() - started).toBeLessThan(1500);
    // timeouts are not retried by default
    expect(rec.to(PROGRAMS)).toHaveLength(1);
  });

  it('retries a timed-out attempt with retryOnTimeout', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, delayMs: 2000, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, {
      token: env.staffToken,
      timeout: 200,
      cache: false,
      fetch: rec.fetch,
      retry: { baseDelay: 10, retryOnTimeout: true },
    });
    const { items } = await client.catalog.programs();
    expect(items.length).toBeGreaterThan(0);
    expect(rec.to(PROGRAMS)).toHaveLength(2);
  });

  it('aborts a call mid-request with code aborted', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, delayMs: 2000, times: 1 });
    const client = clientOf(env.server, { token: env.staffToken, cache: false });
    const controller = new AbortController();
    const started = performance.now();
    const pending = client.catalog.programs({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error).toMatchObject({ code: 'aborted', endpoint: `GET ${PROGRAMS}` });
    expect((error as CreditBankError).cause).toBe(controller.signal.reason);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('aborts a POST mid-request', async () => {
    await env.admin.faults.add({ route: 'POST /v1/learners', delayMs: 2000, times: 1 });
    const client = clientOf(env.server, { token: env.staffToken });
    const error = await client.learners
      .open({ displayName: 'Aborted' }, { signal: AbortSignal.timeout(100) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'aborted' });
  });

  it('rejects at once for a signal that has already fired, sending nothing', async () => {
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    const signal = AbortSignal.abort();
    await expect(client.catalog.programs({ signal })).rejects.toMatchObject({ code: 'aborted' });
    await expect(client.learners.open({ displayName: 'x' }, { signal })).rejects.toMatchObject({
      code: 'aborted',
    });
    expect(rec.sent).toHaveLength(0);
  });
});

describe('invalid responses', () => {
  it('a missing required field names the endpoint and the field path', async () => {
    const rec = recorder((response, sent) =>
      sent.path === PROGRAMS
        ? rewriteJson(response, (body) => {
            const items = (body as { items: Record<string, unknown>[] }).items;
            delete items[0]!['name'];
            return body;
          })
        : response,
    );
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    const error = await client.catalog.programs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error).toMatchObject({
      code: 'invalid_response',
      endpoint: `GET ${PROGRAMS}`,
      path: 'items[0].name',
      status: 200,
    });
    expect((error as Error).message).toBe(
      `invalid response from GET ${PROGRAMS}: items[0].name: is required`,
    );
    // an invalid answer is not retried and not cached
    expect(rec.to(PROGRAMS)).toHaveLength(1);
  });

  it('a wrong type deep in a core result names its path', async () => {
    const account = await clientOf(env.server, { token: env.staffToken }).learners.open({
      displayName: 'Bad Balance',
    });
    const path = `/v1/learners/${account.id}/balance`;
    const rec = recorder((response, sent) =>
      sent.path.startsWith(path)
        ? rewriteJson(response, (body) => {
            (body as { credits: Record<string, unknown> }).credits['total'] = 'lots';
            return body;
          })
        : response,
    );
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    const error = await client.learners.balance(account.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'invalid_response',
      endpoint: `GET ${path}`,
      path: 'credits.total',
    });
    expect((error as Error).message).toContain('credits.total: expected number, received string');
  });

  it('a body that is not JSON is an invalid_response', async () => {
    const rec = recorder(
      (response) =>
        new Response('<html>maintenance</html>', { status: 200, headers: response.headers }),
    );
    const client = clientOf(env.server, { fetch: rec.fetch });
    await expect(client.health()).rejects.toMatchObject({
      code: 'invalid_response',
      endpoint: 'GET /v1/health',
      path: '',
    });
  });
});
