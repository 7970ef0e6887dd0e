/**
 * Every route's happy path against a server with the default seed, plus auth, tenant isolation,
 * CORS, request ids and the OpenAPI document.
 */
import { validateRuleset } from '@creditbank/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../src/auth.js';
import { ROUTES } from '../src/routes.js';
import { signedToken, startTestServer, TODAY, type Json, type TestServer } from './helpers.js';

let s: TestServer;
let staff: string;
let admin: string;

beforeAll(async () => {
  s = await startTestServer({
    seed: {},
    corsOrigins: ['https://lms.example.edu', 'http://localhost:*'],
  });
  staff = s.token('training', 'staff');
  admin = s.token('training', 'admin');
});
afterAll(() => s?.close());

describe('system', () => {
  it('health, with a generated request id or the one sent', async () => {
    const health = await s.call('GET', '/v1/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'pglite', version: '0.1.0' });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await s.call('GET', '/v1/health', {
      headers: { 'X-Request-Id': 'req-123.abc' },
    });
    expect(echoed.headers.get('x-request-id')).toBe('req-123.abc');
    const replaced = await s.call('GET', '/v1/health', { headers: { 'X-Request-Id': 'bad id!' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id!');
  });

  it('problems carry the request id too, and unknown routes are 404 problems', async () => {
    const reply = await s.call('GET', '/v1/nowhere', { headers: { 'X-Request-Id': 'trace-42' } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body).toMatchObject({ code: 'not_found', status: 404, requestId: 'trace-42' });
    expect(reply.headers.get('x-request-id')).toBe('trace-42');
  });

  it('the OpenAPI 3.1 document lists every route with its schemas', async () => {
    const reply = await s.call('GET', '/v1/openapi.json');
    expect(reply.status).toBe(200);
    const doc = reply.body;
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(listed).toHaveLength(26);
    for (const route of ROUTES) {
      const op = doc.paths[route.path][route.method.toLowerCase()];
      expect(op.operationId).toBe(route.operationId);
      const success = Object.keys(route.responses)[0] as string;
      expect(op.responses[success].content['application/json'].schema).toBeDefined();
      if (route.body) expect(op.requestBody.content['application/json'].schema).toBeDefined();
      for (const name of Object.keys(route.query?.shape ?? {})) {
        expect(op.parameters.some((p: Json) => p.name === name && p.in === 'query')).toBe(true);
      }
      expect(op.responses['500'].content['application/problem+json']).toBeDefined();
    }
    // schemas come from zod: the apply request and the course page are there, resolved
    expect(doc.components.schemas.ApplyRequest.required).toEqual(['program']);
    expect(doc.components.schemas.CoursePage.properties.facets.required).toContain('provider');
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs)
      expect(doc.components.schemas[ref.split('/').pop() as string]).toBeDefined();
  });

  it('every documented route answers (no "no route" 404)', async () => {
    const doc = (await s.call('GET', '/v1/openapi.json')).body;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const method of Object.keys(item)) {
        const concrete = path
          .replace('{id}', 'trn-0003')
          .replace('{oid}', 'x')
          .replace('{number}', 'x');
        const reply = await s.call(method.toUpperCase(), concrete, { token: admin });
        expect(reply.body?.detail ?? '', `${method} ${path}`).not.toMatch(/^no route/);
      }
    }
  });

  it('CORS answers allowed origins only', async () => {
    const preflight = await fetch(`${s.url}/v1/learners/trn-0001/balance`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://lms.example.edu',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://lms.example.edu');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const local = await s.call('GET', '/v1/health', {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(local.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const other = await s.call('GET', '/v1/health', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('auth', () => {
  it('refuses a missing, malformed, forged or expired token with 401', async () => {
    const path = '/v1/learners/trn-0001';
    const none = await s.call('GET', path);
    expect([none.status, none.body.code]).toEqual([401, 'unauthorized']);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const basic = await s.call('GET', path, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    const garbage = await s.call('GET', path, { token: 'not-a-token' });
    expect(garbage.status).toBe(401);
    const [payload] = staff.split('.');
    const forged = await s.call('GET', path, { token: `${payload}.${'A'.repeat(43)}` });
    expect([forged.status, forged.body.detail]).toEqual([401, 'bad token signature']);
    const otherSecret = new TokenService('another-secret-of-16-chars').issue({
      tenant: 'training',
      role: 'admin',
    });
    const foreign = await s.call('GET', path, { token: otherSecret });
    expect([foreign.status, foreign.body.detail]).toEqual([401, 'bad token signature']);
    const expired = signedToken({ tenant: 'training', role: 'staff' }, 60, Date.now() - 3600_000);
    const late = await s.call('GET', path, { token: expired });
    expect([late.status, late.body.detail]).toEqual([401, 'token expired']);
  });

  it('issues dev tokens in embedded mode, checked against the data', async () => {
    const reply = await s.call('POST', '/v1/dev/token', {
      body: { tenant: 'training', role: 'learner', learner: 'trn-0001', ttlSeconds: 600 },
    });
    expect(reply.status).toBe(200);
    expect(Date.parse(reply.body.expiresAt)).toBeGreaterThan(Date.now());
    const me = await s.call('GET', '/v1/learners/trn-0001', { token: reply.body.token });
    expect(me.body.displayName).toBe('陈思远');
    const unknown = await s.call('POST', '/v1/dev/token', {
      body: { tenant: 'training', role: 'learner', learner: 'ent-0001' },
    });
    expect([unknown.status, unknown.body.errors[0].path]).toEqual([422, 'learner']);
  });

  it('a learner sees only their own account', async () => {
    const learner = s.token('training', 'learner', 'trn-0001');
    expect((await s.call('GET', '/v1/learners/trn-0001/balance', { token: learner })).status).toBe(
      200,
    );
    for (const path of [
      '/v1/learners/trn-0002',
      '/v1/learners/trn-0002/outcomes',
      '/v1/learners/trn-0002/balance',
      '/v1/learners/trn-0002/ledger',
    ]) {
      const reply = await s.call('GET', path, { token: learner });
      expect([reply.status, reply.body.code], path).toEqual([404, 'not_found']);
    }
    const list = await s.call('GET', '/v1/learners', { token: learner });
    expect([list.status, list.body.code]).toEqual([403, 'forbidden']);
    const verify = await s.call('POST', '/v1/learners/trn-0001/outcomes/trn-0001-o6/verify', {
      token: learner,
    });
    expect(verify.status).toBe(403);
  });

  it("staff of one tenant get 404 for another tenant's learners", async () => {
    const enterprise = s.token('enterprise', 'staff');
    for (const [method, path] of [
      ['GET', '/v1/learners/trn-0001'],
      ['GET', '/v1/learners/trn-0001/outcomes'],
      ['GET', '/v1/learners/trn-0001/balance'],
      ['GET', '/v1/learners/trn-0001/ledger'],
      ['GET', '/v1/learners/trn-0001/scenario?program=ouc-cnt-assoc'],
      ['POST', '/v1/learners/trn-0001/outcomes/trn-0001-o6/verify'],
    ] as const) {
      const reply = await s.call(method, path, { token: enterprise });
      expect([reply.status, reply.body.code], path).toEqual([404, 'not_found']);
    }
    const preview = await s.call('POST', '/v1/learners/trn-0001/transfers/preview', {
      token: enterprise,
      body: { program: 'ouc-cnt-assoc' },
    });
    expect(preview.status).toBe(404);
    const list = await s.call('GET', '/v1/learners?limit=200', { token: enterprise });
    expect(list.body.items.every((l: Json) => l.tenant === 'enterprise')).toBe(true);
    const tenants = await s.call('GET', '/v1/tenants', { token: enterprise });
    expect(tenants.body.items).toEqual([
      { id: 'enterprise', name: '华工智造集团', kind: 'enterprise' },
    ]);
  });

  it('fault rules are for admins only', async () => {
    const reply = await s.call('GET', '/v1/dev/faults', { token: staff });
    expect([reply.status, reply.body.code]).toEqual([403, 'forbidden']);
  });
});

describe('accounts and archive', () => {
  it('opens an account, lists, searches and pages learners', async () => {
    const opened = await s.call('POST', '/v1/learners', {
      token: staff,
      body: { id: 'new-learner-1', displayName: '测试用户甲', externalRef: 'QH-99999' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toEqual({
      id: 'new-learner-1',
      tenant: 'training',
      displayName: '测试用户甲',
      openedOn: '2026-11-21',
      externalRef: 'QH-99999',
    });
    const generated = await s.call('POST', '/v1/learners', {
      token: admin,
      body: { displayName: '测试用户乙' },
    });
    expect(generated.body.id).toMatch(/^L[0-9a-f]{12}$/);
    const found = await s.call('GET', '/v1/learners?q=QH-99999', { token: staff });
    expect(found.body.items.map((l: Json) => l.id)).toEqual(['new-learner-1']);
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: Json = await s.call(
        'GET',
        `/v1/learners?limit=37${cursor ? `&cursor=${cursor}` : ''}`,
        { token: staff },
      );
      expect(page.status).toBe(200);
      total = page.body.total;
      ids.push(...page.body.items.map((l: Json) => l.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(90);
  });

  it('summaries carry banked credits, points, tier and certificates; filter holders', async () => {
    const reply = await s.call('GET', '/v1/learners?q=trn-0001', { token: staff });
    const [first] = reply.body.items;
    expect(first).toMatchObject({
      id: 'trn-0001',
      displayName: '陈思远',
      bankedCredits: 37.5,
      points: 37,
      tier: 'silver',
      certificates: [
        {
          id: '1x-web',
          name: 'Web 前端开发',
          level: 'intermediate',
          levelName: { 'zh-CN': '中级', en: 'Intermediate' },
        },
      ],
    });
    const holders = await s.call('GET', '/v1/learners?certificate=1x-logistics&limit=200', {
      token: staff,
    });
    expect(holders.body.items.length).toBeGreaterThan(0);
    expect(holders.body.items.map((l: Json) => l.id)).toContain('trn-0002');
    expect(holders.body.items.map((l: Json) => l.id)).not.toContain('trn-0001');
    // the filter and the summaries agree: every holder lists the certificate (usable ones only)
    for (const l of holders.body.items) {
      expect(l.certificates.map((c: Json) => c.id)).toContain('1x-logistics');
    }
    const electricians = await s.call('GET', '/v1/learners?certificate=electrician&limit=200', {
      token: s.token('enterprise', 'staff'),
    });
    for (const l of electricians.body.items) {
      expect(l.certificates.map((c: Json) => c.id)).toContain('electrician');
    }
    expect(electricians.body.items.map((l: Json) => l.id)).not.toContain('ent-0002');
  });

  it("lists the archive in earnedOn order, dated by the server's day", async () => {
    const reply = await s.call('GET', '/v1/learners/trn-0001/outcomes', { token: staff });
    expect(reply.status).toBe(200);
    expect(reply.body.asOf).toBe(TODAY);
    const dates = reply.body.items.map((e: Json) => e.outcome.earnedOn);
    expect(dates).toEqual([...dates].sort());
    const cert = reply.body.items.find((e: Json) => e.outcome.id === 'trn-0001-o1');
    expect(cert).toMatchObject({
      title: 'Web 前端开发 · 中级',
      titles: { 'zh-CN': 'Web 前端开发 · 中级', en: 'Web 前端开发 · Intermediate' },
      outcome: { status: 'verified', certificate: { number: 'WEB-2025-000001' } },
    });
    // the catalog's level names of the certificates in the archive, and only of those
    const held = new Set(
      reply.body.items.flatMap((e: Json) =>
        e.outcome.certificate ? [e.outcome.certificate.id] : [],
      ),
    );
    expect(Object.keys(reply.body.levelNames).sort()).toEqual([...held].sort());
    expect(reply.body.levelNames['1x-web'].intermediate).toEqual({
      'zh-CN': '中级',
      en: 'Intermediate',
    });
  });

  it('deposits (pending), verifies, and revokes an outcome', async () => {
    const learner = s.token('training', 'learner', 'new-learner-1');
    const deposit = await s.call('POST', '/v1/learners/new-learner-1/outcomes', {
      token: learner,
      body: {
        outcome: {
          kind: 'course',
          earnedOn: '2025-01-10',
          course: { institution: 'ouc', code: 'OUC-DB', credits: 4, score: 90 },
          notes: { unknown: 'fields are not kept' },
        },
        evidence: [{ kind: 'link', label: '成绩查询', url: 'https://grades.example.edu/1' }],
      },
    });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({
      title: '数据库基础与应用',
      outcome: { status: 'pending', kind: 'course' },
      verifiedAt: null,
    });
    expect(deposit.body.outcome.notes).toBeUndefined();
    // a course's title is the catalog's, in its one language
    expect(deposit.body.titles).toBeUndefined();
    const oid = deposit.body.outcome.id;
    const verified = await s.call('POST', `/v1/learners/new-learner-1/outcomes/${oid}/verify`, {
      token: staff,
    });
    expect(verified.body.outcome.status).toBe('verified');
    expect(verified.body.verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await s.call('POST', `/v1/learners/new-learner-1/outcomes/${oid}/verify`, {
      token: staff,
    });
    expect(again.body.verifiedAt).toBe(verified.body.verifiedAt);
    const revoked = await s.call('POST', `/v1/learners/new-learner-1/outcomes/${oid}/revoke`, {
      token: staff,
      body: { reason: '成绩记录有误' },
    });
    expect(revoked.body).toMatchObject({
      outcome: { status: 'revoked' },
      revokedReason: '成绩记录有误',
    });
    const reverify = await s.call('POST', `/v1/learners/new-learner-1/outcomes/${oid}/verify`, {
      token: staff,
    });
    expect([reverify.status, reverify.body.code]).toEqual([409, 'conflict']);
    const certificate = await s.call('POST', '/v1/learners/new-learner-1/outcomes', {
      token: learner,
      body: {
        outcome: {
          id: 'my-cert',
          kind: 'certificate',
          earnedOn: '2024-05-01',
          certificate: { id: 'electrician', level: 'level-4', number: 'NEW-ELEC-1' },
        },
      },
    });
    expect(certificate.body.title).toBe('电工 · 四级/中级工');
    expect(certificate.body.titles.en).toMatch(/^电工 · \S/);
    const hours = await s.call('POST', '/v1/learners/new-learner-1/outcomes', {
      token: learner,
      body: {
        outcome: {
          kind: 'nonformal',
          earnedOn: '2024-06-01',
          nonformal: { category: 'training', hours: 30 },
        },
      },
    });
    expect([hours.status, hours.body.title, hours.body.titles]).toEqual([
      201,
      '职业培训 · 30 学时',
      { 'zh-CN': '职业培训 · 30 学时', en: 'Vocational training · 30 hours' },
    ]);
    // a title the depositor gives is kept as given, in no second language
    const given = await s.call('POST', '/v1/learners/new-learner-1/outcomes', {
      token: learner,
      body: {
        title: '电工上岗证',
        outcome: {
          kind: 'nonformal',
          earnedOn: '2024-06-02',
          nonformal: { category: 'training', hours: 8 },
        },
      },
    });
    expect([given.body.title, given.body.titles]).toEqual(['电工上岗证', undefined]);
    const duplicate = await s.call('POST', '/v1/learners/new-learner-1/outcomes', {
      token: learner,
      body: {
        outcome: {
          kind: 'certificate',
          earnedOn: '2024-05-01',
          certificate: { id: 'electrician', level: 'level-4', number: 'NEW-ELEC-1' },
        },
      },
    });
    expect([duplicate.status, duplicate.body.errors[0].path]).toEqual([
      409,
      'outcome.certificate.number',
    ]);
  });

  it('answers the balance (spec §6), on any asOf', async () => {
    const now = await s.call('GET', '/v1/learners/trn-0001/balance', { token: staff });
    expect(now.body).toMatchObject({
      asOf: '2026-11-21',
      credits: { course: 6, certificate: 6, nonformal: 25.5, total: 37.5 },
      points: { total: 37, tier: 'silver', nextTier: 'gold', toNextTier: 23 },
      rejected: [{ outcome: 'trn-0001-o6', reason: 'unverified' }],
    });
    const past = await s.call('GET', '/v1/learners/trn-0001/balance?asOf=2024-01-01', {
      token: staff,
    });
    expect(past.body.credits.total).toBe(3);
  });

  it('pages the ledger newest first, with reversals', async () => {
    const token = s.token('training', 'staff');
    const all = await s.call('GET', '/v1/learners/trn-0002/ledger', { token });
    expect(all.body.total).toBe(4);
    expect(all.body.items[0]).toMatchObject({
      type: 'reversal',
      rule: 'R-LOG-SUB-OFFICER',
      ruleKind: 'substitution',
      credits: -3,
      reverses: 'le-trn-0002-1-3',
    });
    // each entry names its courses by catalog title, in their order
    for (const e of all.body.items) {
      expect(e.courseTitles).toHaveLength(e.courses.length);
      for (const title of e.courseTitles) expect(title).not.toMatch(/^[A-Z]+-[A-Z0-9-]+$/);
    }
    const one = await s.call('GET', '/v1/learners/trn-0002/ledger?limit=3', { token });
    const two = await s.call(
      'GET',
      `/v1/learners/trn-0002/ledger?limit=3&cursor=${one.body.nextCursor}`,
      { token },
    );
    expect([...one.body.items, ...two.body.items]).toEqual(all.body.items);
    expect(two.body.nextCursor).toBeNull();
  });
});

describe('transfers', () => {
  it('previews with applied grants from the ledger and what-if outcomes', async () => {
    const enterprise = s.token('enterprise', 'staff');
    const plan = await s.call('POST', '/v1/learners/ent-0002/transfers/preview', {
      token: enterprise,
      body: { program: 'ouc-mech-bachelor' },
    });
    expect(plan.body.grants.filter((g: Json) => g.applied).map((g: Json) => g.rule)).toEqual([
      'R-MEC-NF-WORK',
      'R-MEC-SUB-IOT',
    ]);
    const whatIf = await s.call('POST', '/v1/learners/ent-0002/transfers/preview', {
      token: enterprise,
      body: {
        program: 'ouc-mech-bachelor',
        whatIf: [
          {
            id: 'wi-1',
            kind: 'certificate',
            earnedOn: '2026-01-01',
            certificate: { id: 'huagong-cnc', level: 'L3' },
          },
        ],
      },
    });
    expect(whatIf.body.grants.map((g: Json) => g.rule)).toContain('R-MEC-SUB-CNC-3');
    expect(whatIf.body.transferredCredits).toBe(plan.body.transferredCredits + 7);
  });

  it('exports the scenario of a learner and program', async () => {
    const reply = await s.call(
      'GET',
      '/v1/learners/ent-0001/scenario?program=ouc-mech-bachelor&asOf=2026-06-30',
      {
        token: s.token('enterprise', 'admin'),
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      asOf: '2026-06-30',
      query: { kind: 'plan', program: 'ouc-mech-bachelor' },
    });
    expect(validateRuleset(reply.body.ruleset).ok).toBe(true);
    expect(reply.body.learner.outcomes).toHaveLength(6);
  });
});

describe('catalog', () => {
  it('lists certificates of every category, with the six 1+X at three levels', async () => {
    const reply = await s.call('GET', '/v1/catalog/certificates?limit=200', { token: staff });
    const categories = new Set(reply.body.items.map((c: Json) => c.category));
    expect([...categories].sort()).toEqual([
      'co-branded',
      'enterprise',
      'industry',
      'professional-training',
      'qualification-entry',
      'qualification-level',
      'skill-level',
    ]);
    const oneX = reply.body.items.filter((c: Json) => c.category === 'skill-level');
    expect(oneX.map((c: Json) => c.name)).toEqual([
      '建筑信息模型（BIM）',
      'Web 前端开发',
      '物流管理',
      '老年照护',
      '汽车运用与维修',
      '智能新能源汽车',
    ]);
    for (const c of oneX) expect(c.levels).toEqual(['junior', 'intermediate', 'senior']);
    // level ids are named for people by the catalog (the rule pack's data, not the widgets)
    for (const c of reply.body.items) {
      expect(Object.keys(c.levelNames).sort()).toEqual([...c.levels].sort());
    }
    const bim = reply.body.items.find((c: Json) => c.id === 'industry-bim-modeler');
    expect(bim.levelNames['grade-1']).toEqual({ 'zh-CN': '一级', en: 'Grade 1' });
    const filtered = await s.call(
      'GET',
      '/v1/catalog/certificates?category=qualification-entry&level=level-4',
      { token: staff },
    );
    expect(filtered.body.items.map((c: Json) => c.id)).toEqual(['electrician', 'welder']);
    const search = await s.call('GET', `/v1/catalog/certificates?q=${encodeURIComponent('汽车')}`, {
      token: staff,
    });
    expect(search.body.items.map((c: Json) => c.id)).toEqual(['1x-auto', '1x-nev']);
    const page1 = await s.call('GET', '/v1/catalog/certificates?limit=5', { token: staff });
    const page2 = await s.call(
      'GET',
      `/v1/catalog/certificates?limit=5&cursor=${page1.body.nextCursor}`,
      { token: staff },
    );
    expect(page2.body.items[0].id).toBe(reply.body.items[5].id);
    const issuer = await s.call(
      'GET',
      `/v1/catalog/certificates?issuer=${encodeURIComponent('华工智造集团')}`,
      { token: staff },
    );
    expect(issuer.body.items.map((c: Json) => c.id)).toEqual(['huagong-cnc']);
  });

  it('searches the course supermarket with facets and a total', async () => {
    const token = s.token('platform', 'learner', 'plt-0001');
    const all = await s.call('GET', '/v1/catalog/courses?limit=1', { token });
    expect(all.body.total).toBeGreaterThanOrEqual(5000);
    expect(all.body.facets.provider.length).toBeGreaterThan(20);
    // a provider bucket carries its display name; the other facets need none
    for (const bucket of all.body.facets.provider) {
      expect(typeof bucket.label).toBe('string');
      expect(bucket.label).not.toBe(bucket.value);
    }
    expect(all.body.facets.credits[0]).not.toHaveProperty('label');
    const q = encodeURIComponent('照护');
    const reply = await s.call('GET', `/v1/catalog/courses?q=${q}&limit=20`, { token });
    expect(reply.body.total).toBeGreaterThan(0);
    for (const c of reply.body.items) expect(c.title).toContain('照护');
    const facetTotal = reply.body.facets.fee.reduce((n: number, b: Json) => n + b.count, 0);
    expect(facetTotal).toBe(reply.body.total);
    const provider = reply.body.facets.provider[0].value;
    const narrowed = await s.call(
      'GET',
      `/v1/catalog/courses?q=${q}&provider=${provider}&fee=0-0`,
      { token },
    );
    for (const c of narrowed.body.items) {
      expect([c.provider, c.fee]).toEqual([provider, 0]);
    }
    // a facet's counts ignore the facet's own filter
    expect(narrowed.body.facets.provider).toEqual(
      (await s.call('GET', `/v1/catalog/courses?q=${q}&fee=0-0`, { token })).body.facets.provider,
    );
    const literal = await s.call('GET', `/v1/catalog/courses?q=${encodeURIComponent('100%')}`, {
      token,
    });
    expect(literal.body.total).toBe(0);
  });

  it('sorts and walks every page of a search without gaps or repeats', async () => {
    const token = staff;
    for (const sort of [
      'relevance',
      'title',
      'credits-asc',
      'credits-desc',
      'fee-asc',
      'fee-desc',
    ]) {
      const base = `/v1/catalog/courses?q=${encodeURIComponent('管理')}&sort=${sort}&limit=50`;
      const seen: Json[] = [];
      let cursor: string | null = null;
      let total = 0;
      do {
        const page: Json = await s.call('GET', `${base}${cursor ? `&cursor=${cursor}` : ''}`, {
          token,
        });
        expect(page.status).toBe(200);
        total = page.body.total;
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((c) => c.code)).size).toBe(total);
      const key = (c: Json) =>
        sort.startsWith('credits') ? c.credits : sort.startsWith('fee') ? c.fee : null;
      if (key(seen[0]) !== null) {
        const values = seen.map(key);
        const sorted = [...values].sort((a, b) => (sort.endsWith('desc') ? b - a : a - b));
        expect(values, sort).toEqual(sorted);
      }
      if (sort === 'title') {
        const titles = seen.map((c) => c.title as string);
        // title sort is by UTF-8 bytes (COLLATE "C"), the same on every database
        expect(titles).toEqual(
          [...titles].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
        );
      }
    }
  });

  it('lists programs, a program, rules of every kind and a valid trimmed ruleset', async () => {
    const programs = await s.call('GET', '/v1/catalog/programs', { token: staff });
    expect(programs.body.items.length).toBeGreaterThanOrEqual(9);
    const one = await s.call('GET', '/v1/catalog/programs/ouc-cnt-assoc', { token: staff });
    expect(one.body.name).toBe('计算机网络技术（专科）');
    const rules = await s.call('GET', '/v1/catalog/rules', { token: staff });
    expect(new Set(rules.body.items.map((r: Json) => r.kind))).toEqual(
      new Set(['substitution', 'recognition', 'nonformal', 'dual-certificate']),
    );
    const mine = await s.call('GET', '/v1/catalog/rules?program=ouc-cnt-assoc', { token: staff });
    expect(mine.body.items.every((r: Json) => r.program === 'ouc-cnt-assoc')).toBe(true);
    const ruleset = await s.call('GET', '/v1/catalog/ruleset?program=bjvc-software-assoc', {
      token: staff,
    });
    expect(validateRuleset(ruleset.body).ok).toBe(true);
    expect(ruleset.body.programs.map((p: Json) => p.id)).toEqual(['bjvc-software-assoc']);
    expect(ruleset.body.rules.map((r: Json) => r.id)).toContain('R-DUAL-WEB-I');
    expect(ruleset.body.rules.map((r: Json) => r.id)).toContain('R-BJVC-REC-OUC-DB');
    expect(ruleset.body.courses.map((c: Json) => c.code)).toContain('OUC-DB');
    const everything = await s.call('GET', '/v1/catalog/ruleset', { token: staff });
    expect(validateRuleset(everything.body).ok).toBe(true);
    expect(everything.body.fees).toEqual({ perCredit: 5, perExam: 10, currency: 'CNY' });
    const missing = await s.call('GET', '/v1/catalog/programs/none', { token: staff });
    expect(missing.status).toBe(404);
  });
});

describe('public verification', () => {
  it('verifies a certificate number without a token, masking the holder', async () => {
    const reply = await s.call('GET', '/v1/verify/WEB-2025-000001');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      number: 'WEB-2025-000001',
      holder: '陈*远',
      certificate: { id: '1x-web', name: 'Web 前端开发', category: 'skill-level' },
      level: 'intermediate',
      levelName: { 'zh-CN': '中级', en: 'Intermediate' },
      status: 'valid',
      earnedOn: '2025-06-20',
      expiresOn: null,
    });
    expect(reply.text).not.toContain('陈思远');
    expect(reply.text).not.toContain('trn-0001');
  });

  it('tells revoked, expired and pending certificates; unknown numbers are 404', async () => {
    const status = async (n: string) => (await s.call('GET', `/v1/verify/${n}`)).body.status;
    expect(await status('LGO-2023-000003')).toBe('revoked');
    expect(await status('ELEC-2016-000008')).toBe('expired');
    expect(await status('BIM-2026-000004')).toBe('pending');
    const compound = await s.call('GET', '/v1/verify/WEB-2025-000012');
    expect(compound.body.holder).toBe('欧**涵');
    // typed in lower case, as people copy numbers: the same certificate, under its own number
    const lower = await s.call('GET', '/v1/verify/web-2025-000001');
    expect([lower.status, lower.body.number]).toEqual([200, 'WEB-2025-000001']);
    const unknown = await s.call('GET', '/v1/verify/NO-SUCH-1');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
  });
});
