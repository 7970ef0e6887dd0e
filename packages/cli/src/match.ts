/**
 * The partial matcher of scenario tests (spec §7): objects match when every key `expected`
 * names matches, recursively; arrays when they have the same length and match element by
 * element; numbers by value (`10.0` is `10`); anything else by strict equality.
 */

/** One place where the actual value differs from the expected one. */
export interface Mismatch {
  /** `grants[0].credits`; empty for the value itself */
  readonly path: string;
  readonly expected: unknown;
  /** `undefined` when the actual value has no such key */
  readonly actual: unknown;
  /** why, when the values alone do not say it (`expected 3 items, got 2`) */
  readonly note?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Every mismatch of `actual` against the partial `expected`, in document order. */
export function match(expected: unknown, actual: unknown, path = ''): Mismatch[] {
  const out: Mismatch[] = [];
  walk(expected, actual, path, out);
  return out;
}

/** True when `actual` matches the partial `expected`. */
export function matches(expected: unknown, actual: unknown): boolean {
  return match(expected, actual).length === 0;
}

function walk(expected: unknown, actual: unknown, path: string, out: Mismatch[]): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, expected, actual, note: `expected an array, got ${kindOf(actual)}` });
      return;
    }
    if (expected.length !== actual.length) {
      out.push({
        path,
        expected,
        actual,
        note: `expected ${expected.length} item(s), got ${actual.length}`,
      });
      return;
    }
    expected.forEach((item, i) => walk(item, actual[i], child(path, i), out));
    return;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) {
      out.push({ path, expected, actual, note: `expected an object, got ${kindOf(actual)}` });
      return;
    }
    for (const key of Object.keys(expected)) {
      const next = child(path, key);
      if (!Object.prototype.hasOwnProperty.call(actual, key)) {
        out.push({ path: next, expected: expected[key], actual: undefined, note: 'missing' });
      } else walk(expected[key], actual[key], next, out);
    }
    return;
  }
  if (expected !== actual) out.push({ path, expected, actual });
}
