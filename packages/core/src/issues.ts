/** Paths and messages of validation issues, shared by the core, the server and the client. */
import type * as z from 'zod/mini';

/** One problem of an input: where, and what. */
export interface ValidationIssue {
  /** `rules[3].courses[1]`; empty for the input itself */
  readonly path: string;
  readonly message: string;
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

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

export const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * Readable `{ path, message }` for every issue of a zod error (zod/mini carries no messages of
 * its own): the one formatter of the rule-pack validator, the server's request checks and the
 * client's response checks. `input` is what was parsed (for the values the messages quote).
 */
export function describeZodIssues(
  error: z.core.$ZodError,
  input: unknown,
  prefix = '',
): ValidationIssue[] {
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
      case 'too_big': {
        const least = issue.code === 'too_small';
        const bound = least ? issue.minimum : issue.maximum;
        const unit = { array: ' item(s)', string: ' character(s)' }[issue.origin as string];
        message =
          custom ??
          (unit
            ? `expected ${least ? 'at least' : 'at most'} ${bound}${unit}`
            : `must be ${least ? 'at least' : 'at most'} ${bound}, got ${show(value)}`);
        break;
      }
      default:
        message = custom ?? `is invalid (${issue.code})`;
    }
    out.push({ path, message });
  }
  return out;
}
