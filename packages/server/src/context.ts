/** What every route handler can reach: the database, tokens, mode, clock and catalog cache. */
import type { Certificate, Ruleset } from '@creditbank/core';
import type { TokenService } from './auth.js';
import type { Database } from './db/database.js';
import type { FaultStore } from './faults.js';
import { allCertificates, balanceRuleset, rulesetFor } from './store/catalog.js';

export type Mode = 'development' | 'demo' | 'production';

export interface ServerContext {
  readonly db: Database;
  readonly tokens: TokenService;
  readonly mode: Mode;
  /** `POST /v1/dev/token` answers (embedded PGlite or demo mode, never production) */
  readonly devTokens: boolean;
  /** the fault switch answers (never in production) */
  readonly faultsEnabled: boolean;
  readonly faults: FaultStore;
  readonly catalog: CatalogCache;
  readonly version: string;
  /** the default `asOf`: `YYYY-MM-DD` */
  today(): string;
}

/**
 * The rule pack as plans and balances need it, read once per server: the catalog has no write
 * API (it changes only by seeding an empty database, before the server answers).
 */
export class CatalogCache {
  private readonly rulesets = new Map<string, Promise<Ruleset | null>>();
  private balance: Promise<Ruleset> | null = null;
  private certs: Promise<Certificate[]> | null = null;

  constructor(private readonly db: Database) {}

  /** The trimmed rule pack of a program (`null`: of all programs); null when it is unknown. */
  ruleset(program: string | null): Promise<Ruleset | null> {
    const key = program ?? '\u0000all';
    let entry = this.rulesets.get(key);
    if (!entry) {
      entry = rulesetFor(this.db, program).catch((error: unknown) => {
        this.rulesets.delete(key);
        if (error instanceof RangeError) return null;
        throw error;
      });
      this.rulesets.set(key, entry);
    }
    return entry;
  }

  balanceRuleset(): Promise<Ruleset> {
    this.balance ??= balanceRuleset(this.db).catch((error: unknown) => {
      this.balance = null;
      throw error;
    });
    return this.balance;
  }

  certificates(): Promise<Certificate[]> {
    this.certs ??= allCertificates(this.db).catch((error: unknown) => {
      this.certs = null;
      throw error;
    });
    return this.certs;
  }
}
