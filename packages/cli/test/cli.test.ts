import { describe, expect, it } from 'vitest';
import { main, USAGE } from '../src/index.js';
import { exampleScenario, lines, memoryIO } from './helpers.js';

const run = (args: string[], files: Record<string, string | object> = {}) => {
  const io = memoryIO(files);
  const code = main(args, io);
  return { code, out: io.out, err: io.err };
};

/** An exam-score pack: CET-4 >= 425 replaces OUC-ENG (the bundled plugin). */
function examScenario() {
  const s = exampleScenario();
  s.ruleset.rules.push({
    id: 'R-CET4',
    kind: 'exam-score',
    program: 'ouc-cnt-assoc',
    exam: 'cet4',
    minScore: 425,
    to: 'OUC-ENG',
  });
  s.learner.outcomes = [
    {
      id: 'o-cet',
      kind: 'exam',
      status: 'verified',
      earnedOn: '2025-06-01',
      exam: { id: 'cet4', score: 480 },
    },
  ];
  delete (s as Record<string, unknown>).expected;
  return s;
}

describe('usage', () => {
  it('prints usage for --help, -h and help, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['evaluate', '--help']]) {
      const { code, out, err } = run(args);
      expect(code).toBe(0);
      expect(out).toBe(USAGE);
      expect(err).toBe('');
    }
    expect(USAGE).toContain('--kinds');
    expect(USAGE).toContain('exam-score');
  });

  it('refuses a missing command, exit 2, one line', () => {
    const { code, out, err } = run([]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(lines(err)).toEqual([
      'creditbank: missing command (evaluate, validate or test); see --help',
    ]);
  });

  it('refuses an unknown command or option, exit 2, one line', () => {
    let r = run(['frobnicate', 'x.json']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['creditbank: unknown command "frobnicate"; see --help']);
    r = run(['evaluate', '--verbose', 'x.json']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['creditbank: unknown option --verbose']);
  });

  it('refuses missing or extra file arguments, exit 2', () => {
    for (const command of ['evaluate', 'validate', 'test']) {
      const r = run([command]);
      expect(r.code).toBe(2);
      expect(lines(r.err)).toEqual([`creditbank: ${command}: missing FILE`]);
    }
    const r = run(['evaluate', 'a.json', 'b.json']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['creditbank: evaluate: expected one FILE, got 2']);
  });

  it('refuses an unknown plugin and a --kinds without value', () => {
    let r = run(['validate', '--kinds', 'nope', 'x.json']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([
      'creditbank: unknown rule-kind plugin "nope"; available: exam-score',
    ]);
    r = run(['validate', 'x.json', '--kinds']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['creditbank: --kinds needs a value']);
  });

  it('takes file names after --', () => {
    const r = run(['evaluate', '--', '-odd.json'], { '-odd.json': exampleScenario() });
    expect(r.code).toBe(0);
  });

  it('reports an unexpected exception as one internal-error line, exit 2', () => {
    const io = memoryIO({ 's.json': exampleScenario() });
    io.stdout = () => {
      throw new Error('stdout closed\n    at somewhere (file.js:1:1)');
    };
    expect(main(['evaluate', 's.json'], io)).toBe(2);
    expect(lines(io.err)).toEqual([
      'creditbank: internal error: stdout closed at somewhere (file.js:1:1)',
    ]);
  });
});

describe('evaluate', () => {
  it('prints the result as 2-space JSON, exit 0', () => {
    const { code, out, err } = run(['evaluate', 's.json'], { 's.json': exampleScenario() });
    expect(code).toBe(0);
    expect(err).toBe('');
    const result = JSON.parse(out);
    expect(result).toMatchObject({ program: 'ouc-cnt-assoc', transferredCredits: 15 });
    expect(out).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('evaluates a balance query', () => {
    const s = { ...exampleScenario(), query: { kind: 'balance' } };
    const { code, out } = run(['evaluate', 's.json'], { 's.json': s });
    expect(code).toBe(0);
    expect(JSON.parse(out).credits).toEqual({
      course: 13,
      certificate: 6,
      nonformal: 11,
      total: 30,
    });
  });

  it('refuses a missing file, exit 2, one line', () => {
    const { code, out, err } = run(['evaluate', 'missing.json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(lines(err)).toEqual(['creditbank: cannot read missing.json: no such file']);
  });

  it('refuses a directory', () => {
    const { code, err } = run(['evaluate', 'dir'], { 'dir/a.json': '{}' });
    expect(code).toBe(2);
    expect(lines(err)).toEqual(['creditbank: cannot read dir: is a directory']);
  });

  it('refuses bad JSON, exit 2, one line', () => {
    const { code, out, err } = run(['evaluate', 'bad.json'], { 'bad.json': '{ "asOf": ' });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(lines(err)).toHaveLength(1);
    expect(err).toMatch(/^creditbank: bad\.json: invalid JSON: /);
  });

  it('accepts a byte-order mark', () => {
    const { code } = run(['evaluate', 's.json'], {
      's.json': `\uFEFF${JSON.stringify(exampleScenario())}`,
    });
    expect(code).toBe(0);
  });

  it('refuses an unknown query kind, exit 2, one line', () => {
    const s = { ...exampleScenario(), query: { kind: 'transcript' } };
    const { code, out, err } = run(['evaluate', 's.json'], { 's.json': s });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(lines(err)).toEqual([
      'query.kind: unknown query kind "transcript"; expected "plan" or "balance"',
    ]);
  });

  it('refuses an invalid scenario with one "path: message" line per problem', () => {
    const s = exampleScenario();
    (s.ruleset.rules[1] as { courses: string[] }).courses.push('OUC-NOPE');
    (s.learner.outcomes[0] as { id: string }).id = 'o-cqu';
    const { code, err } = run(['evaluate', 's.json'], { 's.json': s });
    expect(code).toBe(2);
    expect(lines(err)).toEqual([
      'ruleset.rules[1].courses[2]: unknown course "OUC-NOPE"',
      'learner.outcomes[1].id: duplicate outcome id "o-cqu"',
    ]);
  });

  it('refuses a JSON value that is not a scenario', () => {
    const { code, err } = run(['evaluate', 'a.json'], { 'a.json': '[1, 2]' });
    expect(code).toBe(2);
    expect(lines(err)).toEqual(['scenario: expected object, received array']);
  });

  it('evaluates exam-score rules with --kinds exam-score', () => {
    const files = { 's.json': examScenario() };
    const without = run(['evaluate', 's.json'], files);
    expect(without.code).toBe(2);
    expect(without.err).toContain('ruleset.rules[6].kind');
    for (const args of [['--kinds', 'exam-score'], ['--kinds=exam-score']]) {
      const r = run(['evaluate', ...args, 's.json'], files);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).grants).toEqual([
        {
          rule: 'R-CET4',
          kind: 'exam-score',
          outcomes: ['o-cet'],
          courses: ['OUC-ENG'],
          credits: 3,
          applied: false,
        },
      ]);
    }
  });
});

describe('validate', () => {
  it('accepts a good ruleset, exit 0', () => {
    const { code, out, err } = run(['validate', 'pack.json'], {
      'pack.json': exampleScenario().ruleset,
    });
    expect(code).toBe(0);
    expect(out).toBe('pack.json: valid ruleset\n');
    expect(err).toBe('');
  });

  it('accepts a good scenario, exit 0', () => {
    const { code, out } = run(['validate', 's.json'], { 's.json': exampleScenario() });
    expect(code).toBe(0);
    expect(out).toBe('s.json: valid scenario\n');
  });

  it('lists every problem of a ruleset with its path, exit 2', () => {
    const pack = exampleScenario().ruleset as Record<string, unknown> & {
      rules: Record<string, unknown>[];
      programs: Record<string, unknown>[];
    };
    (pack.rules[1] as { courses: string[] }).courses[1] = 'OUC-NOPE';
    (pack.rules[2] as { certificate: string }).certificate = 'welder';
    pack.rules.push({ ...pack.rules[0] });
    const { code, out, err } = run(['validate', 'pack.json'], { 'pack.json': pack });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(lines(err)).toEqual([
      'rules[6].id: duplicate id "R-SUB-WEB-J"',
      'rules[1].courses[1]: unknown course "OUC-NOPE"',
      'rules[2].certificate: unknown certificate "welder"',
    ]);
  });

  it('prefixes the paths of a scenario with its parts', () => {
    const s = exampleScenario();
    (s.ruleset.rules[3] as { minScore: number }).minScore = 101;
    const { code, err } = run(['validate', 's.json'], { 's.json': s });
    expect(code).toBe(2);
    expect(lines(err)).toEqual(['ruleset.rules[3].minScore: score 101 is outside 0..100']);
  });

  it('reads a value without ruleset, learner or query as a ruleset', () => {
    const { code, err } = run(['validate', 'a.json'], { 'a.json': '42' });
    expect(code).toBe(2);
    expect(lines(err)).toEqual(['ruleset: expected object, received number']);
  });

  it('refuses bad JSON and missing files, exit 2', () => {
    let r = run(['validate', 'bad.json'], { 'bad.json': 'nope' });
    expect(r.code).toBe(2);
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toContain('bad.json: invalid JSON');
    r = run(['validate', 'gone.json']);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['creditbank: cannot read gone.json: no such file']);
  });

  it('knows exam-score rules only with --kinds exam-score', () => {
    const pack = examScenario().ruleset;
    const without = run(['validate', 'pack.json'], { 'pack.json': pack });
    expect(without.code).toBe(2);
    expect(lines(without.err)).toHaveLength(1);
    expect(without.err).toMatch(/^rules\[6\]\.kind: /);
    const withKinds = run(['validate', '--kinds', 'exam-score', 'pack.json'], {
      'pack.json': pack,
    });
    expect(withKinds.code).toBe(0);
    const scenario = run(['validate', 's.json', '--kinds', 'exam-score'], {
      's.json': examScenario(),
    });
    expect(scenario.code).toBe(0);
  });
});

describe('test', () => {
  const good = () => exampleScenario();
  const wrong = () => {
    const s = exampleScenario();
    (s.expected as { transferredCredits: number }).transferredCredits = 14;
    (s.expected as { grants: { credits: number }[] }).grants[1]!.credits = 2.5;
    return s;
  };
  const refused = (expectError: string[]) => {
    const s = exampleScenario();
    (s.ruleset.rules[1] as { courses: string[] }).courses[1] = 'OUC-NOPE';
    delete (s as Record<string, unknown>).expected;
    return { ...s, expectError };
  };

  it('passes a matching expected, exit 0', () => {
    const { code, out, err } = run(['test', 'a.json'], { 'a.json': good() });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(lines(out)).toEqual(['ok   a.json', '1 passed, 0 failed']);
  });

  it('fails a mismatch with path, expected and actual, exit 1', () => {
    const { code, out } = run(['test', 'a.json'], { 'a.json': wrong() });
    expect(code).toBe(1);
    expect(lines(out)).toEqual([
      'FAIL a.json',
      '  at transferredCredits',
      '    expected: 14',
      '    actual:   15',
      '  at grants[1].credits',
      '    expected: 2.5',
      '    actual:   3',
      '0 passed, 1 failed',
    ]);
  });

  it('explains an array of another length', () => {
    const s = exampleScenario();
    (s.expected as { grants: unknown[] }).grants.pop();
    const { code, out } = run(['test', 'a.json'], { 'a.json': s });
    expect(code).toBe(1);
    expect(out).toContain('  at grants (expected 2 item(s), got 3)\n');
  });

  it('fails an expected scenario that is refused, with the errors', () => {
    const s = { ...refused([]), expected: { program: 'x' } };
    delete (s as Record<string, unknown>).expectError;
    const { code, out } = run(['test', 'a.json'], { 'a.json': s });
    expect(code).toBe(1);
    expect(lines(out)).toEqual([
      'FAIL a.json',
      '  refused, but "expected" was given; errors:',
      '    ruleset.rules[1].courses[1]: unknown course "OUC-NOPE"',
      '0 passed, 1 failed',
    ]);
  });

  it('passes an expectError whose strings all appear in the errors', () => {
    const s = refused(['ruleset.rules[1].courses[1]', 'unknown course "OUC-NOPE"']);
    const { code, out } = run(['test', 'a.json'], { 'a.json': s });
    expect(code).toBe(0);
    expect(lines(out)).toEqual(['ok   a.json', '1 passed, 0 failed']);
  });

  it('matches expectError strings across the joined messages', () => {
    const s = refused(['ruleset.rules[1].courses[1]: unknown course']);
    expect(run(['test', 'a.json'], { 'a.json': s }).code).toBe(0);
  });

  it('fails an expectError with missing strings, listing them and the actual errors', () => {
    const s = refused(['unknown course', 'unknown certificate', 'rules[9]']);
    const { code, out } = run(['test', 'a.json'], { 'a.json': s });
    expect(code).toBe(1);
    expect(lines(out)).toEqual([
      'FAIL a.json',
      '  refused, but without "unknown certificate", "rules[9]"',
      '  actual errors:',
      '    ruleset.rules[1].courses[1]: unknown course "OUC-NOPE"',
      '0 passed, 1 failed',
    ]);
  });

  it('fails an expectError scenario that is not refused', () => {
    const s = { ...good(), expectError: ['anything'] };
    delete (s as Record<string, unknown>).expected;
    const { code, out } = run(['test', 'a.json'], { 'a.json': s });
    expect(code).toBe(1);
    expect(out).toContain('  not refused: the scenario evaluated, but "expectError" was given\n');
  });

  it('fails an expectError that is not a list of strings', () => {
    for (const expectError of ['unknown', {}, [1]]) {
      const s = { ...refused([]), expectError };
      const { code, out } = run(['test', 'a.json'], { 'a.json': s });
      expect(code).toBe(1);
      expect(out).toContain('"expectError" must be a list of strings');
    }
  });

  it('an empty expectError passes when the scenario is refused, and only then', () => {
    // spec §7: "it passes when the scenario is refused and every string appears" (none here)
    expect(run(['test', 'a.json'], { 'a.json': refused([]) }).code).toBe(0);
    const s = { ...good(), expectError: [] };
    delete (s as Record<string, unknown>).expected;
    const { code, out } = run(['test', 'a.json'], { 'a.json': s });
    expect(code).toBe(1);
    expect(out).toContain('  not refused: the scenario evaluated, but "expectError" was given\n');
  });

  it('counts bad JSON, neither, both and non-objects as failed and goes on', () => {
    const both = { ...good(), expectError: ['x'] };
    const neither = good();
    delete (neither as Record<string, unknown>).expected;
    const { code, out, err } = run(['test', 'a.json', 'b.json', 'c.json', 'd.json', 'e.json'], {
      'a.json': '{ not json',
      'b.json': neither,
      'c.json': both,
      'd.json': '"text"',
      'e.json': good(),
    });
    expect(code).toBe(1);
    expect(err).toBe('');
    const out_ = lines(out);
    expect(out_[0]).toBe('FAIL a.json');
    expect(out_[1]).toMatch(/^ {2}a\.json: invalid JSON: /);
    expect(out_.slice(2)).toEqual([
      'FAIL b.json',
      '  has neither "expected" nor "expectError"',
      'FAIL c.json',
      '  has both "expected" and "expectError"',
      'FAIL d.json',
      '  not a scenario: expected a JSON object',
      'ok   e.json',
      '1 passed, 4 failed',
    ]);
  });

  it('runs every *.json of a directory in sorted order', () => {
    const { code, out } = run(['test', 'dir'], {
      'dir/b.json': good(),
      'dir/a.json': good(),
      'dir/notes.txt': 'not a scenario',
      'dir/c.json': wrong(),
    });
    expect(code).toBe(1);
    const summary = lines(out).filter((l) => /^(ok|FAIL)/.test(l));
    expect(summary).toEqual(['ok   dir/a.json', 'ok   dir/b.json', 'FAIL dir/c.json']);
    expect(lines(out).at(-1)).toBe('2 passed, 1 failed');
  });

  it('mixes files and directories', () => {
    const { code, out } = run(['test', 'x.json', 'dir'], {
      'x.json': good(),
      'dir/a.json': good(),
    });
    expect(code).toBe(0);
    expect(lines(out)).toEqual(['ok   x.json', 'ok   dir/a.json', '2 passed, 0 failed']);
  });

  it('refuses a missing path or an empty directory, exit 2', () => {
    let r = run(['test', 'a.json', 'gone.json'], { 'a.json': good() });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(lines(r.err)).toEqual(['creditbank: cannot read gone.json: no such file']);
    r = run(['test', 'dir'], { 'dir/readme.txt': 'x' });
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['creditbank: test: no *.json files in dir']);
  });

  it('uses --kinds for every file', () => {
    const s = { ...examScenario(), expected: { transferredCredits: 3 } };
    expect(run(['test', 'a.json'], { 'a.json': s }).code).toBe(1);
    expect(run(['test', '--kinds', 'exam-score', 'a.json'], { 'a.json': s }).code).toBe(0);
  });
});
