/**
 * A PostgreSQL server for tests: `CREDITBANK_PG_URL` when set (a fresh database is created in
 * it and dropped afterwards), otherwise a throwaway cluster of Debian's `postgresql` package
 * (initdb/pg_ctl in /usr/lib/postgresql/<version>/bin or on PATH), started on 127.0.0.1 with a
 * free port and its socket in /tmp, run as the `postgres` user when the tests run as root.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestPostgres {
  url: string;
  /** where it came from, for the test names */
  source: string;
  stop(): Promise<void>;
}

/** The directory of initdb and pg_ctl: the newest Debian version, else PATH. */
function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  const name = `creditbank_test_${process.pid}_${Date.now()}`;
  const given = process.env.CREDITBANK_PG_URL;
  if (given) {
    await createDatabase(given, name);
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      source: 'CREDITBANK_PG_URL',
      stop: () => dropDatabase(given, name),
    };
  }

  const bin = binDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL is not installed: apt-get install -y postgresql, or set CREDITBANK_PG_URL (CREDITBANK_SKIP_PG=1 skips these tests)',
    );
  }
  const root = userInfo().uid === 0;
  const dir = await mkdtemp(join(tmpdir(), 'creditbank-pg-'));
  const asOwner = async (command: string, args: string[]) => {
    const file = join(bin, command);
    return root ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
  };
  if (root) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    await asOwner('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    await asOwner('pg_ctl', [
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL from ${bin}: ${(error as Error).message}`);
  }
  const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  await createDatabase(admin, name);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${name}`,
    source: `a throwaway cluster (${bin})`,
    async stop() {
      await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
