/**
 * @creditbank/cli — `creditbank evaluate | validate | test` on scenario files (spec §7).
 *
 * `main` takes its arguments and its I/O as parameters and returns the exit code, so the whole
 * CLI runs in a unit test without spawning a process. Exit codes: 0 success, 1 a scenario test
 * failed, 2 bad usage or bad input (one line per problem on stderr, never a stack trace).
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import {
  evaluateScenario,
  formatIssue,
  validateRuleset,
  validateScenario,
  type EngineOptions,
  type RuleKind,
  type ValidationIssue,
} from '@creditbank/core';
import { examScore } from '@creditbank/core/exam-score';
import { match, type Mismatch } from './match.js';

export { match, matches } from './match.js';
export type { Mismatch } from './match.js';

/** What the CLI reads and writes; `nodeIO` is the real one. */
export interface CliIO {
  /** writes `text` as is (the CLI adds its own newlines) */
  stdout(text: string): void;
  stderr(text: string): void;
  /** the file's text; throws (a Node `ErrnoException`) when it cannot be read */
  readFile(path: string): string;
  /** the entry names of a directory, or null when `path` is not a directory */
  readDir?(path: string): string[] | null;
}

/** The process's stdout and stderr and the file system. */
export const nodeIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  // `-` is standard input (`… | creditbank evaluate -`)
  readFile: (path) => fs.readFileSync(path === '-' ? 0 : path, 'utf8'),
  readDir: (path) => {
    try {
      return fs.statSync(path).isDirectory() ? fs.readdirSync(path) : null;
    } catch {
      return null;
    }
  },
};

/** Rule-kind plugins `--kinds` can load, by name. */
const PLUGINS: Readonly<Record<string, RuleKind<never>>> = {
  'exam-score': examScore as unknown as RuleKind<never>,
};

export const USAGE = `Usage: creditbank <command> [options] FILE...

Commands:
  evaluate FILE      print the result of a scenario (plan or balance) as JSON
  validate FILE      check a rule pack or a scenario (an object with ruleset/learner/query);
                     problems go to stderr, one "path: message" a line
  test FILE|DIR...   run scenario tests: each file's "expected" (partial match) or
                     "expectError" (strings the refusal must contain); a directory means
                     every *.json inside, sorted

Options:
  --kinds NAME[,NAME]  load rule-kind plugins (available: ${Object.keys(PLUGINS).join(', ')})
  -h, --help           show this help

FILE "-" is standard input.

Exit codes: 0 success, 1 a test failed, 2 bad usage or bad input.
`;

/** A problem that ends the run with exit code 2 and one line on stderr. */
class UsageError extends Error {}

interface Parsed {
  command: string | undefined;
  files: string[];
  kinds: RuleKind<never>[];
  help: boolean;
}

function parseArgs(args: readonly string[]): Parsed {
  const parsed: Parsed = { command: undefined, files: [], kinds: [], help: false };
  const positional: string[] = [];
  const addKinds = (value: string | undefined) => {
    if (value === undefined || value === '') throw new UsageError('--kinds needs a value');
    for (const name of value.split(',')) {
      const kind = PLUGINS[name.trim()];
      if (!kind) {
        throw new UsageError(
          `unknown rule-kind plugin ${JSON.stringify(name.trim())}; available: ${Object.keys(PLUGINS).join(', ')}`,
        );
      }
      if (!parsed.kinds.includes(kind)) parsed.kinds.push(kind);
    }
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') parsed.help = true;
    else if (arg === '--kinds') addKinds(args[++i]);
    else if (arg.startsWith('--kinds=')) addKinds(arg.slice('--kinds='.length));
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  parsed.command = positional[0];
  parsed.files = positional.slice(1);
  return parsed;
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

function readError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : oneLine(error instanceof Error ? error.message : String(error));
  return `cannot read ${path}: ${reason}`;
}

type Loaded = { ok: true; data: unknown } | { ok: false; message: string };

/** Reads and parses a JSON file; never throws. */
function load(io: CliIO, path: string): Loaded {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    return { ok: false, message: readError(path, error) };
  }
  try {
    return { ok: true, data: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${path}: invalid JSON: ${oneLine(reason)}` };
  }
}

function loadOrThrow(io: CliIO, path: string): unknown {
  const loaded = load(io, path);
  if (!loaded.ok) throw new UsageError(loaded.message);
  return loaded.data;
}

function singleFile(command: string, files: readonly string[]): string {
  if (files.length === 0) throw new UsageError(`${command}: missing FILE`);
  if (files.length > 1) throw new UsageError(`${command}: expected one FILE, got ${files.length}`);
  return files[0] as string;
}

function printIssues(io: CliIO, errors: readonly ValidationIssue[]): void {
  for (const issue of errors) io.stderr(`${oneLine(formatIssue(issue))}\n`);
}

/** A scenario names its parts; anything else is read as a rule pack. */
function isScenario(data: unknown): boolean {
  return (
    data !== null &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    ['ruleset', 'learner', 'query'].some((key) => key in data)
  );
}

function evaluate(io: CliIO, files: readonly string[], options: EngineOptions): number {
  const data = loadOrThrow(io, singleFile('evaluate', files));
  const evaluation = evaluateScenario(data, options);
  if (!evaluation.ok) {
    printIssues(io, evaluation.errors);
    return 2;
  }
  io.stdout(`${JSON.stringify(evaluation.result, null, 2)}\n`);
  return 0;
}

function validate(io: CliIO, files: readonly string[], options: EngineOptions): number {
  const file = singleFile('validate', files);
  const data = loadOrThrow(io, file);
  const scenario = isScenario(data);
  const checked = scenario ? validateScenario(data, options) : validateRuleset(data, options);
  if (!checked.ok) {
    printIssues(io, checked.errors);
    return 2;
  }
  io.stdout(`${file}: valid ${scenario ? 'scenario' : 'ruleset'}\n`);
  return 0;
}

/**
 * Expands directories to their `*.json` files, sorted. A path that cannot be read is a usage
 * error (exit 2, before any test runs); a file that is read but is not JSON is a failed test.
 */
function expandPaths(io: CliIO, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    const entries = io.readDir?.(path) ?? null;
    if (entries === null) {
      try {
        io.readFile(path);
      } catch (error) {
        throw new UsageError(readError(path, error));
      }
      out.push(path);
      continue;
    }
    const json = entries.filter((name) => name.endsWith('.json')).sort();
    if (json.length === 0) throw new UsageError(`test: no *.json files in ${path}`);
    for (const name of json) out.push(nodePath.join(path, name));
  }
  return out;
}

const show = (value: unknown): string => {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
};

function describeMismatch(m: Mismatch): string[] {
  const where = m.path || '(result)';
  return [
    `  at ${where}${m.note ? ` (${m.note})` : ''}`,
    `    expected: ${show(m.expected)}`,
    `    actual:   ${show(m.actual)}`,
  ];
}

/** Runs one scenario test file; returns null when it passes, else the lines that say why. */
function testFile(io: CliIO, file: string, options: EngineOptions): string[] | null {
  const loaded = load(io, file);
  if (!loaded.ok) return [`  ${loaded.message}`];
  const data = loaded.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return ['  not a scenario: expected a JSON object'];
  }
  const hasExpected = 'expected' in data;
  const hasExpectError = 'expectError' in data;
  if (!hasExpected && !hasExpectError) return ['  has neither "expected" nor "expectError"'];
  if (hasExpected && hasExpectError) return ['  has both "expected" and "expectError"'];

  let evaluation: ReturnType<typeof evaluateScenario>;
  try {
    evaluation = evaluateScenario(data, options);
  } catch (error) {
    return [`  internal error: ${oneLine(error instanceof Error ? error.message : String(error))}`];
  }

  if (hasExpected) {
    const { expected } = data as { expected: unknown };
    if (!evaluation.ok) {
      return [
        '  refused, but "expected" was given; errors:',
        ...evaluation.errors.map((e) => `    ${oneLine(formatIssue(e))}`),
      ];
    }
    const mismatches = match(expected, evaluation.result);
    return mismatches.length ? mismatches.flatMap(describeMismatch) : null;
  }

  const { expectError } = data as { expectError: unknown };
  // an empty list asks only for a refusal: every one of its strings appears (spec §7)
  if (!Array.isArray(expectError) || !expectError.every((s) => typeof s === 'string')) {
    return ['  "expectError" must be a list of strings'];
  }
  if (evaluation.ok) return ['  not refused: the scenario evaluated, but "expectError" was given'];
  const messages = evaluation.errors.map(formatIssue);
  const joined = messages.join('\n');
  const missing = (expectError as string[]).filter((s) => !joined.includes(s));
  if (missing.length === 0) return null;
  return [
    `  refused, but without ${missing.map((s) => JSON.stringify(s)).join(', ')}`,
    '  actual errors:',
    ...messages.map((m) => `    ${oneLine(m)}`),
  ];
}

function test(io: CliIO, paths: readonly string[], options: EngineOptions): number {
  if (paths.length === 0) throw new UsageError('test: missing FILE');
  const files = expandPaths(io, paths);
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const failure = testFile(io, file, options);
    if (failure === null) {
      passed++;
      io.stdout(`ok   ${file}\n`);
    } else {
      failed++;
      io.stdout(`FAIL ${file}\n${failure.join('\n')}\n`);
    }
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

/** Runs the CLI on `args` (without the node and script paths); returns the exit code. */
export function main(args: readonly string[], io: CliIO = nodeIO): number {
  try {
    const parsed = parseArgs(args);
    if (parsed.help || parsed.command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    const options: EngineOptions = parsed.kinds.length ? { kinds: parsed.kinds } : {};
    switch (parsed.command) {
      case undefined:
        throw new UsageError('missing command (evaluate, validate or test); see --help');
      case 'evaluate':
        return evaluate(io, parsed.files, options);
      case 'validate':
        return validate(io, parsed.files, options);
      case 'test':
        return test(io, parsed.files, options);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(parsed.command)}; see --help`);
    }
  } catch (error) {
    const message = oneLine(error instanceof Error ? error.message : String(error));
    try {
      io.stderr(
        error instanceof UsageError
          ? `creditbank: ${message}\n`
          : `creditbank: internal error: ${message}\n`,
      );
    } catch {
      // nowhere left to report to
    }
    return 2;
  }
}
