/** Spec §3 certification (认证): is an outcome usable on `asOf`, and why not. */
import { describe, expect, it } from 'vitest';
import { balance, certify, certifyAll, type Outcome } from '../src/index.js';
import { AS_OF, catalog, certOutcome, courseOutcome, nfOutcome, runPlan } from './helpers.js';

const base = (extra: Partial<Outcome>) => certOutcome('o', '1x-web', 'junior', extra);

describe('certify: each rejection reason', () => {
  it('verified, earned before asOf, no expiry: usable (outcomes are valid for life)', () => {
    expect(certify(base({}), AS_OF)).toBeNull();
  });
  it('revoked → revoked', () => {
    expect(certify(base({ status: 'revoked' }), AS_OF)).toBe('revoked');
  });
  it('pending → unverified', () => {
    expect(certify(base({ status: 'pending' }), AS_OF)).toBe('unverified');
  });
  it('earnedOn after asOf → future', () => {
    expect(certify(base({ earnedOn: '2026-11-22' }), AS_OF)).toBe('future');
  });
  it('earnedOn == asOf is usable', () => {
    expect(certify(base({ earnedOn: AS_OF }), AS_OF)).toBeNull();
  });
  it('expiresOn before asOf → expired', () => {
    expect(certify(base({ expiresOn: '2026-11-20' }), AS_OF)).toBe('expired');
  });
  it('expiresOn == asOf is still usable', () => {
    expect(certify(base({ expiresOn: AS_OF }), AS_OF)).toBeNull();
  });
  it('expiresOn after asOf is usable', () => {
    expect(certify(base({ expiresOn: '2030-01-01' }), AS_OF)).toBeNull();
  });
  it('compares dates as calendar dates across month and year boundaries', () => {
    expect(certify(base({ earnedOn: '2026-12-01' }), '2026-11-30')).toBe('future');
    expect(certify(base({ expiresOn: '2025-12-31' }), '2026-01-01')).toBe('expired');
    expect(certify(base({ expiresOn: '2026-01-01' }), '2025-12-31')).toBeNull();
  });
});

describe('certify: check order (revoked, unverified, future, expired)', () => {
  const everything = { earnedOn: '2027-01-01', expiresOn: '2020-01-01' };
  it('revoked wins over future and expired', () => {
    expect(certify(base({ status: 'revoked', ...everything }), AS_OF)).toBe('revoked');
  });
  it('unverified wins over future and expired', () => {
    expect(certify(base({ status: 'pending', ...everything }), AS_OF)).toBe('unverified');
  });
  it('future wins over expired', () => {
    expect(certify(base(everything), AS_OF)).toBe('future');
  });
  it('expired only when the earlier checks pass', () => {
    expect(certify(base({ expiresOn: '2020-01-01' }), AS_OF)).toBe('expired');
  });
});

describe('certifyAll and the rejected lists', () => {
  const outcomes = [
    certOutcome('a', '1x-web', 'junior', { status: 'pending' }),
    courseOutcome('b', 'ouc', 'OUC-DB', 4),
    nfOutcome('c', 'training', 10, { status: 'revoked', expiresOn: '2020-01-01' }),
    certOutcome('d', '1x-web', 'senior', { expiresOn: '2026-01-01' }),
    certOutcome('e', 'electrician', 'level-4', { earnedOn: '2026-12-31' }),
    certOutcome('f', 'electrician', 'level-3', { expiresOn: AS_OF }),
  ];

  it('splits in input order; each unusable outcome once with its first reason', () => {
    const { usable, rejected } = certifyAll(outcomes, AS_OF);
    expect(usable.map((o) => o.id)).toEqual(['b', 'f']);
    expect(rejected).toEqual([
      { outcome: 'a', reason: 'unverified' },
      { outcome: 'c', reason: 'revoked' },
      { outcome: 'd', reason: 'expired' },
      { outcome: 'e', reason: 'future' },
    ]);
  });

  it('plan and balance report the same rejections, in input order', () => {
    const expected = certifyAll(outcomes, AS_OF).rejected;
    expect(runPlan(catalog(), outcomes).rejected).toEqual(expected);
    const b = balance(catalog(), { id: 'L', outcomes }, AS_OF);
    expect(b.rejected).toEqual(expected);
    expect(b.usableOutcomes).toBe(2);
  });

  it('an unusable certificate is neither held nor used by a rule', () => {
    const result = runPlan(
      {
        ...catalog(),
        rules: [
          {
            id: 'R',
            kind: 'substitution',
            program: 'ouc-cnt',
            certificate: '1x-web',
            courses: ['OUC-WEB1'],
          },
        ],
      },
      [certOutcome('x', '1x-web', 'senior', { expiresOn: '2026-11-20' })],
    );
    expect(result.grants).toEqual([]);
    expect(result.certificatesHeld).toEqual([]);
    expect(result.rejected).toEqual([{ outcome: 'x', reason: 'expired' }]);
  });

  it('nothing reads the clock: the answer depends on asOf only', () => {
    const o = [
      certOutcome('x', '1x-web', 'senior', {
        earnedOn: '1999-06-01',
        expiresOn: '2000-01-02',
      }),
    ];
    expect(certifyAll(o, '2000-01-01').usable).toHaveLength(1);
    expect(certifyAll(o, '2000-01-03').usable).toHaveLength(0);
  });
});
