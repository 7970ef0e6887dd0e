/**
 * `startServer`: opens the database (embedded PGlite, or PostgreSQL), migrates it, seeds it when
 * it is empty, and serves the API on Node with Hono.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Role } from '@creditbank/core/api';
import { createApp } from './app.js';
import { TokenService, type Claims } from './auth.js';
import { CatalogCache, type Mode, type ServerContext } from './context.js';
import { openDatabase, type Database } from './db/database.js';
import { ensureTrigramIndex, migrate, withSetupLock } from './db/migrations.js';
import { FaultStore } from './faults.js';
import { buildSeed, writeSeed, type SeedOptions } from './seed/index.js';

export interface StartOptions {
  /** 0 = a random free port (default 8787) */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** embedded PGlite (a data folder; omitted = in memory) or PostgreSQL; default in-memory PGlite */
  database?: { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string };
  /** default `development` (`production` when NODE_ENV=production) */
  mode?: Mode;
  /** seed an empty database (default: yes, 5,000 courses and 240 learners); false: never */
  seed?: false | SeedOptions;
  /** CORS allow-list; `*` may stand for a port (`http://localhost:*`) */
  corsOrigins?: string[];
  /** HMAC secret of bearer tokens (required in production; else taken from the database) */
  tokenSecret?: string;
  /** the default `asOf` (YYYY-MM-DD); default the real date */
  today?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
  issueToken(claims: { tenant: string; role: Role; learner?: string }): string;
  /** the server's database (for tools and tests) */
  db: Database;
}

/** In development and demo modes the browser demos on localhost may call the API. */
export const DEV_CORS_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

function packageVersion(): string {
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The secret kept in the database, made on first use (non-production only). */
async function storedSecret(db: Database): Promise<string> {
  await db.query(
    `INSERT INTO settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ value: string }>(
    "SELECT value FROM settings WHERE key = 'token_secret'",
  );
  return (row as { value: string }).value;
}

/** Migrates, and seeds when the database has no tenants yet. */
export async function prepareDatabase(
  db: Database,
  seed: false | SeedOptions,
): Promise<{ seeded: boolean }> {
  await migrate(db);
  let seeded = false;
  if (seed !== false) {
    seeded = await withSetupLock(db, async (tx) => {
      const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants');
      if ((row?.n ?? 0) > 0) return false;
      await writeSeed(tx, buildSeed(seed));
      return true;
    });
  }
  await ensureTrigramIndex(db);
  return { seeded };
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const envProduction = process.env.NODE_ENV === 'production';
  const mode: Mode = options.mode ?? (envProduction ? 'production' : 'development');
  const production = mode === 'production' || envProduction;
  const database = options.database ?? { kind: 'pglite' as const };
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    throw new RangeError(`today must be YYYY-MM-DD, got ${options.today}`);
  }
  if (production && !options.tokenSecret) {
    throw new Error('production mode needs a tokenSecret (CREDITBANK_TOKEN_SECRET)');
  }

  const db = await openDatabase(database);
  try {
    await prepareDatabase(db, options.seed ?? {});
    const secret = options.tokenSecret ?? (await storedSecret(db));
    const ctx: ServerContext = {
      db,
      tokens: new TokenService(secret),
      mode,
      devTokens: !production && (database.kind === 'pglite' || mode === 'demo'),
      faultsEnabled: !production,
      faults: new FaultStore(),
      catalog: new CatalogCache(db),
      version: packageVersion(),
      today: () => options.today ?? new Date().toISOString().slice(0, 10),
    };
    const app = createApp(ctx, options.corsOrigins ?? (production ? [] : DEV_CORS_ORIGINS));
    const server = createAdaptorServer({ fetch: app.fetch, hostname: options.host ?? '127.0.0.1' });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      db,
      issueToken: (claims: Claims) => ctx.tokens.issue(claims),
      close() {
        closing ??= new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        }).then(() => db.close());
        return closing;
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
