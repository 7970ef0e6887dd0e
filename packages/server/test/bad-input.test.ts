/**
 * Malformed requests: each is answered 4xx application/problem+json with a stable code (and the
 * field path where one is wrong), never 500; afterwards the server is healthy and the data is
 * exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startTestServer, type Json, type TestServer } from './helpers.js';

let s: TestServer;
let before: Record<string, string>;

beforeAll(async () => {
  s = await startTestServer();
  before = await snapshot(s.server);
});
afterAll(() => s?.close());

interface Case {
  name: string;
  method: string;
  path: string;
  /** who calls (default staff of training) */
  as?: 'staff' | 'admin' | 'learner' | 'none';
  body?: unknown;
  raw?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** a field path the problem must name */
  field?: string;
}

const certificate = (certificate: Json, extra: Json = {}) => ({
  outcome: { kind: 'certificate', earnedOn: '2025-01-01', certificate, ...extra },
});
const course = (course: Json, extra: Json = {}) => ({
  outcome: {
    kind: 'course',
    earnedOn: '2025-01-01',
    course: { institution: 'ouc', code: 'OUC-DB', credits: 4, score: 80, ...course },
    ...extra,
  },
});
const deposit = '/v1/learners/trn-0003/outcomes';
const apply = '/v1/learners/trn-0003/transfers';
const preview = '/v1/learners/trn-0003/transfers/preview';
const key = { 'Idempotency-Key': 'bad-input-key-1' };

const CASES: Case[] = [
  {
    name: 'invalid JSON',
    method: 'POST',
    path: '/v1/learners',
    raw: '{"displayName":',
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'empty JSON body',
    method: 'POST',
    path: '/v1/learners',
    raw: '',
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'text/plain body',
    method: 'POST',
    path: '/v1/learners',
    raw: 'displayName=x',
    contentType: 'text/plain',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'form body',
    method: 'POST',
    path: preview,
    raw: 'program=x',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'no content type',
    method: 'POST',
    path: '/v1/learners',
    raw: '{"displayName":"x"}',
    contentType: null,
    status: 415,
    code: 'unsupported_media_type',
  },
  {
    name: 'missing field',
    method: 'POST',
    path: '/v1/learners',
    body: {},
    status: 422,
    code: 'validation_failed',
    field: 'displayName',
  },
  {
    name: 'wrong type',
    method: 'POST',
    path: '/v1/learners',
    body: { displayName: 42 },
    status: 422,
    code: 'validation_failed',
    field: 'displayName',
  },
  {
    name: 'body is an array',
    method: 'POST',
    path: '/v1/learners',
    body: [],
    status: 422,
    code: 'validation_failed',
    field: 'body',
  },
  {
    name: 'body is null',
    method: 'POST',
    path: '/v1/learners',
    body: null,
    status: 422,
    code: 'validation_failed',
  },
  {
    name: 'huge string',
    method: 'POST',
    path: '/v1/learners',
    body: { displayName: '长'.repeat(10_000) },
    status: 422,
    code: 'validation_failed',
    field: 'displayName',
  },
  {
    name: 'blank name',
    method: 'POST',
    path: '/v1/learners',
    body: { displayName: '   ' },
    status: 422,
    code: 'validation_failed',
    field: 'displayName',
  },
  {
    name: 'HTML in a name',
    method: 'POST',
    path: '/v1/learners',
    body: { displayName: '<script>alert(1)</script>' },
    status: 422,
    code: 'validation_failed',
    field: 'displayName',
  },
  {
    name: 'SQL in an id',
    method: 'POST',
    path: '/v1/learners',
    body: { id: "x'; DROP TABLE learners; --", displayName: '张三' },
    status: 422,
    code: 'validation_failed',
    field: 'id',
  },
  {
    name: 'NUL in a name',
    method: 'POST',
    path: '/v1/learners',
    body: { displayName: 'a\u0000b' },
    status: 422,
    code: 'validation_failed',
    field: 'displayName',
  },
  {
    name: 'an existing id',
    method: 'POST',
    path: '/v1/learners',
    body: { id: 'trn-0001', displayName: '重复' },
    status: 409,
    code: 'conflict',
    field: 'id',
  },
  {
    name: 'unknown role',
    method: 'POST',
    path: '/v1/dev/token',
    as: 'none',
    body: { tenant: 'training', role: 'superuser' },
    status: 422,
    code: 'validation_failed',
    field: 'role',
  },
  {
    name: 'token ttl 0',
    method: 'POST',
    path: '/v1/dev/token',
    as: 'none',
    body: { tenant: 'training', role: 'staff', ttlSeconds: 0 },
    status: 422,
    code: 'validation_failed',
    field: 'ttlSeconds',
  },
  {
    name: 'unknown tenant',
    method: 'POST',
    path: '/v1/dev/token',
    as: 'none',
    body: { tenant: 'nobody', role: 'staff' },
    status: 422,
    code: 'validation_failed',
    field: 'tenant',
  },
  {
    name: 'unknown outcome kind',
    method: 'POST',
    path: deposit,
    body: { outcome: { kind: 'diploma', earnedOn: '2025-01-01' } },
    status: 422,
    code: 'validation_failed',
    field: 'outcome.kind',
  },
  {
    name: 'outcome is a string',
    method: 'POST',
    path: deposit,
    body: { outcome: 'a certificate' },
    status: 422,
    code: 'validation_failed',
    field: 'outcome',
  },
  {
    name: 'unknown certificate',
    method: 'POST',
    path: deposit,
    body: certificate({ id: '1x-cooking', level: 'junior' }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.certificate.id',
  },
  {
    name: 'unknown level',
    method: 'POST',
    path: deposit,
    body: certificate({ id: '1x-web', level: 'master' }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.certificate.level',
  },
  {
    name: 'negative credits',
    method: 'POST',
    path: deposit,
    body: course({ credits: -2 }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.course.credits',
  },
  {
    name: 'credits not a half multiple',
    method: 'POST',
    path: deposit,
    body: course({ credits: 0.3 }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.course.credits',
  },
  {
    name: 'score over 100',
    method: 'POST',
    path: deposit,
    body: course({ score: 150 }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.course.score',
  },
  {
    name: 'impossible date',
    method: 'POST',
    path: deposit,
    body: course({}, { earnedOn: '2024-02-30' }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.earnedOn',
  },
  {
    name: 'earned in the future',
    method: 'POST',
    path: deposit,
    body: course({}, { earnedOn: '2030-01-01' }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.earnedOn',
  },
  {
    name: 'expires before earned',
    method: 'POST',
    path: deposit,
    body: course({}, { expiresOn: '2020-01-01' }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.expiresOn',
  },
  {
    name: 'negative hours',
    method: 'POST',
    path: deposit,
    body: {
      outcome: {
        kind: 'nonformal',
        earnedOn: '2025-01-01',
        nonformal: { category: 'training', hours: -5 },
      },
    },
    status: 422,
    code: 'validation_failed',
    field: 'outcome.nonformal.hours',
  },
  {
    name: 'unknown nonformal category',
    method: 'POST',
    path: deposit,
    body: {
      outcome: {
        kind: 'nonformal',
        earnedOn: '2025-01-01',
        nonformal: { category: 'gaming', hours: 5 },
      },
    },
    status: 422,
    code: 'validation_failed',
    field: 'outcome.nonformal.category',
  },
  {
    name: 'too much evidence',
    method: 'POST',
    path: deposit,
    body: {
      ...course({}),
      evidence: Array.from({ length: 21 }, () => ({ kind: 'document', label: 'x' })),
    },
    status: 422,
    code: 'validation_failed',
    field: 'evidence',
  },
  {
    name: 'javascript: evidence link',
    method: 'POST',
    path: deposit,
    body: { ...course({}), evidence: [{ kind: 'link', label: 'x', url: 'javascript:alert(1)' }] },
    status: 422,
    code: 'validation_failed',
    field: 'evidence[0].url',
  },
  {
    name: 'SQL in an outcome id',
    method: 'POST',
    path: deposit,
    body: course({}, { id: "1' OR '1'='1" }),
    status: 422,
    code: 'validation_failed',
    field: 'outcome.id',
  },
  {
    name: 'JSON nested 5,000 deep',
    method: 'POST',
    path: deposit,
    raw: `{"outcome":{"kind":"course","extra":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    status: 422,
    code: 'validation_failed',
  },
  {
    name: 'an existing outcome id',
    method: 'POST',
    path: '/v1/learners/trn-0001/outcomes',
    body: course({}, { id: 'trn-0001-o1' }),
    status: 409,
    code: 'conflict',
    field: 'outcome.id',
  },
  {
    name: 'preview of an unknown program',
    method: 'POST',
    path: preview,
    body: { program: 'no-such-program' },
    status: 422,
    code: 'validation_failed',
    field: 'program',
  },
  {
    name: 'preview with a bad date',
    method: 'POST',
    path: preview,
    body: { program: 'ouc-cnt-assoc', asOf: '21/11/2026' },
    status: 422,
    code: 'validation_failed',
    field: 'asOf',
  },
  {
    name: 'too many what-ifs',
    method: 'POST',
    path: preview,
    body: {
      program: 'ouc-cnt-assoc',
      whatIf: Array.from({ length: 51 }, (_, i) => ({ id: `w${i}`, kind: 'nonformal' })),
    },
    status: 422,
    code: 'validation_failed',
    field: 'whatIf',
  },
  {
    name: 'a what-if with an unknown level',
    method: 'POST',
    path: preview,
    body: {
      program: 'ouc-cnt-assoc',
      whatIf: [
        {
          id: 'w1',
          kind: 'certificate',
          earnedOn: '2025-01-01',
          certificate: { id: '1x-web', level: 'guru' },
        },
      ],
    },
    status: 422,
    code: 'validation_failed',
    field: 'whatIf[0].certificate.level',
  },
  {
    name: 'a what-if reusing an archive id',
    method: 'POST',
    path: '/v1/learners/trn-0001/transfers/preview',
    body: {
      program: 'ouc-cnt-assoc',
      whatIf: [
        {
          id: 'trn-0001-o1',
          kind: 'nonformal',
          earnedOn: '2025-01-01',
          nonformal: { category: 'training', hours: 10 },
        },
      ],
    },
    status: 422,
    code: 'validation_failed',
    field: 'whatIf[0].id',
  },
  {
    name: 'apply without a key',
    method: 'POST',
    path: apply,
    body: { program: 'ouc-cnt-assoc' },
    status: 400,
    code: 'idempotency_key_required',
    field: 'Idempotency-Key',
  },
  {
    name: 'apply with a short key',
    method: 'POST',
    path: apply,
    body: { program: 'ouc-cnt-assoc' },
    headers: { 'Idempotency-Key': 'abc' },
    status: 400,
    code: 'bad_request',
    field: 'Idempotency-Key',
  },
  {
    name: 'apply of an unknown program',
    method: 'POST',
    path: apply,
    body: { program: 'nope' },
    headers: key,
    status: 422,
    code: 'validation_failed',
    field: 'program',
  },
  {
    name: 'apply with program null',
    method: 'POST',
    path: apply,
    body: { program: null },
    headers: key,
    status: 422,
    code: 'validation_failed',
    field: 'program',
  },
  {
    name: 'revoke with an empty reason',
    method: 'POST',
    path: '/v1/learners/trn-0003/outcomes/trn-0003-o1/revoke',
    body: { reason: '' },
    status: 422,
    code: 'validation_failed',
    field: 'reason',
  },
  {
    name: 'revoke with HTML in the reason',
    method: 'POST',
    path: '/v1/learners/trn-0003/outcomes/trn-0003-o1/revoke',
    body: { reason: '<img src=x onerror=alert(1)>' },
    status: 422,
    code: 'validation_failed',
    field: 'reason',
  },
  {
    name: 'revoke of an unknown outcome',
    method: 'POST',
    path: '/v1/learners/trn-0003/outcomes/nope/revoke',
    body: { reason: '核查' },
    status: 404,
    code: 'not_found',
  },
  {
    name: 'bad course cursor',
    method: 'GET',
    path: '/v1/catalog/courses?cursor=not-a-cursor!',
    status: 400,
    code: 'bad_request',
    field: 'cursor',
  },
  {
    name: 'a cursor of another sort',
    method: 'GET',
    path: `/v1/catalog/courses?sort=title&cursor=${Buffer.from(JSON.stringify({ s: 'learners', k: ['x'] })).toString('base64url')}`,
    status: 400,
    code: 'bad_request',
    field: 'cursor',
  },
  {
    name: 'limit 0',
    method: 'GET',
    path: '/v1/catalog/courses?limit=0',
    status: 400,
    code: 'bad_request',
    field: 'limit',
  },
  {
    name: 'limit 201',
    method: 'GET',
    path: '/v1/learners?limit=201',
    status: 400,
    code: 'bad_request',
    field: 'limit',
  },
  {
    name: 'limit abc',
    method: 'GET',
    path: '/v1/learners?limit=abc',
    status: 400,
    code: 'bad_request',
    field: 'limit',
  },
  {
    name: 'limit 1.5',
    method: 'GET',
    path: '/v1/learners/trn-0001/ledger?limit=1.5',
    status: 400,
    code: 'bad_request',
    field: 'limit',
  },
  {
    name: 'negative credits filter',
    method: 'GET',
    path: '/v1/catalog/courses?credits=-1',
    status: 400,
    code: 'bad_request',
    field: 'credits',
  },
  {
    name: 'unknown fee bucket',
    method: 'GET',
    path: '/v1/catalog/courses?fee=cheap',
    status: 400,
    code: 'bad_request',
    field: 'fee',
  },
  {
    name: 'unknown sort',
    method: 'GET',
    path: '/v1/catalog/courses?sort=random',
    status: 400,
    code: 'bad_request',
    field: 'sort',
  },
  {
    name: 'unknown certificate category',
    method: 'GET',
    path: '/v1/catalog/certificates?category=diploma',
    status: 400,
    code: 'bad_request',
    field: 'category',
  },
  {
    name: 'huge search text',
    method: 'GET',
    path: `/v1/catalog/courses?q=${'a'.repeat(300)}`,
    status: 400,
    code: 'bad_request',
    field: 'q',
  },
  {
    name: 'NUL in a query',
    method: 'GET',
    path: '/v1/catalog/courses?q=%00',
    status: 400,
    code: 'bad_request',
    field: 'q',
  },
  {
    name: 'bad balance date',
    method: 'GET',
    path: '/v1/learners/trn-0001/balance?asOf=2024-13-01',
    status: 400,
    code: 'bad_request',
    field: 'asOf',
  },
  {
    name: 'scenario without program',
    method: 'GET',
    path: '/v1/learners/trn-0001/scenario',
    status: 400,
    code: 'bad_request',
    field: 'program',
  },
  {
    name: 'bad learner cursor',
    method: 'GET',
    path: '/v1/learners?cursor=eyJ4IjoxfQ',
    status: 400,
    code: 'bad_request',
    field: 'cursor',
  },
  {
    name: 'NUL in a path',
    method: 'GET',
    path: '/v1/learners/a%00b',
    status: 400,
    code: 'bad_request',
    field: 'id',
  },
  {
    name: 'SQL in a path',
    method: 'GET',
    path: `/v1/learners/${encodeURIComponent("x' OR '1'='1")}`,
    status: 404,
    code: 'not_found',
  },
  {
    name: 'fault with a 200 status',
    method: 'PUT',
    path: '/v1/dev/faults',
    as: 'admin',
    body: { route: 'GET /v1/health', status: 200 },
    status: 422,
    code: 'validation_failed',
    field: 'status',
  },
  {
    name: 'fault rate over 1',
    method: 'PUT',
    path: '/v1/dev/faults',
    as: 'admin',
    body: { route: 'GET /v1/health', rate: 2 },
    status: 422,
    code: 'validation_failed',
    field: 'rate',
  },
  {
    name: 'a learner lists learners',
    method: 'GET',
    path: '/v1/learners',
    as: 'learner',
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'no token',
    method: 'GET',
    path: '/v1/catalog/programs',
    as: 'none',
    status: 401,
    code: 'unauthorized',
  },
];

describe('bad input', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name → $status $code', async (c) => {
    const token =
      c.as === 'none'
        ? null
        : c.as === 'admin'
          ? s.token('training', 'admin')
          : c.as === 'learner'
            ? s.token('training', 'learner', 'trn-0003')
            : s.token('training', 'staff');
    const options: Json = { token, headers: c.headers };
    if (c.raw !== undefined) options.raw = c.raw;
    else if ('body' in c) options.body = c.body;
    if (c.contentType !== undefined) options.contentType = c.contentType;
    const reply = await s.call(c.method, c.path, options);
    expect(reply.status, reply.text).toBe(c.status);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body).toMatchObject({ status: c.status, code: c.code });
    expect(reply.body.type).toMatch(/^https:\/\//);
    expect(reply.body.requestId).toBe(reply.headers.get('x-request-id'));
    if (c.field) {
      expect(
        reply.body.errors?.map((e: Json) => e.path),
        reply.text,
      ).toContain(c.field);
      for (const e of reply.body.errors) expect(e.message.length).toBeGreaterThan(0);
    }
  });

  it('refuses a body over 1 MB with 413', async () => {
    const reply = await s.call('POST', '/v1/learners', {
      token: s.token('training', 'staff'),
      raw: JSON.stringify({ displayName: 'x'.repeat(1_100_000) }),
    });
    expect([reply.status, reply.body.code]).toEqual([413, 'payload_too_large']);
    const streamed = await fetch(`${s.url}/v1/learners`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${s.token('training', 'staff')}`,
        'content-type': 'application/json',
      },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++)
            controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('leaves the server healthy and the data unchanged', async () => {
    const health = await s.call('GET', '/v1/health');
    expect(health.status).toBe(200);
    expect(await snapshot(s.server)).toEqual(before);
  });
});
