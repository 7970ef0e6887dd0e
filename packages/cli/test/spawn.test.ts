/**
 * The built CLI as users run it: `pnpm --silent creditbank ...` from the repository root. Builds
 * the packages first (`tsc -b`, incremental).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { match } from '../src/match.js';
import { conformanceDir, exampleScenario, repoRoot } from './helpers.js';

let tmp = '';

function creditbank(...args: string[]) {
  return creditbankWith(undefined, ...args);
}

function creditbankWith(input: string | undefined, ...args: string[]) {
  const result = spawnSync('pnpm', ['--silent', 'creditbank', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    ...(input === undefined ? {} : { input }),
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const write = (name: string, value: string | object): string => {
  const path = join(tmp, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'creditbank-cli-'));
  // incremental: a no-op when dist is current
  const build = spawnSync('npx', ['tsc', '-b', 'packages/cli'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('pnpm --silent creditbank', () => {
  it('evaluate prints the result JSON, exit 0', () => {
    const { code, out, err } = creditbank(
      'evaluate',
      join(conformanceDir, '01-plan-substitution-recognition-nonformal.json'),
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(match(exampleScenario().expected, result)).toEqual([]);
    expect(out).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('reads standard input for the file "-"', () => {
    const { code, out, err } = creditbankWith(JSON.stringify(exampleScenario()), 'evaluate', '-');
    expect([code, err]).toEqual([0, '']);
    expect(match(exampleScenario().expected, JSON.parse(out))).toEqual([]);
    const bad = creditbankWith('{"asOf": 1', 'validate', '-');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^creditbank: -: invalid JSON/);
  });

  it('validate accepts a good ruleset and scenario, exit 0', () => {
    const pack = write('pack.json', exampleScenario().ruleset);
    let r = creditbank('validate', pack);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${pack}: valid ruleset\n`);
    r = creditbank('validate', write('scenario.json', exampleScenario()));
    expect(r.code).toBe(0);
  });

  it('validate lists problems with their paths, exit 2', () => {
    const s = exampleScenario();
    (s.ruleset.rules[1] as { courses: string[] }).courses[1] = 'OUC-NOPE';
    (s.learner.outcomes[1] as { course: { score: number } }).course.score = 120;
    const { code, out, err } = creditbank('validate', write('broken.json', s));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toEqual([
      'ruleset.rules[1].courses[1]: unknown course "OUC-NOPE"',
      'learner.outcomes[1].course.score: score 120 is outside 0..100',
    ]);
  });

  it('test runs the conformance folder, exit 0', () => {
    const { code, out } = creditbank('test', 'tests/conformance');
    const last = out.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(last.split(' ')[0])).toBeGreaterThanOrEqual(40);
    expect(code).toBe(0);
  });

  it('test reports a failure, exit 1', () => {
    const s = exampleScenario();
    (s.expected as { transferredCredits: number }).transferredCredits = 99;
    const { code, out } = creditbank('test', write('fails.json', s), write('notjson.json', '{'));
    expect(code).toBe(1);
    expect(out).toContain('  at transferredCredits\n    expected: 99\n    actual:   15\n');
    expect(out).toContain(`FAIL ${join(tmp, 'notjson.json')}\n`);
    expect(out.trimEnd().split('\n').at(-1)).toBe('0 passed, 2 failed');
  });

  it('bad JSON: one line on stderr, exit 2, no stack trace', () => {
    const path = write('bad.json', '{"asOf": "2026-11-21",');
    for (const command of ['evaluate', 'validate']) {
      const { code, out, err } = creditbank(command, path);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).toMatch(
        new RegExp(`^creditbank: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON: `),
      );
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('a missing file, an unknown command and no arguments: one line, exit 2', () => {
    for (const args of [['evaluate', join(tmp, 'nope.json')], ['frobnicate'], []]) {
      const { code, err } = creditbank(...args);
      expect(code).toBe(2);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).toMatch(/^creditbank: /);
    }
  });

  it('--help prints usage, exit 0', () => {
    const { code, out } = creditbank('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: creditbank/);
  });
});
