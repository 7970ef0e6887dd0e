/**
 * Response schemas the API contract names but `@creditbank/core/api` does not export as one
 * value: lists wrapped in `{ items }`, the program's ruleset and the OpenAPI document. Built
 * from the shared schemas only.
 */
import {
  Certificate,
  Course,
  Fees,
  Id,
  Institution,
  PointsConfig,
  Program,
  RuleBase,
  type Ruleset,
} from '@creditbank/core';
import { FaultRule, Tenant } from '@creditbank/core/api';
import * as z from 'zod/mini';

export const TenantList = /* @__PURE__ */ z.object({ items: z.array(Tenant) });
export type TenantList = z.infer<typeof TenantList>;

export const FaultList = /* @__PURE__ */ z.object({ items: z.array(FaultRule) });
export type FaultList = z.infer<typeof FaultList>;

/**
 * A ruleset as `/v1/catalog/ruleset` sends it. Rules are checked for the fields every kind has
 * and kept whole, so a kind this client does not know (one added with `defineRuleKind`) passes
 * through to the engine, which validates it against the kinds it is given.
 */
export const RulesetDocument: z.ZodMiniType<Ruleset> = /* @__PURE__ */ z.object({
  id: Id,
  version: z.string(),
  fees: z.optional(Fees),
  points: z.optional(PointsConfig),
  institutions: z.array(Institution),
  certificates: z.array(Certificate),
  courses: z.array(Course),
  programs: z.array(Program),
  rules: z.array(z.looseObject(RuleBase.shape)),
});

/** An OpenAPI 3.x document: its version and paths are checked, the rest is kept as sent. */
export const OpenApiDocument = /* @__PURE__ */ z.looseObject({
  openapi: /* @__PURE__ */ z.string().check(z.regex(/^3\./)),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
