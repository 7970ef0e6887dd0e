/**
 * The seed: deterministic (same seed → same rows, in memory and in the database), a valid core
 * rule pack, the catalog and histories the brief asks for, synthetic people only, and fast.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateRuleset, type Ruleset } from '@creditbank/core';
import { describe, expect, it } from 'vitest';
import {
  buildSeed,
  completeRuleset,
  FIXTURES,
  openDatabase,
  prepareDatabase,
  type Database,
  type Seed,
} from '../src/index.js';
import { EXCLUDED_NAMES } from '../src/seed/people.js';
import { TODAY } from './helpers.js';

const seed: Seed = buildSeed();

function rulesetOf(s: Seed): Ruleset {
  const [meta] = s.ruleset_meta;
  return {
    id: meta?.id ?? '',
    version: meta?.version ?? '',
    fees: meta?.fees as Ruleset['fees'],
    points: meta?.points as Ruleset['points'],
    institutions: s.institutions.map(({ id, name, kind }) => ({ id, name, kind }) as never),
    certificates: s.certificates.map((c) => ({
      id: c.id,
      name: c.name,
      category: c.category as never,
      levels: c.levels,
      ...(c.issuer ? { issuer: c.issuer } : {}),
      ...(c.creditValue ? { creditValue: c.creditValue } : {}),
      ...(c.levelNames ? { levelNames: c.levelNames } : {}),
    })),
    courses: s.courses.map((c) => ({
      code: c.code,
      institution: c.institution,
      title: c.title,
      credits: c.credits,
      ...(c.frameworkLevel !== null ? { frameworkLevel: c.frameworkLevel } : {}),
    })),
    programs: s.programs.map((p) => p.body as never),
    rules: s.rules.map((r) => r.body as never),
  };
}

async function dump(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [
    'ruleset_meta',
    'institutions',
    'certificates',
    'courses',
    'programs',
    'rules',
    'tenants',
    'learners',
    'outcomes',
    'transfers',
    'ledger',
    'claims',
  ]) {
    const [row] = await db.query<{ n: number; d: string }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM ${table} t`,
    );
    out[table] = `${row?.n}:${row?.d}`;
  }
  return out;
}

describe('seed', () => {
  it('is deterministic: the same options build the same rows, another seed others', () => {
    expect(buildSeed()).toEqual(seed);
    const other = buildSeed({ random: 7 });
    expect(other.courses).not.toEqual(seed.courses);
    expect(other.learners.map((l) => l.displayName)).not.toEqual(
      seed.learners.map((l) => l.displayName),
    );
    // the fixtures do not move with the catalog size or the seed
    const small = buildSeed({ courses: 300, learners: 20, random: 7 });
    const fixtureIds = new Set(FIXTURES.map((f) => f.id));
    const pick = (s: Seed) => s.outcomes.filter((o) => fixtureIds.has(o.learnerId));
    expect(pick(small).map((o) => [o.id, o.status, o.record])).toEqual(
      pick(seed).map((o) => [o.id, o.status, o.record]),
    );
  });

  it('writes the same rows into two fresh databases', async () => {
    const options = { courses: 400, learners: 30 };
    const [a, b] = await Promise.all([
      openDatabase({ kind: 'pglite' }),
      openDatabase({ kind: 'pglite' }),
    ]);
    try {
      await Promise.all([prepareDatabase(a, options), prepareDatabase(b, options)]);
      const dumpA = await dump(a);
      expect(dumpA.courses?.startsWith('400:')).toBe(true);
      expect(dumpA).toEqual(await dump(b));
      // the database holds a valid core rule pack, all courses included
      const ruleset = await completeRuleset(a);
      expect(ruleset.courses).toHaveLength(400);
      const checked = validateRuleset(ruleset);
      expect(checked.ok ? [] : checked.errors).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('is a valid core rule pack with programs and rules of every kind', () => {
    const checked = validateRuleset(rulesetOf(seed));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    const kinds = new Set(seed.rules.map((r) => r.kind));
    expect([...kinds].sort()).toEqual([
      'dual-certificate',
      'nonformal',
      'recognition',
      'substitution',
    ]);
    expect(seed.rules.some((r) => r.program === null)).toBe(true);
    const bodies = seed.rules.map((r) => r.body as Record<string, unknown>);
    expect(bodies.some((r) => r.group !== undefined)).toBe(true);
    expect(bodies.some((r) => r.priority !== undefined)).toBe(true);
    expect(bodies.some((r) => r.kind === 'nonformal' && r.to !== undefined)).toBe(true);
    expect(bodies.some((r) => r.kind === 'nonformal' && r.to === undefined)).toBe(true);
    expect(seed.programs.length).toBeGreaterThanOrEqual(5);
  });

  it('names every certificate level for people, in zh-CN and en', () => {
    for (const c of seed.certificates) {
      for (const level of c.levels) {
        expect(c.levelNames?.[level]?.['zh-CN'], `${c.id} ${level}`).toMatch(/\S/);
        expect(c.levelNames?.[level]?.en, `${c.id} ${level}`).toMatch(/\S/);
      }
    }
  });

  it('has the catalog: institutions of every kind, every certificate category, 5,000 courses', () => {
    expect(seed.courses).toHaveLength(5000);
    expect(new Set(seed.courses.map((c) => c.code)).size).toBe(5000);
    expect(new Set(seed.courses.map((c) => c.provider)).size).toBeGreaterThanOrEqual(25);
    for (const c of seed.courses) {
      expect(c.title).toMatch(/[\u4e00-\u9fff]/);
      expect(c.fee).toBeGreaterThanOrEqual(0);
      expect(['online', 'offline', 'blended']).toContain(c.mode);
    }
    const kinds = new Set(seed.institutions.map((i) => i.kind));
    for (const kind of [
      'open-university',
      'university',
      'self-study-exam',
      'training-org',
      'enterprise',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(new Set(seed.certificates.map((c) => c.category)).size).toBe(7);
    const oneX = seed.certificates.filter((c) => c.category === 'skill-level');
    expect(oneX.map((c) => c.id)).toEqual([
      '1x-bim',
      '1x-web',
      '1x-logistics',
      '1x-eldercare',
      '1x-auto',
      '1x-nev',
    ]);
    expect(seed.tenants.map((t) => [t.id, t.kind])).toEqual([
      ['training', 'training-org'],
      ['enterprise', 'enterprise'],
      ['platform', 'course-platform'],
    ]);
  });

  it('has varied learner histories: expired, revoked and pending outcomes, transfers, reversals', () => {
    expect(seed.learners.length).toBeGreaterThanOrEqual(200);
    for (const tenant of ['training', 'enterprise', 'platform']) {
      expect(seed.learners.filter((l) => l.tenantId === tenant).length).toBeGreaterThanOrEqual(50);
    }
    const statuses = new Set(seed.outcomes.map((o) => o.status));
    expect([...statuses].sort()).toEqual(['pending', 'revoked', 'verified']);
    const expired = seed.outcomes.filter(
      (o) => o.status === 'verified' && o.expiresOn !== null && o.expiresOn < TODAY,
    );
    expect(expired.length).toBeGreaterThan(5);
    expect(seed.outcomes.filter((o) => o.status === 'revoked').length).toBeGreaterThan(10);
    expect(seed.outcomes.filter((o) => o.status === 'pending').length).toBeGreaterThan(10);
    expect(seed.transfers.length).toBeGreaterThan(20);
    expect(seed.ledger.filter((e) => e.type === 'reversal').length).toBeGreaterThanOrEqual(2);
    const kinds = new Set(seed.outcomes.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['certificate', 'course', 'nonformal']);
    // every certificate outcome has a number, and numbers are unique
    const numbers = seed.outcomes
      .filter((o) => o.kind === 'certificate')
      .map((o) => o.certificateNumber);
    expect(numbers.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('has synthetic people only: no one named in the documents, no phones or e-mails', () => {
    const names = seed.learners.map((l) => l.displayName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(EXCLUDED_NAMES.has(name), name).toBe(false);
    const text = JSON.stringify(seed);
    expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(text).not.toMatch(/\d{3,4}-\d{7,8}/);
    const docs = fileURLToPath(new URL('../../../../shared/seeds', import.meta.url));
    if (existsSync(docs)) {
      const source = readdirSync(docs)
        .map((f) => readFileSync(join(docs, f), 'utf8'))
        .join('\n')
        .replace(/\s+/g, '');
      for (const name of EXCLUDED_NAMES) expect(source, name).toContain(name);
      for (const name of names.filter((n) => n.length >= 3)) {
        expect(source.includes(name), name).toBe(false);
      }
    }
  });

  it('seeds a fresh database quickly', async () => {
    const db = await openDatabase({ kind: 'pglite' });
    try {
      const started = performance.now();
      const { seeded } = await prepareDatabase(db, {});
      const elapsed = performance.now() - started;
      expect(seeded).toBe(true);
      expect(elapsed).toBeLessThan(15_000);
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM courses');
      expect(row?.n).toBe(5000);
      // a second start does not seed again, nor migrate again
      expect((await prepareDatabase(db, {})).seeded).toBe(false);
      const migrations = await db.query<{ id: string }>(
        'SELECT id FROM schema_migrations ORDER BY id',
      );
      expect(migrations.map((m) => m.id)).toEqual([
        '001_initial',
        '002_certificate_level_names',
        '003_certificate_number_any_case',
        '004_outcome_title_en',
      ]);
    } finally {
      await db.close();
    }
  });
});
