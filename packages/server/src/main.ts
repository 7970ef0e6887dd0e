#!/usr/bin/env node
/**
 * `node packages/server/dist/main.js [--port 8787] [--host 127.0.0.1] [--data .data/pglite |
 * --memory] [--courses 5000] [--learners 240] [--no-seed] [--mode development|demo|production]
 * [--cors http://localhost:*,…] [--today YYYY-MM-DD]`
 *
 * `DATABASE_URL` switches to PostgreSQL; `CREDITBANK_TOKEN_SECRET` sets the token secret;
 * `CREDITBANK_CORS_ORIGINS` the CORS allow-list. Prints its URL; stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startServer, type StartOptions } from './server.js';

function usage(message: string): never {
  console.error(`creditbank-server: ${message}`);
  process.exit(2);
}

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usage(`--${name} expects a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        memory: { type: 'boolean' },
        courses: { type: 'string' },
        learners: { type: 'string' },
        'no-seed': { type: 'boolean' },
        mode: { type: 'string' },
        cors: { type: 'string' },
        today: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  const mode = values.mode ?? undefined;
  if (mode !== undefined && !['development', 'demo', 'production'].includes(mode)) {
    usage('--mode is development, demo or production');
  }
  const url = process.env.DATABASE_URL;
  const cors = values.cors ?? process.env.CREDITBANK_CORS_ORIGINS;
  const options: StartOptions = {
    port: count(values.port, 'port') ?? 8787,
    host: values.host ?? '127.0.0.1',
    database: url
      ? { kind: 'postgres', url }
      : values.memory
        ? { kind: 'pglite' }
        : { kind: 'pglite', dataDir: values.data ?? '.data/pglite' },
    seed: values['no-seed']
      ? false
      : { courses: count(values.courses, 'courses'), learners: count(values.learners, 'learners') },
  };
  if (mode) options.mode = mode as NonNullable<StartOptions['mode']>;
  if (cors)
    options.corsOrigins = cors
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (process.env.CREDITBANK_TOKEN_SECRET)
    options.tokenSecret = process.env.CREDITBANK_TOKEN_SECRET;
  if (values.today) options.today = values.today;

  const started = Date.now();
  const server = await startServer(options);
  const where = url
    ? 'PostgreSQL'
    : values.memory
      ? 'PGlite in memory'
      : `PGlite ${values.data ?? '.data/pglite'}`;
  console.log(
    `creditbank server listening on ${server.url} (${where}, ready in ${Date.now() - started} ms)`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`creditbank server: ${signal}, shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('creditbank-server: failed to start:', error);
  process.exit(1);
});
