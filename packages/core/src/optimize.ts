/**
 * The exact choice of grants (spec §5 step 3).
 *
 * Method: branch and bound over the subset-enumeration tree of candidates, with an optimistic
 * bound per node made of (a) the largest subset sum of the remaining compatible course grants
 * that fits the transfer room (a bitset DP over half-credit capacity), capped by the credits
 * of the distinct courses still free, plus the elective room; (b) the fewest further grants
 * needed to reach a target, as a lower bound on outcomes consumed; (c) the positive
 * priorities left. It runs in three phases, each exact:
 *   A. the best value key (credits, then fewer outcomes, then higher priority);
 *   B. the lexicographically smallest sorted list of rule ids reaching that key, built one
 *      rule at a time, each step asking the bounded search "can a set with this prefix still
 *      reach the key?" (a witness set lets most steps skip straight to the next rule);
 *   C. with that list fixed, the grant for each rule in rule-id order with the lowest
 *      outcome positions that can still reach the key.
 * Each question is answered by the same search with different pruning targets, so many
 * equal-credit optima cost no more than one.
 */
import { compareIds, compareLists } from './numbers.js';

/** A candidate grant as the optimiser sees it: indexes only. */
export interface OptCandidate {
  /** rank of the rule id in code-point order (equal ids share a rank) */
  readonly rank: number;
  /** indexes into the learner's outcomes, ascending: also their positions */
  readonly outcomes: readonly number[];
  /** indexes of the program courses it grants; empty for elective credits */
  readonly courses: readonly number[];
  /** -1 when the rule has no group */
  readonly group: number;
  readonly priority: number;
  /** course grants: their credits; electives: the most they can grant, in halves */
  readonly halves: number;
  readonly elective: boolean;
}

export interface OptProblem {
  readonly candidates: readonly OptCandidate[];
  /** transfer room left after applied grants, in halves (Infinity: no cap) */
  readonly roomTransfer: number;
  /** non-formal elective room left after applied grants, in halves (Infinity: no cap) */
  readonly roomNonformal: number;
  readonly outcomeCount: number;
  readonly courseCount: number;
  readonly groupCount: number;
}

/** Value of a set: more credits, then fewer outcomes, then higher priority. */
interface Key {
  c: number;
  o: number;
  p: number;
}

function compareKeys(a: Key, b: Key): number {
  if (a.c !== b.c) return a.c > b.c ? 1 : -1;
  if (a.o !== b.o) return a.o < b.o ? 1 : -1;
  if (a.p !== b.p) return a.p > b.p ? 1 : -1;
  return 0;
}

export interface OptSolution {
  /** indexes into `candidates` */
  readonly chosen: readonly number[];
  /** credits granted to each chosen candidate, in halves (electives may be cut) */
  readonly halves: ReadonlyMap<number, number>;
}

/** Rank constraint of phases B and C: the set's sorted rank list must start with `prefix`. */
interface Constraint {
  /** required count per rank */
  need: Map<number, number>;
  /** highest rank in the prefix (-1 none) */
  last: number;
  /** when true the list must equal the prefix exactly */
  exact: boolean;
  /** candidates that must be in the set */
  forced: readonly number[];
}

const NO_CONSTRAINT: Constraint = { need: new Map(), last: -1, exact: false, forced: [] };

class Search {
  private readonly cands: readonly OptCandidate[];
  private readonly usedOutcome: Uint8Array;
  private readonly usedCourse: Uint8Array;
  private readonly usedGroup: Uint8Array;
  private readonly courseMark: Uint32Array;
  private readonly outcomeMark: Uint32Array;
  private readonly outcomeBest: Int32Array;
  private readonly groupMark: Uint32Array;
  private readonly groupBest: Int32Array;
  private markEpoch = 0;
  private readonly courseHalves: Int32Array;
  /** candidates sorted by halves descending: the search order */
  private readonly byHalves: number[];
  /** the search order of the current run: required ranks first, then by halves descending */
  private order: number[];
  private chosen: number[] = [];
  /** candidates in every optimal set (see `chooseGrants`): taken before the search */
  always: readonly number[] = [];
  private countByRank = new Map<number, number>();

  constructor(
    private readonly problem: OptProblem,
    courseHalves: readonly number[],
  ) {
    this.cands = problem.candidates;
    this.usedOutcome = new Uint8Array(problem.outcomeCount);
    this.usedCourse = new Uint8Array(problem.courseCount);
    this.usedGroup = new Uint8Array(problem.groupCount);
    this.courseMark = new Uint32Array(problem.courseCount);
    this.outcomeMark = new Uint32Array(problem.outcomeCount);
    this.outcomeBest = new Int32Array(problem.outcomeCount);
    this.groupMark = new Uint32Array(problem.groupCount);
    this.groupBest = new Int32Array(problem.groupCount);
    this.courseHalves = Int32Array.from(courseHalves);
    this.byHalves = this.cands
      .map((_, i) => i)
      .sort(
        (a, b) =>
          (this.cands[b] as OptCandidate).halves - (this.cands[a] as OptCandidate).halves || a - b,
      );
    this.order = this.byHalves;
  }

  /** Credits of a set (spec §5 step 3), or -1 when it breaks a cap or cuts an elective to 0. */
  value(set: readonly number[], out?: Map<number, number>): number {
    const { roomTransfer, roomNonformal } = this.problem;
    let course = 0;
    const electives: number[] = [];
    for (const i of set) {
      const cand = this.cands[i] as OptCandidate;
      if (cand.elective) electives.push(i);
      else {
        course += cand.halves;
        out?.set(i, cand.halves);
      }
    }
    if (course > roomTransfer) return -1;
    let budget = Math.min(roomTransfer - course, roomNonformal);
    let total = course;
    electives.sort((a, b) => this.rankThenPositions(a, b));
    for (const i of electives) {
      const give = Math.min((this.cands[i] as OptCandidate).halves, budget);
      if (give <= 0) return -1;
      out?.set(i, give);
      budget -= give;
      total += give;
    }
    return total;
  }

  rankThenPositions(a: number, b: number): number {
    const x = this.cands[a] as OptCandidate;
    const y = this.cands[b] as OptCandidate;
    return x.rank - y.rank || compareLists(x.outcomes, y.outcomes, (p, q) => p - q) || a - b;
  }

  private keyOf(set: readonly number[]): Key | null {
    const c = this.value(set);
    if (c < 0) return null;
    let o = 0;
    let p = 0;
    for (const i of set) {
      const cand = this.cands[i] as OptCandidate;
      o += cand.outcomes.length;
      p += cand.priority;
    }
    return { c, o, p };
  }

  private compatible(i: number): boolean {
    const cand = this.cands[i] as OptCandidate;
    if (cand.group >= 0 && this.usedGroup[cand.group]) return false;
    for (const o of cand.outcomes) if (this.usedOutcome[o]) return false;
    for (const c of cand.courses) if (this.usedCourse[c]) return false;
    return true;
  }

  private take(i: number, on: boolean): void {
    const cand = this.cands[i] as OptCandidate;
    const flag = on ? 1 : 0;
    if (cand.group >= 0) this.usedGroup[cand.group] = flag;
    for (const o of cand.outcomes) this.usedOutcome[o] = flag;
    for (const c of cand.courses) this.usedCourse[c] = flag;
    this.countByRank.set(cand.rank, (this.countByRank.get(cand.rank) ?? 0) + (on ? 1 : -1));
    if (on) this.chosen.push(i);
    else this.chosen.pop();
  }

  /** May candidate `i` join the set under the rank constraint? */
  private rankAllowed(i: number, k: Constraint): boolean {
    const rank = (this.cands[i] as OptCandidate).rank;
    const need = k.need.get(rank);
    if (need === undefined) return !k.exact && rank > k.last;
    const have = this.countByRank.get(rank) ?? 0;
    if (have < need) return true;
    return !k.exact && rank === k.last;
  }

  private satisfied(k: Constraint): boolean {
    for (const [rank, need] of k.need) if ((this.countByRank.get(rank) ?? 0) < need) return false;
    return true;
  }

  /**
   * Optimistic key of any set reachable from the current one by adding candidates at
   * positions >= `from` of the search order; `target` sharpens the outcome bound.
   */
  private bound(from: number, k: Constraint, target: Key | null): Key | null {
    const { roomTransfer, roomNonformal } = this.problem;
    let course = 0;
    let electiveMax = 0;
    let outcomes = 0;
    let priority = 0;
    for (const i of this.chosen) {
      const cand = this.cands[i] as OptCandidate;
      if (cand.elective) electiveMax += cand.halves;
      else course += cand.halves;
      outcomes += cand.outcomes.length;
      priority += cand.priority;
    }
    const room = roomTransfer - course;
    if (room < 0) return null;
    const epoch = ++this.markEpoch;
    let courseSum = 0;
    let distinct = 0;
    // Grants that share their first outcome, or their group, exclude each other: the best
    // of each such class bounds what the class can add.
    let byOutcome = 0;
    let byGroup = 0;
    let electiveRem = 0;
    let prioRem = 0;
    const weights: number[] = [];
    const remaining: number[] = [];
    const constrained = k.need.size > 0;
    const rankLeft = constrained ? new Map<number, number>() : null;
    for (let pos = from; pos < this.order.length; pos++) {
      const i = this.order[pos] as number;
      if (!this.compatible(i) || (constrained && !this.rankAllowed(i, k))) continue;
      if (!constrained && k.exact) continue;
      const cand = this.cands[i] as OptCandidate;
      if (cand.priority > 0) prioRem += cand.priority;
      if (rankLeft) rankLeft.set(cand.rank, (rankLeft.get(cand.rank) ?? 0) + 1);
      if (cand.elective) {
        electiveRem += cand.halves;
        remaining.push(cand.halves);
        continue;
      }
      if (cand.halves > room) continue;
      remaining.push(cand.halves);
      courseSum += cand.halves;
      weights.push(cand.halves);
      for (const c of cand.courses) {
        if (this.courseMark[c] !== epoch) {
          this.courseMark[c] = epoch;
          distinct += this.courseHalves[c] as number;
        }
      }
      const o = cand.outcomes[0] as number;
      if (this.outcomeMark[o] !== epoch) {
        this.outcomeMark[o] = epoch;
        this.outcomeBest[o] = cand.halves;
        byOutcome += cand.halves;
      } else if (cand.halves > (this.outcomeBest[o] as number)) {
        byOutcome += cand.halves - (this.outcomeBest[o] as number);
        this.outcomeBest[o] = cand.halves;
      }
      const g = cand.group;
      if (g < 0) byGroup += cand.halves;
      else if (this.groupMark[g] !== epoch) {
        this.groupMark[g] = epoch;
        this.groupBest[g] = cand.halves;
        byGroup += cand.halves;
      } else if (cand.halves > (this.groupBest[g] as number)) {
        byGroup += cand.halves - (this.groupBest[g] as number);
        this.groupBest[g] = cand.halves;
      }
    }
    if (rankLeft) {
      for (const [rank, need] of k.need) {
        if ((this.countByRank.get(rank) ?? 0) + (rankLeft.get(rank) ?? 0) < need) return null;
      }
    }
    const limit = Math.min(distinct, byOutcome, byGroup);
    let extra = Math.min(courseSum, limit);
    if (extra > room) extra = Math.min(subsetSumMax(weights, room), limit);
    const c =
      course +
      extra +
      Math.max(0, Math.min(electiveMax + electiveRem, room - extra, roomNonformal));
    let o = outcomes;
    if (target !== null && c >= target.c) {
      const current = course + Math.max(0, Math.min(electiveMax, room, roomNonformal));
      let need = target.c - current;
      // the fewest grants that could close the gap: the largest first (the search order is
      // not by halves when a rank prefix is required)
      if (need > 0 && constrained) remaining.sort((a, b) => b - a);
      for (let j = 0; need > 0 && j < remaining.length; j++) {
        need -= remaining[j] as number;
        o += 1;
      }
    }
    return { c, o, p: priority + prioRem };
  }

  /**
   * Depth-first search from the current set. `target` and `strict`: prune nodes whose bound
   * cannot beat (strict) or reach (not strict) the target. Returns the best set found that
   * beats/reaches the target, with its key, or null.
   */
  run(
    k: Constraint,
    target: Key | null,
    strict: boolean,
    stopAtFirst: boolean,
  ): { set: number[]; key: Key } | null {
    let best: { set: number[]; key: Key } | null = null;
    let bar = target;
    const forcedSet = new Set([...this.always, ...k.forced]);
    for (const i of forcedSet) {
      if (!this.compatible(i) || !this.rankAllowed(i, k)) {
        this.reset();
        return null;
      }
      this.take(i, true);
    }
    const required = (i: number) => k.need.has((this.cands[i] as OptCandidate).rank);
    this.order =
      k.need.size === 0
        ? this.byHalves
        : [...this.byHalves.filter(required), ...this.byHalves.filter((i) => !required(i))];
    const visit = (from: number): boolean => {
      if (this.satisfied(k)) {
        const key = this.keyOf(this.chosen);
        if (key !== null) {
          const cmp = bar === null ? 1 : compareKeys(key, bar);
          if (cmp > 0 || (cmp === 0 && !strict && best === null)) {
            best = { set: [...this.chosen], key };
            if (stopAtFirst) return true;
            bar = key;
            strict = true;
          }
        }
      }
      const ub = this.bound(from, k, bar);
      if (ub === null) return false;
      if (bar !== null) {
        const cmp = compareKeys(ub, bar);
        if (cmp < 0 || (cmp === 0 && strict)) return false;
      }
      for (let pos = from; pos < this.order.length; pos++) {
        const i = this.order[pos] as number;
        if (forcedSet.has(i) || !this.compatible(i) || !this.rankAllowed(i, k)) continue;
        this.take(i, true);
        const done = visit(pos + 1);
        this.take(i, false);
        if (done) return true;
      }
      return false;
    };
    visit(0);
    this.reset();
    return best;
  }

  private reset(): void {
    this.usedOutcome.fill(0);
    this.usedCourse.fill(0);
    this.usedGroup.fill(0);
    this.chosen = [];
    this.countByRank = new Map();
  }
}

/** The largest subset sum of `weights` that is <= `cap` (bitset DP over half credits). */
function subsetSumMax(weights: readonly number[], cap: number): number {
  if (cap <= 0) return 0;
  const mask = (1n << BigInt(cap + 1)) - 1n;
  let reach = 1n;
  for (const w of weights) {
    if (w === 0) continue;
    reach = (reach | (reach << BigInt(w))) & mask;
  }
  return reach.toString(2).length - 1;
}

/** Chooses the grants of a plan: the exact optimum with the spec's tie-breaks. */
export function chooseGrants(problem: OptProblem, courseHalves: readonly number[]): OptSolution {
  const search = new Search(problem, courseHalves);
  const n = problem.candidates.length;
  if (n === 0) return { chosen: [], halves: new Map() };
  search.always = alwaysChosen(problem);

  // Phase A: the best key.
  const found = search.run(NO_CONSTRAINT, null, true, false);
  if (found === null || found.set.length === 0) return { chosen: [], halves: new Map() };
  const goal = found.key;

  // Phase B: the smallest sorted list of rule ranks that reaches the goal.
  const byRank = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const rank = (problem.candidates[i] as OptCandidate).rank;
    const list = byRank.get(rank);
    if (list) list.push(i);
    else byRank.set(rank, [i]);
  }
  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  const rankList = (set: readonly number[]): number[] =>
    set.map((i) => (problem.candidates[i] as OptCandidate).rank).sort((a, b) => a - b);
  const constraint = (
    prefix: readonly number[],
    exact: boolean,
    forced: readonly number[] = [],
  ): Constraint => {
    const need = new Map<number, number>();
    for (const r of prefix) need.set(r, (need.get(r) ?? 0) + 1);
    return {
      need,
      last: prefix.length ? (prefix[prefix.length - 1] as number) : -1,
      exact,
      forced,
    };
  };
  const reach = (k: Constraint) => search.run(k, goal, false, true);

  const prefix: number[] = [];
  let witness = rankList(found.set);
  for (;;) {
    if (witness.length === prefix.length) break; // the witness is the prefix itself
    if (reach(constraint(prefix, true)) !== null) break;
    // The witness proves its next rank reachable; a smaller rank must be proved.
    let next = witness[prefix.length] as number;
    const last = prefix.length ? (prefix[prefix.length - 1] as number) : -1;
    for (const r of ranks) {
      if (r < last) continue;
      if (r >= next) break;
      const hit = reach(constraint([...prefix, r], false));
      if (hit !== null) {
        next = r;
        witness = rankList(hit.set);
        break;
      }
    }
    prefix.push(next);
  }

  // Phase C: for each grant in rule-id order, the lowest positions that still reach the goal.
  const forced: number[] = [];
  for (const rank of prefix) {
    const options = (byRank.get(rank) ?? []).slice().sort((a, b) => search.rankThenPositions(a, b));
    for (const i of options) {
      if (forced.includes(i)) continue;
      if (reach(constraint(prefix, true, [...forced, i])) !== null) {
        forced.push(i);
        break;
      }
    }
  }
  const chosen = forced.sort((a, b) => search.rankThenPositions(a, b));
  const halves = new Map<number, number>();
  search.value(chosen, halves);
  return { chosen, halves };
}

/**
 * Candidates every optimal set contains: when no cap can bind (all candidates together fit),
 * a grant of positive credits that shares no outcome, course or group with any other
 * candidate only adds credits, so leaving it out is never optimal.
 */
function alwaysChosen(problem: OptProblem): number[] {
  let course = 0;
  let elective = 0;
  for (const c of problem.candidates) {
    if (c.elective) elective += c.halves;
    else course += c.halves;
  }
  if (course > problem.roomTransfer) return [];
  if (elective > Math.min(problem.roomTransfer - course, problem.roomNonformal)) return [];
  const uses = new Map<string, number>();
  const keys = (c: OptCandidate) => [
    ...c.outcomes.map((o) => `o${o}`),
    ...c.courses.map((x) => `c${x}`),
    ...(c.group >= 0 ? [`g${c.group}`] : []),
  ];
  for (const c of problem.candidates) for (const k of keys(c)) uses.set(k, (uses.get(k) ?? 0) + 1);
  const out: number[] = [];
  problem.candidates.forEach((c, i) => {
    if (c.halves > 0 && keys(c).every((k) => uses.get(k) === 1)) out.push(i);
  });
  return out;
}

/** Sorts rule ids by Unicode code point and gives each a rank (equal ids, equal ranks). */
export function rankIds(ids: readonly string[]): Map<string, number> {
  const sorted = [...new Set(ids)].sort(compareIds);
  return new Map(sorted.map((id, rank) => [id, rank]));
}
