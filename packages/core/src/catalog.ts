/**
 * Lookup tables of a ruleset, built once per ruleset object and kept while it lives (a
 * widget or server evaluates the same pack many times). Rulesets are treated as immutable.
 */
import type { Certificate, Course, Program, Rule, Ruleset } from './schemas.js';

export interface Catalog {
  readonly courses: ReadonlyMap<string, Course>;
  readonly certificates: ReadonlyMap<string, Certificate>;
  readonly programs: ReadonlyMap<string, Program>;
  readonly rules: ReadonlyMap<string, Rule>;
  /** position of each rule in the pack */
  readonly ruleOrder: ReadonlyMap<string, number>;
  /** the rules of each program, in pack order; key '' holds the rules of no program */
  readonly rulesByProgram: ReadonlyMap<string, readonly Rule[]>;
}

const cache = new WeakMap<Ruleset, Catalog>();

export function catalogOf(ruleset: Ruleset): Catalog {
  let catalog = cache.get(ruleset);
  if (catalog) return catalog;
  const rulesByProgram = new Map<string, Rule[]>();
  for (const rule of ruleset.rules) {
    const key = rule.program ?? '';
    const list = rulesByProgram.get(key);
    if (list) list.push(rule);
    else rulesByProgram.set(key, [rule]);
  }
  catalog = {
    courses: new Map(ruleset.courses.map((c) => [c.code, c])),
    certificates: new Map(ruleset.certificates.map((c) => [c.id, c])),
    programs: new Map(ruleset.programs.map((p) => [p.id, p])),
    rules: new Map(ruleset.rules.map((r) => [r.id, r])),
    ruleOrder: new Map(ruleset.rules.map((r, i) => [r.id, i])),
    rulesByProgram,
  };
  cache.set(ruleset, catalog);
  return catalog;
}
