/**
 * In-flight sharing of identical reads and the TTL cache with its invalidation, counted at the
 * `fetch` the client uses, against the real reference server.
 */
import { describe, expect, it } from 'vitest';
import type { SubstitutionRule } from '@creditbank/core';
import { CreditBankError } from '../src/index.js';
import { clientOf, recorder, sleep, tokenFor, useServerWithFaults } from './helpers.js';

const env = useServerWithFaults();

const PROGRAMS = '/v1/catalog/programs';

describe('in-flight sharing', () => {
  it('two identical concurrent GETs make one fetch', async () => {
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch, cache: false });
    const [a, b] = await Promise.all([client.catalog.programs(), client.catalog.programs()]);
    expect(a).toEqual(b);
    expect(rec.to(PROGRAMS)).toHaveLength(1);
    // different queries are different requests
    await Promise.all([
      client.catalog.courses({ limit: 1 }),
      client.catalog.courses({ limit: 2 }),
      client.catalog.courses({ limit: 1 }),
    ]);
    expect(rec.to('/v1/catalog/courses')).toHaveLength(2);
    // once settled, the next call fetches again (the cache is off)
    await client.catalog.programs();
    expect(rec.to(PROGRAMS)).toHaveLength(2);
  });

  it('one caller aborting does not cancel the other', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, delayMs: 400, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch, cache: false });
    const mine = new AbortController();
    const first = client.catalog.programs({ signal: mine.signal });
    const second = client.catalog.programs();
    await sleep(50);
    mine.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    const { items } = await second;
    expect(items.length).toBeGreaterThan(0);
    expect(rec.to(PROGRAMS)).toHaveLength(1);
  });

  it('the shared fetch is cancelled when every caller has aborted', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, delayMs: 2000, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch, cache: false });
    const one = new AbortController();
    const two = new AbortController();
    const a = client.catalog.programs({ signal: one.signal });
    const b = client.catalog.programs({ signal: two.signal });
    await sleep(50);
    one.abort();
    two.abort();
    await expect(a).rejects.toMatchObject({ code: 'aborted' });
    await expect(b).rejects.toMatchObject({ code: 'aborted' });
    // a new call does not join the cancelled one
    const started = performance.now();
    await client.catalog.programs();
    expect(performance.now() - started).toBeLessThan(1500);
    expect(rec.to(PROGRAMS)).toHaveLength(2);
  });

  it('a failure reaches every waiter', async () => {
    await env.admin.faults.add({ route: `GET ${PROGRAMS}`, status: 500, times: 1 });
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch, cache: false });
    const results = await Promise.allSettled([
      client.catalog.programs(),
      client.catalog.programs(),
    ]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(CreditBankError);
        expect(result.reason).toMatchObject({ status: 500, code: 'fault_injected' });
      }
    }
    expect(rec.to(PROGRAMS)).toHaveLength(1);
  });
});

describe('catalog cache', () => {
  it('serves repeated catalog reads from the cache until invalidated', async () => {
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    const first = await client.catalog.programs();
    const again = await client.catalog.programs();
    expect(again).toBe(first);
    expect(rec.to(PROGRAMS)).toHaveLength(1);

    const id = first.items[0]!.id;
    await client.catalog.program(id);
    await client.catalog.program(id);
    await client.catalog.courses({ q: 'a', limit: 3 });
    await client.catalog.courses({ limit: 3, q: 'a' });
    expect(rec.to(`${PROGRAMS}/${id}`)).toHaveLength(1);
    expect(rec.to('/v1/catalog/courses')).toHaveLength(1);

    client.invalidate(PROGRAMS);
    await client.catalog.programs();
    await client.catalog.program(id);
    await client.catalog.courses({ q: 'a', limit: 3 });
    expect(rec.to(PROGRAMS)).toHaveLength(2);
    expect(rec.to(`${PROGRAMS}/${id}`)).toHaveLength(2);
    expect(rec.to('/v1/catalog/courses')).toHaveLength(1);

    client.invalidate();
    await client.catalog.courses({ q: 'a', limit: 3 });
    expect(rec.to('/v1/catalog/courses')).toHaveLength(2);
  });

  it('expires entries after the ttl', async () => {
    const rec = recorder();
    const client = clientOf(env.server, {
      token: env.staffToken,
      fetch: rec.fetch,
      cache: { ttl: 100 },
    });
    await client.catalog.rules();
    await client.catalog.rules();
    expect(rec.to('/v1/catalog/rules')).toHaveLength(1);
    await sleep(150);
    await client.catalog.rules();
    expect(rec.to('/v1/catalog/rules')).toHaveLength(2);
  });

  it('cache: false fetches every time', async () => {
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch, cache: false });
    await client.catalog.programs();
    await client.catalog.programs();
    expect(rec.to(PROGRAMS)).toHaveLength(2);
  });

  it('learner reads are not cached by default', async () => {
    const rec = recorder();
    const client = clientOf(env.server, { token: env.staffToken, fetch: rec.fetch });
    const account = await client.learners.open({ displayName: 'Uncached' });
    await client.learners.balance(account.id);
    await client.learners.balance(account.id);
    expect(rec.to(`/v1/learners/${account.id}/balance`)).toHaveLength(2);
  });
});

describe('invalidation after writes', () => {
  it("deposit, verify, revoke and apply drop the learner's cached reads", async () => {
    const rec = recorder();
    const client = clientOf(env.server, {
      token: env.staffToken,
      fetch: rec.fetch,
      cache: { learnerTtl: 60_000 },
    });
    const privileged = clientOf(env.server, {
      token: await tokenFor(env.server, 'training', 'admin'),
      fetch: rec.fetch,
    });
    const other = await client.learners.open({ displayName: 'Bystander' });
    const account = await client.learners.open({ displayName: 'Cached Learner' });
    const base = `/v1/learners/${account.id}`;
    const reads = async () => {
      const [balance, ledger, outcomes] = await Promise.all([
        client.learners.balance(account.id),
        client.learners.ledger(account.id),
        client.learners.outcomes(account.id),
        client.learners.balance(other.id),
      ]);
      return { balance, ledger, outcomes };
    };
    const count = () =>
      [`${base}/balance`, `${base}/ledger`, `${base}/outcomes`].map((p) => rec.to(p, 'GET').length);

    await reads();
    await reads();
    expect(count()).toEqual([1, 1, 1]);

    // find a certificate a substitution rule of some program accepts
    const { items: programs } = await client.catalog.programs();
    let found: { program: string; certificate: string; level: string } | undefined;
    for (const program of programs) {
      const { items } = await client.catalog.rules({ program: program.id });
      const rule = items.find((r) => r.kind === 'substitution') as SubstitutionRule | undefined;
      if (!rule) continue;
      const ruleset = await client.catalog.ruleset({ program: program.id });
      const certificate = ruleset.certificates.find((c) => c.id === rule.certificate);
      const level = rule.minLevel ?? certificate?.levels.at(-1);
      if (certificate && level) {
        found = { program: program.id, certificate: certificate.id, level };
        break;
      }
    }
    expect(found).toBeDefined();
    const { program, certificate, level } = found!;

    const deposited = await client.learners.deposit(account.id, {
      outcome: {
        kind: 'certificate',
        earnedOn: '2024-01-10',
        certificate: { id: certificate, level },
      },
    });
    let state = await reads();
    expect(count()).toEqual([2, 2, 2]);
    expect(state.outcomes.items.map((e) => e.outcome.status)).toEqual(['pending']);
    // the bystander's balance stayed cached
    expect(rec.to(`/v1/learners/${other.id}/balance`)).toHaveLength(1);

    // a write through another client is invisible to this one until invalidated by hand
    await privileged.learners.verify(account.id, deposited.outcome.id);
    state = await reads();
    expect(count()).toEqual([2, 2, 2]);
    expect(state.outcomes.items[0]?.outcome.status).toBe('pending');
    client.invalidate(base);
    state = await reads();
    expect(count()).toEqual([3, 3, 3]);
    expect(state.outcomes.items[0]?.outcome.status).toBe('verified');

    const applied = await client.transfers.apply(account.id, { program });
    state = await reads();
    expect(count()).toEqual([4, 4, 4]);
    expect(state.ledger.items).toHaveLength(applied.ledger.length);

    await client.learners.revoke(account.id, deposited.outcome.id, { reason: 'test' });
    state = await reads();
    expect(count()).toEqual([5, 5, 5]);
    expect(state.outcomes.items[0]?.outcome.status).toBe('revoked');
  });

  it('a read in flight during a write is not shared with reads after it', async () => {
    const rec = recorder();
    const client = clientOf(env.server, {
      token: env.staffToken,
      fetch: rec.fetch,
      cache: { learnerTtl: 60_000 },
    });
    const account = await client.learners.open({ displayName: 'In Flight' });
    const path = `/v1/learners/${account.id}/outcomes`;
    await env.admin.faults.add({ route: `GET ${path}`, delayMs: 300, times: 1 });
    const before = client.learners.outcomes(account.id);
    await sleep(50);
    const { items: certs } = await client.catalog.certificates({ limit: 1 });
    const cert = certs[0]!;
    await client.learners.deposit(account.id, {
      outcome: {
        kind: 'certificate',
        earnedOn: '2024-01-10',
        certificate: { id: cert.id, level: cert.levels[0]! },
      },
    });
    const after = await client.learners.outcomes(account.id);
    expect(after.items).toHaveLength(1);
    await before;
    // the stale answer was not cached: this read is served from the fresh one
    expect((await client.learners.outcomes(account.id)).items).toHaveLength(1);
    expect(rec.to(path, 'GET')).toHaveLength(2);
  });
});
