/**
 * Schema migrations: plain PostgreSQL 15+ SQL, applied in order, each once, in one transaction
 * under an advisory lock (several instances may start at once against one PostgreSQL).
 *
 * The ledger is append-only: a trigger refuses UPDATE and DELETE on it. Which grants are still
 * active is modelled by `claims` (what a grant consumed: outcomes, and the courses it granted),
 * released by a reversal; a partial unique index over active claims is what lets exactly one of
 * two concurrent applies of the same outcome win.
 */
import type { Database, Queryable } from './database.js';

interface Migration {
  readonly id: string;
  readonly sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    id: '001_initial',
    sql: `
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('training-org', 'enterprise', 'course-platform'))
);

-- The rule pack (core Ruleset): meta, institutions, certificates, courses, programs, rules.
-- "ord" keeps the rule pack's own order.
CREATE TABLE ruleset_meta (
  id text PRIMARY KEY,
  version text NOT NULL,
  fees jsonb,
  points jsonb
);

CREATE TABLE institutions (
  id text PRIMARY KEY,
  ord int NOT NULL,
  name text NOT NULL,
  kind text NOT NULL
);

CREATE TABLE certificates (
  id text PRIMARY KEY,
  ord int NOT NULL UNIQUE,
  name text NOT NULL,
  category text NOT NULL,
  levels jsonb NOT NULL,
  issuer text,
  credit_value jsonb
);

-- Every catalog course; the course supermarket (课程超市) lists them all.
CREATE TABLE courses (
  code text PRIMARY KEY,
  ord int NOT NULL UNIQUE,
  institution text NOT NULL REFERENCES institutions (id),
  title text NOT NULL,
  credits float8 NOT NULL CHECK (credits >= 0 AND credits * 2 = floor(credits * 2)),
  framework_level int,
  provider text,
  provider_name text,
  mode text,
  tags jsonb,
  fee numeric(10, 2) NOT NULL DEFAULT 0 CHECK (fee >= 0)
);
CREATE INDEX courses_provider ON courses (provider);
CREATE INDEX courses_credits ON courses (credits, code);
CREATE INDEX courses_fee ON courses (fee, code);
CREATE INDEX courses_title ON courses ((title COLLATE "C"), code);

CREATE TABLE programs (
  id text PRIMARY KEY,
  ord int NOT NULL UNIQUE,
  institution text NOT NULL REFERENCES institutions (id),
  body jsonb NOT NULL
);

CREATE TABLE rules (
  id text PRIMARY KEY,
  ord int NOT NULL UNIQUE,
  program text REFERENCES programs (id),
  kind text NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX rules_program ON rules (program);

-- 终身学习账户 lifelong learning accounts, per tenant.
CREATE TABLE learners (
  tenant_id text NOT NULL REFERENCES tenants (id),
  id text NOT NULL,
  display_name text NOT NULL,
  external_ref text,
  opened_on text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- 档案 the learning archive: one row per outcome; "record" is the core outcome without its
-- status (the status column is authoritative).
CREATE TABLE outcomes (
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  id text NOT NULL,
  seq bigserial NOT NULL UNIQUE,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('verified', 'pending', 'revoked')),
  earned_on text NOT NULL,
  expires_on text,
  record jsonb NOT NULL,
  title text NOT NULL,
  issuer text,
  evidence jsonb NOT NULL DEFAULT '[]',
  certificate_id text,
  certificate_level text,
  certificate_number text,
  deposited_at timestamptz NOT NULL,
  verified_at timestamptz,
  revoked_at timestamptz,
  revoked_reason text,
  PRIMARY KEY (tenant_id, learner_id, id),
  FOREIGN KEY (tenant_id, learner_id) REFERENCES learners (tenant_id, id)
);
CREATE UNIQUE INDEX outcomes_certificate_number ON outcomes (certificate_number)
  WHERE certificate_number IS NOT NULL;
CREATE INDEX outcomes_certificate ON outcomes (tenant_id, certificate_id)
  WHERE certificate_id IS NOT NULL;

CREATE TABLE transfers (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  program_id text NOT NULL REFERENCES programs (id),
  as_of text NOT NULL,
  created_at timestamptz NOT NULL,
  grants jsonb NOT NULL,
  FOREIGN KEY (tenant_id, learner_id) REFERENCES learners (tenant_id, id)
);

-- The append-only ledger: every credit movement, never updated or deleted.
CREATE TABLE ledger (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  at timestamptz NOT NULL,
  type text NOT NULL CHECK (type IN ('grant', 'reversal')),
  transfer_id text NOT NULL REFERENCES transfers (id),
  program_id text NOT NULL,
  rule_id text NOT NULL,
  rule_kind text NOT NULL,
  outcomes jsonb NOT NULL,
  courses jsonb NOT NULL,
  credits float8 NOT NULL,
  reverses text REFERENCES ledger (id),
  CHECK ((type = 'grant' AND credits >= 0 AND reverses IS NULL)
      OR (type = 'reversal' AND credits <= 0 AND reverses IS NOT NULL)),
  FOREIGN KEY (tenant_id, learner_id) REFERENCES learners (tenant_id, id)
);
CREATE INDEX ledger_learner ON ledger (tenant_id, learner_id, seq);
-- a grant is reversed at most once
CREATE UNIQUE INDEX ledger_reverses ON ledger (reverses) WHERE reverses IS NOT NULL;

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- What an applied grant consumed (kind 'outcome') and granted (kind 'course'); released by the
-- reversal that cancels the grant. At most one active claim per learner, program and thing.
CREATE TABLE claims (
  ledger_id text NOT NULL REFERENCES ledger (id),
  tenant_id text NOT NULL,
  learner_id text NOT NULL,
  program_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('outcome', 'course')),
  ref text NOT NULL,
  released_by text REFERENCES ledger (id),
  PRIMARY KEY (ledger_id, kind, ref)
);
CREATE UNIQUE INDEX claims_active ON claims (tenant_id, learner_id, program_id, kind, ref)
  WHERE released_by IS NULL;

-- Idempotency keys of transfer applies: the first result is kept and replayed.
CREATE TABLE idempotency_keys (
  tenant_id text NOT NULL,
  key text NOT NULL,
  learner_id text NOT NULL,
  request_hash text NOT NULL,
  status int,
  response jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, key)
);
`,
  },
  {
    // level names for people (core Certificate.levelNames): { level: { "zh-CN", "en"? } }
    id: '002_certificate_level_names',
    sql: 'ALTER TABLE certificates ADD COLUMN level_names jsonb;',
  },
  {
    // public verification finds a number typed in lower case too
    id: '003_certificate_number_any_case',
    sql: `CREATE INDEX outcomes_certificate_number_upper ON outcomes (upper(certificate_number))
  WHERE certificate_number IS NOT NULL;`,
  },
  {
    // the English title of an archive entry whose title the archive built (none given)
    id: '004_outcome_title_en',
    sql: 'ALTER TABLE outcomes ADD COLUMN title_en text;',
  },
];

const LOCK_KEY = 7_204_202_611;

/** Applies the migrations a database has not had yet. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const done = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id),
    );
    const applied: string[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}

/**
 * Adds the trigram index for course-title search when `pg_trgm` can be had: PGlite ships it;
 * on PostgreSQL `CREATE EXTENSION` may be refused, and search then goes on without the index.
 */
export async function ensureTrigramIndex(db: Database): Promise<boolean> {
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    const rows = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
    if (rows.length === 0) return false;
  }
  await db.exec(
    'CREATE INDEX IF NOT EXISTS courses_title_trgm ON courses USING gin (title gin_trgm_ops)',
  );
  return true;
}

/** A coordinated one-time action (seeding) under the same lock as migrations. */
export async function withSetupLock<T>(
  db: Database,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    return fn(tx);
  });
}
