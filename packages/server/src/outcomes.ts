/**
 * Checks of outcomes that come in (deposits, what-if outcomes of a preview) against the core
 * schemas and the certificate catalog, with field paths as the request names them.
 */
import { validateLearner, type Certificate, type Outcome } from '@creditbank/core';
import type { Evidence, FieldError } from '@creditbank/core/api';
import { MARKUP, NEW_ID } from './schemas.js';

/**
 * Checks `outcomes` (already given their status): the field errors, each path under
 * `pathOf(index)`, or the outcomes as the core schemas read them (fields they do not know
 * dropped). Beyond the core schema: certificates must be in the catalog, ids must be
 * URL-safe, an outcome cannot expire before it was earned, and `notAfter` bounds `earnedOn`.
 */
export function checkOutcomes(
  outcomes: readonly unknown[],
  certificates: readonly Certificate[],
  pathOf: (index: number) => string,
  notAfter?: string,
): { errors: FieldError[]; outcomes: Outcome[] } {
  const checked = validateLearner(
    { id: 'check', outcomes },
    {
      id: 'catalog',
      version: '0',
      institutions: [],
      certificates: [...certificates],
      courses: [],
      programs: [],
      rules: [],
    },
  );
  const rename = (path: string) =>
    path.replace(/^outcomes\[(\d+)\]/, (_, i: string) => pathOf(Number(i)));
  if (!checked.ok) {
    return {
      errors: checked.errors.map((e) => ({ path: rename(e.path), message: e.message })),
      outcomes: [],
    };
  }
  const parsed = checked.value.outcomes;
  const known = new Map(certificates.map((c) => [c.id, c]));
  const errors: FieldError[] = [];
  parsed.forEach((o, i) => {
    const at = pathOf(i);
    if (!NEW_ID.test(o.id)) {
      errors.push({
        path: `${at}.id`,
        message: 'expected letters, digits, ".", "_", ":" or "-" (at most 100)',
      });
    }
    if (o.kind === 'certificate') {
      const { id } = (o as { certificate: { id: string } }).certificate;
      if (!known.has(id)) {
        errors.push({ path: `${at}.certificate.id`, message: `unknown certificate "${id}"` });
      }
    }
    if (o.expiresOn !== undefined && o.expiresOn < o.earnedOn) {
      errors.push({ path: `${at}.expiresOn`, message: 'must not be before earnedOn' });
    }
    if (notAfter !== undefined && o.earnedOn > notAfter) {
      errors.push({ path: `${at}.earnedOn`, message: `must not be after today (${notAfter})` });
    }
  });
  return { errors, outcomes: parsed };
}

/** Field errors of names and notes that carry markup. */
export function markupErrors(fields: Record<string, string | null | undefined>): FieldError[] {
  return Object.entries(fields)
    .filter(([, value]) => typeof value === 'string' && MARKUP.test(value))
    .map(([path]) => ({ path, message: 'must be plain text, not markup' }));
}

/** Evidence links must be http(s) URLs (a widget may render them as links). */
export function evidenceErrors(evidence: readonly Evidence[], prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  evidence.forEach((e, i) => {
    errors.push(...markupErrors({ [`${prefix}[${i}].label`]: e.label }));
    if (e.url === undefined) return;
    let ok = false;
    try {
      const url = new URL(e.url);
      ok = url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) errors.push({ path: `${prefix}[${i}].url`, message: 'expected an http(s) URL' });
  });
  return errors;
}
