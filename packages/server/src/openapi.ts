/**
 * The OpenAPI 3.1 document, generated from the route table and the zod schemas (zod 4's
 * `toJSONSchema`, JSON Schema 2020-12): every route with its parameters, request body,
 * responses and problem responses.
 */
import * as api from '@creditbank/core/api';
import { Program } from '@creditbank/core';
import * as z from 'zod/mini';
import { ROUTES, type RouteSpec } from './routes.js';
import { FaultList, Ruleset, TenantList } from './schemas.js';

type JsonObject = Record<string, unknown>;

/** Schemas with a name in `components.schemas`. */
const NAMED: Record<string, z.ZodMiniType> = {
  Problem: api.Problem,
  FieldError: api.FieldError,
  Health: api.Health,
  Tenant: api.Tenant,
  TenantList,
  LearnerAccount: api.LearnerAccount,
  LearnerSummary: api.LearnerSummary,
  LearnerPage: api.LearnerPage,
  OpenAccountRequest: api.OpenAccountRequest,
  Evidence: api.Evidence,
  ArchiveEntry: api.ArchiveEntry,
  ArchiveList: api.ArchiveList,
  DepositRequest: api.DepositRequest,
  RevokeRequest: api.RevokeRequest,
  LedgerEntry: api.LedgerEntry,
  LedgerPage: api.LedgerPage,
  CatalogCourse: api.CatalogCourse,
  FacetBucket: api.FacetBucket,
  CoursePage: api.CoursePage,
  CertificatePage: api.CertificatePage,
  Program,
  ProgramList: api.ProgramList,
  RuleList: api.RuleList,
  Ruleset,
  PreviewRequest: api.PreviewRequest,
  ApplyRequest: api.ApplyRequest,
  TransferResult: api.TransferResult,
  PlanResult: api.PlanResult,
  BalanceResult: api.BalanceResult,
  CertificateVerification: api.CertificateVerification,
  TokenRequest: api.TokenRequest,
  TokenResponse: api.TokenResponse,
  FaultRule: api.FaultRule,
  FaultList,
  ScenarioExport: api.ScenarioExport,
};

const PARAMS = { unrepresentable: 'any', io: 'input', target: 'draft-2020-12' } as const;

function clean(schema: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function components(): { schemas: Record<string, JsonObject>; refs: Map<z.ZodMiniType, string> } {
  const registry = z.registry<{ id: string }>();
  const refs = new Map<z.ZodMiniType, string>();
  for (const [id, schema] of Object.entries(NAMED)) {
    registry.add(schema, { id });
    refs.set(schema, id);
  }
  const generated = z.toJSONSchema(registry, {
    ...PARAMS,
    uri: (id) => `#/components/schemas/${id}`,
  });
  const schemas: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    schemas[id] = clean(schema as JsonObject);
  }
  return { schemas, refs };
}

function schemaOf(schema: z.ZodMiniType, refs: Map<z.ZodMiniType, string>): JsonObject {
  const name = refs.get(schema);
  if (name) return { $ref: `#/components/schemas/${name}` };
  return clean(z.toJSONSchema(schema, PARAMS) as JsonObject);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'bad request: query, path or header (field paths in `errors`)',
  401: 'no token, a bad signature or an expired token',
  403: 'the role may not do this',
  404: 'not found (or another tenant’s, or disabled)',
  409: 'conflict',
  413: 'request body over 1 MB',
  415: 'the body is not application/json',
  422: 'invalid body (field paths in `errors`)',
  503: 'the database does not answer',
};

const REQUEST_ID = {
  description: 'the request id (echoed or generated)',
  schema: { type: 'string' },
};

function operation(spec: RouteSpec, refs: Map<z.ZodMiniType, string>): JsonObject {
  const parameters: JsonObject[] = [];
  for (const match of spec.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    });
  }
  if (spec.query) {
    for (const [name, field] of Object.entries(spec.query.shape as Record<string, z.ZodMiniType>)) {
      const optional = (field._zod.def as { type: string }).type === 'optional';
      parameters.push({
        name,
        in: 'query',
        required: !optional,
        schema: clean(z.toJSONSchema(field, PARAMS) as JsonObject),
      });
    }
  }
  for (const header of spec.headers ?? []) {
    parameters.push({
      name: header.name,
      in: 'header',
      required: header.required,
      description: header.description,
      schema: header.schema,
    });
  }
  parameters.push({
    name: 'X-Request-Id',
    in: 'header',
    required: false,
    description: 'echoed when it is 1–128 characters of [A-Za-z0-9._:-]',
    schema: { type: 'string', maxLength: 128 },
  });
  const responses: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const headers: Record<string, JsonObject> = { 'X-Request-Id': REQUEST_ID };
    for (const [name, description] of Object.entries(response.headers ?? {})) {
      headers[name] = { description, schema: { type: 'string' } };
    }
    responses[status] = {
      description: response.description,
      headers,
      content: { 'application/json': { schema: schemaOf(response.schema, refs) } },
    };
  }
  for (const status of [...spec.problems, 500]) {
    responses[String(status)] = {
      description: STATUS_TEXT[status] ?? 'internal error',
      headers: { 'X-Request-Id': REQUEST_ID },
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
      },
    };
  }
  const op: JsonObject = {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    security: spec.access === 'public' ? [] : [{ bearerAuth: [] }],
    'x-access': spec.access,
    parameters,
    responses,
  };
  if (spec.description) op.description = spec.description;
  if (spec.body) {
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: schemaOf(spec.body, refs) } },
    };
  }
  return op;
}

let cached: { version: string; doc: JsonObject } | null = null;

/** The document (built once per version). */
export function openApiDocument(version: string): JsonObject {
  if (cached && cached.version === version) return cached.doc;
  const { schemas, refs } = components();
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const spec of ROUTES) {
    const item = (paths[spec.path] ??= {});
    item[spec.method.toLowerCase()] = operation(spec, refs);
  }
  const doc: JsonObject = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Credit bank (学分银行) API',
      version,
      description:
        'Reference API of the credit-bank SDK: accounts, archive, ledger, catalog, rules, transfer preview and apply, certificate verification. Errors are application/problem+json (RFC 9457) with a stable `code`.',
    },
    tags: [
      { name: 'system' },
      { name: 'accounts' },
      { name: 'archive' },
      { name: 'transfers' },
      { name: 'catalog' },
      { name: 'verification' },
      { name: 'dev' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'base64url JSON claims (tenant, role, learner) + HMAC-SHA256 signature',
        },
      },
    },
  };
  cached = { version, doc };
  return doc;
}
