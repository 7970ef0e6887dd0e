/**
 * The CLI (`dist/main.js`): prints its URL, serves, keeps its PGlite data folder across
 * restarts (seeded once), and shuts down cleanly on SIGINT and SIGTERM.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(packageDir, '..', '..');
const main = join(packageDir, 'dist', 'main.js');

interface Cli {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

async function startCli(args: string[]): Promise<Cli> {
  const child = spawn(process.execPath, [main, '--port', '0', ...args], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1] as string);
      }
    }, 50);
    void exit.then((code) => {
      clearInterval(timer);
      reject(new Error(`the CLI exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output, exit };
}

let data: string;

beforeAll(async () => {
  // the CLI runs from dist: build it (incremental, quick when up to date)
  await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/server'],
    {
      cwd: root,
    },
  );
  data = await mkdtemp(join(tmpdir(), 'creditbank-cli-'));
}, 120_000);

afterAll(async () => {
  if (data) await rm(data, { recursive: true, force: true });
});

describe('CLI', () => {
  it('serves from a data folder, keeps it across restarts and stops on SIGINT/SIGTERM', async () => {
    const dir = join(data, 'pglite');
    const first = await startCli(['--data', dir, '--courses', '300', '--learners', '20']);
    expect(first.output()).toContain(`PGlite ${dir}`);
    const health = await fetch(`${first.url}/v1/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const token = (await (
      await fetch(`${first.url}/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'platform', role: 'staff' }),
      })
    ).json()) as { token: string };
    const opened = await fetch(`${first.url}/v1/learners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.token}` },
      body: JSON.stringify({ id: 'cli-kept', displayName: '持久化测试' }),
    });
    expect(opened.status).toBe(201);
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain('SIGINT, shutting down');

    // The second start finds the data (and the token secret kept in it), and seeds nothing.
    const second = await startCli(['--data', dir, '--courses', '300']);
    const again = await fetch(`${second.url}/v1/learners/cli-kept`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(again.status).toBe(200);
    const courses = await fetch(`${second.url}/v1/catalog/courses?limit=1`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(((await courses.json()) as { total: number }).total).toBe(300);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
    expect(second.output()).toContain('SIGTERM, shutting down');
  }, 60_000);

  it('refuses unknown flags with a usage message', async () => {
    const child = spawn(process.execPath, [main, '--nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('creditbank-server:');
  });
});
