/**
 * A small TTL cache of parsed read results, keyed by API path and query
 * (`/v1/catalog/courses?limit=20&q=math`). Oldest entries go first when it is full.
 */

/**
 * Whether a cache key lies under an API path prefix, segment by segment: `/v1/catalog` covers
 * `/v1/catalog/programs` and `/v1/catalog?x=1`, not `/v1/catalogue`. A prefix ending in `/`
 * or `?` matches as plain text.
 */
export function keyMatches(key: string, prefix: string): boolean {
  if (!key.startsWith(prefix)) return false;
  if (key.length === prefix.length || prefix.endsWith('/') || prefix.endsWith('?')) return true;
  const next = key[prefix.length];
  return next === '/' || next === '?';
}

interface Entry {
  readonly value: unknown;
  readonly expires: number;
}

export class TtlCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(maxEntries = 200, now: () => number = Date.now) {
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The fresh value under `key`, or `undefined` (an expired entry is dropped). */
  get(key: string): unknown {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` for `ttl` ms; a ttl of 0 or less stores nothing. */
  set(key: string, value: unknown, ttl: number): void {
    if (!(ttl > 0) || this.#maxEntries <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.#now() + ttl });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** Drops the entries whose key matches. */
  delete(matches: (key: string) => boolean): void {
    for (const key of [...this.#entries.keys()]) if (matches(key)) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
