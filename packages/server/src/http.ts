/**
 * Reading requests at the trust boundary: JSON bodies, query strings, path parameters and
 * cursors, each checked with zod; a failure names the field (`outcome.course.credits`).
 */
import { describeZodIssues, formatPath } from '@creditbank/core';
import type { FieldError } from '@creditbank/core/api';
import type * as z from 'zod/mini';
import { badRequest, HttpProblem, invalid } from './problems.js';

/** Field errors for a zod failure, with readable messages (the core's formatter). */
export function fieldErrors(error: z.core.$ZodError, input: unknown, prefix = ''): FieldError[] {
  return describeZodIssues(error, input, prefix).map(({ path, message }) => ({
    path: path || prefix || 'body',
    message,
  }));
}

/** How deep a JSON body may nest (no request of this API needs more than a few levels). */
const MAX_DEPTH = 32;

/**
 * Field errors of what no field of this API takes, anywhere in a JSON value: strings with NUL
 * (PostgreSQL cannot store it) or other C0 controls but tab and newlines, and nesting deeper
 * than 32 levels.
 */
export function screenJson(value: unknown, path: PropertyKey[] = []): FieldError[] {
  if (path.length > MAX_DEPTH) {
    return [{ path: formatPath(path.slice(0, MAX_DEPTH)), message: 'is nested too deeply' }];
  }
  const bad = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    }
    return false;
  };
  if (typeof value === 'string') {
    return bad(value)
      ? [{ path: formatPath(path) || 'body', message: 'must not contain control characters' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => screenJson(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const keyErrors = bad(k)
        ? [{ path: formatPath(path) || 'body', message: 'a key contains control characters' }]
        : [];
      return [...keyErrors, ...screenJson(v, [...path, k])];
    });
  }
  return [];
}

/** Parses a JSON request body against `schema`: 415, 400 invalid_json, or 422 with paths. */
export async function readJson<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !type?.endsWith('+json')) {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      `expected Content-Type application/json, got ${type ? JSON.stringify(type) : 'none'}`,
    );
  }
  const text = await request.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(
      400,
      'invalid_json',
      text.trim() === ''
        ? 'the request body is empty'
        : `the request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  const control = screenJson(data);
  if (control.length) throw invalid(control);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error, data));
  return parsed.data as z.infer<S>;
}

function isNumberSchema(schema: z.ZodMiniType): boolean {
  let def = schema._zod.def as { type: string; innerType?: z.ZodMiniType };
  while (def.type === 'optional' && def.innerType) {
    def = def.innerType._zod.def as typeof def;
  }
  return def.type === 'number';
}

/**
 * Parses query parameters with an object schema; number fields are read from their decimal
 * text. Unknown parameters are ignored; a bad one is a 400 naming it.
 */
export function readQuery<S extends z.ZodMiniObject>(url: URL, schema: S): z.infer<S> {
  const raw: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodMiniType>)) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    if (screenJson(value).length) {
      errors.push({ path: name, message: 'must not contain control characters' });
      continue;
    }
    raw[name] =
      isNumberSchema(field) && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  }
  if (errors.length) throw badRequest('invalid query parameters', errors);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw badRequest('invalid query parameters', fieldErrors(parsed.error, raw));
  }
  return parsed.data as z.infer<S>;
}

/** A path parameter: 1–200 characters, no control characters. */
export function pathParam(value: string | undefined, name: string): string {
  if (!value || value.length > 200 || screenJson(value).length) {
    throw badRequest(`invalid path parameter ${name}`, [
      { path: name, message: 'expected 1 to 200 printable characters' },
    ]);
  }
  return value;
}

/** An opaque keyset cursor: base64url JSON of the sort it belongs to and the last row's keys. */
export function encodeCursor(sort: string, keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keys }), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` for `sort` with keys of the given types. */
export function decodeCursor(
  cursor: string,
  sort: string,
  types: readonly ('string' | 'number')[],
): (string | number)[] {
  const fail = () =>
    badRequest('invalid cursor', [
      { path: 'cursor', message: 'is not a cursor of this listing; use nextCursor as given' },
    ]);
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) throw fail();
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (data === null || typeof data !== 'object') throw fail();
  const { s, k } = data as { s?: unknown; k?: unknown };
  if (s !== sort || !Array.isArray(k) || k.length !== types.length) throw fail();
  k.forEach((value, i) => {
    const type = types[i];
    if (type === 'number' ? !Number.isFinite(value) : typeof value !== 'string') throw fail();
    if (typeof value === 'string' && (value.length > 300 || value.includes('\u0000'))) throw fail();
  });
  return k as (string | number)[];
}
