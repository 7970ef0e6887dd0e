// Installs what the product needs on a fresh machine: pnpm 12 (with npm), the workspace's
// dependencies from the lockfile, Debian packages (chromium, CJK fonts, postgresql) when
// missing, and builds every package. Used by `npm start` and `npm test`.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const PNPM_VERSION = '12.20.0';

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

export function run(command, options = {}) {
  log(command);
  execSync(command, { stdio: 'inherit', cwd: root, ...options });
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensurePnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('12.')) return;
  run(`npm install --global pnpm@${PNPM_VERSION}`);
}

function postgresInstalled() {
  if (!existsSync('/usr/lib/postgresql')) return false;
  return readdirSync('/usr/lib/postgresql').some((v) =>
    existsSync(`/usr/lib/postgresql/${v}/bin/initdb`),
  );
}

function cjkFontInstalled() {
  if (!has('fc-list')) return false;
  const out = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.trim().length > 0;
}

/** Debian packages the tests need; installs only what is missing. */
export function ensureSystemPackages({ browser = true, postgres = true } = {}) {
  const wanted = [];
  if (browser && !existsSync('/usr/bin/chromium')) wanted.push('chromium');
  if (browser && !cjkFontInstalled()) wanted.push('fonts-noto-cjk', 'fontconfig');
  if (postgres && !postgresInstalled()) wanted.push('postgresql');
  if (wanted.length === 0) return;
  if (!has('apt-get')) {
    log(`cannot install ${wanted.join(', ')}: no apt-get on this machine`);
    return;
  }
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(`${sudo}apt-get update -qq`, { env });
  run(`${sudo}apt-get install -y -qq --no-install-recommends ${wanted.join(' ')}`, { env });
}

export function bootstrap(options = {}) {
  ensurePnpm();
  run('pnpm install --frozen-lockfile --reporter=append-only');
  ensureSystemPackages(options);
  run('pnpm run build');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) bootstrap();
