/** Scenario files (spec §7): evaluate a plan or balance query in one call. */
import { balance } from './balance.js';
import { plan } from './plan.js';
import type { EngineOptions } from './registry.js';
import type { BalanceResult, PlanResult } from './schemas.js';
import { validateScenario, type ValidationIssue } from './validate.js';

export type ScenarioResult = PlanResult | BalanceResult;

export type Evaluation =
  | { readonly ok: true; readonly result: ScenarioResult }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/** Validates a scenario and, when it is sound, answers its query; never evaluates half-way. */
export function evaluateScenario(input: unknown, options: EngineOptions = {}): Evaluation {
  const checked = validateScenario(input, options);
  if (!checked.ok) return checked;
  const { asOf, ruleset, learner, query } = checked.value;
  const result =
    query.kind === 'plan'
      ? plan(ruleset, learner, query.program, asOf, options)
      : balance(ruleset, learner, asOf);
  return { ok: true, result };
}
