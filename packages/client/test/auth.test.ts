/**
 * Authentication, the token provider's refresh on 401, tenant isolation and the tenant and
 * locale headers, against the real reference server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreditBankError, type CreditBankClient } from '../src/index.js';
import { clientOf, recorder, startTestServer, tokenFor, type TestServer } from './helpers.js';

let server: TestServer;
let trainingStaff: CreditBankClient;
let learnerId: string;

beforeAll(async () => {
  server = await startTestServer();
  trainingStaff = clientOf(server, { token: await tokenFor(server, 'training', 'staff') });
  learnerId = (await trainingStaff.learners.open({ displayName: 'Tenant A Learner' })).id;
});

afterAll(async () => {
  await server?.close();
});

describe('authentication', () => {
  it('a call without a token is a 401 unauthorized', async () => {
    const rec = recorder();
    const client = clientOf(server, { fetch: rec.fetch });
    const error = await client.learners.get(learnerId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      endpoint: `GET /v1/learners/${learnerId}`,
    });
    expect((error as CreditBankError).requestId).toBeTruthy();
    expect(rec.sent).toHaveLength(1);
    expect(rec.sent[0]!.headers.has('authorization')).toBe(false);
  });

  it('a bad token is a 401 unauthorized, and a string token is not retried', async () => {
    const rec = recorder();
    const client = clientOf(server, { token: 'not-a-token', fetch: rec.fetch });
    await expect(client.catalog.programs()).rejects.toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
    expect(rec.sent).toHaveLength(1);
    expect(rec.sent[0]!.headers.get('authorization')).toBe('Bearer not-a-token');
  });

  it('the token function is called again once on a 401 and the call repeated', async () => {
    const good = await tokenFor(server, 'training', 'staff');
    const asked: boolean[] = [];
    const rec = recorder();
    const client = clientOf(server, {
      fetch: rec.fetch,
      token: async ({ refresh }) => {
        asked.push(refresh);
        return refresh ? good : 'expired-token';
      },
    });
    const account = await client.learners.get(learnerId);
    expect(account.id).toBe(learnerId);
    expect(asked).toEqual([false, true]);
    expect(rec.sent.map((s) => s.headers.get('authorization'))).toEqual([
      'Bearer expired-token',
      `Bearer ${good}`,
    ]);
    // the new token is kept for later calls
    await client.learners.outcomes(learnerId);
    expect(asked).toEqual([false, true]);
    expect(rec.sent).toHaveLength(3);
  });

  it('gives up after one refresh when the new token is refused too', async () => {
    let calls = 0;
    const rec = recorder();
    const client = clientOf(server, {
      fetch: rec.fetch,
      token: () => {
        calls += 1;
        return `bad-${calls}`;
      },
    });
    await expect(client.learners.get(learnerId)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(calls).toBe(2);
    expect(rec.sent).toHaveLength(2);
  });

  it('concurrent 401s share one refresh', async () => {
    const good = await tokenFor(server, 'training', 'staff');
    let refreshes = 0;
    const client = clientOf(server, {
      cache: false,
      token: ({ refresh }) => {
        if (!refresh) return 'expired-token';
        refreshes += 1;
        return good;
      },
    });
    const [a, b, c] = await Promise.all([
      client.learners.get(learnerId),
      client.learners.outcomes(learnerId),
      client.learners.balance(learnerId),
    ]);
    expect(a.id).toBe(learnerId);
    expect(b.items).toEqual([]);
    expect(c.usableOutcomes).toBe(0);
    expect(refreshes).toBe(1);
  });

  it('a failing token function is a token_error', async () => {
    const client = clientOf(server, {
      token: () => Promise.reject(new Error('login expired')),
    });
    const error = await client.catalog.programs().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'token_error' });
    expect((error as Error).message).toContain('login expired');
  });

  it('a learner token sees its own account only', async () => {
    const other = await trainingStaff.learners.open({ displayName: 'Someone Else' });
    const self = clientOf(server, {
      token: await tokenFor(server, 'training', 'learner', learnerId),
    });
    expect((await self.learners.get(learnerId)).id).toBe(learnerId);
    expect((await self.learners.balance(learnerId)).usableOutcomes).toBe(0);
    await expect(self.learners.get(other.id)).rejects.toMatchObject({ status: 404 });
    await expect(self.learners.list()).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });
});

describe('tenant isolation', () => {
  it("staff of another tenant get a 404 for this tenant's learner", async () => {
    const enterprise = clientOf(server, { token: await tokenFor(server, 'enterprise', 'staff') });
    for (const read of [
      () => enterprise.learners.get(learnerId),
      () => enterprise.learners.balance(learnerId),
      () => enterprise.learners.ledger(learnerId),
      () => enterprise.learners.outcomes(learnerId),
    ]) {
      const error = await read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CreditBankError);
      expect(error).toMatchObject({ status: 404, code: 'not_found' });
    }
    const { items } = await enterprise.learners.list({ limit: 200 });
    expect(items.map((l) => l.id)).not.toContain(learnerId);
    expect((await enterprise.tenants()).items.map((t) => t.id)).toEqual(['enterprise']);
  });
});

describe('headers', () => {
  it('sends X-Tenant and Accept-Language', async () => {
    const rec = recorder();
    const client = clientOf(server, {
      token: await tokenFor(server, 'training', 'staff'),
      tenant: 'training',
      locale: 'zh-CN',
      fetch: rec.fetch,
    });
    await client.catalog.programs();
    await client.health();
    for (const sent of rec.sent) {
      expect(sent.headers.get('x-tenant')).toBe('training');
      expect(sent.headers.get('accept-language')).toBe('zh-CN');
      expect(sent.headers.get('accept')).toBe('application/json');
    }
  });
});
