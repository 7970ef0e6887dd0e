/**
 * Learner accounts (终身学习账户) and their archives (档案): reads, deposits, verification and
 * the staff listing with headline numbers from the core `balance`.
 */
import {
  balance,
  certifyAll,
  type Certificate,
  type Outcome,
  type Ruleset,
} from '@creditbank/core';
import type {
  ArchiveEntry,
  LearnerAccount,
  LearnerPage,
  LearnerSummary,
} from '@creditbank/core/api';
import type { Database, Queryable } from '../db/database.js';
import type { LearnerRow, OutcomeRow } from '../db/rows.js';
import { decodeCursor, encodeCursor } from '../http.js';
import { conflict, notFound } from '../problems.js';
import { containsPattern, iso, Params } from './sql.js';

const learnerColumns = (t = '') => `${t}tenant_id AS "tenantId", ${t}id AS id,
  ${t}display_name AS "displayName", ${t}external_ref AS "externalRef",
  ${t}opened_on AS "openedOn", ${iso(`${t}created_at`, 'createdAt')}`;

export function toAccount(row: LearnerRow): LearnerAccount {
  return {
    id: row.id,
    tenant: row.tenantId,
    displayName: row.displayName,
    openedOn: row.openedOn,
    externalRef: row.externalRef,
  };
}

export async function findLearner(
  db: Queryable,
  tenant: string,
  id: string,
): Promise<LearnerRow | null> {
  const [row] = await db.query<LearnerRow>(
    `SELECT ${learnerColumns()} FROM learners WHERE tenant_id = $1 AND id = $2`,
    [tenant, id],
  );
  return row ?? null;
}

export const OUTCOME_COLUMNS = `tenant_id AS "tenantId", learner_id AS "learnerId", id, kind, status,
  earned_on AS "earnedOn", expires_on AS "expiresOn", record, title,
  title_en AS "titleEn", issuer, evidence,
  certificate_id AS "certificateId", certificate_level AS "certificateLevel",
  certificate_number AS "certificateNumber", ${iso('deposited_at', 'depositedAt')},
  ${iso('verified_at', 'verifiedAt')}, ${iso('revoked_at', 'revokedAt')},
  revoked_reason AS "revokedReason"`;

/** The archive in earnedOn order (deposit order on equal days): the order plans see. */
export async function loadOutcomes(
  db: Queryable,
  tenant: string,
  learner: string,
): Promise<OutcomeRow[]> {
  return db.query<OutcomeRow>(
    `SELECT ${OUTCOME_COLUMNS} FROM outcomes WHERE tenant_id = $1 AND learner_id = $2
     ORDER BY earned_on, seq`,
    [tenant, learner],
  );
}

export async function findOutcome(
  db: Queryable,
  tenant: string,
  learner: string,
  id: string,
  lock = false,
): Promise<OutcomeRow | null> {
  const [row] = await db.query<OutcomeRow>(
    `SELECT ${OUTCOME_COLUMNS} FROM outcomes WHERE tenant_id = $1 AND learner_id = $2 AND id = $3
     ${lock ? 'FOR UPDATE' : ''}`,
    [tenant, learner, id],
  );
  return row ?? null;
}

/** 认证: a pending outcome becomes verified (a verified one stays as it is; revoked is 409). */
export async function verifyOutcome(
  db: Database,
  tenant: string,
  learner: string,
  id: string,
): Promise<OutcomeRow> {
  return db.transaction(async (tx) => {
    const current = await findOutcome(tx, tenant, learner, id, true);
    if (!current) throw notFound(`learner ${learner} has no outcome ${id}`);
    if (current.status === 'revoked') throw conflict(`outcome ${id} is revoked`);
    if (current.status === 'verified') return current;
    const [updated] = await tx.query<OutcomeRow>(
      `UPDATE outcomes SET status = 'verified', verified_at = $4::timestamptz
       WHERE tenant_id = $1 AND learner_id = $2 AND id = $3 RETURNING ${OUTCOME_COLUMNS}`,
      [tenant, learner, id, new Date().toISOString()],
    );
    return updated as OutcomeRow;
  });
}

/** What public verification reads of a certificate outcome. */
export interface CertificateHolding {
  number: string;
  holder: string;
  certificateId: string;
  level: string;
  status: OutcomeRow['status'];
  earnedOn: string;
  expiresOn: string | null;
}

/**
 * A certificate outcome by its number, in any letter case (`web-2025-000001` finds
 * `WEB-2025-000001`; an exact match first), with its holder's name (public verification).
 */
export async function findCertificateNumber(
  db: Queryable,
  number: string,
): Promise<CertificateHolding | null> {
  const [row] = await db.query<CertificateHolding>(
    `SELECT o.certificate_number AS number, l.display_name AS holder,
       o.certificate_id AS "certificateId", o.certificate_level AS level, o.status,
       o.earned_on AS "earnedOn", o.expires_on AS "expiresOn"
     FROM outcomes o JOIN learners l ON l.tenant_id = o.tenant_id AND l.id = o.learner_id
     WHERE upper(o.certificate_number) = upper($1)
     ORDER BY (o.certificate_number = $1) DESC
     LIMIT 1`,
    [number],
  );
  return row ?? null;
}

/** The core outcome of an archive row. */
export function coreOutcome(row: OutcomeRow): Outcome {
  return { ...row.record, status: row.status } as Outcome;
}

export function toArchiveEntry(row: OutcomeRow): ArchiveEntry {
  return {
    outcome: coreOutcome(row) as ArchiveEntry['outcome'],
    title: row.title,
    ...(row.titleEn === null ? {} : { titles: { 'zh-CN': row.title, en: row.titleEn } }),
    issuer: row.issuer,
    evidence: row.evidence,
    depositedAt: row.depositedAt,
    verifiedAt: row.verifiedAt,
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
  };
}

export interface LearnerFilter {
  q?: string | undefined;
  certificate?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Summaries of a tenant's learners, id order, with banked credits, points and certificates;
 * `certificate` keeps the holders of a usable one on `asOf` (as the summaries list them).
 */
export async function listLearners(
  db: Queryable,
  tenant: string,
  filter: LearnerFilter,
  ruleset: Ruleset,
  asOf: string,
): Promise<LearnerPage> {
  const params = new Params();
  const where = [`l.tenant_id = ${params.add(tenant)}`];
  if (filter.q) {
    const p = params.add(containsPattern(filter.q));
    where.push(
      `(l.display_name ILIKE ${p} ESCAPE '\\' OR l.id ILIKE ${p} ESCAPE '\\' OR l.external_ref ILIKE ${p} ESCAPE '\\')`,
    );
  }
  if (filter.certificate) {
    where.push(`EXISTS (SELECT 1 FROM outcomes o WHERE o.tenant_id = l.tenant_id
      AND o.learner_id = l.id AND o.certificate_id = ${params.add(filter.certificate)}
      AND o.status = 'verified' AND o.earned_on <= ${params.add(asOf)}
      AND (o.expires_on IS NULL OR o.expires_on >= ${params.add(asOf)}))`);
  }
  const [total] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM learners l WHERE ${where.join(' AND ')}`,
    params.values,
  );
  if (filter.cursor !== undefined) {
    const [after] = decodeCursor(filter.cursor, 'learners', ['string']);
    where.push(`(l.id COLLATE "C") > ${params.add(after as string)}`);
  }
  const rows = await db.query<LearnerRow>(
    `SELECT ${learnerColumns('l.')} FROM learners l WHERE ${where.join(' AND ')}
     ORDER BY (l.id COLLATE "C") LIMIT ${params.add(filter.limit + 1)}::int`,
    params.values,
  );
  const page = rows.slice(0, filter.limit);
  const outcomes = await db.query<OutcomeRow>(
    `SELECT ${OUTCOME_COLUMNS} FROM outcomes WHERE tenant_id = $1
     AND learner_id IN (SELECT jsonb_array_elements_text($2::jsonb))
     ORDER BY earned_on, seq`,
    [tenant, JSON.stringify(page.map((r) => r.id))],
  );
  const byLearner = new Map<string, OutcomeRow[]>();
  for (const o of outcomes) {
    const list = byLearner.get(o.learnerId) ?? [];
    list.push(o);
    byLearner.set(o.learnerId, list);
  }
  const certificates = new Map(ruleset.certificates.map((c) => [c.id, c]));
  const last = page[page.length - 1];
  return {
    items: page.map((row) =>
      summary(row, byLearner.get(row.id) ?? [], ruleset, certificates, asOf),
    ),
    nextCursor: rows.length > filter.limit && last ? encodeCursor('learners', [last.id]) : null,
    total: total?.n ?? 0,
  };
}

function summary(
  row: LearnerRow,
  outcomes: OutcomeRow[],
  ruleset: Ruleset,
  certificates: Map<string, Certificate>,
  asOf: string,
): LearnerSummary {
  const core = outcomes.map(coreOutcome);
  const result = balance(ruleset, { id: row.id, outcomes: core }, asOf);
  // Certificates held (usable on asOf), each at its highest level.
  const usable = new Set(certifyAll(core, asOf).usable.map((o) => o.id));
  const best = new Map<string, string>();
  for (const o of outcomes) {
    if (!usable.has(o.id) || !o.certificateId || !o.certificateLevel) continue;
    const levels = certificates.get(o.certificateId)?.levels ?? [];
    const current = best.get(o.certificateId);
    if (current === undefined || levels.indexOf(o.certificateLevel) > levels.indexOf(current)) {
      best.set(o.certificateId, o.certificateLevel);
    }
  }
  return {
    ...toAccount(row),
    bankedCredits: result.credits.total,
    points: result.points.total,
    tier: result.points.tier,
    certificates: [...best].map(([id, level]) => {
      const certificate = certificates.get(id);
      const levelName = certificate?.levelNames?.[level];
      return { id, name: certificate?.name ?? id, level, ...(levelName ? { levelName } : {}) };
    }),
  };
}
