/** Spec §1 numbers (exact decimals, half credits, money), rule-id order and §6 balance. */
import { describe, expect, it } from 'vitest';
import { balance, compareIds, type Outcome, type Rule, type Ruleset } from '../src/index.js';
import {
  AS_OF,
  PROGRAM,
  catalog,
  certOutcome,
  courseOutcome,
  grantsOf,
  nfOutcome,
  pack,
  runPlan,
} from './helpers.js';

const nf = (id: string, hoursPerCredit: number, more: object = {}): Rule => ({
  id,
  kind: 'nonformal',
  program: PROGRAM,
  category: 'training',
  hoursPerCredit,
  ...more,
});

describe('compareIds: Unicode code point order', () => {
  it('U+FF5E sorts before U+1F600 by code point, although UTF-16 units say otherwise', () => {
    const tilde = '\uFF5E';
    const grin = '\uD83D\uDE00';
    expect(tilde > grin).toBe(true); // JavaScript's UTF-16 order
    expect(compareIds(tilde, grin)).toBeLessThan(0);
    expect(compareIds(grin, tilde)).toBeGreaterThan(0);
  });
  it('a proper prefix sorts first; equal ids compare 0', () => {
    expect(compareIds('R', 'R1')).toBeLessThan(0);
    expect(compareIds('R1', 'R')).toBeGreaterThan(0);
    expect(compareIds('R1', 'R1')).toBe(0);
    expect(compareIds('', 'a')).toBeLessThan(0);
  });
  it('sorts a mixed list by code point', () => {
    const ids = ['\uD83D\uDE00', 'b', '\uFF5E', 'B', 'a\uD83D\uDE00', 'a\uFF5E', 'ab', 'a', '中'];
    const expected = [...ids].sort((x, y) => {
      const a = Array.from(x, (c) => c.codePointAt(0)!);
      const b = Array.from(y, (c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(a.length, b.length); i++)
        if (a[i] !== b[i]) return a[i]! - b[i]!;
      return a.length - b.length;
    });
    expect([...ids].sort(compareIds)).toEqual(expected);
    expect(expected).toEqual([
      'B',
      'a',
      'ab',
      'a\uFF5E',
      'a\uD83D\uDE00',
      'b',
      '中',
      '\uFF5E',
      '\uD83D\uDE00',
    ]);
  });
  it('grants are listed by rule id in code-point order', () => {
    const rules: Rule[] = [
      {
        id: '\uD83D\uDE00',
        kind: 'substitution',
        program: PROGRAM,
        certificate: '1x-web',
        courses: ['OUC-WEB1'],
      },
      {
        id: '\uFF5E',
        kind: 'substitution',
        program: PROGRAM,
        certificate: 'electrician',
        courses: ['OUC-SAFE'],
      },
    ];
    const result = runPlan(pack(rules), [
      certOutcome('c', '1x-web', 'junior'),
      certOutcome('e', 'electrician', 'level-1'),
    ]);
    expect(result.grants.map((g) => g.rule)).toEqual(['\uFF5E', '\uD83D\uDE00']);
  });
  it('the rule-id tie-break compares by code point too', () => {
    // two rules for the same course, equal credits, outcomes and priority: the smaller id wins
    const rules: Rule[] = [
      {
        id: '\uD83D\uDE00',
        kind: 'substitution',
        program: PROGRAM,
        certificate: '1x-web',
        courses: ['OUC-WEB1'],
      },
      {
        id: '\uFF5E',
        kind: 'substitution',
        program: PROGRAM,
        certificate: 'electrician',
        courses: ['OUC-WEB1'],
      },
    ];
    const result = runPlan(pack(rules), [
      certOutcome('c', '1x-web', 'junior'),
      certOutcome('e', 'electrician', 'level-1'),
    ]);
    expect(result.grants.map((g) => g.rule)).toEqual(['\uFF5E']);
  });
});

describe('exact decimals', () => {
  it('transferCap: 0.35 × 90 is 31.5, not 31.499…', () => {
    expect(0.35 * 90).toBeLessThan(31.5); // the float trap
    const ruleset = pack([], { totalCredits: 90, maxTransferShare: 0.35 });
    expect(runPlan(ruleset, []).transferCap).toBe(31.5);
  });
  it('transferCap: 0.7 × 30 is 21; floorToHalf(0.33 × 30 = 9.9) is 9.5', () => {
    expect(runPlan(pack([], { maxTransferShare: 0.7 }), []).transferCap).toBe(21);
    expect(runPlan(pack([], { maxTransferShare: 0.33 }), []).transferCap).toBe(9.5);
    expect(runPlan(pack([], { maxTransferShare: 0 }), []).transferCap).toBe(0);
  });
  it('the cap binds exactly at 31.5 (a grant of 31.5 fits)', () => {
    const ruleset = pack([nf('N', 1)], { totalCredits: 90, maxTransferShare: 0.35 });
    const result = runPlan(ruleset, [nfOutcome('t', 'training', 100)]);
    expect(result.transferredCredits).toBe(31.5);
  });
  it('hours ÷ hoursPerCredit: 0.3 ÷ 0.1 is 3, not 2.5', () => {
    expect(Math.floor((0.3 / 0.1) * 2) / 2).toBe(2.5); // the float trap
    const result = runPlan(pack([nf('N', 0.1)]), [nfOutcome('t', 'training', 0.3)]);
    expect(result.transferredCredits).toBe(3);
  });
  it('money: 0.1 a credit × 3 credits is 0.3', () => {
    const result = runPlan(
      pack([nf('N', 10)], {}, { fees: { perCredit: 0.1, perExam: 0, currency: 'CNY' } }),
      [nfOutcome('t', 'training', 30)],
    );
    expect(result.savings.amount).toBe(0.3);
  });
  it('money: rounded half-up to 0.01 (0.125 → 0.13; 1.005 → 1.01; 0.005 → 0.01)', () => {
    const amount = (perCredit: number, perExam: number, hours: number, to?: string) =>
      runPlan(
        pack(
          [nf('N', 10, to ? { to } : {})],
          {},
          { fees: { perCredit, perExam, currency: 'EUR' } },
        ),
        [nfOutcome('t', 'training', hours)],
      ).savings;
    expect(amount(0.25, 0, 5).amount).toBe(0.13); // 0.5 credit × 0.25
    expect(amount(1.005, 0, 10).amount).toBe(1.01); // Math.round(1.005 * 100) / 100 is 1
    expect(amount(0, 0.005, 40, 'OUC-CS1')).toEqual({
      credits: 3,
      exams: 1,
      amount: 0.01,
      currency: 'EUR',
    });
    expect(amount(0.001, 0, 10).amount).toBe(0); // 0.001 rounds down
    expect(amount(0.0049, 0, 10).amount).toBe(0);
  });
  it('results stay multiples of 0.5 through many half credits', () => {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 7; i++) outcomes.push(nfOutcome(`t${i}`, 'training', 1.1));
    // 7.7 hours ÷ 1.1 = 7 exactly
    const result = runPlan(pack([nf('N', 1.1)]), outcomes);
    expect(result.transferredCredits).toBe(7);
  });
});

describe('balance 积累 (spec §6)', () => {
  const rs = (points?: Ruleset['points']): Ruleset => ({
    ...catalog(),
    ...(points ? { points } : {}),
  });
  const bal = (outcomes: Outcome[], points?: Ruleset['points']) =>
    balance(rs(points), { id: 'L', outcomes }, AS_OF);

  it('course credits: passing outcomes of any institution at their own credits', () => {
    const b = bal([
      courseOutcome('a', 'ouc', 'OUC-DB', 4),
      courseOutcome('b', 'pku', 'PKU-1', 2.5), // not in the catalog: still banked
      courseOutcome('c', 'cqu', 'CQU-ENG', 2, { score: 40 }),
      courseOutcome('d', 'cqu', 'CQU-CS101', 3, { passed: true }),
    ]);
    expect(b.credits.course).toBe(9.5);
    expect(b.byKind).toEqual({ course: 4, certificate: 0, nonformal: 0 });
  });
  it('each institution + code once: the best attempt', () => {
    const b = bal([
      courseOutcome('a', 'ouc', 'OUC-DB', 4, { score: 50 }),
      courseOutcome('b', 'ouc', 'OUC-DB', 4, { score: 70 }),
      courseOutcome('c', 'ouc', 'OUC-DB', 4, { score: 95 }),
      courseOutcome('d', 'cqu', 'OUC-DB', 4, { score: 95 }), // another institution
    ]);
    expect(b.credits.course).toBe(8);
    expect(b.byKind.course).toBe(4); // every usable outcome, passing or not
  });
  it('a certificate held at several levels banks once, at its highest level (就高)', () => {
    const b = bal([
      certOutcome('a', '1x-web', 'senior'),
      certOutcome('b', '1x-web', 'junior'),
      certOutcome('c', '1x-web', 'intermediate'),
      certOutcome('d', 'electrician', 'level-4'),
    ]);
    expect(b.credits.certificate).toBe(11);
    expect(b.byKind.certificate).toBe(4);
  });
  it('certificates without a creditValue, or unknown to the catalog, bank 0', () => {
    const b = bal([certOutcome('a', '1x-bim', 'senior'), certOutcome('b', 'nope', 'x')]);
    expect(b.credits.certificate).toBe(0);
    expect(b.usableOutcomes).toBe(2);
  });
  it('nonformal: hours summed over all categories, converted once (default 18 an hour)', () => {
    const b = bal([
      nfOutcome('a', 'training', 10),
      nfOutcome('b', 'work-experience', 10),
      nfOutcome('c', 'volunteering', 7),
    ]);
    // 27 h ÷ 18 = 1.5; converted one by one it would be 0
    expect(b.credits.nonformal).toBe(1.5);
    expect(b.byKind.nonformal).toBe(3);
  });
  it('nonformal: points.hoursPerCredit, exactly (0.7 + 0.1 hours at 0.4)', () => {
    const b = bal([nfOutcome('a', 'training', 0.7), nfOutcome('b', 'internship', 0.1)], {
      hoursPerCredit: 0.4,
    });
    expect(b.credits.nonformal).toBe(2);
  });
  it('unusable outcomes bank nothing and are rejected', () => {
    const b = bal([
      courseOutcome('a', 'ouc', 'OUC-DB', 4, { score: 90 }, { status: 'revoked' }),
      certOutcome('b', '1x-web', 'senior', { expiresOn: '2020-01-01' }),
      nfOutcome('c', 'training', 100, { earnedOn: '2030-01-01' }),
    ]);
    expect(b.credits).toEqual({ course: 0, certificate: 0, nonformal: 0, total: 0 });
    expect(b.rejected).toEqual([
      { outcome: 'a', reason: 'revoked' },
      { outcome: 'b', reason: 'expired' },
      { outcome: 'c', reason: 'future' },
    ]);
    expect(b.usableOutcomes).toBe(0);
    expect(b.asOf).toBe(AS_OF);
  });
  it('total, and points: perCredit (default 1), floored once on the total', () => {
    const outcomes = [courseOutcome('a', 'cqu', 'CQU-ENG', 0.5), nfOutcome('b', 'training', 9)];
    expect(bal(outcomes).credits.total).toBe(1);
    expect(bal(outcomes).points.total).toBe(1);
    // 1.5 × 0.5 + 1.5 × 0.5 = 1.5 → 1 point; floored separately it would be 0
    expect(bal(outcomes, { perCredit: 1.5 }).points.total).toBe(1);
    // 0.35 × 90 = 31.5 exactly → 31 (a float product 31.499… also floors to 31, so check 0.7 × 30)
    const thirty = [courseOutcome('x', 'pku', 'X', 30)];
    expect(bal(thirty, { perCredit: 0.7 }).points.total).toBe(21);
  });
  it('tiers are ranked by minPoints whatever their order; tier, nextTier and toNextTier', () => {
    const tiers = [
      { name: 'gold', minPoints: 60 },
      { name: 'bronze', minPoints: 10 },
      { name: 'silver', minPoints: 30 },
    ];
    const at = (credits: number) =>
      bal([courseOutcome('x', 'pku', 'X', credits)], { tiers }).points;
    expect(at(35)).toEqual({ total: 35, tier: 'silver', nextTier: 'gold', toNextTier: 25 });
    expect(at(30)).toEqual({ total: 30, tier: 'silver', nextTier: 'gold', toNextTier: 30 });
    expect(at(5)).toEqual({ total: 5, tier: null, nextTier: 'bronze', toNextTier: 5 });
    expect(at(60)).toEqual({ total: 60, tier: 'gold', nextTier: null, toNextTier: null });
  });
  it('toNextTier is exact when minPoints is a decimal', () => {
    const tiers = [{ name: 'bronze', minPoints: 10.3 }];
    // 10.3 − 5 as floats is 5.300000000000001
    expect(bal([courseOutcome('x', 'pku', 'X', 5)], { tiers }).points.toNextTier).toBe(5.3);
  });
  it('no tiers: tier, nextTier and toNextTier are null', () => {
    expect(bal([courseOutcome('x', 'pku', 'X', 3)]).points).toEqual({
      total: 3,
      tier: null,
      nextTier: null,
      toNextTier: null,
    });
  });
  it('balance and plan agree on a scenario-like input', () => {
    const outcomes = [certOutcome('c', '1x-web', 'senior'), courseOutcome('d', 'ouc', 'OUC-DB', 4)];
    expect(bal(outcomes).credits).toEqual({ course: 4, certificate: 8, nonformal: 0, total: 12 });
    expect(grantsOf(runPlan(pack([]), outcomes))).toEqual([]);
  });
});
