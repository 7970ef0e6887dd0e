/**
 * The same SQL on a real PostgreSQL server: migrations, seed, catalog search with pg_trgm, and
 * the transfer suite incl. the concurrent double-apply race. Fails when no PostgreSQL can be
 * started; `CREDITBANK_SKIP_PG=1` skips it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, prepareDatabase, type Database } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers.js';
import { startPostgres, type TestPostgres } from './pg-cluster.js';
import { transferSuite } from './suites/transfers.js';

const SEED = { courses: 600, learners: 60 };

describe.skipIf(process.env.CREDITBANK_SKIP_PG === '1')('on PostgreSQL', () => {
  let cluster: TestPostgres | undefined;
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
    await cluster?.stop();
  });

  // A test, not a hook: when no PostgreSQL can be started it is counted as a failure.
  it('starts PostgreSQL and the server on it', async () => {
    cluster = await startPostgres();
    server = await startTestServer({
      database: { kind: 'postgres', url: cluster.url },
      seed: SEED,
    });
  }, 120_000);

  it('answers health from PostgreSQL and keeps the dev token endpoint off', async () => {
    const health = await server.call('GET', '/v1/health');
    expect(health.body).toMatchObject({ status: 'ok', database: 'postgres' });
    const token = await server.call('POST', '/v1/dev/token', {
      body: { tenant: 'training', role: 'staff' },
    });
    expect([token.status, token.body.code]).toEqual([404, 'not_found']);
  });

  it('seeds the same catalog and history as PGlite', async () => {
    const lite: Database = await openDatabase({ kind: 'pglite' });
    try {
      await prepareDatabase(lite, SEED);
      const digest = async (db: Database, sql: string) =>
        (
          await db.query<{ d: string }>(
            `SELECT md5(string_agg(r, '|' ORDER BY r)) AS d FROM (${sql}) x(r)`,
          )
        )[0]?.d;
      const queries = [
        'SELECT t::text FROM courses t',
        'SELECT t::text FROM certificates t',
        'SELECT t::text FROM programs t',
        'SELECT t::text FROM rules t',
        'SELECT t::text FROM claims t',
        "SELECT concat_ws(',', id, status, earned_on, record::text, certificate_number) FROM outcomes",
        "SELECT concat_ws(',', id, type, rule_id, credits::text, outcomes::text, reverses) FROM ledger",
      ];
      for (const sql of queries) {
        expect(await digest(server.server.db, sql), sql).toBe(await digest(lite, sql));
      }
    } finally {
      await lite.close();
    }
  });

  it('searches Chinese titles with the pg_trgm index', async () => {
    const [ext] = await server.server.db.query(
      "SELECT 1 AS ok FROM pg_extension WHERE extname = 'pg_trgm'",
    );
    expect(ext).toBeDefined();
    const [index] = await server.server.db.query(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'courses_title_trgm'",
    );
    expect(index).toBeDefined();
    const reply = await server.call('GET', '/v1/catalog/courses?q=%E8%80%81%E5%B9%B4&limit=5', {
      token: server.token('platform', 'learner', 'plt-0001'),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBeGreaterThan(0);
    for (const course of reply.body.items) expect(course.title).toContain('老年');
  });

  transferSuite(() => server, 'postgres');
});
