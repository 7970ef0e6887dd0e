/**
 * @creditbank/server — the reference credit-bank (学分银行) API: accounts, archive, ledger,
 * catalog, rules, transfer preview and apply, certificate verification; embedded PGlite by
 * default, PostgreSQL by `DATABASE_URL`. See API.md and README.md.
 */
export { startServer, prepareDatabase, DEV_CORS_ORIGINS } from './server.js';
export {
  openDatabase,
  type Database,
  type DatabaseOptions,
  type Queryable,
} from './db/database.js';
export { migrate } from './db/migrations.js';
export { buildSeed, writeSeed, DEFAULT_SEED } from './seed/index.js';
export { TENANTS, FIXTURES, SEED_DATE } from './seed/learners.js';
export { completeRuleset } from './store/catalog.js';
export { openApiDocument } from './openapi.js';
export { TokenService } from './auth.js';
export type { StartOptions, RunningServer } from './server.js';
export type { Seed, SeedOptions } from './seed/index.js';
export type { Claims } from './auth.js';
export type { Mode } from './context.js';
