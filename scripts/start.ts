/**
 * `npm start` (production build) and `npm run dev` (hot reload): everything on one machine.
 * With no configuration it runs an embedded PostgreSQL (data in .data/), applies migrations, seeds
 * demo content, catches mail in a local SMTP server readable in the console, and starts Next.js and
 * the job worker. DATABASE_URL / SMTP_URL switch to real servers; nothing embedded starts.
 *
 * The production start runs Next.js as one process per core (scripts/web.ts, WEB_PROCESSES) and
 * the worker as its own process at a lower CPU priority, so a surge's signers get the cores first
 * and its confirmation mail takes what they leave (docs/benchmarks.md). `npm run dev` runs one
 * `next dev` with the worker inside it, where code changes reload it;
 * WORKER_IN_PROCESS=true or false set by hand is obeyed (false: you run `npm run worker` yourself).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from './lib/embedded-postgres';
import { isPortInUse } from './lib/free-port';
import { isBuildStale } from './lib/build-freshness';
import { stopChild, wholeNumberSetting } from './lib/processes';
import { DEMO_ADMIN, START_LINK_VALID_MINUTES } from './lib/demo-admin';
import { StartupError } from './lib/startup-error';
import { KeyringError, newMasterKey, parseMasterKey } from '../lib/security/keyring';

const ROOT = path.resolve(__dirname, '..');
const isDev = process.argv.includes('--dev');
const dataDir = path.resolve(ROOT, process.env.DAUYS_DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
const postgresPort = Number(process.env.DAUYS_PG_PORT ?? 54329);
const smtpPort = Number(process.env.DAUYS_SMTP_PORT ?? 2525);
/** Niceness of the worker process: the lowest, so signers' requests come first (decision 7). */
const WORKER_NICENESS = 19;
const WORKER_RESTART_DELAY_MS = 5_000;
/**
 * V8's heap limits for the long-running processes. V8 sizes its heap from the machine's memory, so on
 * a large machine each process keeps hundreds of MB after a surge that it could give back; these keep
 * the zero-config stack under 1 GB with WEB_PROCESSES=1 (docs/operations.md, "Memory").
 */
function heapFlags(oldSpaceMb: number, newSpaceMb: number): string[] {
  return [`--max-old-space-size=${oldSpaceMb}`, `--max-semi-space-size=${newSpaceMb}`];
}

/** A heap size in MB from the environment, or the default; anything but a whole number from 64 to 16384 stops the start. */
function heapMb(name: 'WEB_HEAP_MB' | 'WORKER_HEAP_MB', fallback: number): number {
  const value = wholeNumberSetting(process.env[name], 64, 16_384, fallback);
  if (value === null) throw new StartupError(`${name} must be a whole number of MB from 64 to 16384 (it is "${process.env[name]}").`);
  return value;
}

const cleanups: Array<() => Promise<void>> = [];
let nextProcess: ChildProcess | undefined;
let workerProcess: ChildProcess | undefined;
let shuttingDown = false;

/** The launcher talks to the person who ran it: plain lines, not the servers' log entries (lib/log.ts). */
function log(message: string) {
  process.stdout.write(`[dauys] ${message}\n`);
}

function logError(error: unknown) {
  process.stderr.write(`[dauys] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The master key of the personal data (lib/security/keyring.ts): DAUYS_MASTER_KEY, or kept beside the database. */
async function masterKey(): Promise<string> {
  if (process.env.DAUYS_MASTER_KEY) return process.env.DAUYS_MASTER_KEY;
  const file = path.join(dataDir, 'master-key');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const key = newMasterKey();
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  log(`Created the master key of the personal data in ${path.relative(ROOT, file)}: back it up apart from the database (docs/privacy.md).`);
  return key;
}

function startWorker(env: NodeJS.ProcessEnv, heap: string[]) {
  const worker = spawn(process.execPath, [...heap, '--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  workerProcess = worker;
  try {
    setPriority(worker.pid!, WORKER_NICENESS);
  } catch (error) {
    log(`Could not lower the worker's priority (${error instanceof Error ? error.message : error}); it runs at normal priority.`);
  }
  worker.on('exit', (code, signal) => {
    if (shuttingDown) return;
    log(
      `The job worker exited (${signal ?? `code ${code}`}); restarting it in ${WORKER_RESTART_DELAY_MS / 1000} s. Mail waits in the outbox meanwhile.`,
    );
    setTimeout(() => shuttingDown || startWorker(env, heap), WORKER_RESTART_DELAY_MS);
  });
}

/**
 * Runs a short-lived child to its end. Its output passes through, or with `capture` its stdout is
 * returned instead (its stderr still passes through).
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, { capture = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(printed) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function main() {
  const started = Date.now();
  await mkdir(dataDir, { recursive: true });
  if (await isPortInUse(port)) throw new StartupError(`Port ${port} is already in use: stop the other server or set PORT.`);

  const webHeapFlags = heapFlags(heapMb('WEB_HEAP_MB', 256), 8);
  const workerHeapFlags = heapFlags(heapMb('WORKER_HEAP_MB', 384), 4);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: isDev ? 'development' : 'production',
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    AUTH_SECRET: await authSecret(),
    DAUYS_MASTER_KEY: await masterKey(),
    // The servers' log lines: readable in a terminal, JSON lines for a service manager (docs/operations.md, "Logs").
    LOG_FORMAT: process.env.LOG_FORMAT ?? (isDev || process.stdout.isTTY ? 'pretty' : 'json'),
  };
  env.NEXTAUTH_URL ??= env.APP_URL;

  let postgres: RunningPostgres | undefined;
  if (!env.DATABASE_URL) {
    if (await isPortInUse(postgresPort)) {
      throw new StartupError(`Port ${postgresPort} (embedded PostgreSQL) is in use: is another Dauys running? Set DAUYS_PG_PORT.`);
    }
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: postgresPort,
      supervise: { shouldRestart: () => !shuttingDown, log },
    });
    cleanups.push(() => postgres!.stop());
    env.DATABASE_URL = postgres.url;
    log(`PostgreSQL (embedded) on 127.0.0.1:${postgresPort}, data in ${path.relative(ROOT, dataDir)}/postgres`);
  }
  // Modules below read configuration through lib/env when first imported.
  Object.assign(process.env, env);
  const catchesMail = !env.SMTP_URL;
  if (catchesMail) env.MAIL_CATCHER = 'true';

  try {
    await run(process.execPath, ['--import', 'tsx', 'scripts/prepare.ts'], env);
  } catch {
    throw new StartupError('Dauys did not start: the database could not be prepared (the reason is above).');
  }

  if (catchesMail) {
    const { startSmtpCatcher } = await import('./lib/smtp-catcher');
    const catcher = await startSmtpCatcher({
      port: smtpPort,
      databaseUrl: env.DATABASE_URL!,
      masterKey: parseMasterKey(env.DAUYS_MASTER_KEY!),
    });
    cleanups.unshift(() => catcher.stop());
    env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
  }
  Object.assign(process.env, env);

  const nextBin = path.join(ROOT, 'node_modules/.bin/next');
  if (!isDev && (await isBuildStale(ROOT))) {
    log('Building the production bundle (first start, or the code changed)…');
    await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], env);
  }

  const runsOwnWorker = !isDev && !env.WORKER_IN_PROCESS;
  if (runsOwnWorker) env.WORKER_IN_PROCESS = 'false';

  nextProcess = isDev
    ? spawn(nextBin, ['dev', '-p', String(port)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, [...webHeapFlags, '--import', 'tsx', 'scripts/web.ts'], {
        cwd: ROOT,
        env: { ...env, NODE_ENV: 'production', PORT: String(port) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
  nextProcess.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|✓ Ready/.test(chunk.toString())) {
      announce(env, started).catch((error) => log(`Could not print the sign-in link: ${error instanceof Error ? error.message : error}`));
    }
  });
  nextProcess.on('exit', (code) => {
    if (!shuttingDown) {
      log(`Next.js exited with code ${code}`);
      void shutdown(code ?? 1);
    }
  });
  if (runsOwnWorker) startWorker(env, workerHeapFlags);
}

async function announce(env: NodeJS.ProcessEnv, started: number) {
  const url = env.APP_URL;
  const lines = ['', `Dauys is running at ${url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`];
  if (env.MAIL_CATCHER === 'true') {
    const link = await run(process.execPath, ['--import', 'tsx', 'scripts/prepare.ts', '--sign-in-link'], env, { capture: true });
    lines.push(
      `Sign in as the demo admin (${DEMO_ADMIN}): open this link within ${START_LINK_VALID_MINUTES} minutes and press the button (it works once):`,
      `  ${link.trim()}`,
      `Caught mail: ${url}/en/console/mailbox (all mail the app sends lands there, sign-in links you ask for at /en/login too; nothing leaves this machine).`,
      'Each start prints a new sign-in link.',
    );
  }
  lines.push('Press Ctrl-C to stop.', '');
  for (const line of lines) log(line);
}

async function shutdown(exitCode = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('Shutting down…');
  // Mail in hand when the worker is killed stays in the outbox and goes out after the next start.
  await Promise.all([stopChild(nextProcess, 10_000), stopChild(workerProcess, 10_000)]);
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      logError(error);
    }
  }
  log('Stopped.');
  process.exit(exitCode);
}

// The shutdown is ordered: Next.js and the worker, the mail catcher, then PostgreSQL.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0));
}

main().catch(async (error) => {
  if (error instanceof StartupError || error instanceof KeyringError) process.stderr.write(`[dauys] ${error.message}\n`);
  else logError(error);
  await shutdown(1);
});
