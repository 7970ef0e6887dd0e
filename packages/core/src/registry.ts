/** The rule kinds an evaluation knows, and the schemas built from them. */
import * as z from 'zod/mini';
import { BUILTIN_KINDS, type AnyRuleKind } from './kinds.js';
import {
  AppliedGrant,
  Certificate,
  CertificateOutcome,
  Course,
  CourseOutcome,
  Fees,
  Institution,
  NonformalOutcome,
  PointsConfig,
  Program,
  Id,
} from './schemas.js';

/** Options every entry point takes. */
export interface EngineOptions {
  /** rule kinds added with `defineRuleKind`, beside the built-ins */
  readonly kinds?: readonly AnyRuleKind[] | undefined;
}

const tables = new WeakMap<readonly AnyRuleKind[], Map<string, AnyRuleKind>>();
let builtinTable: Map<string, AnyRuleKind> | undefined;

/** Kind name → kind, built-ins first. */
export function kindTable(extra: readonly AnyRuleKind[] | undefined): Map<string, AnyRuleKind> {
  builtinTable ??= new Map(BUILTIN_KINDS.map((k) => [k.kind, k]));
  if (!extra || extra.length === 0) return builtinTable;
  let table = tables.get(extra);
  if (!table) {
    table = new Map(builtinTable);
    for (const kind of extra) table.set(kind.kind, kind);
    tables.set(extra, table);
  }
  return table;
}

interface Schemas {
  ruleset: z.ZodMiniType;
  learner: z.ZodMiniType;
  outcome: z.ZodMiniType;
  rule: z.ZodMiniType;
}

const schemaCache = new WeakMap<Map<string, AnyRuleKind>, Schemas>();

/** The ruleset, learner, outcome and rule schemas for a set of kinds. */
export function schemasFor(table: Map<string, AnyRuleKind>): Schemas {
  let schemas = schemaCache.get(table);
  if (schemas) return schemas;
  const ruleSchemas = [...table.values()].map((k) => k.schema) as unknown as [
    z.ZodMiniType,
    ...z.ZodMiniType[],
  ];
  const rule = z.discriminatedUnion('kind', ruleSchemas as never);
  const outcomeSchemas: z.ZodMiniType[] = [CourseOutcome, CertificateOutcome, NonformalOutcome];
  const seen = new Set(['course', 'certificate', 'nonformal']);
  for (const k of table.values()) {
    if (k.outcome && !seen.has(k.outcome.kind)) {
      seen.add(k.outcome.kind);
      outcomeSchemas.push(k.outcome.schema);
    }
  }
  const outcome = z.discriminatedUnion('kind', outcomeSchemas as never);
  const ruleset = z.object({
    id: Id,
    version: z.string(),
    fees: z.optional(Fees),
    points: z.optional(PointsConfig),
    institutions: z.array(Institution),
    certificates: z.array(Certificate),
    courses: z.array(Course),
    programs: z.array(Program),
    rules: z.array(rule),
  });
  const learner = z.object({
    id: Id,
    outcomes: z.array(outcome),
    applied: z.optional(z.array(AppliedGrant)),
  });
  schemas = { ruleset, learner, outcome, rule };
  schemaCache.set(table, schemas);
  return schemas;
}
