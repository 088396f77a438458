/**
 * Processes the benchmarks start: a production Dauys (scripts/start.ts, as `npm start` runs it), the
 * discarding SMTP sink, and the seal-cost measurement on a database of its own.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureDatabase, type RunningPostgres } from '../lib/embedded-postgres';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';

const ROOT = path.resolve(__dirname, '../..');

export type RunningDauys = { url: string; pid: number; stop(): Promise<void> };

/** Starts scripts/start.ts with `env` over this process's environment and waits until /api/health answers 200. */
export async function startDauys(url: string, env: Record<string, string>): Promise<RunningDauys> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  const since = Date.now();
  for (;;) {
    const response = await fetch(`${url}/api/health`).catch(() => null);
    if (response?.ok) return { url, pid: child.pid!, stop };
    if (child.exitCode !== null) throw new Error(`scripts/start.ts exited with ${child.exitCode}`);
    if (Date.now() - since > 900_000) {
      await stop();
      throw new Error('server not healthy after 15 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function startSink(): Promise<{ url: string; process: ChildProcess }> {
  const sink = fork(path.join(__dirname, 'email/discard-sink.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => sink.once('message', (m: { port: number }) => resolve(m.port)));
  return { url: `smtp://127.0.0.1:${port}`, process: sink };
}

/** scripts/bench/seal-cost.ts on a database of its own, before the server starts (PostgreSQL otherwise idle). */
export async function measureSealCost(postgres: RunningPostgres, masterKey: string) {
  await ensureDatabase(postgres.urlFor('postgres'), 'seal_cost');
  await applyMigrationsAndPendingSchema(postgres.urlFor('seal_cost'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/seal-cost.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: postgres.urlFor('seal_cost'), DAUYS_MASTER_KEY: masterKey, WORKER_IN_PROCESS: 'false' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seal-cost exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as { sealedPerSecond: number; clearPerSecond: number; ratio: number };
}
