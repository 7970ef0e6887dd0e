/**
 * Rows of the tables the server writes, how they are built, and one bulk INSERT for all of them
 * (`json_to_recordset`: a batch of rows is one parameter). Seeding and the API write through the
 * same builders and the same INSERT, so a seeded transfer and an applied one look alike.
 */
import type { AppliedGrant, DisplayName, Grant, Outcome } from '@creditbank/core';
import type { Evidence } from '@creditbank/core/api';
import type { Queryable } from './database.js';

export interface TenantRow {
  id: string;
  name: string;
  kind: 'training-org' | 'enterprise' | 'course-platform';
}

export interface LearnerRow {
  tenantId: string;
  id: string;
  displayName: string;
  externalRef: string | null;
  openedOn: string;
  createdAt: string;
}

export interface OutcomeRow {
  tenantId: string;
  learnerId: string;
  id: string;
  kind: string;
  status: 'verified' | 'pending' | 'revoked';
  earnedOn: string;
  expiresOn: string | null;
  /** the core outcome without `status` */
  record: Record<string, unknown>;
  title: string;
  /** the English title, when the archive built the title (the depositor gave none) */
  titleEn: string | null;
  issuer: string | null;
  evidence: Evidence[];
  certificateId: string | null;
  certificateLevel: string | null;
  certificateNumber: string | null;
  depositedAt: string;
  verifiedAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface TransferRow {
  id: string;
  tenantId: string;
  learnerId: string;
  programId: string;
  asOf: string;
  createdAt: string;
  grants: Grant[];
}

export interface LedgerRow {
  id: string;
  tenantId: string;
  learnerId: string;
  at: string;
  type: 'grant' | 'reversal';
  transferId: string;
  programId: string;
  ruleId: string;
  ruleKind: string;
  outcomes: string[];
  courses: string[];
  credits: number;
  reverses: string | null;
}

export interface ClaimRow {
  ledgerId: string;
  tenantId: string;
  learnerId: string;
  programId: string;
  kind: 'outcome' | 'course';
  ref: string;
  releasedBy: string | null;
}

export interface RulesetMetaRow {
  id: string;
  version: string;
  fees: unknown;
  points: unknown;
}

export interface InstitutionRow {
  id: string;
  ord: number;
  name: string;
  kind: string;
}

export interface CertificateRow {
  id: string;
  ord: number;
  name: string;
  category: string;
  levels: string[];
  issuer: string | null;
  creditValue: Record<string, number> | null;
  levelNames: Record<string, DisplayName> | null;
}

export interface CourseRow {
  code: string;
  ord: number;
  institution: string;
  title: string;
  credits: number;
  frameworkLevel: number | null;
  provider: string | null;
  providerName: string | null;
  mode: string | null;
  tags: string[] | null;
  fee: number;
}

export interface ProgramRow {
  id: string;
  ord: number;
  institution: string;
  body: unknown;
}

export interface RuleRow {
  id: string;
  ord: number;
  program: string | null;
  kind: string;
  body: unknown;
}

/** An archive row from a core outcome (status taken out of the record). */
export function outcomeRow(
  owner: { tenantId: string; learnerId: string },
  outcome: Outcome,
  archive: {
    title: string | DisplayName;
    issuer?: string | null | undefined;
    evidence?: Evidence[] | undefined;
    depositedAt: string;
    verifiedAt?: string | null;
    revokedAt?: string | null;
    revokedReason?: string | null;
  },
): OutcomeRow {
  const { status, ...record } = outcome;
  const certificate =
    outcome.kind === 'certificate'
      ? (outcome as { certificate: { id: string; level: string; number?: string } }).certificate
      : null;
  return {
    tenantId: owner.tenantId,
    learnerId: owner.learnerId,
    id: outcome.id,
    kind: outcome.kind,
    status,
    earnedOn: outcome.earnedOn,
    expiresOn: outcome.expiresOn ?? null,
    record,
    title: typeof archive.title === 'string' ? archive.title : archive.title['zh-CN'],
    titleEn: typeof archive.title === 'string' ? null : (archive.title.en ?? null),
    issuer: archive.issuer ?? null,
    evidence: archive.evidence ?? [],
    certificateId: certificate?.id ?? null,
    certificateLevel: certificate?.level ?? null,
    certificateNumber: certificate?.number ?? null,
    depositedAt: archive.depositedAt,
    verifiedAt: archive.verifiedAt ?? null,
    revokedAt: archive.revokedAt ?? null,
    revokedReason: archive.revokedReason ?? null,
  };
}

/** The rows one applied transfer writes: the transfer, a ledger grant per grant, its claims. */
export function transferRows(input: {
  transferId: string;
  tenantId: string;
  learnerId: string;
  programId: string;
  asOf: string;
  createdAt: string;
  grants: readonly Grant[];
  ledgerId: (index: number) => string;
}): { transfer: TransferRow; ledger: LedgerRow[]; claims: ClaimRow[] } {
  const grants = input.grants.map((g) => ({ ...g, applied: true }));
  const ledger: LedgerRow[] = grants.map((g, i) => ({
    id: input.ledgerId(i),
    tenantId: input.tenantId,
    learnerId: input.learnerId,
    at: input.createdAt,
    type: 'grant',
    transferId: input.transferId,
    programId: input.programId,
    ruleId: g.rule,
    ruleKind: g.kind,
    outcomes: [...g.outcomes],
    courses: [...g.courses],
    credits: g.credits,
    reverses: null,
  }));
  const claims: ClaimRow[] = ledger
    .flatMap((entry) => [
      ...entry.outcomes.map((ref) => claim(entry, 'outcome', ref)),
      ...entry.courses.map((ref) => claim(entry, 'course', ref)),
    ])
    // one order for every writer, so concurrent applies take index locks in the same order
    .sort((a, b) =>
      a.kind + a.ref < b.kind + b.ref ? -1 : a.kind + a.ref > b.kind + b.ref ? 1 : 0,
    );
  return {
    transfer: {
      id: input.transferId,
      tenantId: input.tenantId,
      learnerId: input.learnerId,
      programId: input.programId,
      asOf: input.asOf,
      createdAt: input.createdAt,
      grants,
    },
    ledger,
    claims,
  };
}

function claim(entry: LedgerRow, kind: 'outcome' | 'course', ref: string): ClaimRow {
  return {
    ledgerId: entry.id,
    tenantId: entry.tenantId,
    learnerId: entry.learnerId,
    programId: entry.programId,
    kind,
    ref,
    releasedBy: null,
  };
}

/** The ledger entry that cancels a grant. */
export function reversalRow(grant: LedgerRow, id: string, at: string): LedgerRow {
  return {
    ...grant,
    id,
    at,
    type: 'reversal',
    credits: grant.credits === 0 ? 0 : -grant.credits,
    reverses: grant.id,
  };
}

/** Grants still applied: grant entries no reversal cancels (spec §5 step 0). */
export function activeGrants(entries: readonly LedgerRow[]): AppliedGrant[] {
  const reversed = new Set(entries.filter((e) => e.type === 'reversal').map((e) => e.reverses));
  return entries
    .filter((e) => e.type === 'grant' && !reversed.has(e.id))
    .map((e) => ({
      program: e.programId,
      rule: e.ruleId,
      outcomes: e.outcomes,
      courses: e.courses,
      credits: e.credits,
    }));
}

type ColumnType = 'text' | 'int' | 'float8' | 'numeric' | 'jsonb' | 'timestamptz';

interface TableSpec<Row> {
  table: string;
  columns: readonly (readonly [column: string, type: ColumnType, field: keyof Row])[];
}

const TABLES = {
  ruleset_meta: {
    table: 'ruleset_meta',
    columns: [
      ['id', 'text', 'id'],
      ['version', 'text', 'version'],
      ['fees', 'jsonb', 'fees'],
      ['points', 'jsonb', 'points'],
    ],
  } satisfies TableSpec<RulesetMetaRow>,
  institutions: {
    table: 'institutions',
    columns: [
      ['id', 'text', 'id'],
      ['ord', 'int', 'ord'],
      ['name', 'text', 'name'],
      ['kind', 'text', 'kind'],
    ],
  } satisfies TableSpec<InstitutionRow>,
  certificates: {
    table: 'certificates',
    columns: [
      ['id', 'text', 'id'],
      ['ord', 'int', 'ord'],
      ['name', 'text', 'name'],
      ['category', 'text', 'category'],
      ['levels', 'jsonb', 'levels'],
      ['issuer', 'text', 'issuer'],
      ['credit_value', 'jsonb', 'creditValue'],
      ['level_names', 'jsonb', 'levelNames'],
    ],
  } satisfies TableSpec<CertificateRow>,
  courses: {
    table: 'courses',
    columns: [
      ['code', 'text', 'code'],
      ['ord', 'int', 'ord'],
      ['institution', 'text', 'institution'],
      ['title', 'text', 'title'],
      ['credits', 'float8', 'credits'],
      ['framework_level', 'int', 'frameworkLevel'],
      ['provider', 'text', 'provider'],
      ['provider_name', 'text', 'providerName'],
      ['mode', 'text', 'mode'],
      ['tags', 'jsonb', 'tags'],
      ['fee', 'numeric', 'fee'],
    ],
  } satisfies TableSpec<CourseRow>,
  programs: {
    table: 'programs',
    columns: [
      ['id', 'text', 'id'],
      ['ord', 'int', 'ord'],
      ['institution', 'text', 'institution'],
      ['body', 'jsonb', 'body'],
    ],
  } satisfies TableSpec<ProgramRow>,
  rules: {
    table: 'rules',
    columns: [
      ['id', 'text', 'id'],
      ['ord', 'int', 'ord'],
      ['program', 'text', 'program'],
      ['kind', 'text', 'kind'],
      ['body', 'jsonb', 'body'],
    ],
  } satisfies TableSpec<RuleRow>,
  tenants: {
    table: 'tenants',
    columns: [
      ['id', 'text', 'id'],
      ['name', 'text', 'name'],
      ['kind', 'text', 'kind'],
    ],
  } satisfies TableSpec<TenantRow>,
  learners: {
    table: 'learners',
    columns: [
      ['tenant_id', 'text', 'tenantId'],
      ['id', 'text', 'id'],
      ['display_name', 'text', 'displayName'],
      ['external_ref', 'text', 'externalRef'],
      ['opened_on', 'text', 'openedOn'],
      ['created_at', 'timestamptz', 'createdAt'],
    ],
  } satisfies TableSpec<LearnerRow>,
  outcomes: {
    table: 'outcomes',
    columns: [
      ['tenant_id', 'text', 'tenantId'],
      ['learner_id', 'text', 'learnerId'],
      ['id', 'text', 'id'],
      ['kind', 'text', 'kind'],
      ['status', 'text', 'status'],
      ['earned_on', 'text', 'earnedOn'],
      ['expires_on', 'text', 'expiresOn'],
      ['record', 'jsonb', 'record'],
      ['title', 'text', 'title'],
      ['title_en', 'text', 'titleEn'],
      ['issuer', 'text', 'issuer'],
      ['evidence', 'jsonb', 'evidence'],
      ['certificate_id', 'text', 'certificateId'],
      ['certificate_level', 'text', 'certificateLevel'],
      ['certificate_number', 'text', 'certificateNumber'],
      ['deposited_at', 'timestamptz', 'depositedAt'],
      ['verified_at', 'timestamptz', 'verifiedAt'],
      ['revoked_at', 'timestamptz', 'revokedAt'],
      ['revoked_reason', 'text', 'revokedReason'],
    ],
  } satisfies TableSpec<OutcomeRow>,
  transfers: {
    table: 'transfers',
    columns: [
      ['id', 'text', 'id'],
      ['tenant_id', 'text', 'tenantId'],
      ['learner_id', 'text', 'learnerId'],
      ['program_id', 'text', 'programId'],
      ['as_of', 'text', 'asOf'],
      ['created_at', 'timestamptz', 'createdAt'],
      ['grants', 'jsonb', 'grants'],
    ],
  } satisfies TableSpec<TransferRow>,
  ledger: {
    table: 'ledger',
    columns: [
      ['id', 'text', 'id'],
      ['tenant_id', 'text', 'tenantId'],
      ['learner_id', 'text', 'learnerId'],
      ['at', 'timestamptz', 'at'],
      ['type', 'text', 'type'],
      ['transfer_id', 'text', 'transferId'],
      ['program_id', 'text', 'programId'],
      ['rule_id', 'text', 'ruleId'],
      ['rule_kind', 'text', 'ruleKind'],
      ['outcomes', 'jsonb', 'outcomes'],
      ['courses', 'jsonb', 'courses'],
      ['credits', 'float8', 'credits'],
      ['reverses', 'text', 'reverses'],
    ],
  } satisfies TableSpec<LedgerRow>,
  claims: {
    table: 'claims',
    columns: [
      ['ledger_id', 'text', 'ledgerId'],
      ['tenant_id', 'text', 'tenantId'],
      ['learner_id', 'text', 'learnerId'],
      ['program_id', 'text', 'programId'],
      ['kind', 'text', 'kind'],
      ['ref', 'text', 'ref'],
      ['released_by', 'text', 'releasedBy'],
    ],
  } satisfies TableSpec<ClaimRow>,
} as const;

export type RowTable = keyof typeof TABLES;
export interface RowOf {
  ruleset_meta: RulesetMetaRow;
  institutions: InstitutionRow;
  certificates: CertificateRow;
  courses: CourseRow;
  programs: ProgramRow;
  rules: RuleRow;
  tenants: TenantRow;
  learners: LearnerRow;
  outcomes: OutcomeRow;
  transfers: TransferRow;
  ledger: LedgerRow;
  claims: ClaimRow;
}

const BATCH = 2000;

/** Inserts rows in order, a batch per statement. */
export async function insertRows<T extends RowTable>(
  db: Queryable,
  table: T,
  rows: readonly RowOf[T][],
): Promise<void> {
  const spec = TABLES[table] as unknown as TableSpec<RowOf[T]>;
  const names = spec.columns.map(([column]) => column).join(', ');
  const types = spec.columns.map(([column, type]) => `${column} ${type}`).join(', ');
  const sql = `INSERT INTO ${spec.table} (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS x(${types})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [column, , field] of spec.columns) out[column] = row[field];
      return out;
    });
    await db.query(sql, [JSON.stringify(batch)]);
  }
}
