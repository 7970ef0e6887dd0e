/**
 * Integration-test helpers: the real reference server in-process (loopback, PGlite in memory)
 * and a `fetch` wrapper that records what the client sent and can rewrite what came back.
 */
import { startServer } from '@creditbank/server';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createClient, type ClientOptions, type CreditBankClient } from '../src/index.js';

export type TestServer = Awaited<ReturnType<typeof startServer>>;
export type Role = 'learner' | 'staff' | 'admin';

export async function startTestServer(): Promise<TestServer> {
  return startServer({
    port: 0,
    database: { kind: 'pglite' },
    mode: 'development',
    seed: { courses: 300 },
  });
}

export async function tokenFor(
  server: TestServer,
  tenant: string,
  role: Role,
  learner?: string,
): Promise<string> {
  return await server.issueToken(
    learner === undefined ? { tenant, role } : { tenant, role, learner },
  );
}

/** One request as it left the client. */
export interface Sent {
  readonly method: string;
  /** path and query, e.g. `/v1/catalog/courses?limit=5` */
  readonly path: string;
  readonly headers: Headers;
}

/** Rewrites a real response before the client sees it. */
export type Rewrite = (response: Response, sent: Sent) => Response | Promise<Response>;

/** A `fetch` that records every request and passes it on to the real one. */
export function recorder(rewrite?: Rewrite) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    // not `instanceof Request`: Node 20 hands ky clones (its retries) of another Request class
    const request =
      typeof input === 'string' || input instanceof URL ? new Request(input, init) : input;
    const url = new URL(request.url);
    const record: Sent = {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: new Headers(request.headers),
    };
    sent.push(record);
    const response = await globalThis.fetch(input, init);
    return rewrite ? rewrite(response, record) : response;
  };
  /** requests sent to a path (query ignored), optionally of one method */
  const to = (path: string, method?: string) =>
    sent.filter((s) => s.path.split('?')[0] === path && (!method || s.method === method));
  return { sent, fetch, to };
}

/** A JSON response like `response` with the body `change` returns. */
export async function rewriteJson(
  response: Response,
  change: (body: unknown) => unknown,
): Promise<Response> {
  const body = change(await response.json());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(JSON.stringify(body), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** A client of the test server; fast retries so the tests stay quick. */
export function clientOf(
  server: TestServer,
  options: Partial<ClientOptions> = {},
): CreditBankClient {
  return createClient({
    baseUrl: server.url,
    retry: { baseDelay: 20, maxDelay: 200 },
    ...options,
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One real server for a test file, an admin client for its fault switch (faults cleared after
 * each test) and a staff token of tenant `training`. Fields are set once `beforeAll` ran.
 */
export function useServerWithFaults(): {
  server: TestServer;
  admin: CreditBankClient;
  staffToken: string;
} {
  const env = {} as { server: TestServer; admin: CreditBankClient; staffToken: string };
  beforeAll(async () => {
    env.server = await startTestServer();
    env.admin = clientOf(env.server, { token: await tokenFor(env.server, 'training', 'admin') });
    env.staffToken = await tokenFor(env.server, 'training', 'staff');
  });
  afterEach(async () => {
    await env.admin.faults.clear();
  });
  afterAll(async () => {
    await env.server?.close();
  });
  return env;
}
