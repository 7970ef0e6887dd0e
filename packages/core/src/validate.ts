/**
 * Validation of rule packs, learners and scenarios: a bad input is refused as a whole, with
 * one issue per problem, each naming its path (`rules[3].courses[1]: unknown course "X"`).
 */
import type * as z from 'zod/mini';
import type { PathSegment, RuleKind, RuleReference } from './kinds.js';
import { kindTable, schemasFor, type EngineOptions } from './registry.js';
import type { Learner, Query, RuleBase, Ruleset } from './schemas.js';
import { IsoDate, Query as QuerySchema } from './schemas.js';

/** One problem of an input: where, and what. */
export interface ValidationIssue {
  /** `rules[3].courses[1]`; empty for the input itself */
  readonly path: string;
  readonly message: string;
}

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

/** `['rules', 3, 'courses', 1]` → `rules[3].courses[1]`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const name = String(segment);
      out += /^[A-Za-z_$][\w$-]*$/.test(name)
        ? out
          ? `.${name}`
          : name
        : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Readable messages for zod issues (zod/mini carries none of its own). */
function zodIssues(error: z.core.$ZodError, input: unknown, prefix: string): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of error.issues) {
    const value = valueAt(input, issue.path);
    const path = formatPath(issue.path, prefix);
    const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : null;
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        message =
          value === undefined
            ? 'is required'
            : `expected ${issue.expected}, received ${typeName(value)}`;
        break;
      case 'invalid_value':
        message = `expected one of ${issue.values.map((v) => show(v)).join(', ')}, got ${show(value)}`;
        break;
      case 'invalid_union': {
        const u = issue as unknown as { discriminator?: string; options?: unknown[] };
        message = u.discriminator
          ? value === undefined
            ? 'is required'
            : `unknown ${u.discriminator} ${show(value)}; expected one of ${(u.options ?? []).map(show).join(', ')}`
          : 'matches none of the allowed shapes';
        break;
      }
      case 'too_small':
        message =
          custom ??
          (issue.origin === 'array'
            ? `expected at least ${issue.minimum} item(s)`
            : issue.origin === 'string'
              ? `expected at least ${issue.minimum} character(s)`
              : `must be at least ${issue.minimum}, got ${show(value)}`);
        break;
      case 'too_big':
        message =
          custom ??
          (issue.origin === 'string'
            ? `expected at most ${issue.maximum} characters`
            : issue.origin === 'array'
              ? `expected at most ${issue.maximum} item(s)`
              : `must be at most ${issue.maximum}, got ${show(value)}`);
        break;
      default:
        message = custom ?? `is invalid (${issue.code})`;
    }
    out.push({ path, message });
  }
  return out;
}

function withPrefix(prefix: string, path: readonly PathSegment[]): string {
  return formatPath(path, prefix);
}

/** Checks the references inside a schema-valid ruleset. */
function checkRuleset(
  ruleset: Ruleset,
  table: Map<string, RuleKind<never>>,
  prefix: string,
): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const at = (path: PathSegment[], message: string) =>
    errors.push({ path: withPrefix(prefix, path), message });

  const unique = <T>(list: readonly T[], key: (item: T) => string, field: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) at([what, i, field], `duplicate ${field} ${show(k)}`);
      seen.add(k);
    });
    return seen;
  };
  const institutions = unique(ruleset.institutions, (x) => x.id, 'id', 'institutions');
  unique(ruleset.certificates, (x) => x.id, 'id', 'certificates');
  unique(ruleset.courses, (x) => x.code, 'code', 'courses');
  unique(ruleset.programs, (x) => x.id, 'id', 'programs');
  unique(ruleset.rules, (x) => x.id, 'id', 'rules');

  const certificates = new Map(ruleset.certificates.map((c) => [c.id, c]));
  const courses = new Map(ruleset.courses.map((c) => [c.code, c]));
  const programs = new Map(ruleset.programs.map((p) => [p.id, p]));

  ruleset.certificates.forEach((c, i) => {
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
  });

  ruleset.courses.forEach((c, i) => {
    if (!institutions.has(c.institution))
      at(['courses', i, 'institution'], `unknown institution ${show(c.institution)}`);
  });

  ruleset.programs.forEach((p, i) => {
    if (!institutions.has(p.institution))
      at(['programs', i, 'institution'], `unknown institution ${show(p.institution)}`);
    const own = new Set<string>();
    p.courses.forEach((code, j) => {
      const course = courses.get(code);
      if (!course) at(['programs', i, 'courses', j], `unknown course ${show(code)}`);
      else if (course.institution !== p.institution) {
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
        if (!courses.has(code)) at(['programs', i, field, j], `unknown course ${show(code)}`);
        else if (!own.has(code))
          at(['programs', i, field, j], `course ${show(code)} is not in program ${show(p.id)}`);
      });
    }
    (p.certificateOptions ?? []).forEach((id, j) => {
      if (!certificates.has(id))
        at(['programs', i, 'certificateOptions', j], `unknown certificate ${show(id)}`);
    });
  });

  ruleset.rules.forEach((rule, i) => {
    const kind = table.get(rule.kind) as RuleKind<RuleBase> | undefined;
    if (!kind) return;
    let program = undefined as (typeof ruleset.programs)[number] | undefined;
    if (rule.program === undefined) {
      if (!kind.programOptional) at(['rules', i, 'program'], 'is required');
    } else {
      program = programs.get(rule.program);
      if (!program) at(['rules', i, 'program'], `unknown program ${show(rule.program)}`);
    }
    const refs: RuleReference[] = kind.references ? kind.references(rule) : [];
    for (const ref of refs) {
      const path = ['rules', i, ...ref.path];
      if (ref.type === 'course') {
        if (!courses.has(ref.code)) at(path, `unknown course ${show(ref.code)}`);
        else if (ref.target && program && !program.courses.includes(ref.code)) {
          at(path, `course ${show(ref.code)} is not in program ${show(program.id)}`);
        }
      } else if (ref.type === 'certificate') {
        if (!certificates.has(ref.id)) at(path, `unknown certificate ${show(ref.id)}`);
      } else if (ref.type === 'level') {
        const certificate = certificates.get(ref.certificate);
        if (certificate && !certificate.levels.includes(ref.level)) {
          at(path, `unknown level ${show(ref.level)} of certificate ${show(ref.certificate)}`);
        }
      } else if (!institutions.has(ref.id)) {
        at(path, `unknown institution ${show(ref.id)}`);
      }
    }
  });
  return errors;
}

/** Schema-checks then reference-checks a ruleset. */
export function validateRuleset(input: unknown, options: EngineOptions = {}): Validation<Ruleset> {
  return validateRulesetAt(input, options, '');
}

function validateRulesetAt(
  input: unknown,
  options: EngineOptions,
  prefix: string,
): Validation<Ruleset> {
  const table = kindTable(options.kinds);
  const parsed = schemasFor(table).ruleset.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: rootName(zodIssues(parsed.error, input, prefix), prefix || 'ruleset'),
    };
  const ruleset = parsed.data as Ruleset;
  const errors = checkRuleset(ruleset, table, prefix);
  return errors.length ? { ok: false, errors } : { ok: true, value: ruleset };
}

function rootName(issues: ValidationIssue[], root: string): ValidationIssue[] {
  return issues.map((i) => (i.path ? i : { path: root, message: i.message }));
}

/** Checks a learner against a valid ruleset. */
export function validateLearner(
  input: unknown,
  ruleset: Ruleset | null,
  options: EngineOptions = {},
  prefix = '',
): Validation<Learner> {
  const table = kindTable(options.kinds);
  const parsed = schemasFor(table).learner.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      errors: rootName(zodIssues(parsed.error, input, prefix), prefix || 'learner'),
    };
  const learner = parsed.data as Learner;
  const errors: ValidationIssue[] = [];
  const at = (path: PathSegment[], message: string) =>
    errors.push({ path: withPrefix(prefix, path), message });
  const certificates = new Map((ruleset?.certificates ?? []).map((c) => [c.id, c]));
  const seen = new Set<string>();
  learner.outcomes.forEach((o, i) => {
    if (seen.has(o.id)) at(['outcomes', i, 'id'], `duplicate outcome id ${show(o.id)}`);
    seen.add(o.id);
    if (o.kind === 'certificate') {
      const { certificate } = o as { certificate: { id: string; level: string } };
      const known = certificates.get(certificate.id);
      if (known && !known.levels.includes(certificate.level)) {
        at(
          ['outcomes', i, 'certificate', 'level'],
          `unknown level ${show(certificate.level)} of certificate ${show(certificate.id)}`,
        );
      }
    }
  });
  const programs = new Set((ruleset?.programs ?? []).map((p) => p.id));
  const rules = new Set((ruleset?.rules ?? []).map((r) => r.id));
  if (ruleset)
    (learner.applied ?? []).forEach((g, i) => {
      if (!programs.has(g.program))
        at(['applied', i, 'program'], `unknown program ${show(g.program)}`);
      if (!rules.has(g.rule)) at(['applied', i, 'rule'], `unknown rule ${show(g.rule)}`);
    });
  return errors.length ? { ok: false, errors } : { ok: true, value: learner };
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
  if (!asOf.success) errors.push(...rootName(zodIssues(asOf.error, data.asOf, 'asOf'), 'asOf'));
  const ruleset = validateRulesetAt(data.ruleset, options, 'ruleset');
  if (!ruleset.ok) errors.push(...ruleset.errors);
  const learner = validateLearner(
    data.learner,
    ruleset.ok ? ruleset.value : null,
    options,
    'learner',
  );
  if (!learner.ok) errors.push(...learner.errors);
  const query = validateQuery(data.query, ruleset.ok ? ruleset.value : null);
  if (!query.ok) errors.push(...query.errors);
  if (errors.length || !ruleset.ok || !learner.ok || !query.ok || !asOf.success) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { asOf: asOf.data, ruleset: ruleset.value, learner: learner.value, query: query.value },
  };
}

function validateQuery(input: unknown, ruleset: Ruleset | null): Validation<Query> {
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
    return { ok: false, errors: rootName(zodIssues(parsed.error, input, 'query'), 'query') };
  const query = parsed.data;
  if (query.kind === 'plan' && ruleset && !ruleset.programs.some((p) => p.id === query.program)) {
    return {
      ok: false,
      errors: [{ path: 'query.program', message: `unknown program ${show(query.program)}` }],
    };
  }
  return { ok: true, value: query };
}
