/** The fault and latency switch: delay, status, rate, times, route patterns; off in production. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';
import { SECRET, startTestServer, type TestServer } from './helpers.js';

let s: TestServer;
let admin: string;

beforeAll(async () => {
  s = await startTestServer({ seed: { courses: 200, learners: 10 } });
  admin = s.token('training', 'admin');
});
afterAll(() => s?.close());

const put = (body: unknown) => s.call('PUT', '/v1/dev/faults', { token: admin, body });
const clear = (route?: string) =>
  s.call('DELETE', `/v1/dev/faults${route ? `?route=${encodeURIComponent(route)}` : ''}`, {
    token: admin,
  });

describe('fault switch', () => {
  it('is off by default', async () => {
    const list = await s.call('GET', '/v1/dev/faults', { token: admin });
    expect(list.body).toEqual({ items: [] });
    expect((await s.call('GET', '/v1/health')).status).toBe(200);
  });

  it('answers an error status as a fault_injected problem until cleared', async () => {
    const added = await put({ route: 'GET /v1/health', status: 503 });
    expect(added.body.items).toEqual([{ route: 'GET /v1/health', status: 503 }]);
    const faulted = await s.call('GET', '/v1/health');
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('content-type')).toBe('application/problem+json');
    expect(faulted.body).toMatchObject({ code: 'fault_injected', status: 503 });
    expect(faulted.headers.get('x-request-id')).toBeTruthy();
    // other methods and paths are untouched
    expect((await s.call('GET', '/v1/openapi.json')).status).toBe(200);
    expect((await clear('GET /v1/health')).body.items).toEqual([]);
    expect((await s.call('GET', '/v1/health')).status).toBe(200);
  });

  it('delays matching requests', async () => {
    await put({ route: 'GET /v1/catalog/programs', delayMs: 300 });
    const token = s.token('training', 'staff');
    const started = performance.now();
    const slow = await s.call('GET', '/v1/catalog/programs', { token });
    const elapsed = performance.now() - started;
    expect(slow.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    await clear();
    const quick = performance.now();
    await s.call('GET', '/v1/catalog/programs', { token });
    expect(performance.now() - quick).toBeLessThan(elapsed);
  });

  it('applies a rate: never at 0, always at 1, about half at 0.5', async () => {
    await put({ route: 'GET /v1/health', status: 500, rate: 0 });
    for (let i = 0; i < 20; i++) expect((await s.call('GET', '/v1/health')).status).toBe(200);
    await clear();
    await put({ route: 'GET /v1/health', status: 500, rate: 1 });
    for (let i = 0; i < 5; i++) expect((await s.call('GET', '/v1/health')).status).toBe(500);
    await clear();
    await put({ route: 'GET /v1/health', status: 502, rate: 0.5 });
    let failed = 0;
    for (let i = 0; i < 200; i++) if ((await s.call('GET', '/v1/health')).status === 502) failed++;
    // binomial(200, 0.5): outside 60..140 has a probability below 1e-8
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
    await clear();
  });

  it('counts down `times`, matches `*` segments and any method without one', async () => {
    await put({ route: 'GET /v1/learners/*/balance', status: 500, times: 2 });
    const token = s.token('training', 'staff');
    expect((await s.call('GET', '/v1/learners/trn-0001/ledger', { token })).status).toBe(200);
    expect((await s.call('GET', '/v1/learners/trn-0001/balance', { token })).status).toBe(500);
    expect((await s.call('GET', '/v1/dev/faults', { token: admin })).body.items[0].times).toBe(1);
    expect((await s.call('GET', '/v1/learners/trn-0002/balance', { token })).status).toBe(500);
    expect((await s.call('GET', '/v1/learners/trn-0001/balance', { token })).status).toBe(200);
    await put({ route: '/v1/learners/*/transfers/preview', status: 429 });
    const preview = await s.call('POST', '/v1/learners/trn-0001/transfers/preview', {
      token,
      body: { program: 'ouc-cnt-assoc' },
    });
    expect([preview.status, preview.body.code]).toEqual([429, 'fault_injected']);
    await clear();
  });

  it('never faults its own routes, so a catch-all can be cleared', async () => {
    await put({ route: '/v1/**', status: 500 });
    expect((await s.call('GET', '/v1/health')).status).toBe(500);
    expect((await s.call('GET', '/v1/dev/faults', { token: admin })).status).toBe(200);
    expect((await clear()).status).toBe(200);
    expect((await s.call('GET', '/v1/health')).status).toBe(200);
  });
});

describe('production mode', () => {
  it('refuses the fault switch and dev tokens with 404, and needs a token secret', async () => {
    await expect(startServer({ port: 0, mode: 'production', seed: false })).rejects.toThrow(
      /tokenSecret/,
    );
    const prod = await startTestServer({
      mode: 'production',
      seed: { courses: 200, learners: 10 },
    });
    try {
      const admin = prod.token('training', 'admin');
      for (const [method, path] of [
        ['GET', '/v1/dev/faults'],
        ['PUT', '/v1/dev/faults'],
        ['DELETE', '/v1/dev/faults'],
      ] as const) {
        const reply = await prod.call(method, path, {
          token: admin,
          body: method === 'PUT' ? { route: '/v1/**', status: 500 } : undefined,
        });
        expect([reply.status, reply.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
      }
      const token = await prod.call('POST', '/v1/dev/token', {
        body: { tenant: 'training', role: 'admin' },
      });
      expect(token.status).toBe(404);
      expect((await prod.call('GET', '/v1/health')).status).toBe(200);
      // no CORS origins by default in production
      const cors = await prod.call('GET', '/v1/health', {
        headers: { Origin: 'http://localhost:5173' },
      });
      expect(cors.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await prod.close();
    }
  });

  it('NODE_ENV=production turns the switch off whatever the mode', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let server: TestServer | undefined;
    try {
      server = await startTestServer({
        mode: 'development',
        tokenSecret: SECRET,
        seed: { courses: 200, learners: 10 },
      });
      const reply = await server.call('GET', '/v1/dev/faults', {
        token: server.token('training', 'admin'),
      });
      expect(reply.status).toBe(404);
    } finally {
      process.env.NODE_ENV = previous;
      await server?.close();
    }
  });
});
