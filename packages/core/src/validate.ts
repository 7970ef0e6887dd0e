/**
 * Validation of rule packs, learners and scenarios: a bad input is refused as a whole, with
 * one issue per problem, each naming its path (`rules[3].courses[1]: unknown course "X"`).
 */
import { describeZodIssues, formatPath, show, typeName, type ValidationIssue } from './issues.js';
import type { AnyRuleKind, PathSegment, RuleKind, RuleReference } from './kinds.js';
import { kindTable, schemasFor, type EngineOptions } from './registry.js';
import type { Learner, Query, RuleBase, Ruleset } from './schemas.js';
import { IsoDate, Query as QuerySchema } from './schemas.js';

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
 * What reference checks know of a catalog. Each list keeps the pack's indexes. Every element
 * is checked, also one that failed its schema: its fields of the right type are read (an id
 * that is a string still counts as known, a reference that is a string is still checked), so
 * a bad number and an unknown course in the same record are both reported.
 */
interface Parts {
  institutions: Slot[];
  certificates: Slot[];
  courses: Slot[];
  programs: Slot[];
  rules: Slot[];
  /** false when the ruleset has no list of programs or of rules to look names up in */
  readable: { programs: boolean; rules: boolean };
}

type Loose = Record<string, unknown>;

interface Slot {
  /** the element when it is an object, whether or not it passed its schema */
  readonly record: Loose | null;
  readonly key: string | null;
}

/** The catalog a learner and a query are checked against. */
interface CatalogView {
  /** certificate id → its levels */
  readonly certificates: ReadonlyMap<string, readonly string[]>;
  /** null when the ruleset lists no programs to check against */
  readonly programs: ReadonlySet<string> | null;
  readonly rules: ReadonlySet<string> | null;
}

const isRecord = (value: unknown): value is Loose =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The strings of a list, with their indexes; other elements are the schema's to report. */
const strings = (value: unknown): (readonly [string, number])[] =>
  Array.isArray(value)
    ? value.flatMap((item: unknown, j) => (typeof item === 'string' ? [[item, j] as const] : []))
    : [];

const keyOf = (item: unknown, field: string): string | null =>
  isRecord(item) ? str(item[field]) : null;

/** Parts of a ruleset, each element read on its own. */
function partsOf(input: unknown): Parts {
  const data = isRecord(input) ? input : {};
  const slots = (field: string, key: string): Slot[] => {
    const list = data[field];
    if (!Array.isArray(list)) return [];
    return list.map((item: unknown) => ({
      record: isRecord(item) ? item : null,
      key: keyOf(item, key),
    }));
  };
  return {
    institutions: slots('institutions', 'id'),
    certificates: slots('certificates', 'id'),
    courses: slots('courses', 'code'),
    programs: slots('programs', 'id'),
    rules: slots('rules', 'id'),
    readable: { programs: Array.isArray(data.programs), rules: Array.isArray(data.rules) },
  };
}

const records = (list: readonly Slot[]) =>
  list.flatMap((slot, i) => (slot.record === null ? [] : [[slot.record, i] as const]));

/** Certificate id → levels, for the certificates whose levels are a list. */
function levelsOf(parts: Parts): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [c] of records(parts.certificates)) {
    const id = str(c.id);
    if (id !== null && Array.isArray(c.levels) && !out.has(id)) {
      out.set(
        id,
        strings(c.levels).map(([level]) => level),
      );
    }
  }
  return out;
}

function viewOf(parts: Parts): CatalogView {
  const keys = (list: Slot[]) => new Set(list.flatMap((s) => (s.key === null ? [] : [s.key])));
  return {
    certificates: levelsOf(parts),
    programs: parts.readable.programs ? keys(parts.programs) : null,
    rules: parts.readable.rules ? keys(parts.rules) : null,
  };
}

/** Checks the references of every record of a ruleset (see `Parts`). */
function checkRuleset(
  parts: Parts,
  table: Map<string, AnyRuleKind>,
  prefix: string,
): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const at = (path: PathSegment[], message: string) =>
    errors.push({ path: withPrefix(prefix, path), message });

  const unique = (list: readonly Slot[], field: string, what: string) => {
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
  const programIds = unique(parts.programs, 'id', 'programs');
  unique(parts.rules, 'id', 'rules');

  const certificates = levelsOf(parts);
  /** course code → its institution (null when that is not a string) */
  const courses = new Map<string, string | null>();
  for (const [c] of records(parts.courses)) {
    const code = str(c.code);
    if (code !== null && !courses.has(code)) courses.set(code, str(c.institution));
  }
  /** program id → its courses (programs whose courses are a list) */
  const programs = new Map<string, Set<string>>();
  for (const [p] of records(parts.programs)) {
    const id = str(p.id);
    if (id !== null && Array.isArray(p.courses) && !programs.has(id)) {
      programs.set(id, new Set(strings(p.courses).map(([code]) => code)));
    }
  }

  for (const [c, i] of records(parts.certificates)) {
    if (!Array.isArray(c.levels)) continue;
    const levels = new Set<string>();
    for (const [level, j] of strings(c.levels)) {
      if (levels.has(level)) at(['certificates', i, 'levels', j], `duplicate level ${show(level)}`);
      levels.add(level);
    }
    for (const field of ['creditValue', 'levelNames'] as const) {
      const byLevel = c[field];
      for (const level of isRecord(byLevel) ? Object.keys(byLevel) : []) {
        if (!levels.has(level)) {
          at(
            ['certificates', i, field, level],
            `unknown level ${show(level)} of certificate ${show(c.id)}`,
          );
        }
      }
    }
  }

  for (const [c, i] of records(parts.courses)) {
    const institution = str(c.institution);
    if (institution !== null && !institutions.has(institution)) {
      at(['courses', i, 'institution'], `unknown institution ${show(institution)}`);
    }
  }

  for (const [p, i] of records(parts.programs)) {
    const institution = str(p.institution);
    if (institution !== null && !institutions.has(institution)) {
      at(['programs', i, 'institution'], `unknown institution ${show(institution)}`);
    }
    const own = new Set<string>();
    for (const [code, j] of strings(p.courses)) {
      const owner = courses.get(code);
      if (!courseCodes.has(code)) at(['programs', i, 'courses', j], `unknown course ${show(code)}`);
      else if (
        // an unknown institution is reported once, where it is named, not at every course
        institution !== null &&
        institutions.has(institution) &&
        typeof owner === 'string' &&
        institutions.has(owner) &&
        owner !== institution
      ) {
        at(
          ['programs', i, 'courses', j],
          `course ${show(code)} is of another institution, ${show(owner)}, not the program's ${show(institution)}`,
        );
      }
      if (own.has(code)) at(['programs', i, 'courses', j], `duplicate course ${show(code)}`);
      own.add(code);
    }
    for (const field of ['requiredCourses', 'nonTransferable'] as const) {
      for (const [code, j] of strings(p[field])) {
        if (!courseCodes.has(code)) at(['programs', i, field, j], `unknown course ${show(code)}`);
        else if (Array.isArray(p.courses) && !own.has(code)) {
          at(['programs', i, field, j], `course ${show(code)} is outside the program's courses`);
        }
      }
    }
    for (const [id, j] of strings(p.certificateOptions)) {
      if (!certificateIds.has(id)) {
        at(['programs', i, 'certificateOptions', j], `unknown certificate ${show(id)}`);
      }
    }
  }

  for (const [rule, i] of records(parts.rules)) {
    const kindName = str(rule.kind);
    const kind = kindName === null ? undefined : (table.get(kindName) as RuleKind | undefined);
    if (!kind) continue;
    let program: { id: string; courses: Set<string> } | undefined;
    if (rule.program === undefined) {
      if (!kind.programOptional) at(['rules', i, 'program'], 'is required');
    } else if (typeof rule.program === 'string') {
      const courses = programs.get(rule.program);
      if (courses) program = { id: rule.program, courses };
      if (!programIds.has(rule.program))
        at(['rules', i, 'program'], `unknown program ${show(rule.program)}`);
    }
    let references: RuleReference[] = [];
    try {
      // a rule that failed its schema may lack what its kind reads: its references are
      // checked as far as they can be read
      references = kind.references ? kind.references(rule as unknown as RuleBase) : [];
    } catch {
      references = [];
    }
    const named = new Set<string>();
    for (const ref of references) {
      // a sparse list (`courses` with a hole) maps to a hole: nothing to check there
      if (!isRecord(ref) || !Array.isArray(ref.path)) continue;
      const path = ['rules', i, ...ref.path];
      if (ref.type === 'course') {
        if (typeof ref.code !== 'string') continue;
        if (!courseCodes.has(ref.code)) at(path, `unknown course ${show(ref.code)}`);
        else if (ref.target && program && !program.courses.has(ref.code)) {
          at(path, `rule target ${show(ref.code)} is outside its program ${show(program.id)}`);
        }
        if (ref.target) {
          if (named.has(ref.code)) at(path, `duplicate course ${show(ref.code)}`);
          named.add(ref.code);
        }
      } else if (ref.type === 'certificate') {
        if (typeof ref.id === 'string' && !certificateIds.has(ref.id))
          at(path, `unknown certificate ${show(ref.id)}`);
      } else if (ref.type === 'level') {
        if (typeof ref.level !== 'string' || typeof ref.certificate !== 'string') continue;
        const levels = certificates.get(ref.certificate);
        if (levels && !levels.includes(ref.level)) {
          at(path, `unknown level ${show(ref.level)} of certificate ${show(ref.certificate)}`);
        }
      } else if (typeof ref.id === 'string' && !institutions.has(ref.id)) {
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
  const parts = partsOf(input);
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
    // read also when the outcome fails its schema elsewhere, so every problem is reported
    if (!view || !isRecord(raw) || raw.kind !== 'certificate' || !isRecord(raw.certificate)) {
      return;
    }
    const certificate = str(raw.certificate.id);
    const level = str(raw.certificate.level);
    if (certificate === null || level === null) return;
    // a certificate the catalog does not list stays usable, whatever its level (spec §7)
    const levels = view.certificates.get(certificate);
    if (levels && !levels.includes(level)) {
      at(
        ['outcomes', i, 'certificate', 'level'],
        `unknown level ${show(level)} of certificate ${show(certificate)}`,
      );
    }
  });
  const applied = Array.isArray(data.applied) ? (data.applied as unknown[]) : [];
  if (view) {
    applied.forEach((raw, i) => {
      const program = keyOf(raw, 'program');
      const rule = keyOf(raw, 'rule');
      if (program !== null && view.programs && !view.programs.has(program)) {
        at(['applied', i, 'program'], `unknown program ${show(program)}`);
      }
      if (rule !== null && view.rules && !view.rules.has(rule))
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
  // a ruleset with no list of programs is refused already; its programs are not guessed at
  if (query.kind === 'plan' && view.programs && !view.programs.has(query.program)) {
    return {
      ok: false,
      errors: [{ path: 'query.program', message: `unknown program ${show(query.program)}` }],
    };
  }
  return { ok: true, value: query };
}
