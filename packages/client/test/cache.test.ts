import { describe, expect, it } from 'vitest';
import { keyMatches, TtlCache } from '../src/cache.js';
import { queryString } from '../src/transport.js';

describe('TTL cache', () => {
  it('keeps a value for its ttl', () => {
    let now = 1000;
    const cache = new TtlCache(10, () => now);
    cache.set('/v1/catalog/programs', 'p', 500);
    expect(cache.get('/v1/catalog/programs')).toBe('p');
    now = 1499;
    expect(cache.get('/v1/catalog/programs')).toBe('p');
    now = 1500;
    expect(cache.get('/v1/catalog/programs')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing for a ttl of 0', () => {
    const cache = new TtlCache();
    cache.set('k', 'v', 0);
    expect(cache.get('k')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new TtlCache(2);
    cache.set('a', 1, 1000);
    cache.set('b', 2, 1000);
    cache.set('a', 3, 1000);
    cache.set('c', 4, 1000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(3);
    expect(cache.get('c')).toBe(4);
  });

  it('invalidates by predicate', () => {
    const cache = new TtlCache();
    for (const key of [
      '/v1/catalog/programs',
      '/v1/catalog/courses?q=x',
      '/v1/learners/a/balance',
    ]) {
      cache.set(key, key, 1000);
    }
    cache.delete((key) => keyMatches(key, '/v1/catalog'));
    expect(cache.size).toBe(1);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});

describe('key matching', () => {
  it('matches whole path segments', () => {
    expect(keyMatches('/v1/catalog/programs', '/v1/catalog')).toBe(true);
    expect(keyMatches('/v1/catalog?x=1', '/v1/catalog')).toBe(true);
    expect(keyMatches('/v1/catalog', '/v1/catalog')).toBe(true);
    expect(keyMatches('/v1/catalogue', '/v1/catalog')).toBe(false);
    expect(keyMatches('/v1/learners/ab/balance', '/v1/learners/a')).toBe(false);
    expect(keyMatches('/v1/learners/ab/balance', '/v1/learners/')).toBe(true);
  });
});

describe('query strings', () => {
  it('sorts keys and leaves out empty values', () => {
    expect(queryString(undefined)).toBe('');
    expect(queryString({ q: undefined })).toBe('');
    expect(queryString({ limit: 20, q: '数学 a&b', cursor: null, active: true })).toBe(
      '?active=true&limit=20&q=%E6%95%B0%E5%AD%A6+a%26b',
    );
  });
});
