/**
 * Two clients (two connections) apply the same learner's plan at the same moment: exactly one
 * wins, the other gets a 409, and the ledger holds one set of grants. Run on PGlite and on a
 * real PostgreSQL server (Debian's; `CREDITBANK_SKIP_PG=1` skips that half).
 */
import { startServer } from '@creditbank/server';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../server/test/pg-cluster.js';
import { createClient, isCreditBankError } from '../src/index.js';

const LEARNER = 'trn-0001';
const PROGRAM = 'ouc-cnt-assoc';

type Backend = 'pglite' | 'postgres';

function raceSuite(backend: Backend) {
  let cluster: TestPostgres | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
  });

  it(`exactly one of two concurrent applies succeeds (${backend})`, async () => {
    if (backend === 'postgres') cluster = await startPostgres();
    server = await startServer({
      port: 0,
      mode: 'development',
      seed: { courses: 300, learners: 30 },
      database:
        backend === 'postgres' && cluster
          ? { kind: 'postgres', url: cluster.url }
          : { kind: 'pglite' },
    });
    const token = server.issueToken({ tenant: 'training', role: 'learner', learner: LEARNER });
    const one = createClient({ baseUrl: server.url, token, retry: false });
    const two = createClient({ baseUrl: server.url, token, retry: false });
    const preview = await one.transfers.preview(LEARNER, { program: PROGRAM });
    const fresh = preview.grants.filter((g) => !g.applied);
    expect(fresh.length).toBeGreaterThan(0);

    const results = await Promise.allSettled([
      one.transfers.apply(LEARNER, { program: PROGRAM }, { idempotencyKey: `race-a-${backend}` }),
      two.transfers.apply(LEARNER, { program: PROGRAM }, { idempotencyKey: `race-b-${backend}` }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = (lost[0] as PromiseRejectedResult).reason;
    expect(isCreditBankError(error) && error.status).toBe(409);
    expect(['outcome_consumed', 'conflict']).toContain(isCreditBankError(error) && error.code);

    const ledger = await one.learners.ledger(LEARNER, { limit: 200 });
    const grants = ledger.items.filter((e) => e.type === 'grant' && e.program === PROGRAM);
    expect(grants.map((g) => g.rule).sort()).toEqual(fresh.map((g) => g.rule).sort());
  }, 180_000);
}

describe('the double-apply race on PGlite', () => raceSuite('pglite'));
describe.skipIf(process.env.CREDITBANK_SKIP_PG === '1')('the double-apply race on PostgreSQL', () =>
  raceSuite('postgres'),
);
