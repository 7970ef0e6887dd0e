/** Fixtures of the CLI tests: an in-memory file system and scenarios built on the example pack. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../src/index.js';

export const conformanceDir = fileURLToPath(
  new URL('../../../tests/conformance/', import.meta.url),
);
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The public example scenario 01 (a plan with three grants), parsed afresh. */
export function exampleScenario(): Record<string, unknown> & {
  ruleset: Record<string, unknown> & { rules: Record<string, unknown>[] };
  learner: { id: string; outcomes: Record<string, unknown>[] };
  expected: Record<string, unknown>;
} {
  return JSON.parse(
    readFileSync(`${conformanceDir}01-plan-substitution-recognition-nonformal.json`, 'utf8'),
  );
}

export interface MemoryIO extends CliIO {
  out: string;
  err: string;
  files: Map<string, string>;
}

/**
 * An in-memory CliIO: `files` maps paths to text; a directory is any path that prefixes a file
 * path followed by `/`.
 */
export function memoryIO(files: Record<string, string | object> = {}): MemoryIO {
  const map = new Map<string, string>();
  for (const [path, value] of Object.entries(files)) {
    map.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const io: MemoryIO = {
    out: '',
    err: '',
    files: map,
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readFile(path) {
      const text = map.get(path);
      if (text !== undefined) return text;
      const error = new Error(`ENOENT: no such file or directory, open '${path}'`);
      Object.assign(error, {
        code: io.readDir?.(path) ? 'EISDIR' : 'ENOENT',
      });
      throw error;
    },
    readDir(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = [...map.keys()]
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length).split('/')[0] as string);
      return names.length ? [...new Set(names)] : null;
    },
  };
  return io;
}

/** Lines of a text, without the empty last one. */
export const lines = (text: string): string[] =>
  text.split('\n').filter((l, i, a) => l || i < a.length - 1);
