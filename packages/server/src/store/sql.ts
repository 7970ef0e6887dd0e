/** Small SQL helpers shared by the stores. */
import type { SqlValue } from '../db/database.js';

/** A timestamptz column as ISO 8601 text in UTC (the same from PGlite and node-postgres). */
export const iso = (column: string, alias: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${alias}"`;

/** Collects parameters and hands out their `$n` placeholders. */
export class Params {
  readonly values: SqlValue[] = [];

  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A JSON value, cast to jsonb. */
  json(value: unknown): string {
    return `${this.add(JSON.stringify(value))}::jsonb`;
  }
}

/** `%text%` for ILIKE with `\`, `%` and `_` taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface KeysetKey {
  /** SQL expression of the key */
  expr: string;
  desc?: boolean;
  /** cast of the cursor value (`float8`, `numeric`, `text`, `int`) */
  cast: string;
}

/** The WHERE condition of the rows after `values` in the order `keys` define. */
export function keysetAfter(
  keys: readonly KeysetKey[],
  values: readonly SqlValue[],
  params: Params,
): string {
  const placeholders = values.map((v, i) => `${params.add(v)}::${keys[i]?.cast ?? 'text'}`);
  const alternatives = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => `${k.expr} = ${placeholders[j]}`);
    const step = `${key.expr} ${key.desc ? '<' : '>'} ${placeholders[i]}`;
    return `(${[...equal, step].join(' AND ')})`;
  });
  return `(${alternatives.join(' OR ')})`;
}

/** ORDER BY of the keys. */
export function orderBy(keys: readonly KeysetKey[]): string {
  return keys.map((k) => `${k.expr} ${k.desc ? 'DESC' : 'ASC'}`).join(', ');
}
