/**
 * Server-side schemas beside the wire schemas of `@creditbank/core/api`: query parameters of
 * the listings and the two list envelopes api.ts leaves to the routes. They document the API in
 * the OpenAPI document and check what comes in.
 */
import {
  CERTIFICATE_CATEGORIES,
  Credits,
  Id,
  IsoDate,
  schemasFor,
  kindTable,
} from '@creditbank/core';
import { COURSE_SORTS, FaultRule, Tenant } from '@creditbank/core/api';
import * as z from 'zod/mini';
import { FEE_BUCKETS } from './store/catalog.js';

const Text = (max: number) => z.string().check(z.maxLength(max));

/** `limit`: 1–200, default 50. */
export const Limit = z.int().check(z.minimum(1), z.maximum(200));
export const DEFAULT_LIMIT = 50;

const page = {
  cursor: z.optional(Text(1000)),
  limit: z.optional(Limit),
};

export const LearnerQuery = z.object({
  q: z.optional(Text(200)),
  certificate: z.optional(Id),
  ...page,
});

export const PageQuery = z.object(page);

export const AsOfQuery = z.object({ asOf: z.optional(IsoDate) });

export const ScenarioQuery = z.object({ program: Id, asOf: z.optional(IsoDate) });

export const ProgramQuery = z.object({ program: z.optional(Id) });

export const CertificateQuery = z.object({
  q: z.optional(Text(200)),
  category: z.optional(z.enum(CERTIFICATE_CATEGORIES)),
  level: z.optional(Id),
  issuer: z.optional(Text(200)),
  ...page,
});

export const CourseQuery = z.object({
  q: z.optional(Text(200)),
  provider: z.optional(Id),
  credits: z.optional(Credits),
  level: z.optional(z.int().check(z.minimum(0), z.maximum(10))),
  mode: z.optional(Text(50)),
  fee: z.optional(z.enum(FEE_BUCKETS)),
  sort: z.optional(z.enum(COURSE_SORTS)),
  ...page,
});

export const FaultQuery = z.object({ route: z.optional(Text(200)) });

export const TenantList = z.object({ items: z.array(Tenant) });
export const FaultList = z.object({ items: z.array(FaultRule) });

/** The core Ruleset of the built-in rule kinds. */
export const Ruleset = schemasFor(kindTable(undefined)).ruleset;

/** Ids the server hands out or accepts for new records (they appear in URLs). */
export const NEW_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Text that looks like markup (`<script`, `</b>`, `<!--`): refused in names and notes. */
export const MARKUP = /<\s*[A-Za-z!/?]/;
