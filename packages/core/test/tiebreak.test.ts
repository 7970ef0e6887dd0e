/** Spec §5 step 3: the choice of grants, its feasibility rules and its tie-breaks, one by one. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineRuleKind, RuleBase, type Rule, type RuleProposal } from '../src/index.js';
import {
  PROGRAM,
  certOutcome,
  courseOutcome,
  grantsOf,
  nfOutcome,
  pack,
  runPlan,
} from './helpers.js';

const sub = (id: string, certificate: string, courses: string[], more: object = {}): Rule => ({
  id,
  kind: 'substitution',
  program: PROGRAM,
  certificate,
  courses,
  ...more,
});
const rec = (id: string, to: string, more: object = {}): Rule => ({
  id,
  kind: 'recognition',
  program: PROGRAM,
  from: { institution: 'cqu', course: 'CQU-CS101' },
  to,
  ...more,
});
const cs = (id: string) => courseOutcome(id, 'cqu', 'CQU-CS101', 3, { score: 80 });
const chosen = (rules: Rule[], outcomes: Parameters<typeof runPlan>[1], program = {}) =>
  grantsOf(runPlan(pack(rules, program), outcomes)).map((g) => [g.rule, g.outcomes.join('+')]);

/**
 * A test kind whose rule lists its applications explicitly (outcome ids → one course), so
 * that any shape of competition can be set up.
 */
const BundleRule = z.extend(RuleBase, {
  kind: z.literal('bundle'),
  program: z.string(),
  options: z.array(z.object({ outcomes: z.array(z.string()), to: z.string() })),
});
type BundleRule = z.infer<typeof BundleRule>;
const bundle = defineRuleKind<BundleRule>({
  kind: 'bundle',
  schema: BundleRule,
  references: (rule) =>
    rule.options.map((o, i) => ({
      path: ['options', i, 'to'],
      type: 'course' as const,
      code: o.to,
      target: true,
    })),
  candidates(rule, ctx) {
    const out: RuleProposal[] = [];
    for (const option of rule.options) {
      const outcomes = option.outcomes.map((id) => ctx.usable.find((o) => o.id === id));
      if (outcomes.some((o) => o === undefined)) continue;
      out.push({ application: { outcomes: outcomes as never, courses: [option.to] } });
    }
    return out;
  },
});
const bundleRule = (id: string, options: BundleRule['options']): Rule =>
  ({ id, kind: 'bundle', program: PROGRAM, options }) as Rule;

describe('feasibility', () => {
  it('maximises credits, not the number of grants or greedy order', () => {
    // cap floor(0.3 × 30) = 9: WEB1+WEB2 (8) alone, or DB (4) + SAFE (2) + CS1 (3) = 9
    const result = runPlan(
      pack(
        [
          sub('a-big', '1x-web', ['OUC-WEB1', 'OUC-WEB2']),
          sub('b-db', '1x-bim', ['OUC-DB']),
          sub('c-safe', 'electrician', ['OUC-SAFE']),
          rec('d-cs', 'OUC-CS1'),
        ],
        { maxTransferShare: 0.3 },
      ),
      [
        certOutcome('w', '1x-web', 'senior'),
        certOutcome('b', '1x-bim', 'senior'),
        certOutcome('e', 'electrician', 'level-1'),
        cs('x'),
      ],
    );
    expect(result.transferredCredits).toBe(9);
    expect(result.grants.map((g) => g.rule)).toEqual(['b-db', 'c-safe', 'd-cs']);
  });

  it('at most one grant per group', () => {
    const result = runPlan(
      pack([
        sub('a', '1x-web', ['OUC-WEB1'], { group: 'g' }),
        sub('b', '1x-bim', ['OUC-DB', 'OUC-WEB2'], { group: 'g' }),
        sub('c', 'electrician', ['OUC-SAFE'], { group: 'h' }),
      ]),
      [
        certOutcome('w', '1x-web', 'senior'),
        certOutcome('b', '1x-bim', 'senior'),
        certOutcome('e', 'electrician', 'level-1'),
      ],
    );
    expect(result.grants.map((g) => g.rule)).toEqual(['b', 'c']);
  });

  it('course grants count whole; electives fill the room left, in rule-id order', () => {
    const rules: Rule[] = [
      sub('m', '1x-web', ['OUC-WEB1']),
      { id: 'n2', kind: 'nonformal', program: PROGRAM, category: 'training', hoursPerCredit: 10 },
      {
        id: 'n1',
        kind: 'nonformal',
        program: PROGRAM,
        category: 'work-experience',
        hoursPerCredit: 10,
      },
    ];
    // cap floor(0.25 × 30) = 7.5: WEB1 4, then n1 fills 3.5 of its 5, n2 would be cut to 0
    const result = runPlan(pack(rules, { maxTransferShare: 0.25 }), [
      certOutcome('w', '1x-web', 'junior'),
      nfOutcome('t', 'training', 50),
      nfOutcome('x', 'work-experience', 50),
    ]);
    expect(grantsOf(result).map((g) => [g.rule, g.credits])).toEqual([
      ['m', 4],
      ['n1', 3.5],
    ]);
  });
});

describe('tie-breaks, in order', () => {
  it('1. fewer outcomes consumed', () => {
    // WEB1 + DB (8) with one certificate, or with two certificates: the one outcome wins
    const rules = [
      sub('z-one', '1x-web', ['OUC-WEB1', 'OUC-DB']),
      sub('a-two', 'electrician', ['OUC-WEB1']),
      sub('b-two', '1x-bim', ['OUC-DB']),
    ];
    expect(
      chosen(rules, [
        certOutcome('w', '1x-web', 'junior'),
        certOutcome('e', 'electrician', 'level-1'),
        certOutcome('b', '1x-bim', 'junior'),
      ]),
    ).toEqual([['z-one', 'w']]);
  });

  it('2. higher summed priority', () => {
    const rules = [
      sub('a', '1x-web', ['OUC-WEB1'], { priority: 1 }),
      sub('b', 'electrician', ['OUC-WEB1'], { priority: 2 }),
      sub('c', '1x-bim', ['OUC-WEB1'], { priority: -1 }),
    ];
    const outcomes = [
      certOutcome('w', '1x-web', 'junior'),
      certOutcome('e', 'electrician', 'level-1'),
      certOutcome('b', '1x-bim', 'junior'),
    ];
    expect(chosen(rules, outcomes)).toEqual([['b', 'e']]);
    // summed: {y, z} (1 + 1) beats {a, b} (3 - 2) with equal credits and outcomes, although
    // a alone has the highest priority and [a, b] the smaller ids
    const sum = [
      sub('a', 'electrician', ['OUC-WEB1'], { priority: 3 }),
      sub('b', '1x-web', ['OUC-SAFE'], { priority: -2 }),
      sub('y', '1x-web', ['OUC-WEB1'], { priority: 1 }),
      sub('z', 'electrician', ['OUC-SAFE'], { priority: 1 }),
    ];
    expect(chosen(sum, outcomes)).toEqual([
      ['y', 'w'],
      ['z', 'e'],
    ]);
  });

  it('2. decimal priorities are summed exactly: 0.1 + 0.2 ties with 0.3', () => {
    // {p-a, p-b} and {p-0, p-1}: 8 credits, 2 outcomes each; the cross pairs clash on a
    // course. Summed exactly both have priority 0.3 and the rule ids decide ([p-0, p-1]); a
    // float sum (0.30000000000000004) would pick {p-a, p-b}.
    const rules = [
      sub('p-a', '1x-web', ['OUC-WEB1'], { priority: 0.1 }),
      sub('p-b', 'electrician', ['OUC-WEB2'], { priority: 0.2 }),
      sub('p-0', '1x-web', ['OUC-WEB2'], { priority: 0.3 }),
      sub('p-1', 'electrician', ['OUC-WEB1']),
    ];
    const outcomes = [
      certOutcome('w', '1x-web', 'junior'),
      certOutcome('e', 'electrician', 'level-1'),
    ];
    expect(chosen(rules, outcomes)).toEqual([
      ['p-0', 'w'],
      ['p-1', 'e'],
    ]);
  });

  it('3. the smallest sorted list of rule ids, by code point', () => {
    const rules = [
      sub('\uD83D\uDE00', '1x-web', ['OUC-WEB1']),
      sub('\uFF5E', 'electrician', ['OUC-WEB1']),
      sub('\uFF5E\uFF5E', '1x-bim', ['OUC-WEB1']),
    ];
    expect(
      chosen(rules, [
        certOutcome('w', '1x-web', 'junior'),
        certOutcome('e', 'electrician', 'level-1'),
        certOutcome('b', '1x-bim', 'junior'),
      ]),
    ).toEqual([['\uFF5E', 'e']]);
  });

  it('3. a proper prefix of a rule-id list is smaller', () => {
    // {a: o1+o2 → DB (4)} against {a: o1 → SAFE (2), b: o2 → WEB1 (made 2)}: 4 credits,
    // 2 outcomes, priority 0 each; [a] is a proper prefix of [a, b]
    const rules = [
      bundleRule('a', [
        { outcomes: ['o1', 'o2'], to: 'OUC-DB' },
        { outcomes: ['o1'], to: 'OUC-SAFE' },
      ]),
      bundleRule('b', [{ outcomes: ['o2'], to: 'OUC-WEB1' }]),
    ];
    const ruleset = pack(rules);
    ruleset.courses = ruleset.courses.map((c) =>
      c.code === 'OUC-WEB1' ? { ...c, credits: 2 } : c,
    );
    const outcomes = [certOutcome('o1', '1x-bim', 'junior'), certOutcome('o2', '1x-bim', 'senior')];
    const result = runPlan(ruleset, outcomes, { kinds: [bundle] });
    expect(result.transferredCredits).toBe(4);
    expect(grantsOf(result).map((g) => [g.rule, g.outcomes.join('+'), g.courses[0]])).toEqual([
      ['a', 'o1+o2', 'OUC-DB'],
    ]);
  });

  it('4. then positions, grant by grant in rule-id order, lower first', () => {
    const rules = [sub('b', '1x-web', ['OUC-WEB2']), sub('a', '1x-web', ['OUC-WEB1'])];
    const outcomes = [certOutcome('o1', '1x-web', 'junior'), certOutcome('o2', '1x-web', 'senior')];
    expect(chosen(rules, outcomes)).toEqual([
      ['a', 'o1'],
      ['b', 'o2'],
    ]);
    expect(chosen(rules, [outcomes[1]!, outcomes[0]!])).toEqual([
      ['a', 'o2'],
      ['b', 'o1'],
    ]);
  });

  it('4. one rule, several qualifying outcomes: the first position', () => {
    const rules = [rec('r', 'OUC-CS1')];
    expect(chosen(rules, [cs('x1'), cs('x2'), cs('x3')])).toEqual([['r', 'x1']]);
    expect(chosen(rules, [cs('x3'), cs('x2'), cs('x1')])).toEqual([['r', 'x3']]);
  });

  it('only new grants take part: applied grants do not change the tie-breaks', () => {
    const rules = [
      sub('b', '1x-web', ['OUC-WEB2']),
      sub('a', '1x-web', ['OUC-WEB1']),
      rec('r', 'OUC-CS1'),
    ];
    const result = runPlan(
      pack(rules),
      [cs('x'), certOutcome('o1', '1x-web', 'junior'), certOutcome('o2', '1x-web', 'senior')],
      {
        applied: [
          { program: PROGRAM, rule: 'r', outcomes: ['x'], courses: ['OUC-CS1'], credits: 3 },
        ],
      },
    );
    expect(grantsOf(result).map((g) => [g.rule, g.outcomes.join('+'), g.applied])).toEqual([
      ['a', 'o1', false],
      ['b', 'o2', false],
      ['r', 'x', true],
    ]);
  });
});

describe('the rule-id tie-break does not depend on the order of the rules in the pack', () => {
  // Spec §5 step 3: ties are broken by "the lexicographically smallest sorted list of rule ids";
  // the answer must not depend on where the rules sit in the pack.
  // Two external outcomes each qualify for three recognition rules: a → CS1, b → MATH (the
  // big one), c → CS1. Every optimum is b + one of a / c (2 outcomes, equal priority), so the
  // sorted id list [a, b] must beat [b, c], and `a` takes the first position (x1).
  const ruleset = (order: string[]) => {
    const courses = { a: 'OUC-CS1', b: 'OUC-MATH', c: 'OUC-CS1' } as Record<string, string>;
    const r = pack(order.map((id) => rec(id, courses[id]!)));
    r.courses = r.courses.map((c) => (c.code === 'OUC-CS1' ? { ...c, credits: 0.5 } : c));
    return r;
  };
  const outcomes = [cs('x1'), cs('x2')];
  const expected = [
    { rule: 'a', outcomes: ['x1'], courses: ['OUC-CS1'], credits: 0.5, applied: false },
    { rule: 'b', outcomes: ['x2'], courses: ['OUC-MATH'], credits: 3, applied: false },
  ];

  it('pack order a, b, c', () => {
    expect(grantsOf(runPlan(ruleset(['a', 'b', 'c']), outcomes))).toEqual(expected);
  });
  it('pack order c, b, a still picks [a, b]', () => {
    expect(grantsOf(runPlan(ruleset(['c', 'b', 'a']), outcomes))).toEqual(expected);
  });
  it('pack order b, c, a still picks [a, b]', () => {
    expect(grantsOf(runPlan(ruleset(['b', 'c', 'a']), outcomes))).toEqual(expected);
  });
});
