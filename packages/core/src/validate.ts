/**
 * Validation of rule packs, learners and scenarios: a bad input is refused as a whole, with
 * one issue per problem, each naming its path (`rules[3].courses[1]: unknown course "X"`).
 */
import type * as z from 'zod/mini';
import { describeZodIssues, formatPath, show, typeName, type ValidationIssue } from './issues.js';
import type { AnyRuleKind, PathSegment, RuleKind } from './kinds.js';
import { kindTable, schemasFor, type EngineOptions } from './registry.js';
import type { Learner, Outcome, Query, Rule, RuleBase, Ruleset } from './schemas.js';
import {
  Certificate as CertificateSchema,
  Course as CourseSchema,
  Institution as InstitutionSchema,
  IsoDate,
  Program as ProgramSchema,
  Query as QuerySchema,
  type Certificate,
  type Course,
  type Institution,
  type Program,
} from './schemas.js';

export type { ValidationIssue };

export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/** Raised by the throwing entry points; `code` is stable. */
export class CreditBankRuleError extends Error {
  override readonly name = 'CreditBankRuleError';
  constructor(
    readonly code: 'invalid_ruleset' | 'invalid_learner' | 'invalid_scenario' | 'invalid_outcome',
    readonly errors: readonly ValidationIssue[],
  ) {
    super(errors.map(formatIssue).join('\n'));
  }
}

/** `path: message`, or the message alone for the input itself. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

function withPrefix(prefix: string, path: readonly PathSegment[]): string {
  return formatPath(path, prefix);
}

/**
 * What reference checks know of a catalog. Each list keeps the pack's indexes; an element
 * that failed its schema is `null` (its id, when a string, still counts as known, so one bad
 * field does not also make every reference to its record "unknown").
 */
interface Parts {
  institutions: Slot<Institution>[];
  certificates: Slot<Certificate>[];
  courses: Slot<Course>[];
  programs: Slot<Program>[];
  rules: Slot<Rule>[];
}

interface Slot<T> {
  readonly value: T | null;
  readonly key: string | null;
}

/** The catalog a learner and a query are checked against. */
interface CatalogView {
  readonly certificates: ReadonlyMap<string, Certificate>;
  readonly programs: ReadonlySet<string>;
  readonly rules: ReadonlySet<string>;
}

const keyOf = (item: unknown, field: string): string | null => {
  const key =
    item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : null;
  return typeof key === 'string' ? key : null;
};

/** Parts of a ruleset that passed its schema as a whole. */
function partsOf(ruleset: Ruleset): Parts {
  const wrap = <T>(list: readonly T[], field: string): Slot<T>[] =>
    list.map((value) => ({ value, key: keyOf(value, field) }));
  return {
    institutions: wrap(ruleset.institutions, 'id'),
    certificates: wrap(ruleset.certificates, 'id'),
    courses: wrap(ruleset.courses, 'code'),
    programs: wrap(ruleset.programs, 'id'),
    rules: wrap(ruleset.rules, 'id'),
  };
}

/** Parts of a ruleset that failed its schema: each element parsed on its own. */
function lenientParts(input: unknown, rule: z.ZodMiniType): Parts {
  const data = (input !== null && typeof input === 'object' ? input : {}) as Record<
    string,
    unknown
  >;
  const slots = <T>(field: string, schema: z.ZodMiniType, key: string): Slot<T>[] => {
    const list = data[field];
    if (!Array.isArray(list)) return [];
    return list.map((item) => {
      const parsed = schema.safeParse(item);
      return { value: parsed.success ? (parsed.data as T) : null, key: keyOf(item, key) };
    });
  };
  return {
    institutions: slots('institutions', InstitutionSchema, 'id'),
    certificates: slots('certificates', CertificateSchema, 'id'),
    courses: slots('courses', CourseSchema, 'code'),
    programs: slots('programs', ProgramSchema, 'id'),
    rules: slots('rules', rule, 'id'),
  };
}

function viewOf(parts: Parts): CatalogView {
  const certificates = new Map<string, Certificate>();
  for (const slot of parts.certificates)
    if (slot.value) certificates.set(slot.value.id, slot.value);
  const keys = (list: Slot<unknown>[]) =>
    new Set(list.flatMap((s) => (s.key === null ? [] : [s.key])));
  return { certificates, programs: keys(parts.programs), rules: keys(parts.rules) };
}

/** Checks the references of the parts of a ruleset that passed their schemas. */
function checkRuleset(
  parts: Parts,
  table: Map<string, AnyRuleKind>,
  prefix: string,
): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const at = (path: PathSegment[], message: string) =>
    errors.push({ path: withPrefix(prefix, path), message });

  const unique = (list: readonly Slot<unknown>[], field: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((slot, i) => {
      if (slot.key === null) return;
      if (seen.has(slot.key)) at([what, i, field], `duplicate ${field} ${show(slot.key)}`);
      seen.add(slot.key);
    });
    return seen;
  };
  const institutions = unique(parts.institutions, 'id', 'institutions');
  const certificateIds = unique(parts.certificates, 'id', 'certificates');
  const courseCodes = unique(parts.courses, 'code', 'courses');
  unique(parts.programs, 'id', 'programs');
  unique(parts.rules, 'id', 'rules');

  const valid = <T>(list: readonly Slot<T>[]) =>
    list.flatMap((slot, i) => (slot.value === null ? [] : [[slot.value, i] as const]));
  const certificates = new Map(valid(parts.certificates).map(([c]) => [c.id, c]));
  const courses = new Map(valid(parts.courses).map(([c]) => [c.code, c]));
  const programs = new Map(valid(parts.programs).map(([p]) => [p.id, p]));

  for (const [c, i] of valid(parts.certificates)) {
    const levels = new Set<string>();
    c.levels.forEach((level, j) => {
      if (levels.has(level)) at(['certificates', i, 'levels', j], `duplicate level ${show(level)}`);
      levels.add(level);
    });
    for (const level of Object.keys(c.creditValue ?? {})) {
      if (!levels.has(level)) {
        at(
          ['certificates', i, 'creditValue', level],
          `unknown level ${show(level)} of certificate ${show(c.id)}`,
        );
      }
    }
  }

  for (const [c, i] of valid(parts.courses)) {
    if (!institutions.has(c.institution)) {
      at(['courses', i, 'institution'], `unknown institution ${show(c.institution)}`);
    }
  }

  for (const [p, i] of valid(parts.programs)) {
    if (!institutions.has(p.institution)) {
      at(['programs', i, 'institution'], `unknown institution ${show(p.institution)}`);
    }
    const own = new Set<string>();
    p.courses.forEach((code, j) => {
      const course = courses.get(code);
      if (!courseCodes.has(code)) at(['programs', i, 'courses', j], `unknown course ${show(code)}`);
      else if (course && course.institution !== p.institution) {
        at(
          ['programs', i, 'courses', j],
          `course ${show(code)} belongs to institution ${show(course.institution)}, not the program's ${show(p.institution)}`,
        );
      }
      if (own.has(code)) at(['programs', i, 'courses', j], `duplicate course ${show(code)}`);
      own.add(code);
    });
    for (const field of ['requiredCourses', 'nonTransferable'] as const) {
      (p[field] ?? []).forEach((code, j) => {
        if (!courseCodes.has(code)) at(['programs', i, field, j], `unknown course ${show(code)}`);
        else if (!own.has(code)) {
          at(['programs', i, field, j], `course ${show(code)} is not in program ${show(p.id)}`);
        }
      });
    }
    (p.certificateOptions ?? []).forEach((id, j) => {
      if (!certificateIds.has(id)) {
        at(['programs', i, 'certificateOptions', j], `unknown certificate ${show(id)}`);
      }
    });
  }

  const programIds = new Set(parts.programs.flatMap((s) => (s.key === null ? [] : [s.key])));
  for (const [rule, i] of valid(parts.rules)) {
    const kind = table.get(rule.kind) as RuleKind<RuleBase> | undefined;
    if (!kind) continue;
    let program: Program | undefined;
    if (rule.program === undefined) {
      if (!kind.programOptional) at(['rules', i, 'program'], 'is required');
    } else {
      program = programs.get(rule.program);
      if (!programIds.has(rule.program))
        at(['rules', i, 'program'], `unknown program ${show(rule.program)}`);
    }
    const named = new Set<string>();
    for (const ref of kind.references ? kind.references(rule) : []) {
      const path = ['rules', i, ...ref.path];
      if (ref.type === 'course') {
        if (!courseCodes.has(ref.code)) at(path, `unknown course ${show(ref.code)}`);
        else if (ref.target && program && !program.courses.includes(ref.code)) {
          at(path, `course ${show(ref.code)} is not in program ${show(program.id)}`);
        }
        if (ref.target) {
          if (named.has(ref.code)) at(path, `duplicate course ${show(ref.code)}`);
          named.add(ref.code);
        }
      } else if (ref.type === 'certificate') {
        if (!certificateIds.has(ref.id)) at(path, `unknown certificate ${show(ref.id)}`);
      } else if (ref.type === 'level') {
        const certificate = certificates.get(ref.certificate);
        if (certificate && !certificate.levels.includes(ref.level)) {
          at(path, `unknown level ${show(ref.level)} of certificate ${show(ref.certificate)}`);
        }
      } else if (!institutions.has(ref.id)) {
        at(path, `unknown institution ${show(ref.id)}`);
      }
    }
  }
  return errors;
}

/**
 * Validates a rule pack: its schema, then every reference inside it. A pack with problems is
 * refused as a whole, with one issue per problem: schema problems and reference problems of
 * the records that passed their schemas are all reported at once.
 */
export function validateRuleset(input: unknown, options: EngineOptions = {}): Validation<Ruleset> {
  const { result } = validateRulesetAt(input, options, '');
  return result;
}

function validateRulesetAt(
  input: unknown,
  options: EngineOptions,
  prefix: string,
): { result: Validation<Ruleset>; view: CatalogView } {
  const table = kindTable(options.kinds);
  const schemas = schemasFor(table);
  const parsed = schemas.ruleset.safeParse(input);
  if (parsed.success) {
    const ruleset = parsed.data as Ruleset;
    const parts = partsOf(ruleset);
    const errors = checkRuleset(parts, table, prefix);
    return {
      result: errors.length ? { ok: false, errors } : { ok: true, value: ruleset },
      view: viewOf(parts),
    };
  }
  const parts = lenientParts(input, schemas.rule);
  const errors = [
    ...rootName(describeZodIssues(parsed.error, input, prefix), prefix || 'ruleset'),
    ...checkRuleset(parts, table, prefix),
  ];
  return { result: { ok: false, errors: dedupe(errors) }, view: viewOf(parts) };
}

function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function rootName(issues: ValidationIssue[], root: string): ValidationIssue[] {
  return issues.map((i) => (i.path ? i : { path: root, message: i.message }));
}

/**
 * Validates a learner against a valid ruleset (or, with `null`, its shape alone): duplicate
 * outcome ids, certificate levels the catalog does not list, applied grants naming an
 * unknown program or rule.
 */
export function validateLearner(
  input: unknown,
  ruleset: Ruleset | null,
  options: EngineOptions = {},
  prefix = '',
): Validation<Learner> {
  return checkLearner(input, ruleset ? viewOf(partsOf(ruleset)) : null, options, prefix);
}

function checkLearner(
  input: unknown,
  view: CatalogView | null,
  options: EngineOptions,
  prefix: string,
): Validation<Learner> {
  const schemas = schemasFor(kindTable(options.kinds));
  const parsed = schemas.learner.safeParse(input);
  const errors: ValidationIssue[] = parsed.success
    ? []
    : rootName(describeZodIssues(parsed.error, input, prefix), prefix || 'learner');
  const at = (path: PathSegment[], message: string) =>
    errors.push({ path: withPrefix(prefix, path), message });
  const data = (input !== null && typeof input === 'object' ? input : {}) as Record<
    string,
    unknown
  >;
  const outcomes = Array.isArray(data.outcomes) ? (data.outcomes as unknown[]) : [];
  const seen = new Set<string>();
  outcomes.forEach((raw, i) => {
    const id = keyOf(raw, 'id');
    if (id !== null) {
      if (seen.has(id)) at(['outcomes', i, 'id'], `duplicate outcome id ${show(id)}`);
      seen.add(id);
    }
    const one = schemas.outcome.safeParse(raw);
    if (!one.success || !view) return;
    const outcome = one.data as Outcome;
    if (outcome.kind !== 'certificate') return;
    const { certificate } = outcome as { certificate: { id: string; level: string } };
    const known = view.certificates.get(certificate.id);
    if (known && !known.levels.includes(certificate.level)) {
      at(
        ['outcomes', i, 'certificate', 'level'],
        `unknown level ${show(certificate.level)} of certificate ${show(certificate.id)}`,
      );
    }
  });
  const applied = Array.isArray(data.applied) ? (data.applied as unknown[]) : [];
  if (view) {
    applied.forEach((raw, i) => {
      const program = keyOf(raw, 'program');
      const rule = keyOf(raw, 'rule');
      if (program !== null && !view.programs.has(program)) {
        at(['applied', i, 'program'], `unknown program ${show(program)}`);
      }
      if (rule !== null && !view.rules.has(rule))
        at(['applied', i, 'rule'], `unknown rule ${show(rule)}`);
    });
  }
  if (errors.length || !parsed.success) return { ok: false, errors: dedupe(errors) };
  return { ok: true, value: parsed.data as Learner };
}

/** A validated scenario (spec §7). */
export interface Scenario {
  asOf: string;
  ruleset: Ruleset;
  learner: Learner;
  query: Query;
}

/**
 * Validates a whole scenario: `asOf`, `ruleset`, `learner` and `query`. Every problem of every
 * part is reported, paths prefixed with the part (`ruleset.rules[3].courses[1]`).
 */
export function validateScenario(
  input: unknown,
  options: EngineOptions = {},
): Validation<Scenario> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ path: 'scenario', message: `expected object, received ${typeName(input)}` }],
    };
  }
  const data = input as Record<string, unknown>;
  const errors: ValidationIssue[] = [];
  const asOf = IsoDate.safeParse(data.asOf);
  if (!asOf.success)
    errors.push(...rootName(describeZodIssues(asOf.error, data.asOf, 'asOf'), 'asOf'));
  const { result: ruleset, view } = validateRulesetAt(data.ruleset, options, 'ruleset');
  if (!ruleset.ok) errors.push(...ruleset.errors);
  const learner = checkLearner(data.learner, view, options, 'learner');
  if (!learner.ok) errors.push(...learner.errors);
  const query = validateQuery(data.query, view);
  if (!query.ok) errors.push(...query.errors);
  if (!ruleset.ok || !learner.ok || !query.ok || !asOf.success) return { ok: false, errors };
  return {
    ok: true,
    value: { asOf: asOf.data, ruleset: ruleset.value, learner: learner.value, query: query.value },
  };
}

function validateQuery(input: unknown, view: CatalogView): Validation<Query> {
  if (input !== null && typeof input === 'object' && 'kind' in input) {
    const kind = (input as { kind: unknown }).kind;
    if (kind !== 'plan' && kind !== 'balance') {
      return {
        ok: false,
        errors: [
          {
            path: 'query.kind',
            message: `unknown query kind ${show(kind)}; expected "plan" or "balance"`,
          },
        ],
      };
    }
  }
  const parsed = QuerySchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: rootName(describeZodIssues(parsed.error, input, 'query'), 'query'),
    };
  const query = parsed.data;
  if (query.kind === 'plan' && !view.programs.has(query.program)) {
    return {
      ok: false,
      errors: [{ path: 'query.program', message: `unknown program ${show(query.program)}` }],
    };
  }
  return { ok: true, value: query };
}
