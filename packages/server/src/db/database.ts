/**
 * The one SQL layer of the server: the same plain SQL (PostgreSQL 15+) runs on embedded PGlite
 * (the zero-setup default; a data folder, or memory) and on PostgreSQL through node-postgres.
 *
 * Values cross the layer in a small common form: parameters are strings, numbers, booleans or
 * null (JSON goes in as a string, cast in SQL with `::jsonb`); `bigint` and `numeric` columns
 * are cast in SQL (`::int`, `::float8`) so both drivers return numbers.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

export type SqlValue = string | number | boolean | null;

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  { kind: 'pglite'; dataDir?: string | undefined } | { kind: 'postgres'; url: string };

/** The SQLSTATE of a database error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The constraint a database error names (unique and check violations). */
export function sqlConstraint(error: unknown): string | undefined {
  if (error !== null && typeof error === 'object' && 'constraint' in error) {
    const name = (error as { constraint: unknown }).constraint;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** Opens (and for PGlite creates) a database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  // a fresh clone has no data folder yet: PGlite creates the last level only
  if (dataDir) await mkdir(dirname(resolve(dataDir)), { recursive: true });
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
  });
  const wrap = (runner: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(text: string, params: readonly SqlValue[] = []) {
      const result = await runner.query<T>(text, params as SqlValue[]);
      return result.rows;
    },
    async exec(text: string) {
      await runner.exec(text);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    ...base,
    // PGlite runs one transaction at a time: queries and other transactions wait for it.
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (the server went away) must not crash the process.
  pool.on('error', (error) => console.error('creditbank: idle PostgreSQL client error', error));
  await pool.query('SELECT 1');
  const wrap = (runner: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(text: string, params: readonly SqlValue[] = []) {
      const result = await runner.query(text, params as SqlValue[]);
      return result.rows as T[];
    },
    async exec(text: string) {
      await runner.query(text);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
