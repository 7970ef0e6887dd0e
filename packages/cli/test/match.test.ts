import { describe, expect, it } from 'vitest';
import { match, matches } from '../src/match.js';

describe('match', () => {
  it('matches equal primitives and numbers by value', () => {
    expect(matches(1, 1)).toBe(true);
    expect(matches(10.0, 10)).toBe(true);
    expect(matches(JSON.parse('10.0'), JSON.parse('10'))).toBe(true);
    expect(matches('a', 'a')).toBe(true);
    expect(matches(null, null)).toBe(true);
    expect(matches(true, true)).toBe(true);
  });

  it('reports different primitives with their values', () => {
    expect(match(4, 3.5)).toEqual([{ path: '', expected: 4, actual: 3.5 }]);
    expect(match('1', 1)).toEqual([{ path: '', expected: '1', actual: 1 }]);
    expect(match(null, 0)).toEqual([{ path: '', expected: null, actual: 0 }]);
    expect(match(0, null)).toEqual([{ path: '', expected: 0, actual: null }]);
  });

  it('checks only the keys an expected object names', () => {
    expect(matches({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(matches({}, { a: 1 })).toBe(true);
    expect(matches({ a: { b: 1 } }, { a: { b: 1, c: 2 }, d: 3 })).toBe(true);
  });

  it('reports a missing key', () => {
    expect(match({ a: 1, b: 2 }, { a: 1 })).toEqual([
      { path: 'b', expected: 2, actual: undefined, note: 'missing' },
    ]);
  });

  it('names nested paths', () => {
    const actual = {
      grants: [
        { rule: 'R1', credits: 4 },
        { rule: 'R2', credits: 3 },
      ],
    };
    const expected = { grants: [{ rule: 'R1' }, { credits: 2.5 }] };
    expect(match(expected, actual)).toEqual([
      { path: 'grants[1].credits', expected: 2.5, actual: 3 },
    ]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(
      match({ message: { 'zh-CN': 'x', 'a b': 1 } }, { message: { 'zh-CN': 'y', 'a b': 2 } }),
    ).toEqual([
      { path: 'message.zh-CN', expected: 'x', actual: 'y' },
      { path: 'message["a b"]', expected: 1, actual: 2 },
    ]);
  });

  it('needs arrays of the same length', () => {
    expect(matches([1, 2], [1, 2])).toBe(true);
    expect(matches([], [])).toBe(true);
    const [m] = match({ list: [1] }, { list: [1, 2] });
    expect(m).toMatchObject({ path: 'list', note: 'expected 1 item(s), got 2' });
    expect(matches([], [1])).toBe(false);
  });

  it('matches array elements partially, element by element', () => {
    expect(
      matches(
        [{ a: 1 }, { b: 2 }],
        [
          { a: 1, x: 0 },
          { b: 2, y: 0 },
        ],
      ),
    ).toBe(true);
    expect(matches([{ a: 1 }, { b: 2 }], [{ b: 2 }, { a: 1 }])).toBe(false);
  });

  it('reports type mismatches', () => {
    expect(match([1], { 0: 1 })[0]?.note).toBe('expected an array, got object');
    expect(match({ a: 1 }, [1])[0]?.note).toBe('expected an object, got array');
    expect(match({ a: 1 }, null)[0]?.note).toBe('expected an object, got null');
    expect(match({ a: 1 }, 'x')[0]?.note).toBe('expected an object, got string');
    expect(matches(null, {})).toBe(false);
  });

  it('reports every mismatch in document order', () => {
    const paths = match({ a: 1, b: [1, 2], c: { d: 1 } }, { a: 2, b: [1, 3], c: { d: 2 } }).map(
      (m) => m.path,
    );
    expect(paths).toEqual(['a', 'b[1]', 'c.d']);
  });

  it('prefixes paths when given a root', () => {
    expect(match({ a: 1 }, { a: 2 }, 'result')[0]?.path).toBe('result.a');
  });
});
