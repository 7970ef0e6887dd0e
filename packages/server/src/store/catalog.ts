/**
 * The catalog: the rule pack (whole, or trimmed to what one program's plans need), the
 * certificate catalog, programs and rules, and the course supermarket (课程超市) search with
 * facets, sorts and keyset pagination.
 */
import { createHash } from 'node:crypto';
import {
  kindTable,
  type Certificate,
  type Course,
  type DisplayName,
  type Fees,
  type Institution,
  type PointsConfig,
  type Program,
  type Rule,
  type Ruleset,
} from '@creditbank/core';
import type {
  CatalogCourse,
  CertificatePage,
  CoursePage,
  CourseSort,
  FacetBucket,
} from '@creditbank/core/api';
import type { Queryable, SqlValue } from '../db/database.js';
import { decodeCursor, encodeCursor } from '../http.js';
import { containsPattern, keysetAfter, orderBy, Params, type KeysetKey } from './sql.js';

interface MetaRow {
  id: string;
  version: string;
  fees: Fees | null;
  points: PointsConfig | null;
}

interface CourseDbRow {
  code: string;
  institution: string;
  title: string;
  credits: number;
  frameworkLevel: number | null;
  provider: string | null;
  providerName: string | null;
  mode: string | null;
  tags: string[] | null;
  fee: number;
  ord: number;
}

const COURSE_COLUMNS = `code, institution, title, credits, framework_level AS "frameworkLevel",
  provider, provider_name AS "providerName", mode, tags, fee::float8 AS fee, ord`;

function toCourse(row: CourseDbRow): Course {
  const course: Course = {
    code: row.code,
    institution: row.institution,
    title: row.title,
    credits: row.credits,
  };
  if (row.frameworkLevel !== null) course.frameworkLevel = row.frameworkLevel;
  if (row.provider !== null) course.provider = row.provider;
  if (row.mode !== null) course.mode = row.mode;
  if (row.tags !== null) course.tags = row.tags;
  return course;
}

function toCatalogCourse(row: CourseDbRow): CatalogCourse {
  const course: CatalogCourse = { ...toCourse(row), fee: row.fee };
  if (row.providerName !== null) course.providerName = row.providerName;
  return course;
}

interface CertificateDbRow {
  id: string;
  ord: number;
  name: string;
  category: Certificate['category'];
  levels: string[];
  issuer: string | null;
  creditValue: Record<string, number> | null;
  levelNames: Record<string, DisplayName> | null;
}

function toCertificate(row: CertificateDbRow): Certificate {
  const certificate: Certificate = {
    id: row.id,
    name: row.name,
    category: row.category,
    levels: row.levels,
  };
  if (row.issuer !== null) certificate.issuer = row.issuer;
  if (row.creditValue !== null) certificate.creditValue = row.creditValue;
  if (row.levelNames !== null) certificate.levelNames = row.levelNames;
  return certificate;
}

const CERTIFICATE_COLUMNS =
  'id, ord, name, category, levels, issuer, credit_value AS "creditValue", level_names AS "levelNames"';

export async function allCertificates(db: Queryable): Promise<Certificate[]> {
  const rows = await db.query<CertificateDbRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates ORDER BY ord`,
  );
  return rows.map(toCertificate);
}

async function meta(db: Queryable): Promise<MetaRow> {
  const [row] = await db.query<MetaRow>('SELECT id, version, fees, points FROM ruleset_meta');
  if (!row) throw new Error('the database has no rule pack: seed it first');
  return row;
}

export async function listPrograms(db: Queryable): Promise<Program[]> {
  const rows = await db.query<{ body: Program }>('SELECT body FROM programs ORDER BY ord');
  return rows.map((r) => r.body);
}

export async function getProgram(db: Queryable, id: string): Promise<Program | null> {
  const [row] = await db.query<{ body: Program }>('SELECT body FROM programs WHERE id = $1', [id]);
  return row?.body ?? null;
}

/** Rules of a program (or all), in rule-pack order. */
export async function listRules(db: Queryable, program?: string): Promise<Rule[]> {
  const rows =
    program === undefined
      ? await db.query<{ body: Rule }>('SELECT body FROM rules ORDER BY ord')
      : await db.query<{ body: Rule }>('SELECT body FROM rules WHERE program = $1 ORDER BY ord', [
          program,
        ]);
  return rows.map((r) => r.body);
}

/**
 * The rule pack trimmed to what plans of `programId` need (all programs when null): the
 * program(s), their rules and the program-less dual-certificate rules, every certificate, the
 * courses the programs and rules name and the institutions of all of them. It is a valid core
 * Ruleset on its own.
 */
export async function rulesetFor(db: Queryable, programId: string | null): Promise<Ruleset> {
  const head = await meta(db);
  const programs =
    programId === null
      ? await listPrograms(db)
      : await getProgram(db, programId).then((p) => (p ? [p] : []));
  if (programId !== null && programs.length === 0) {
    throw new RangeError(`unknown program "${programId}"`);
  }
  const rules = (
    await db.query<{ body: Rule }>(
      programId === null
        ? 'SELECT body FROM rules ORDER BY ord'
        : 'SELECT body FROM rules WHERE program = $1 OR program IS NULL ORDER BY ord',
      programId === null ? [] : [programId],
    )
  ).map((r) => r.body);
  const kinds = kindTable(undefined);
  const codes = new Set<string>(programs.flatMap((p) => p.courses));
  const institutionIds = new Set<string>(programs.map((p) => p.institution));
  for (const rule of rules) {
    for (const ref of kinds.get(rule.kind)?.references?.(rule as never) ?? []) {
      if (ref.type === 'course') codes.add(ref.code);
      if (ref.type === 'institution') institutionIds.add(ref.id);
    }
  }
  const params = new Params();
  const courseRows = await db.query<CourseDbRow>(
    `SELECT ${COURSE_COLUMNS} FROM courses
     WHERE code IN (SELECT jsonb_array_elements_text(${params.json([...codes])}))
     ORDER BY ord`,
    params.values,
  );
  for (const row of courseRows) institutionIds.add(row.institution);
  const institutions = await db.query<Institution & { ord: number }>(
    `SELECT id, name, kind, ord FROM institutions
     WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY ord`,
    [JSON.stringify([...institutionIds])],
  );
  const ruleset: Ruleset = {
    id: head.id,
    version: head.version,
    institutions: institutions.map(({ id, name, kind }) => ({ id, name, kind })),
    certificates: await allCertificates(db),
    courses: courseRows.map(toCourse),
    programs,
    rules,
  };
  if (head.fees) ruleset.fees = head.fees;
  if (head.points) ruleset.points = head.points;
  return ruleset;
}

/** The whole rule pack with every catalog course (tools and tests; large). */
export async function completeRuleset(db: Queryable): Promise<Ruleset> {
  const base = await rulesetFor(db, null);
  const courses = await db.query<CourseDbRow>(`SELECT ${COURSE_COLUMNS} FROM courses ORDER BY ord`);
  const institutions = await db.query<Institution>(
    'SELECT id, name, kind FROM institutions ORDER BY ord',
  );
  return { ...base, institutions, courses: courses.map(toCourse) };
}

/** What balances need of the rule pack: certificates and the points configuration. */
export async function balanceRuleset(db: Queryable): Promise<Ruleset> {
  const head = await meta(db);
  const ruleset: Ruleset = {
    id: head.id,
    version: head.version,
    institutions: [],
    certificates: await allCertificates(db),
    courses: [],
    programs: [],
    rules: [],
  };
  if (head.points) ruleset.points = head.points;
  return ruleset;
}

export async function courseTitles(
  db: Queryable,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ code: string; title: string }>(
    'SELECT code, title FROM courses WHERE code IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(codes)],
  );
  return new Map(rows.map((r) => [r.code, r.title]));
}

export interface CertificateFilter {
  q?: string | undefined;
  category?: string | undefined;
  level?: string | undefined;
  issuer?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listCertificates(
  db: Queryable,
  filter: CertificateFilter,
): Promise<CertificatePage> {
  const params = new Params();
  const where: string[] = [];
  if (filter.q) {
    const p = params.add(containsPattern(filter.q));
    where.push(`(name ILIKE ${p} ESCAPE '\\' OR id ILIKE ${p} ESCAPE '\\')`);
  }
  if (filter.category) where.push(`category = ${params.add(filter.category)}`);
  if (filter.level) where.push(`levels @> jsonb_build_array(${params.add(filter.level)}::text)`);
  if (filter.issuer) where.push(`issuer = ${params.add(filter.issuer)}`);
  const totalRows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM certificates ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params.values,
  );
  if (filter.cursor !== undefined) {
    const [after] = decodeCursor(filter.cursor, 'certificates', ['number']);
    where.push(`ord > ${params.add(after as number)}::int`);
  }
  const rows = await db.query<CertificateDbRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ord LIMIT ${params.add(filter.limit + 1)}::int`,
    params.values,
  );
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toCertificate),
    nextCursor:
      rows.length > filter.limit && last ? encodeCursor('certificates', [last.ord]) : null,
    total: totalRows[0]?.n ?? 0,
  };
}

export const FEE_BUCKETS = ['0-0', '1-200', '201-500', '501-'] as const;
export type FeeBucket = (typeof FEE_BUCKETS)[number];

const FEE_CONDITION: Record<FeeBucket, string> = {
  '0-0': 'fee = 0',
  '1-200': 'fee > 0 AND fee <= 200',
  '201-500': 'fee > 200 AND fee <= 500',
  '501-': 'fee > 500',
};

const FEE_BUCKET_SQL = `CASE WHEN fee = 0 THEN '0-0' WHEN fee <= 200 THEN '1-200'
  WHEN fee <= 500 THEN '201-500' ELSE '501-' END`;

export interface CourseFilter {
  q?: string | undefined;
  provider?: string | undefined;
  credits?: number | undefined;
  level?: number | undefined;
  mode?: string | undefined;
  fee?: FeeBucket | undefined;
  sort?: CourseSort | undefined;
  cursor?: string | undefined;
  limit: number;
}

type Facet = 'provider' | 'credits' | 'level' | 'mode' | 'fee';

/** WHERE conditions of a course search, leaving out one facet's own filter. */
function courseConditions(filter: CourseFilter, params: Params, omit?: Facet): string[] {
  const where: string[] = [];
  if (filter.q) where.push(`title ILIKE ${params.add(containsPattern(filter.q))} ESCAPE '\\'`);
  if (filter.provider !== undefined && omit !== 'provider')
    where.push(`provider = ${params.add(filter.provider)}`);
  if (filter.credits !== undefined && omit !== 'credits')
    where.push(`credits = ${params.add(filter.credits)}::float8`);
  if (filter.level !== undefined && omit !== 'level')
    where.push(`framework_level = ${params.add(filter.level)}::int`);
  if (filter.mode !== undefined && omit !== 'mode') where.push(`mode = ${params.add(filter.mode)}`);
  if (filter.fee !== undefined && omit !== 'fee') where.push(`(${FEE_CONDITION[filter.fee]})`);
  return where;
}

const whereSql = (conditions: string[]) =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

const FACETS: Record<Facet, { value: string; order: string; notNull?: string; label?: string }> = {
  provider: {
    value: 'provider',
    order: 'count DESC, value ASC',
    notNull: 'provider',
    label: 'max(provider_name)',
  },
  credits: { value: 'credits::text', order: 'min(credits) ASC' },
  level: {
    value: 'framework_level::text',
    order: 'min(framework_level) ASC',
    notNull: 'framework_level',
  },
  mode: { value: 'mode', order: 'count DESC, value ASC', notNull: 'mode' },
  fee: { value: FEE_BUCKET_SQL, order: 'min(fee) ASC' },
};

function sortKeys(sort: CourseSort, q: string | undefined, params: Params): KeysetKey[] {
  const code: KeysetKey = { expr: 'code', cast: 'text' };
  switch (sort) {
    case 'title':
      return [{ expr: '(title COLLATE "C")', cast: 'text' }, code];
    case 'credits-asc':
      return [{ expr: 'credits', cast: 'float8' }, code];
    case 'credits-desc':
      return [{ expr: 'credits', cast: 'float8', desc: true }, code];
    case 'fee-asc':
      return [{ expr: 'fee', cast: 'numeric' }, code];
    case 'fee-desc':
      return [{ expr: 'fee', cast: 'numeric', desc: true }, code];
    case 'relevance':
      if (q) {
        const p = params.add(q);
        // earlier match first, then shorter titles: the closer fit
        return [
          { expr: `strpos(lower(title), lower(${p}))`, cast: 'int' },
          { expr: 'char_length(title)', cast: 'int' },
          code,
        ];
      }
      return [{ expr: 'ord', cast: 'int' }];
  }
}

/** 课程超市 search: page of courses, total and facet counts (each facet ignores its own filter). */
export async function searchCourses(db: Queryable, filter: CourseFilter): Promise<CoursePage> {
  const sort = filter.sort ?? 'relevance';
  // a cursor belongs to one sort and one search text
  const cursorName = `courses:${sort}:${createHash('sha256')
    .update(filter.q ?? '')
    .digest('base64url')
    .slice(0, 12)}`;

  const pageParams = new Params();
  const keys = sortKeys(sort, filter.q, pageParams);
  const conditions = courseConditions(filter, pageParams);
  if (filter.cursor !== undefined) {
    const types = keys.map((k): 'string' | 'number' => (k.cast === 'text' ? 'string' : 'number'));
    const after = decodeCursor(filter.cursor, cursorName, types);
    conditions.push(keysetAfter(keys, after, pageParams));
  }
  const keyColumns = keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const rows = await db.query<CourseDbRow & Record<string, SqlValue>>(
    `SELECT ${COURSE_COLUMNS}, ${keyColumns} FROM courses ${whereSql(conditions)}
     ORDER BY ${orderBy(keys)} LIMIT ${pageParams.add(filter.limit + 1)}::int`,
    pageParams.values,
  );

  const totalParams = new Params();
  const [total] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM courses ${whereSql(courseConditions(filter, totalParams))}`,
    totalParams.values,
  );

  const facets = {} as Record<Facet, FacetBucket[]>;
  for (const facet of Object.keys(FACETS) as Facet[]) {
    const spec = FACETS[facet];
    const params = new Params();
    const where = courseConditions(filter, params, facet);
    if (spec.notNull) where.push(`${spec.notNull} IS NOT NULL`);
    const buckets = await db.query<{ value: string; count: number; label: string | null }>(
      `SELECT ${spec.value} AS value, count(*)::int AS count, ${spec.label ?? 'NULL'} AS label
       FROM courses ${whereSql(where)} GROUP BY 1 ORDER BY ${spec.order}`,
      params.values,
    );
    facets[facet] = buckets.map(({ value, count, label }): FacetBucket =>
      label === null ? { value, count } : { value, count, label },
    );
  }

  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor(
          cursorName,
          keys.map((k, i) => {
            const value = last[`k${i}`];
            return k.cast === 'text' ? String(value) : Number(value);
          }),
        )
      : null;
  return { items: page.map(toCatalogCourse), nextCursor, total: total?.n ?? 0, facets };
}
