/**
 * The deterministic seed: the same options (and PRNG seed) always build the same rows.
 * `buildSeed` is pure; `writeSeed` inserts it in batches, in one transaction.
 */
import type { Queryable } from '../db/database.js';
import { insertRows, type RowOf, type RowTable } from '../db/rows.js';
import { buildCourses, type CatalogCourseRow } from './courses.js';
import { buildLearners, TENANTS } from './learners.js';
import { Random } from './random.js';
import {
  coreCertificates,
  FEES,
  INSTITUTIONS,
  POINTS,
  PROGRAMS,
  RULEPACK_COURSES,
  RULES,
  RULESET_ID,
  RULESET_VERSION,
  rulesetWith,
} from './rulepack.js';

export interface SeedOptions {
  /** courses of the course supermarket in all (default 5,000; at least the rule pack's) */
  courses?: number | undefined;
  /** learners over the three tenants (default 240; at least the fixtures) */
  learners?: number | undefined;
  /** PRNG seed (default 20190404) */
  random?: number | undefined;
}

export const DEFAULT_SEED = { courses: 5000, learners: 240, random: 20190404 } as const;

export type Seed = { [T in RowTable]: RowOf[T][] };

/** Every row of a fresh database, in insertion order. */
export function buildSeed(options: SeedOptions = {}): Seed {
  const courses = options.courses ?? DEFAULT_SEED.courses;
  const learners = options.learners ?? DEFAULT_SEED.learners;
  const seed = options.random ?? DEFAULT_SEED.random;
  // Separate streams: the fixtures' rows do not move when the catalog size changes.
  const catalog: CatalogCourseRow[] = buildCourses(new Random(seed), courses);
  const people = buildLearners(
    new Random(seed ^ 0x5eed),
    learners,
    rulesetWith(RULEPACK_COURSES),
    catalog,
  );
  return {
    ruleset_meta: [{ id: RULESET_ID, version: RULESET_VERSION, fees: FEES, points: POINTS }],
    institutions: INSTITUTIONS.map((i, ord) => ({ ...i, ord })),
    certificates: coreCertificates().map((c, ord) => ({
      id: c.id,
      ord,
      name: c.name,
      category: c.category,
      levels: c.levels,
      issuer: c.issuer ?? null,
      creditValue: c.creditValue ?? null,
      levelNames: c.levelNames ?? null,
    })),
    courses: catalog.map((c, ord) => ({
      code: c.code,
      ord,
      institution: c.institution,
      title: c.title,
      credits: c.credits,
      frameworkLevel: c.frameworkLevel ?? null,
      provider: c.provider ?? null,
      providerName: c.providerName,
      mode: c.mode ?? null,
      tags: c.tags ?? null,
      fee: c.fee,
    })),
    programs: PROGRAMS.map((p, ord) => ({ id: p.id, ord, institution: p.institution, body: p })),
    rules: RULES.map((r, ord) => ({
      id: r.id,
      ord,
      program: r.program ?? null,
      kind: r.kind,
      body: r,
    })),
    tenants: TENANTS,
    learners: people.learners,
    outcomes: people.outcomes,
    transfers: people.transfers,
    ledger: people.ledger,
    claims: people.claims,
  };
}

/** The order rows go in (references first). */
export const SEED_TABLES: readonly RowTable[] = [
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
];

/** Inserts a seed (call inside a transaction). */
export async function writeSeed(db: Queryable, seed: Seed): Promise<void> {
  for (const table of SEED_TABLES) {
    await insertRows(db, table, seed[table] as RowOf[typeof table][]);
  }
}
