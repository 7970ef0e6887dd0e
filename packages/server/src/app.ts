/**
 * The Hono application: request ids, CORS from an allow-list, the fault switch, a 1 MB body
 * limit, the routes of `routes.ts`, and problem responses for every error.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ServerContext } from './context.js';
import { HttpProblem, problemBody } from './problems.js';
import { ROUTES, runRoute } from './routes.js';

export const MAX_BODY_BYTES = 1024 * 1024;

type Env = { Variables: { requestId: string } };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** An origin allowed by the list: exact, or with `*` for the port (`http://localhost:*`). */
export function originAllowed(origin: string, allowList: readonly string[]): boolean {
  return allowList.some((entry) => {
    if (entry === '*') return true;
    if (!entry.includes('*')) return entry === origin;
    const pattern = entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
    return new RegExp(`^${pattern}$`).test(origin);
  });
}

function problemResponse(
  c: { req: { path: string }; get(key: 'requestId'): string },
  error: HttpProblem,
): Response {
  const body = problemBody(error.status, error.code, error.detail, {
    instance: c.req.path,
    requestId: c.get('requestId'),
    errors: error.errors,
  });
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: {
      'Content-Type': 'application/problem+json',
      'X-Request-Id': c.get('requestId'),
      ...(error.headers ?? {}),
    },
  });
}

export function createApp(ctx: ServerContext, corsOrigins: readonly string[]): Hono<Env> {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set('X-Request-Id', id);
  });

  app.use(
    '*',
    cors({
      origin: (origin) => (origin && originAllowed(origin, corsOrigins) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'X-Request-Id',
        'X-Tenant',
        'Accept-Language',
      ],
      exposeHeaders: ['X-Request-Id', 'Idempotency-Replayed'],
      maxAge: 600,
    }),
  );

  if (ctx.faultsEnabled) {
    app.use('*', async (c, next) => {
      if (c.req.path.startsWith('/v1/dev/faults')) return next();
      const decision = ctx.faults.decide(c.req.method, c.req.path);
      if (decision?.delayMs) await new Promise((r) => setTimeout(r, decision.delayMs));
      if (decision?.status) {
        throw new HttpProblem(
          decision.status,
          'fault_injected',
          `fault injected for ${c.req.method} ${c.req.path}`,
        );
      }
      return next();
    });
  }

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        // The rest of the body is not read: the connection cannot carry another request.
        throw new HttpProblem(
          413,
          'payload_too_large',
          'the request body is over 1 MB',
          undefined,
          {
            Connection: 'close',
          },
        );
      },
    }),
  );

  for (const spec of ROUTES) {
    const path = spec.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(spec.method, path, (c) => runRoute(spec, ctx, c));
  }

  app.notFound((c) =>
    problemResponse(c, new HttpProblem(404, 'not_found', `no route ${c.req.method} ${c.req.path}`)),
  );

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, error);
    console.error(`creditbank: request ${c.get('requestId')} failed`, error);
    return problemResponse(c, new HttpProblem(500, 'internal', 'an unexpected error occurred'));
  });

  return app;
}
