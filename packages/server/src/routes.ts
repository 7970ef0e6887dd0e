/**
 * Every route of the API (API.md), declared once: method, path, who may call it, the zod
 * schemas of its query, body and responses, and the handler. The Hono app is built from this
 * table and so is the OpenAPI document, so the two cannot drift apart.
 */
import { randomUUID } from 'node:crypto';
import { balance, certify, plan, Program, type DisplayName } from '@creditbank/core';
import {
  ApplyRequest,
  ArchiveEntry,
  ArchiveList,
  BalanceResult,
  CertificatePage,
  CertificateVerification,
  CoursePage,
  DepositRequest,
  FaultRule,
  Health,
  LearnerAccount,
  LearnerPage,
  LedgerPage,
  OpenAccountRequest,
  PlanResult,
  PreviewRequest,
  ProgramList,
  RevokeRequest,
  RuleList,
  ScenarioExport,
  TokenRequest,
  TokenResponse,
  TransferResult,
  type FieldError,
  type Role,
} from '@creditbank/core/api';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { authenticate, DEFAULT_TTL_SECONDS, requireRole, type Claims } from './auth.js';
import type { ServerContext } from './context.js';
import { insertRows, outcomeRow, type LearnerRow } from './db/rows.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION } from './db/database.js';
import { pathParam, readJson, readQuery } from './http.js';
import { openApiDocument } from './openapi.js';
import { checkOutcomes, evidenceErrors, markupErrors } from './outcomes.js';
import { badRequest, conflict, HttpProblem, invalid, notFound } from './problems.js';
import {
  AsOfQuery,
  CertificateQuery,
  CourseQuery,
  DEFAULT_LIMIT,
  FaultList,
  FaultQuery,
  LearnerQuery,
  NEW_ID,
  PageQuery,
  ProgramQuery,
  Ruleset as RulesetSchema,
  ScenarioQuery,
  TenantList,
} from './schemas.js';
import {
  coreOutcome,
  findCertificateNumber,
  findLearner,
  listLearners,
  loadOutcomes,
  toAccount,
  toArchiveEntry,
  verifyOutcome,
} from './store/accounts.js';
import {
  courseTitles,
  getProgram,
  listCertificates,
  listPrograms,
  listRules,
  searchCourses,
} from './store/catalog.js';
import {
  applyTransfer,
  coreLearner,
  ledgerPage,
  loadLedger,
  revokeOutcome,
} from './store/ledger.js';
import { archiveTitle } from './titles.js';

/** Who may call a route. `self`: the learner of `{id}`, or staff/admin of the learner's tenant. */
export type Access = 'public' | 'token' | 'self' | 'staff' | 'admin';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export interface Input<Q, B> {
  params: Record<string, string>;
  query: Infer<Q>;
  body: Infer<B>;
  /** the caller's claims (null on public routes) */
  auth: Claims;
  ctx: ServerContext;
  c: Context;
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
}

export interface ResponseSpec {
  description: string;
  schema: z.ZodMiniType;
  headers?: Record<string, string>;
}

export interface RouteSpec<
  Q extends z.ZodMiniObject | undefined = z.ZodMiniObject | undefined,
  B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
> {
  operationId: string;
  method: Method;
  /** OpenAPI form: `/v1/learners/{id}` */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** the route exists only when this holds (otherwise 404) */
  enabled?: (ctx: ServerContext) => boolean;
  query?: Q;
  body?: B;
  headers?: HeaderSpec[];
  responses: Record<number, ResponseSpec>;
  /** statuses answered as problems */
  problems: number[];
  handler: (input: Input<Q, B>) => Promise<Response>;
}

function route<Q extends z.ZodMiniObject | undefined, B extends z.ZodMiniType | undefined>(
  spec: RouteSpec<Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

const json = (c: Context, body: unknown, status = 200, headers?: Record<string, string>) =>
  c.json(body as object, status as 200, headers);

const STAFF: Role[] = ['staff', 'admin'];

/** The learner `{id}` as the caller may see it: 404 for another learner or another tenant. */
async function learnerFor(ctx: ServerContext, auth: Claims, id: string): Promise<LearnerRow> {
  const missing = () => notFound(`learner ${id} not found`);
  if (auth.role === 'learner' && auth.learner !== id) throw missing();
  const row = await findLearner(ctx.db, auth.tenant, id);
  if (!row) throw missing();
  return row;
}

async function knownProgram(ctx: ServerContext, program: string, path: string) {
  const ruleset = await ctx.catalog.ruleset(program);
  if (!ruleset) throw invalid([{ path, message: `unknown program "${program}"` }]);
  return ruleset;
}

function notAfterToday(ctx: ServerContext, asOf: string | undefined, path: string): string {
  const today = ctx.today();
  if (asOf !== undefined && asOf > today) {
    throw invalid([{ path, message: `must not be after today (${today})` }]);
  }
  return asOf ?? today;
}

/** 姓名脱敏: `张晓明` → `张*明`, `欧阳子涵` → `欧**涵`, `李明` → `李*`. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

const PROBLEMS_AUTH = [401, 403];

export const ROUTES: RouteSpec[] = [
  route({
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    summary: 'Health of the server and its database',
    tag: 'system',
    access: 'public',
    responses: { 200: { description: 'healthy', schema: Health } },
    problems: [503],
    async handler({ ctx, c }) {
      try {
        await ctx.db.query('SELECT 1');
      } catch {
        throw new HttpProblem(503, 'unavailable', 'the database does not answer');
      }
      return json(c, { status: 'ok', database: ctx.db.kind, version: ctx.version });
    },
  }),
  route({
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This OpenAPI 3.1 document, generated from the zod schemas',
    tag: 'system',
    access: 'public',
    responses: {
      200: { description: 'OpenAPI 3.1 document', schema: z.looseObject({ openapi: z.string() }) },
    },
    problems: [],
    async handler({ ctx, c }) {
      return json(c, openApiDocument(ctx.version));
    },
  }),
  route({
    operationId: 'createDevToken',
    method: 'POST',
    path: '/v1/dev/token',
    summary: 'Issue a token (embedded PGlite or demo mode only; 404 otherwise)',
    tag: 'dev',
    access: 'public',
    enabled: (ctx) => ctx.devTokens,
    body: TokenRequest,
    responses: { 200: { description: 'a bearer token', schema: TokenResponse } },
    problems: [400, 404, 413, 415, 422],
    async handler({ ctx, c, body }) {
      const [tenant] = await ctx.db.query('SELECT id FROM tenants WHERE id = $1', [body.tenant]);
      const errors: FieldError[] = [];
      if (!tenant) errors.push({ path: 'tenant', message: `unknown tenant "${body.tenant}"` });
      if (body.role === 'learner') {
        if (body.learner === undefined) {
          errors.push({ path: 'learner', message: 'is required for role learner' });
        } else if (tenant && !(await findLearner(ctx.db, body.tenant, body.learner))) {
          errors.push({ path: 'learner', message: `unknown learner "${body.learner}"` });
        }
      }
      if (errors.length) throw invalid(errors);
      const ttl = body.ttlSeconds ?? DEFAULT_TTL_SECONDS;
      const claims: Claims = { tenant: body.tenant, role: body.role };
      if (body.role === 'learner') claims.learner = body.learner;
      const token = ctx.tokens.issue(claims, ttl);
      return json(c, { token, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() });
    },
  }),
  route({
    operationId: 'listTenants',
    method: 'GET',
    path: '/v1/tenants',
    summary: "The caller's tenant",
    tag: 'accounts',
    access: 'staff',
    responses: { 200: { description: 'own tenant only', schema: TenantList } },
    problems: PROBLEMS_AUTH,
    async handler({ ctx, c, auth }) {
      const items = await ctx.db.query('SELECT id, name, kind FROM tenants WHERE id = $1', [
        auth.tenant,
      ]);
      return json(c, { items });
    },
  }),
  route({
    operationId: 'openAccount',
    method: 'POST',
    path: '/v1/learners',
    summary: "Open a lifelong learning account (终身学习账户) in the caller's tenant",
    tag: 'accounts',
    access: 'staff',
    body: OpenAccountRequest,
    responses: { 201: { description: 'the new account', schema: LearnerAccount } },
    problems: [...PROBLEMS_AUTH, 400, 409, 413, 415, 422],
    async handler({ ctx, c, body, auth }) {
      const errors = markupErrors({ displayName: body.displayName, externalRef: body.externalRef });
      if (body.id !== undefined && !NEW_ID.test(body.id)) {
        errors.push({
          path: 'id',
          message: 'expected letters, digits, ".", "_", ":" or "-" (at most 100)',
        });
      }
      if (body.displayName.trim() === '') {
        errors.push({ path: 'displayName', message: 'must not be blank' });
      }
      if (errors.length) throw invalid(errors);
      const today = ctx.today();
      const row: LearnerRow = {
        tenantId: auth.tenant,
        id: body.id ?? `L${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        displayName: body.displayName.trim(),
        externalRef: body.externalRef ?? null,
        openedOn: today,
        createdAt: new Date().toISOString(),
      };
      const [tenant] = await ctx.db.query('SELECT id FROM tenants WHERE id = $1', [auth.tenant]);
      if (!tenant) throw notFound(`tenant ${auth.tenant} not found`);
      try {
        await insertRows(ctx.db, 'learners', [row]);
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) {
          throw conflict(`learner ${row.id} already exists`, [
            { path: 'id', message: 'already taken in this tenant' },
          ]);
        }
        throw error;
      }
      return json(c, toAccount(row), 201);
    },
  }),
  route({
    operationId: 'listLearners',
    method: 'GET',
    path: '/v1/learners',
    summary: "Summaries of the tenant's learners (`certificate` filters holders)",
    tag: 'accounts',
    access: 'staff',
    query: LearnerQuery,
    responses: { 200: { description: 'a page of learners', schema: LearnerPage } },
    problems: [...PROBLEMS_AUTH, 400],
    async handler({ ctx, c, query, auth }) {
      const page = await listLearners(
        ctx.db,
        auth.tenant,
        { ...query, limit: query.limit ?? DEFAULT_LIMIT },
        await ctx.catalog.balanceRuleset(),
        ctx.today(),
      );
      return json(c, page);
    },
  }),
  route({
    operationId: 'getLearner',
    method: 'GET',
    path: '/v1/learners/{id}',
    summary: 'A learner account',
    tag: 'accounts',
    access: 'self',
    responses: { 200: { description: 'the account', schema: LearnerAccount } },
    problems: [...PROBLEMS_AUTH, 400, 404],
    async handler({ ctx, c, auth, params }) {
      return json(c, toAccount(await learnerFor(ctx, auth, params.id as string)));
    },
  }),
  route({
    operationId: 'listOutcomes',
    method: 'GET',
    path: '/v1/learners/{id}/outcomes',
    summary: 'The learning archive (档案), in earnedOn order',
    tag: 'archive',
    access: 'self',
    responses: { 200: { description: 'archive entries', schema: ArchiveList } },
    problems: [...PROBLEMS_AUTH, 400, 404],
    async handler({ ctx, c, auth, params }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const rows = await loadOutcomes(ctx.db, learner.tenantId, learner.id);
      const held = new Set(rows.flatMap((r) => (r.certificateId ? [r.certificateId] : [])));
      const levelNames = Object.fromEntries(
        (await ctx.catalog.certificates()).flatMap((cert) =>
          held.has(cert.id) && cert.levelNames ? [[cert.id, cert.levelNames]] : [],
        ),
      );
      return json(c, { asOf: ctx.today(), items: rows.map(toArchiveEntry), levelNames });
    },
  }),
  route({
    operationId: 'depositOutcome',
    method: 'POST',
    path: '/v1/learners/{id}/outcomes',
    summary: 'Deposit an outcome (status pending), checked against the catalog',
    tag: 'archive',
    access: 'self',
    body: DepositRequest,
    responses: { 201: { description: 'the new archive entry', schema: ArchiveEntry } },
    problems: [...PROBLEMS_AUTH, 400, 404, 409, 413, 415, 422],
    async handler({ ctx, c, auth, params, body }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const certificates = await ctx.catalog.certificates();
      const checked = checkOutcomes(
        [
          {
            ...body.outcome,
            id: body.outcome.id ?? `o-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
            status: 'pending',
          },
        ],
        certificates,
        () => 'outcome',
        ctx.today(),
      );
      const errors = [
        ...checked.errors,
        ...markupErrors({ title: body.title, issuer: body.issuer }),
        ...evidenceErrors(body.evidence ?? [], 'evidence'),
      ];
      const [outcome] = checked.outcomes;
      if (errors.length || !outcome) throw invalid(errors);
      let title: string | DisplayName | undefined = body.title;
      if (title === undefined || title.trim() === '') {
        const code =
          outcome.kind === 'course' ? (outcome as { course: { code: string } }).course.code : null;
        const titles = await courseTitles(ctx.db, code ? [code] : []);
        title = archiveTitle(outcome, {
          courseTitle: (c) => titles.get(c),
          certificate: (id) => certificates.find((x) => x.id === id),
        });
      }
      const row = outcomeRow({ tenantId: learner.tenantId, learnerId: learner.id }, outcome, {
        title,
        issuer: body.issuer ?? null,
        evidence: body.evidence ?? [],
        depositedAt: new Date().toISOString(),
      });
      try {
        await insertRows(ctx.db, 'outcomes', [row]);
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) {
          const numbered = sqlConstraint(error) === 'outcomes_certificate_number';
          throw conflict(
            numbered ? 'this certificate number is already deposited' : 'the outcome id is taken',
            [
              numbered
                ? { path: 'outcome.certificate.number', message: 'already deposited' }
                : { path: 'outcome.id', message: 'already in this archive' },
            ],
          );
        }
        throw error;
      }
      return json(c, toArchiveEntry(row), 201);
    },
  }),
  route({
    operationId: 'verifyOutcome',
    method: 'POST',
    path: '/v1/learners/{id}/outcomes/{oid}/verify',
    summary: 'Verify a pending outcome (认证)',
    tag: 'archive',
    access: 'staff',
    responses: { 200: { description: 'the verified entry', schema: ArchiveEntry } },
    problems: [...PROBLEMS_AUTH, 400, 404, 409],
    async handler({ ctx, c, auth, params }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const row = await verifyOutcome(ctx.db, learner.tenantId, learner.id, params.oid as string);
      return json(c, toArchiveEntry(row));
    },
  }),
  route({
    operationId: 'revokeOutcome',
    method: 'POST',
    path: '/v1/learners/{id}/outcomes/{oid}/revoke',
    summary: 'Revoke an outcome; reverses every applied grant that consumed it',
    tag: 'archive',
    access: 'staff',
    body: RevokeRequest,
    responses: { 200: { description: 'the revoked entry', schema: ArchiveEntry } },
    problems: [...PROBLEMS_AUTH, 400, 404, 409, 413, 415, 422],
    async handler({ ctx, c, auth, params, body }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const errors = markupErrors({ reason: body.reason });
      if (body.reason.trim() === '') errors.push({ path: 'reason', message: 'must not be blank' });
      if (errors.length) throw invalid(errors);
      const { outcome } = await revokeOutcome(
        ctx.db,
        learner.tenantId,
        learner.id,
        params.oid as string,
        body.reason.trim(),
      );
      return json(c, toArchiveEntry(outcome));
    },
  }),
  route({
    operationId: 'getBalance',
    method: 'GET',
    path: '/v1/learners/{id}/balance',
    summary: 'Banked credits and lifelong-learning points (积累, spec §6)',
    tag: 'archive',
    access: 'self',
    query: AsOfQuery,
    responses: { 200: { description: 'the balance', schema: BalanceResult } },
    problems: [...PROBLEMS_AUTH, 400, 404],
    async handler({ ctx, c, auth, params, query }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const rows = await loadOutcomes(ctx.db, learner.tenantId, learner.id);
      const result = balance(
        await ctx.catalog.balanceRuleset(),
        { id: learner.id, outcomes: rows.map(coreOutcome) },
        query.asOf ?? ctx.today(),
      );
      return json(c, result);
    },
  }),
  route({
    operationId: 'getLedger',
    method: 'GET',
    path: '/v1/learners/{id}/ledger',
    summary: 'The append-only credit ledger, newest first',
    tag: 'transfers',
    access: 'self',
    query: PageQuery,
    responses: { 200: { description: 'a page of ledger entries', schema: LedgerPage } },
    problems: [...PROBLEMS_AUTH, 400, 404],
    async handler({ ctx, c, auth, params, query }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const page = await ledgerPage(ctx.db, learner.tenantId, learner.id, {
        cursor: query.cursor,
        limit: query.limit ?? DEFAULT_LIMIT,
      });
      // people read course titles, not codes, and what kind of rule granted, not its id
      const titles = await courseTitles(ctx.db, [...new Set(page.items.flatMap((e) => e.courses))]);
      const kinds = new Map<string, string>();
      for (const program of new Set(page.items.map((e) => e.program))) {
        const ruleset = await ctx.catalog.ruleset(program);
        for (const rule of ruleset?.rules ?? []) kinds.set(`${program}\n${rule.id}`, rule.kind);
      }
      const items = page.items.map((e) => {
        const ruleKind = kinds.get(`${e.program}\n${e.rule}`);
        return {
          ...e,
          courseTitles: e.courses.map((code) => titles.get(code) ?? code),
          ...(ruleKind === undefined ? {} : { ruleKind }),
        };
      });
      return json(c, { ...page, items });
    },
  }),
  route({
    operationId: 'previewTransfer',
    method: 'POST',
    path: '/v1/learners/{id}/transfers/preview',
    summary: 'Transfer preview: the core plan with the applied grants of the ledger',
    tag: 'transfers',
    access: 'self',
    body: PreviewRequest,
    responses: { 200: { description: 'the plan', schema: PlanResult } },
    problems: [...PROBLEMS_AUTH, 400, 404, 413, 415, 422],
    async handler({ ctx, c, auth, params, body }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const ruleset = await knownProgram(ctx, body.program, 'program');
      const [stored, ledger] = await Promise.all([
        loadOutcomes(ctx.db, learner.tenantId, learner.id),
        loadLedger(ctx.db, learner.tenantId, learner.id),
      ]);
      const requested = body.whatIf ?? [];
      const checked = checkOutcomes(
        [...stored.map(coreOutcome), ...requested.map((o) => ({ ...o, status: 'verified' }))],
        ruleset.certificates,
        (i) => (i < stored.length ? `archive[${i}]` : `whatIf[${i - stored.length}]`),
      );
      const errors = checked.errors.filter((e) => e.path.startsWith('whatIf'));
      if (errors.length) throw invalid(errors);
      if (checked.outcomes.length !== stored.length + requested.length) {
        throw new Error(`the archive of ${learner.id} does not pass the core schemas`);
      }
      const whatIf = checked.outcomes.slice(stored.length);
      const program = body.program;
      const result = plan(
        ruleset,
        coreLearner(learner.id, stored, ledger, program, whatIf),
        program,
        body.asOf ?? ctx.today(),
      );
      return json(c, result);
    },
  }),
  route({
    operationId: 'applyTransfer',
    method: 'POST',
    path: '/v1/learners/{id}/transfers',
    summary: 'Apply the plan: write its new grants to the ledger (idempotent)',
    description:
      'Same key again → the first result (200, `Idempotency-Replayed: true`), nothing written; key reused with another body → 422 `idempotency_key_reused`; an outcome consumed meanwhile → 409 `outcome_consumed`; no new grant → 409 `conflict`.',
    tag: 'transfers',
    access: 'self',
    headers: [
      {
        name: 'Idempotency-Key',
        required: true,
        description: '8–200 characters; the first result of a key is kept and replayed',
        schema: { type: 'string', minLength: 8, maxLength: 200 },
      },
    ],
    body: ApplyRequest,
    responses: {
      201: { description: 'applied', schema: TransferResult },
      200: {
        description: 'the first result of this Idempotency-Key, replayed',
        schema: TransferResult,
        headers: { 'Idempotency-Replayed': 'true on a replay' },
      },
    },
    problems: [...PROBLEMS_AUTH, 400, 404, 409, 413, 415, 422],
    async handler({ ctx, c, auth, params, body }) {
      const key = c.req.header('idempotency-key');
      if (key === undefined) {
        throw new HttpProblem(
          400,
          'idempotency_key_required',
          'send an Idempotency-Key header (8–200 characters)',
          [{ path: 'Idempotency-Key', message: 'is required' }],
        );
      }
      if (key.length < 8 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
        throw badRequest('invalid Idempotency-Key', [
          { path: 'Idempotency-Key', message: 'expected 8–200 visible ASCII characters' },
        ]);
      }
      const learner = await learnerFor(ctx, auth, params.id as string);
      const ruleset = await knownProgram(ctx, body.program, 'program');
      const asOf = notAfterToday(ctx, body.asOf, 'asOf');
      const result = await applyTransfer(ctx.db, {
        tenant: learner.tenantId,
        learner: learner.id,
        program: body.program,
        asOf,
        requestedAsOf: body.asOf ?? null,
        key,
        ruleset,
      });
      return json(
        c,
        result.body,
        result.status,
        result.replayed ? { 'Idempotency-Replayed': 'true' } : undefined,
      );
    },
  }),
  route({
    operationId: 'exportScenario',
    method: 'GET',
    path: '/v1/learners/{id}/scenario',
    summary: 'The spec §7 scenario of this learner and a program',
    tag: 'transfers',
    access: 'self',
    query: ScenarioQuery,
    responses: { 200: { description: 'a scenario file', schema: ScenarioExport } },
    problems: [...PROBLEMS_AUTH, 400, 404],
    async handler({ ctx, c, auth, params, query }) {
      const learner = await learnerFor(ctx, auth, params.id as string);
      const ruleset = await ctx.catalog.ruleset(query.program);
      if (!ruleset) throw notFound(`program ${query.program} not found`);
      const [outcomes, ledger] = await Promise.all([
        loadOutcomes(ctx.db, learner.tenantId, learner.id),
        loadLedger(ctx.db, learner.tenantId, learner.id),
      ]);
      return json(c, {
        asOf: query.asOf ?? ctx.today(),
        ruleset,
        learner: coreLearner(learner.id, outcomes, ledger, query.program),
        query: { kind: 'plan', program: query.program },
      });
    },
  }),
  route({
    operationId: 'listCertificates',
    method: 'GET',
    path: '/v1/catalog/certificates',
    summary: 'The certificate catalog',
    tag: 'catalog',
    access: 'token',
    query: CertificateQuery,
    responses: { 200: { description: 'a page of certificates', schema: CertificatePage } },
    problems: [401, 400],
    async handler({ ctx, c, query }) {
      return json(
        c,
        await listCertificates(ctx.db, { ...query, limit: query.limit ?? DEFAULT_LIMIT }),
      );
    },
  }),
  route({
    operationId: 'searchCourses',
    method: 'GET',
    path: '/v1/catalog/courses',
    summary: 'The course supermarket (课程超市): search, facets, sort, keyset pages',
    description:
      "`q` is a case-insensitive substring of the title. Facet counts apply every filter but the facet's own. `fee` buckets: `0-0`, `1-200`, `201-500`, `501-`.",
    tag: 'catalog',
    access: 'token',
    query: CourseQuery,
    responses: { 200: { description: 'a page of courses', schema: CoursePage } },
    problems: [401, 400],
    async handler({ ctx, c, query }) {
      return json(
        c,
        await searchCourses(ctx.db, { ...query, limit: query.limit ?? DEFAULT_LIMIT }),
      );
    },
  }),
  route({
    operationId: 'listPrograms',
    method: 'GET',
    path: '/v1/catalog/programs',
    summary: 'Programs',
    tag: 'catalog',
    access: 'token',
    responses: { 200: { description: 'all programs', schema: ProgramList } },
    problems: [401],
    async handler({ ctx, c }) {
      return json(c, { items: await listPrograms(ctx.db) });
    },
  }),
  route({
    operationId: 'getProgram',
    method: 'GET',
    path: '/v1/catalog/programs/{id}',
    summary: 'A program',
    tag: 'catalog',
    access: 'token',
    responses: { 200: { description: 'the program', schema: Program } },
    problems: [401, 400, 404],
    async handler({ ctx, c, params }) {
      const program = await getProgram(ctx.db, params.id as string);
      if (!program) throw notFound(`program ${params.id} not found`);
      return json(c, program);
    },
  }),
  route({
    operationId: 'listRules',
    method: 'GET',
    path: '/v1/catalog/rules',
    summary: 'Transfer rules (转换规则), of one program or all',
    tag: 'catalog',
    access: 'token',
    query: ProgramQuery,
    responses: { 200: { description: 'rules in rule-pack order', schema: RuleList } },
    problems: [401, 400, 404],
    async handler({ ctx, c, query }) {
      if (query.program !== undefined && !(await getProgram(ctx.db, query.program))) {
        throw notFound(`program ${query.program} not found`);
      }
      return json(c, { items: await listRules(ctx.db, query.program) });
    },
  }),
  route({
    operationId: 'getRuleset',
    method: 'GET',
    path: '/v1/catalog/ruleset',
    summary: "The core Ruleset trimmed to a program's plans (all programs when none is named)",
    tag: 'catalog',
    access: 'token',
    query: ProgramQuery,
    responses: { 200: { description: 'a valid core Ruleset', schema: RulesetSchema } },
    problems: [401, 400, 404],
    async handler({ ctx, c, query }) {
      const ruleset = await ctx.catalog.ruleset(query.program ?? null);
      if (!ruleset) throw notFound(`program ${query.program} not found`);
      return json(c, ruleset);
    },
  }),
  route({
    operationId: 'verifyCertificate',
    method: 'GET',
    path: '/v1/verify/{number}',
    summary: 'Public certificate verification by number (holder name masked)',
    tag: 'verification',
    access: 'public',
    responses: { 200: { description: 'what may be shown', schema: CertificateVerification } },
    problems: [400, 404],
    async handler({ ctx, c, params }) {
      const row = await findCertificateNumber(ctx.db, params.number as string);
      if (!row) throw notFound(`no certificate numbered ${params.number}`);
      const certificate = (await ctx.catalog.certificates()).find(
        (x) => x.id === row.certificateId,
      );
      // the core's certification decides (spec §3): revoked, unverified, future, expired
      const reason = certify(
        {
          id: row.number,
          kind: 'certificate',
          status: row.status,
          earnedOn: row.earnedOn,
          ...(row.expiresOn !== null ? { expiresOn: row.expiresOn } : {}),
        },
        ctx.today(),
      );
      const status =
        reason === null
          ? 'valid'
          : reason === 'revoked' || reason === 'expired'
            ? reason
            : 'pending';
      return json(c, {
        number: row.number,
        holder: maskName(row.holder),
        certificate: {
          id: row.certificateId,
          name: certificate?.name ?? row.certificateId,
          category: certificate?.category ?? 'unknown',
        },
        level: row.level,
        ...(certificate?.levelNames?.[row.level]
          ? { levelName: certificate.levelNames[row.level] }
          : {}),
        status,
        earnedOn: row.earnedOn,
        expiresOn: row.expiresOn,
      });
    },
  }),
  route({
    operationId: 'listFaults',
    method: 'GET',
    path: '/v1/dev/faults',
    summary: 'Fault rules in force (non-production only)',
    tag: 'dev',
    access: 'admin',
    enabled: (ctx) => ctx.faultsEnabled,
    responses: { 200: { description: 'fault rules', schema: FaultList } },
    problems: [...PROBLEMS_AUTH, 404],
    async handler({ ctx, c }) {
      return json(c, { items: ctx.faults.list() });
    },
  }),
  route({
    operationId: 'addFault',
    method: 'PUT',
    path: '/v1/dev/faults',
    summary: 'Add a fault rule: delay, error status, error rate (non-production only)',
    tag: 'dev',
    access: 'admin',
    enabled: (ctx) => ctx.faultsEnabled,
    body: FaultRule,
    responses: { 200: { description: 'fault rules now in force', schema: FaultList } },
    problems: [...PROBLEMS_AUTH, 400, 404, 413, 415, 422],
    async handler({ ctx, c, body }) {
      ctx.faults.add(body);
      return json(c, { items: ctx.faults.list() });
    },
  }),
  route({
    operationId: 'clearFaults',
    method: 'DELETE',
    path: '/v1/dev/faults',
    summary: 'Remove the fault rules of `route`, or all (non-production only)',
    tag: 'dev',
    access: 'admin',
    enabled: (ctx) => ctx.faultsEnabled,
    query: FaultQuery,
    responses: { 200: { description: 'fault rules now in force', schema: FaultList } },
    problems: [...PROBLEMS_AUTH, 400, 404],
    async handler({ ctx, c, query }) {
      ctx.faults.clear(query.route);
      return json(c, { items: ctx.faults.list() });
    },
  }),
];

/** Runs a route: existence, auth, path parameters, query and body, then the handler. */
export async function runRoute(spec: RouteSpec, ctx: ServerContext, c: Context): Promise<Response> {
  if (spec.enabled && !spec.enabled(ctx)) throw notFound(`no route ${spec.method} ${c.req.path}`);
  let auth = { tenant: '', role: 'learner' } as Claims;
  if (spec.access !== 'public') {
    auth = authenticate(c.req.header('authorization'), ctx.tokens);
    if (spec.access === 'staff') requireRole(auth, STAFF);
    if (spec.access === 'admin') requireRole(auth, ['admin']);
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
    params[name] = pathParam(value, name);
  }
  const query = spec.query ? readQuery(new URL(c.req.url), spec.query) : undefined;
  const body = spec.body ? await readJson(c.req.raw, spec.body) : undefined;
  return spec.handler({ params, query, body, auth, ctx, c } as Input<never, never>);
}
