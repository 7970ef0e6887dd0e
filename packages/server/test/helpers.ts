/** Test helpers: a real server in-process on 127.0.0.1:0, and real HTTP with fetch. */
import type { Role } from '@creditbank/core/api';
import { TokenService } from '../src/auth.js';
import { startServer, type RunningServer, type StartOptions } from '../src/index.js';

/** Every test server says today is this day, so answers do not move with the clock. */
export const TODAY = '2026-11-21';
export const SECRET = 'test-secret-of-at-least-16-characters';

/** Response bodies in tests: checked by assertions, not by types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** a raw body sent as is */
  raw?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  token(tenant: string, role: Role, learner?: string): string;
  call<T = Json>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
  close(): Promise<void>;
}

export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const server = await startServer({
    port: 0,
    today: TODAY,
    tokenSecret: SECRET,
    seed: { courses: 600, learners: 60 },
    ...options,
  });
  return wrap(server);
}

export function wrap(server: RunningServer): TestServer {
  return {
    server,
    url: server.url,
    token: (tenant, role, learner) =>
      server.issueToken(learner === undefined ? { tenant, role } : { tenant, role, learner }),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.raw !== undefined) body = options.raw;
      else if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined && options.contentType !== null) {
        headers['content-type'] = options.contentType ?? 'application/json';
      }
      const response = await fetch(server.url + path, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
      return { status: response.status, headers: response.headers, body: parsed as never, text };
    },
    close: () => server.close(),
  };
}

/** A token signed with the test secret, with any lifetime and issue time. */
export function signedToken(
  claims: { tenant: string; role: Role; learner?: string },
  ttlSeconds: number,
  now = Date.now(),
): string {
  return new TokenService(SECRET).issue(claims, ttlSeconds, now);
}

/** Row counts of every table and a digest of their contents: the data, compared before/after. */
export async function snapshot(server: RunningServer): Promise<Record<string, string>> {
  const tables = [
    'tenants',
    'learners',
    'outcomes',
    'transfers',
    'ledger',
    'claims',
    'idempotency_keys',
    'courses',
    'certificates',
    'programs',
    'rules',
  ];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await server.db.query<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
       FROM ${table} t`,
    );
    out[table] = `${row?.n}:${row?.digest}`;
  }
  return out;
}
