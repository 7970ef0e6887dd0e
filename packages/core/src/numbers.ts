/**
 * Exact arithmetic for credits and money (spec §1).
 *
 * Credits are kept as integers counting half credits ("halves"); decimal inputs are read as
 * rationals of their shortest decimal form (`String(n)`), so 0.35 × 90 is 31.5, not 31.499….
 */

/** A non-negative rational `n / d` with `d > 0`. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** The exact rational of a finite number's shortest decimal form. */
export function ratio(value: number): Ratio {
  const match = DECIMAL.exec(String(value));
  if (!match) throw new RangeError(`not a finite number: ${value}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  let n = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  let d = 1n;
  if (scale >= 0) d = 10n ** BigInt(scale);
  else n *= 10n ** BigInt(-scale);
  return { n, d };
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function mulRatio(a: Ratio, b: Ratio): Ratio {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** Floors a non-negative rational to whole halves: floorToHalf(x) expressed in halves. */
export function floorHalves(x: Ratio): number {
  const halves = (2n * x.n) / x.d;
  return Number(halves < 0n ? 0n : halves);
}

/** Floors a non-negative rational to an integer. */
export function floorInt(x: Ratio): number {
  const v = x.n / x.d;
  return Number(v < 0n ? 0n : v);
}

/** Credits (a multiple of 0.5) to halves. */
export function toHalves(credits: number): number {
  return Math.round(credits * 2);
}

/** Halves back to credits; exact, since every half is representable in binary. */
export function fromHalves(halves: number): number {
  return halves / 2;
}

/** The rational of a count of halves. */
export function halvesRatio(halves: number): Ratio {
  return { n: BigInt(halves), d: 2n };
}

/** Rounds a non-negative rational half-up to 0.01 and returns it as a number. */
export function roundMoney(x: Ratio): number {
  const cents = (200n * x.n + x.d) / (2n * x.d);
  return Number(cents) / 100;
}

/** True when a number is a non-negative multiple of 0.5. */
export function isHalfMultiple(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && Number.isInteger(value * 2);
}

/**
 * Compares two strings by Unicode code point (not by UTF-16 unit, JavaScript's default order):
 * an astral character sorts after U+E000–U+FFFF. A proper prefix sorts first.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length < 0 ? -1 : 1;
}

/**
 * Exact integers proportional to decimal inputs (priorities): each value as the rational of its
 * shortest decimal form, all over one common power of ten, so that their sums compare exactly
 * (0.1 + 0.2 equals 0.3). Falls back to the values themselves when the scaled integers would
 * not be exact in a double.
 */
export function scaleToIntegers(values: readonly number[]): number[] {
  const ratios = values.map(ratio);
  const common = ratios.reduce((d, r) => (r.d > d ? r.d : d), 1n);
  const scaled = ratios.map((r) => r.n * (common / r.d));
  const limit = BigInt(Number.MAX_SAFE_INTEGER) / BigInt(Math.max(1, values.length));
  if (scaled.some((v) => v > limit || -v > limit)) return [...values];
  return scaled.map(Number);
}

/** Compares two lists element by element with `compare`; a proper prefix sorts first. */
export function compareLists<T>(
  a: readonly T[],
  b: readonly T[],
  compare: (x: T, y: T) => number,
): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const c = compare(a[i] as T, b[i] as T);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
