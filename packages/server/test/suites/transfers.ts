/**
 * Transfer preview/apply/revoke behaviour, run against PGlite (transfers.test.ts) and against a
 * real PostgreSQL server (postgres.test.ts): the same SQL, the same answers.
 */
import { evaluateScenario } from '@creditbank/core';
import { expect, it } from 'vitest';
import type { Json, TestServer } from '../helpers.js';

const apply = (s: TestServer, learner: string, body: Json, key?: string, token?: string) =>
  s.call('POST', `/v1/learners/${learner}/transfers`, {
    token: token ?? s.token('training', 'staff'),
    body,
    headers: key === undefined ? {} : { 'Idempotency-Key': key },
  });

const preview = (s: TestServer, learner: string, program: string, tenant = 'training') =>
  s.call('POST', `/v1/learners/${learner}/transfers/preview`, {
    token: s.token(tenant, 'staff'),
    body: { program },
  });

async function ledgerOf(s: TestServer, learner: string, tenant = 'training'): Promise<Json[]> {
  const reply = await s.call('GET', `/v1/learners/${learner}/ledger?limit=200`, {
    token: s.token(tenant, 'staff'),
  });
  expect(reply.status).toBe(200);
  return reply.body.items;
}

/** A new learner holding one verified certificate, made through the API. */
async function learnerWithCertificate(s: TestServer, id: string, number: string): Promise<void> {
  const token = s.token('training', 'staff');
  expect(
    (await s.call('POST', '/v1/learners', { token, body: { id, displayName: '测试学员' } })).status,
  ).toBe(201);
  const deposit = await s.call('POST', `/v1/learners/${id}/outcomes`, {
    token,
    body: {
      outcome: {
        id: `${id}-cert`,
        kind: 'certificate',
        earnedOn: '2025-03-01',
        certificate: { id: '1x-web', level: 'junior', number },
      },
    },
  });
  expect(deposit.status).toBe(201);
  const verify = await s.call('POST', `/v1/learners/${id}/outcomes/${id}-cert/verify`, { token });
  expect(verify.status).toBe(200);
}

export function transferSuite(get: () => TestServer, label: string): void {
  it('previews a learner with nothing applied: every grant is new', async () => {
    const reply = await preview(get(), 'trn-0001', 'ouc-cnt-assoc');
    expect(reply.status).toBe(200);
    expect(reply.body.transferredCredits).toBe(18);
    expect(reply.body.grants.map((g: Json) => [g.rule, g.applied])).toEqual([
      ['R-CNT-NF-ONLINE', false],
      ['R-CNT-NF-WORK', false],
      ['R-CNT-REC-CQU-CS', false],
      ['R-CNT-SUB-WEB-I', false],
    ]);
  });

  let first: Json;
  it('applies in one transfer; the preview afterwards agrees with the ledger', async () => {
    const s = get();
    const reply = await apply(s, 'trn-0001', { program: 'ouc-cnt-assoc' }, 'apply-trn-0001-first');
    expect(reply.status).toBe(201);
    expect(reply.headers.get('idempotency-replayed')).toBeNull();
    first = reply.body;
    expect(first.transfer.grants).toHaveLength(4);
    expect(first.transfer.grants.every((g: Json) => g.applied)).toBe(true);
    expect(first.ledger.map((e: Json) => [e.type, e.rule, e.credits])).toEqual([
      ['grant', 'R-CNT-NF-ONLINE', 3],
      ['grant', 'R-CNT-NF-WORK', 4],
      ['grant', 'R-CNT-REC-CQU-CS', 3],
      ['grant', 'R-CNT-SUB-WEB-I', 8],
    ]);
    const after = await preview(s, 'trn-0001', 'ouc-cnt-assoc');
    expect(after.body).toEqual(first.plan);
    expect(after.body.transferredCredits).toBe(18);
    expect(after.body.grants.every((g: Json) => g.applied)).toBe(true);
    const ledger = await ledgerOf(s, 'trn-0001');
    expect(ledger.map((e) => e.id).sort()).toEqual(first.ledger.map((e: Json) => e.id).sort());
    // The exported scenario evaluates, with the core alone, to the same plan.
    const scenario = await s.call('GET', '/v1/learners/trn-0001/scenario?program=ouc-cnt-assoc', {
      token: s.token('training', 'staff'),
    });
    expect(scenario.status).toBe(200);
    expect(scenario.body.learner.applied).toHaveLength(4);
    const evaluated = evaluateScenario(scenario.body);
    expect(evaluated.ok && evaluated.result).toEqual(after.body);
  });

  it('replays the first result for the same Idempotency-Key and writes nothing', async () => {
    const s = get();
    const before = await ledgerOf(s, 'trn-0001');
    const again = await apply(s, 'trn-0001', { program: 'ouc-cnt-assoc' }, 'apply-trn-0001-first');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body).toEqual(first);
    expect(await ledgerOf(s, 'trn-0001')).toEqual(before);
    const [transfers] = await s.server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM transfers WHERE learner_id = 'trn-0001'",
    );
    expect(transfers?.n).toBe(1);
  });

  it('refuses a key reused with another body (422) and a plan with nothing new (409)', async () => {
    const s = get();
    const reused = await apply(
      s,
      'trn-0001',
      { program: 'ouc-cnt-assoc', asOf: '2026-11-20' },
      'apply-trn-0001-first',
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    const nothing = await apply(
      s,
      'trn-0001',
      { program: 'ouc-cnt-assoc' },
      'apply-trn-0001-second',
    );
    expect(nothing.status).toBe(409);
    expect(nothing.body.code).toBe('conflict');
    const [keys] = await s.server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'apply-trn-0001-second'",
    );
    expect(keys?.n).toBe(0);
  });

  it('needs an Idempotency-Key of 8–200 characters and an asOf not after today', async () => {
    const s = get();
    const missing = await apply(s, 'trn-0001', { program: 'ouc-cnt-assoc' });
    expect([missing.status, missing.body.code]).toEqual([400, 'idempotency_key_required']);
    const short = await apply(s, 'trn-0001', { program: 'ouc-cnt-assoc' }, 'short');
    expect([short.status, short.body.code]).toEqual([400, 'bad_request']);
    const future = await apply(
      s,
      'trn-0003',
      { program: 'ouc-cnt-assoc', asOf: '2027-01-01' },
      'future-key-1',
    );
    expect([future.status, future.body.errors?.[0]?.path]).toEqual([422, 'asOf']);
  });

  it('revoking a consumed outcome writes a reversal and the grant leaves applied', async () => {
    const s = get();
    const token = s.token('training', 'staff');
    const revoked = await s.call('POST', '/v1/learners/trn-0001/outcomes/trn-0001-o1/revoke', {
      token,
      body: { reason: '发证机构通报撤销该证书' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.outcome.status).toBe('revoked');
    expect(revoked.body.revokedReason).toBe('发证机构通报撤销该证书');
    const grant = first.ledger.find((e: Json) => e.rule === 'R-CNT-SUB-WEB-I');
    const ledger = await ledgerOf(s, 'trn-0001');
    expect(ledger).toHaveLength(5);
    const [newest] = ledger;
    expect(newest).toMatchObject({
      type: 'reversal',
      reverses: grant.id,
      rule: 'R-CNT-SUB-WEB-I',
      credits: -8,
      transfer: first.transfer.id,
      courses: ['OUC-WEB1', 'OUC-WEB2'],
    });
    const after = await preview(s, 'trn-0001', 'ouc-cnt-assoc');
    expect(after.body.grants.map((g: Json) => [g.rule, g.applied])).toEqual([
      ['R-CNT-NF-ONLINE', true],
      ['R-CNT-NF-WORK', true],
      ['R-CNT-REC-CQU-CS', true],
    ]);
    expect(after.body.rejected).toContainEqual({ outcome: 'trn-0001-o1', reason: 'revoked' });
    const active = await s.server.db.query(
      'SELECT * FROM claims WHERE ledger_id = $1 AND released_by IS NULL',
      [grant.id],
    );
    expect(active).toHaveLength(0);
    const twice = await s.call('POST', '/v1/learners/trn-0001/outcomes/trn-0001-o1/revoke', {
      token,
      body: { reason: 'again' },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'conflict']);
  });

  it('two concurrent applies of the same outcome: exactly one wins', async () => {
    const s = get();
    const id = `race-${label}`;
    await learnerWithCertificate(s, id, `RACE-${label}-0001`);
    const replies = await Promise.all(
      [1, 2, 3, 4].map((n) => apply(s, id, { program: 'ouc-cnt-assoc' }, `race-${label}-key-${n}`)),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(['conflict', 'outcome_consumed']).toContain(r.body.code);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    const ledger = await ledgerOf(s, id);
    expect(ledger.map((e) => [e.type, e.rule])).toEqual([['grant', 'R-CNT-SUB-WEB-J']]);
  });

  it('concurrent applies with one key: one 201, the others replay it', async () => {
    const s = get();
    const id = `same-key-${label}`;
    await learnerWithCertificate(s, id, `SAMEKEY-${label}-0001`);
    const replies = await Promise.all(
      [1, 2, 3].map(() => apply(s, id, { program: 'ouc-cnt-assoc' }, `same-key-${label}`)),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(replies.map((r) => r.body.transfer.id));
    expect(ids.size).toBe(1);
    expect(await ledgerOf(s, id)).toHaveLength(1);
  });

  it('a learner applies for themself and cannot touch another learner', async () => {
    const s = get();
    const own = s.token('platform', 'learner', 'plt-0001');
    const reply = await apply(
      s,
      'plt-0001',
      { program: 'cqu-cs-bachelor' },
      `self-${label}-1`,
      own,
    );
    expect(reply.status).toBe(201);
    // the cap of 10 credits leaves no room for the research hours (spec §5 step 3)
    expect(reply.body.plan.transferredCredits).toBe(10);
    const other = await apply(
      s,
      'plt-0002',
      { program: 'cqu-cs-bachelor' },
      `self-${label}-2`,
      own,
    );
    expect([other.status, other.body.code]).toEqual([404, 'not_found']);
  });

  it('the ledger is append-only: UPDATE and DELETE are refused by the database', async () => {
    const { db } = get().server;
    await expect(db.query('UPDATE ledger SET credits = 0')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM ledger')).rejects.toThrow(/append-only/);
  });

  it('the database keeps one active claim per learner, program and outcome', async () => {
    const { db } = get().server;
    const [claim] = await db.query<{ ref: string }>(
      `SELECT ref FROM claims WHERE ledger_id = 'le-ent-0002-1-2' AND kind = 'outcome'`,
    );
    expect(claim).toBeDefined();
    // another grant of the same learner and program claiming the same outcome
    await expect(
      db.query(
        `INSERT INTO claims (ledger_id, tenant_id, learner_id, program_id, kind, ref)
         VALUES ('le-ent-0002-1-1', 'enterprise', 'ent-0002', 'ouc-mech-bachelor', 'outcome', $1)`,
        [claim?.ref ?? ''],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
}
