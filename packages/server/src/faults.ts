/**
 * The fault and latency switch (tests and demos only; refused in production mode): a rule
 * matching a request delays it by `delayMs`, then with probability `rate` (default 1) answers
 * `status` as a `fault_injected` problem. Rules live in the instance's memory: they shape this
 * process's answers and are no part of the data.
 */
import type { FaultRule } from '@creditbank/core/api';

interface ActiveRule {
  rule: FaultRule;
  method: string;
  path: RegExp;
  remaining: number;
}

export interface FaultDecision {
  delayMs: number;
  status: number | null;
}

/** `GET /v1/learners/*\/balance`: method (or `*`) and a path where `*` is one segment. */
function compile(route: string): { method: string; path: RegExp } {
  const trimmed = route.trim();
  const space = trimmed.indexOf(' ');
  const method = space === -1 ? '*' : trimmed.slice(0, space).toUpperCase();
  const path = space === -1 ? trimmed : trimmed.slice(space + 1).trim();
  const pattern = path
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return { method, path: new RegExp(`^${pattern}$`) };
}

export class FaultStore {
  private rules: ActiveRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  list(): FaultRule[] {
    return this.rules.map((r) =>
      r.rule.times === undefined ? r.rule : { ...r.rule, times: r.remaining },
    );
  }

  add(rule: FaultRule): void {
    const { method, path } = compile(rule.route);
    this.rules.push({ rule, method, path, remaining: rule.times ?? Infinity });
  }

  /** Removes the rules of a route, or all. */
  clear(route?: string): void {
    this.rules = route === undefined ? [] : this.rules.filter((r) => r.rule.route !== route);
  }

  /** What to do with a request: the first matching rule decides (and counts down `times`). */
  decide(method: string, path: string): FaultDecision | null {
    const match = this.rules.find(
      (r) => (r.method === '*' || r.method === method.toUpperCase()) && r.path.test(path),
    );
    if (!match) return null;
    match.remaining -= 1;
    if (match.remaining <= 0) this.rules = this.rules.filter((r) => r !== match);
    const fire =
      match.rule.status !== undefined && this.random() < (match.rule.rate ?? 1) ? true : false;
    return { delayMs: match.rule.delayMs ?? 0, status: fire ? (match.rule.status ?? null) : null };
  }
}
