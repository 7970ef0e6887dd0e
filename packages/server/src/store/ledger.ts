/**
 * The ledger side of transfers (转换): the core learner both preview and apply plan with (the
 * archive plus the grants still applied, spec §5 step 0), apply (one transaction; idempotent;
 * one winner per outcome, enforced by the database), revocation with reversing entries, and the
 * ledger listing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { plan, type Grant, type Learner, type Outcome, type Ruleset } from '@creditbank/core';
import type { LedgerEntry, LedgerPage, TransferResult } from '@creditbank/core/api';
import {
  sqlConstraint,
  sqlState,
  UNIQUE_VIOLATION,
  type Database,
  type Queryable,
} from '../db/database.js';
import {
  activeGrants,
  insertRows,
  reversalRow,
  transferRows,
  type LedgerRow,
  type OutcomeRow,
} from '../db/rows.js';
import { decodeCursor, encodeCursor } from '../http.js';
import { conflict, HttpProblem, notFound } from '../problems.js';
import { coreOutcome, findOutcome, loadOutcomes, OUTCOME_COLUMNS } from './accounts.js';
import { iso } from './sql.js';

const LEDGER_COLUMNS = `id, tenant_id AS "tenantId", learner_id AS "learnerId", ${iso('at', 'at')},
  type, transfer_id AS "transferId", program_id AS "programId", rule_id AS "ruleId",
  rule_kind AS "ruleKind", outcomes, courses, credits, reverses`;

export async function loadLedger(
  db: Queryable,
  tenant: string,
  learner: string,
): Promise<LedgerRow[]> {
  return db.query<LedgerRow>(
    `SELECT ${LEDGER_COLUMNS} FROM ledger WHERE tenant_id = $1 AND learner_id = $2 ORDER BY seq`,
    [tenant, learner],
  );
}

export function toLedgerEntry(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    learner: row.learnerId,
    at: row.at,
    type: row.type,
    transfer: row.transferId,
    program: row.programId,
    rule: row.ruleId,
    outcomes: row.outcomes,
    courses: row.courses,
    credits: row.credits,
    reverses: row.reverses,
  };
}

/** The core learner of a program: archive outcomes (plus what-ifs) and the grants still applied. */
export function coreLearner(
  id: string,
  outcomes: readonly OutcomeRow[],
  ledger: readonly LedgerRow[],
  program: string,
  whatIf: readonly Outcome[] = [],
): Learner {
  return {
    id,
    outcomes: [...outcomes.map(coreOutcome), ...whatIf],
    applied: activeGrants(ledger).filter((g) => g.program === program),
  };
}

export async function ledgerPage(
  db: Queryable,
  tenant: string,
  learner: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<LedgerPage> {
  const params: (string | number)[] = [tenant, learner];
  let after = '';
  if (page.cursor !== undefined) {
    const [seq] = decodeCursor(page.cursor, 'ledger', ['number']);
    params.push(seq as number);
    after = `AND seq < $${params.length}::bigint`;
  }
  params.push(page.limit + 1);
  const rows = await db.query<LedgerRow & { seq: number }>(
    `SELECT ${LEDGER_COLUMNS}, seq::float8 AS seq FROM ledger
     WHERE tenant_id = $1 AND learner_id = $2 ${after}
     ORDER BY seq DESC LIMIT $${params.length}::int`,
    params,
  );
  const [total] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM ledger WHERE tenant_id = $1 AND learner_id = $2',
    [tenant, learner],
  );
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toLedgerEntry),
    nextCursor: rows.length > page.limit && last ? encodeCursor('ledger', [last.seq]) : null,
    total: total?.n ?? 0,
  };
}

export interface ApplyInput {
  tenant: string;
  learner: string;
  program: string;
  asOf: string;
  /** the asOf the request named (null when it left it to the server): part of the request hash */
  requestedAsOf: string | null;
  key: string;
  ruleset: Ruleset;
}

export interface ApplyOutcome {
  status: 200 | 201;
  replayed: boolean;
  body: TransferResult;
}

class KeyTaken extends Error {}

function requestHash(input: ApplyInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.learner, input.program, input.requestedAsOf]))
    .digest('hex');
}

async function replay(
  db: Queryable,
  input: ApplyInput,
  hash: string,
): Promise<ApplyOutcome | null> {
  const [row] = await db.query<{ requestHash: string; response: TransferResult | null }>(
    `SELECT request_hash AS "requestHash", response FROM idempotency_keys
     WHERE tenant_id = $1 AND key = $2`,
    [input.tenant, input.key],
  );
  if (!row) return null;
  if (row.requestHash !== hash) {
    throw new HttpProblem(
      422,
      'idempotency_key_reused',
      'this Idempotency-Key was used for another request',
      [{ path: 'Idempotency-Key', message: 'already used with a different learner or body' }],
    );
  }
  if (!row.response) return null;
  return { status: 200, replayed: true, body: row.response };
}

/**
 * Applies the plan's new grants to the ledger in one transaction. The first result of a key is
 * kept and replayed; a concurrent apply that would consume the same outcome (or grant the same
 * course) fails on the `claims_active` unique index and answers 409 `outcome_consumed`.
 */
export async function applyTransfer(db: Database, input: ApplyInput): Promise<ApplyOutcome> {
  const hash = requestHash(input);
  const earlier = await replay(db, input, hash);
  if (earlier) return earlier;
  try {
    return await db.transaction(async (tx) => {
      const now = new Date().toISOString();
      try {
        await tx.query(
          `INSERT INTO idempotency_keys (tenant_id, key, learner_id, request_hash, created_at)
           VALUES ($1, $2, $3, $4, $5::timestamptz)`,
          [input.tenant, input.key, input.learner, hash, now],
        );
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) throw new KeyTaken();
        throw error;
      }
      const [outcomes, ledger] = await Promise.all([
        loadOutcomes(tx, input.tenant, input.learner),
        loadLedger(tx, input.tenant, input.learner),
      ]);
      const before = plan(
        input.ruleset,
        coreLearner(input.learner, outcomes, ledger, input.program),
        input.program,
        input.asOf,
      );
      const grants = before.grants.filter((g) => !g.applied);
      if (grants.length === 0) {
        throw conflict(`the plan for ${input.program} has no new grant to apply`);
      }
      await checkStillUsable(tx, input, grants);
      const transferId = `tr-${randomUUID()}`;
      const rows = transferRows({
        transferId,
        tenantId: input.tenant,
        learnerId: input.learner,
        programId: input.program,
        asOf: input.asOf,
        createdAt: now,
        grants,
        ledgerId: () => `le-${randomUUID()}`,
      });
      try {
        await insertRows(tx, 'transfers', [rows.transfer]);
        await insertRows(tx, 'ledger', rows.ledger);
        await insertRows(tx, 'claims', rows.claims);
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION && sqlConstraint(error) === 'claims_active') {
          throw new HttpProblem(
            409,
            'outcome_consumed',
            'an outcome of this plan was consumed (or a course granted) by another transfer',
          );
        }
        throw error;
      }
      const after = plan(
        input.ruleset,
        coreLearner(input.learner, outcomes, [...ledger, ...rows.ledger], input.program),
        input.program,
        input.asOf,
      );
      const body: TransferResult = {
        transfer: {
          id: transferId,
          learner: input.learner,
          program: input.program,
          createdAt: now,
          grants: rows.transfer.grants,
        },
        plan: after,
        ledger: rows.ledger.map(toLedgerEntry),
      };
      await tx.query(
        `UPDATE idempotency_keys SET status = 201, response = $3::jsonb
         WHERE tenant_id = $1 AND key = $2`,
        [input.tenant, input.key, JSON.stringify(body)],
      );
      return { status: 201 as const, replayed: false, body };
    });
  } catch (error) {
    if (error instanceof KeyTaken) {
      const first = await replay(db, input, hash);
      if (first) return first;
      throw conflict('a request with this Idempotency-Key is still being processed; retry');
    }
    throw error;
  }
}

/**
 * Locks the outcomes the grants consume (FOR SHARE) and checks they are still verified: a
 * revocation committed since they were read wins, and one that comes later waits for this
 * transfer and then reverses it.
 */
async function checkStillUsable(tx: Queryable, input: ApplyInput, grants: Grant[]): Promise<void> {
  const ids = [...new Set(grants.flatMap((g) => g.outcomes))].sort();
  const rows = await tx.query<{ id: string; status: string }>(
    `SELECT id, status FROM outcomes WHERE tenant_id = $1 AND learner_id = $2
     AND id IN (SELECT jsonb_array_elements_text($3::jsonb)) ORDER BY id FOR SHARE`,
    [input.tenant, input.learner, JSON.stringify(ids)],
  );
  const changed = ids.filter((id) => rows.find((r) => r.id === id)?.status !== 'verified');
  if (changed.length) {
    throw conflict(`outcome ${changed.join(', ')} changed while the transfer was computed; retry`);
  }
}

/**
 * Revokes an outcome; every applied grant that consumed it gets a reversing ledger entry and
 * releases its claims (the grant leaves `applied`).
 */
export async function revokeOutcome(
  db: Database,
  tenant: string,
  learner: string,
  outcomeId: string,
  reason: string,
): Promise<{ outcome: OutcomeRow; reversals: LedgerEntry[] }> {
  return db.transaction(async (tx) => {
    const row = await findOutcome(tx, tenant, learner, outcomeId, true);
    if (!row) throw notFound(`learner ${learner} has no outcome ${outcomeId}`);
    if (row.status === 'revoked') throw conflict(`outcome ${outcomeId} is already revoked`);
    const now = new Date().toISOString();
    const [updated] = await tx.query<OutcomeRow>(
      `UPDATE outcomes SET status = 'revoked', revoked_at = $4::timestamptz, revoked_reason = $5
       WHERE tenant_id = $1 AND learner_id = $2 AND id = $3 RETURNING ${OUTCOME_COLUMNS}`,
      [tenant, learner, outcomeId, now, reason],
    );
    const grants = await tx.query<LedgerRow>(
      `SELECT ${LEDGER_COLUMNS} FROM ledger WHERE id IN (
         SELECT ledger_id FROM claims WHERE tenant_id = $1 AND learner_id = $2
         AND kind = 'outcome' AND ref = $3 AND released_by IS NULL)
       ORDER BY seq`,
      [tenant, learner, outcomeId],
    );
    const reversals = grants.map((g) => reversalRow(g, `le-${randomUUID()}`, now));
    await insertRows(tx, 'ledger', reversals);
    for (const reversal of reversals) {
      await tx.query(
        'UPDATE claims SET released_by = $1 WHERE ledger_id = $2 AND released_by IS NULL',
        [reversal.id, reversal.reverses],
      );
    }
    return { outcome: updated as OutcomeRow, reversals: reversals.map(toLedgerEntry) };
  });
}
