/**
 * Every client method against the real reference server (in-process, PGlite in memory): the
 * answers parse with the shared schemas and mean what the API contract says.
 */
import { validateRuleset, type SubstitutionRule } from '@creditbank/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreditBankError, type CreditBankClient } from '../src/index.js';
import { clientOf, recorder, startTestServer, tokenFor, type TestServer } from './helpers.js';

let server: TestServer;
let staff: CreditBankClient;
let admin: CreditBankClient;

beforeAll(async () => {
  server = await startTestServer();
  staff = clientOf(server, { token: await tokenFor(server, 'training', 'staff') });
  admin = clientOf(server, { token: await tokenFor(server, 'training', 'admin') });
});

afterAll(async () => {
  await server?.close();
});

/** A program with a substitution rule, the rule, and a certificate level that satisfies it. */
async function substitutionTarget(client: CreditBankClient) {
  const { items: programs } = await client.catalog.programs();
  for (const program of programs) {
    const { items: rules } = await client.catalog.rules({ program: program.id });
    const rule = rules.find((r) => r.kind === 'substitution') as SubstitutionRule | undefined;
    if (!rule) continue;
    const ruleset = await client.catalog.ruleset({ program: program.id });
    const certificate = ruleset.certificates.find((c) => c.id === rule.certificate);
    if (!certificate) continue;
    const level = rule.minLevel ?? certificate.levels[certificate.levels.length - 1];
    if (level === undefined) continue;
    return { program, rule, certificate, level };
  }
  throw new Error('the seed has no program with a substitution rule');
}

describe('public endpoints', () => {
  it('health() and openapi() answer without a token and send none', async () => {
    const rec = recorder();
    const client = clientOf(server, { baseUrl: `${server.url}/`, fetch: rec.fetch });
    const health = await client.health();
    expect(health.status).toBe('ok');
    expect(typeof health.version).toBe('string');
    const doc = await client.openapi();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/v1/health');
    expect(rec.sent).toHaveLength(2);
    expect(rec.sent.every((s) => !s.headers.has('authorization'))).toBe(true);
  });

  it('devToken() issues a token that works for its tenant', async () => {
    const rec = recorder();
    const { token, expiresAt } = await clientOf(server, {
      token: 'ignored-for-public-calls',
      fetch: rec.fetch,
    }).devToken({ tenant: 'training', role: 'staff' });
    expect(rec.to('/v1/dev/token')[0]?.headers.has('authorization')).toBe(false);
    expect(token.length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(expiresAt))).toBe(false);
    const { items } = await clientOf(server, { token }).tenants();
    expect(items.map((t) => t.id)).toEqual(['training']);
  });
});

describe('catalog', () => {
  it('programs(), program(id), rules() and ruleset() agree', async () => {
    const { items: programs } = await staff.catalog.programs();
    expect(programs.length).toBeGreaterThan(0);
    const first = programs[0]!;
    expect(await staff.catalog.program(first.id)).toEqual(first);
    const { items: allRules } = await staff.catalog.rules();
    const { items: rules } = await staff.catalog.rules({ program: first.id });
    expect(allRules.length).toBeGreaterThanOrEqual(rules.length);
    expect(rules.every((r) => r.program === undefined || r.program === first.id)).toBe(true);
    const ruleset = await staff.catalog.ruleset({ program: first.id });
    expect(ruleset.programs.map((p) => p.id)).toContain(first.id);
    // what the widgets plan on is a valid core ruleset
    const checked = validateRuleset(ruleset);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });

  it('program(id) of an unknown program is a not_found CreditBankError', async () => {
    const error = await staff.catalog.program('no-such-program').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('certificates(query) pages through the catalog', async () => {
    const page = await staff.catalog.certificates({ limit: 2 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(2);
    if (page.nextCursor) {
      const next = await staff.catalog.certificates({ limit: 2, cursor: page.nextCursor });
      expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
    }
    const category = page.items[0]!.category;
    const filtered = await staff.catalog.certificates({ category, limit: 200 });
    expect(filtered.items.every((c) => c.category === category)).toBe(true);
  });

  it('courses(query) searches the course supermarket with facets', async () => {
    const page = await staff.catalog.courses({ limit: 5, sort: 'credits-desc' });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(300);
    const credits = page.items.map((c) => c.credits);
    expect([...credits].sort((a, b) => b - a)).toEqual(credits);
    expect(page.facets.provider.length).toBeGreaterThan(0);
    const provider = page.facets.provider[0]!.value;
    const byProvider = await staff.catalog.courses({ provider, limit: 200 });
    expect(byProvider.items.length).toBeGreaterThan(0);
    expect(byProvider.items.every((c) => c.provider === provider)).toBe(true);
  });
});

describe('a learner from account to transfer', () => {
  it('runs open, list, get, deposit, verify, preview, apply, ledger, balance, scenario, verifyCertificate and revoke', async () => {
    const target = await substitutionTarget(staff);
    const name = `Client Test ${Date.now()}`;

    const account = await staff.learners.open({ displayName: name, externalRef: 'EMP-001' });
    expect(account).toMatchObject({
      tenant: 'training',
      displayName: name,
      externalRef: 'EMP-001',
    });
    expect(await staff.learners.get(account.id)).toEqual(account);
    const listed = await staff.learners.list({ q: name, limit: 10 });
    expect(listed.items.map((l) => l.id)).toContain(account.id);

    const number = `CB-CLIENT-${Date.now()}`;
    const deposited = await staff.learners.deposit(account.id, {
      outcome: {
        kind: 'certificate',
        earnedOn: '2024-06-01',
        certificate: { id: target.certificate.id, level: target.level, number },
      },
      title: target.certificate.name,
      evidence: [{ kind: 'record', label: 'issuer record' }],
    });
    expect(deposited.outcome.status).toBe('pending');
    const oid = deposited.outcome.id;
    const { items: archive } = await staff.learners.outcomes(account.id);
    expect(archive.map((e) => e.outcome.id)).toEqual([oid]);

    const verified = await admin.learners.verify(account.id, oid);
    expect(verified.outcome.status).toBe('verified');
    expect(verified.verifiedAt).toBeTruthy();

    const preview = await staff.transfers.preview(account.id, { program: target.program.id });
    expect(preview.program).toBe(target.program.id);
    const grant = preview.grants.find((g) => g.rule === target.rule.id);
    expect(grant?.outcomes).toContain(oid);

    const applied = await staff.transfers.apply(account.id, { program: target.program.id });
    expect(applied.transfer.learner).toBe(account.id);
    expect(applied.transfer.grants.map((g) => g.rule)).toContain(target.rule.id);
    expect(applied.ledger.length).toBeGreaterThan(0);
    expect(applied.ledger.every((e) => e.type === 'grant')).toBe(true);

    const ledger = await staff.learners.ledger(account.id, { limit: 50 });
    expect(ledger.items.map((e) => e.id).sort()).toEqual(applied.ledger.map((e) => e.id).sort());

    const balance = await staff.learners.balance(account.id, { asOf: '2025-01-01' });
    expect(balance.asOf).toBe('2025-01-01');
    expect(balance.byKind.certificate).toBe(1);

    const scenario = await staff.learners.scenario(account.id, { program: target.program.id });
    expect(scenario.learner.id).toBe(account.id);
    expect(scenario.learner.outcomes.map((o) => o.id)).toContain(oid);

    const lookup = await clientOf(server).verifyCertificate(number);
    expect(lookup).toMatchObject({
      number,
      certificate: { id: target.certificate.id },
      level: target.level,
      status: 'valid',
    });
    expect(lookup.holder).not.toBe(name);

    const revoked = await admin.learners.revoke(account.id, oid, { reason: 'issuer withdrew it' });
    expect(revoked.outcome.status).toBe('revoked');
    expect(revoked.revokedReason).toBe('issuer withdrew it');
    const after = await staff.learners.ledger(account.id);
    const reversals = after.items.filter((e) => e.type === 'reversal');
    expect(reversals.length).toBe(applied.ledger.length);
    expect(reversals.reduce((sum, e) => sum + e.credits, 0)).toBe(
      -applied.ledger.reduce((sum, e) => sum + e.credits, 0),
    );
    expect((await clientOf(server).verifyCertificate(number)).status).toBe('revoked');
  });

  it('deposit() of an unknown certificate is a 422 naming the field', async () => {
    const account = await staff.learners.open({ displayName: 'Bad Deposit' });
    const error = await staff.learners
      .deposit(account.id, {
        outcome: {
          kind: 'certificate',
          earnedOn: '2024-06-01',
          certificate: { id: 'no-such-certificate', level: 'x' },
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreditBankError);
    const e = error as CreditBankError;
    expect(e.status).toBe(422);
    expect(e.errors.length).toBeGreaterThan(0);
    expect(e.errors.map((f) => f.path).join(' ')).toMatch(/certificate/);
    expect(e.requestId).toBeTruthy();
  });

  it('deposit() is typed: a kind the core does not know is a type error, and the server refuses it', async () => {
    const account = await staff.learners.open({ displayName: 'Typed Deposit' });
    const error = await staff.learners
      // @ts-expect-error -- 'diploma' is no outcome kind (the type names course, certificate, nonformal)
      .deposit(account.id, { outcome: { kind: 'diploma', earnedOn: '2024-06-01' } })
      .catch((e: unknown) => e);
    expect((error as CreditBankError).status).toBe(422);
    expect((error as CreditBankError).errors.map((f) => f.path)).toContain('outcome.kind');
  });
});

describe('idempotent apply', () => {
  it('the same key answers the same transfer and writes the ledger once', async () => {
    const target = await substitutionTarget(staff);
    const account = await staff.learners.open({ displayName: 'Idempotent Learner' });
    const deposited = await staff.learners.deposit(account.id, {
      outcome: {
        kind: 'certificate',
        earnedOn: '2024-03-01',
        certificate: { id: target.certificate.id, level: target.level },
      },
    });
    await staff.learners.verify(account.id, deposited.outcome.id);

    const rec = recorder();
    const client = clientOf(server, {
      token: await tokenFor(server, 'training', 'staff'),
      fetch: rec.fetch,
    });
    const key = `apply-${account.id}`;
    const first = await client.transfers.apply(
      account.id,
      { program: target.program.id },
      { idempotencyKey: key },
    );
    const ledgerAfterFirst = await client.learners.ledger(account.id);
    const second = await client.transfers.apply(
      account.id,
      { program: target.program.id },
      { idempotencyKey: key },
    );
    expect(second.transfer.id).toBe(first.transfer.id);
    expect(second.ledger.map((e) => e.id)).toEqual(first.ledger.map((e) => e.id));
    const ledgerAfterSecond = await client.learners.ledger(account.id);
    expect(ledgerAfterSecond.items).toEqual(ledgerAfterFirst.items);
    expect(ledgerAfterSecond.items).toHaveLength(first.ledger.length);
    const applies = rec.to(`/v1/learners/${account.id}/transfers`, 'POST');
    expect(applies.map((s) => s.headers.get('idempotency-key'))).toEqual([key, key]);

    // the key with another body is refused, and nothing is written
    const reused = await client.transfers
      .apply(
        account.id,
        { program: target.program.id, asOf: '2024-12-31' },
        { idempotencyKey: key },
      )
      .catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(CreditBankError);
    expect(reused).toMatchObject({ code: 'idempotency_key_reused', status: 422 });
    expect((await client.learners.ledger(account.id)).items).toEqual(ledgerAfterFirst.items);

    // without a key the client makes one: a fresh apply finds nothing new to grant
    const error = await client.transfers
      .apply(account.id, { program: target.program.id })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409 });
    const generated = rec.to(`/v1/learners/${account.id}/transfers`, 'POST')[3];
    expect(generated?.headers.get('idempotency-key')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('fault switch', () => {
  it('faults.add(), list() and clear()', async () => {
    const added = await admin.faults.add({
      route: 'GET /v1/catalog/nothing-here',
      status: 503,
      times: 1,
    });
    expect(added.items).toContainEqual(
      expect.objectContaining({ route: 'GET /v1/catalog/nothing-here', status: 503 }),
    );
    expect((await admin.faults.list()).items).toHaveLength(added.items.length);
    expect((await admin.faults.clear()).items).toEqual([]);
    expect((await admin.faults.list()).items).toEqual([]);
  });

  it('is refused to staff', async () => {
    const error = await staff.faults.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
