/**
 * `npm run bench:start`: how long `npm start` takes on this machine, from nothing (fresh data
 * directory and a cold build in its own build folder) and again on the same data and build, and how
 * long Ctrl-C takes to stop everything. Prints figures from one run; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = '.data/bench-start';
const DIST_DIR = '.next-bench-start';
const PORT = 3320;

function start(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(PORT),
      DAUYS_DATA_DIR: DATA_DIR,
      DAUYS_PG_PORT: '54359',
      DAUYS_SMTP_PORT: '2555',
      NEXT_DIST_DIR: DIST_DIR,
      APP_URL: `http://localhost:${PORT}`,
      DATABASE_URL: '',
      SMTP_URL: '',
    },
  });
}

async function secondsUntilHealthy(since: number): Promise<number> {
  for (;;) {
    const response = await fetch(`http://localhost:${PORT}/api/health`).catch(() => null);
    if (response?.status === 200) {
      // The home page too, so the figure includes the first render.
      await fetch(`http://localhost:${PORT}/en`);
      return (Date.now() - since) / 1000;
    }
    if (Date.now() - since > 600_000) throw new Error('not healthy after 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function secondsToStop(child: ChildProcess): Promise<number> {
  const since = Date.now();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  return (Date.now() - since) / 1000;
}

async function main() {
  await rm(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  await rm(path.join(ROOT, DIST_DIR), { recursive: true, force: true });

  let since = Date.now();
  const first = start();
  const firstStart = await secondsUntilHealthy(since);
  const firstStop = await secondsToStop(first);

  since = Date.now();
  const second = start();
  const secondStart = await secondsUntilHealthy(since);
  const secondStop = await secondsToStop(second);
  const cleanShutdown = !existsSync(path.join(ROOT, DATA_DIR, 'postgres/postmaster.pid'));

  await rm(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
  const row = (label: string, seconds: number, target?: number) =>
    `${label.padEnd(46)} ${seconds.toFixed(1).padStart(6)} s${target ? `   target ≤ ${target} s, ratio ${(seconds / target).toFixed(2)}` : ''}`;
  console.log(row('first start (fresh data, cold build) to healthy', firstStart, 180));
  console.log(row('Ctrl-C to everything stopped', firstStop));
  console.log(row('second start (same data and build) to healthy', secondStart, 20));
  console.log(row('Ctrl-C to everything stopped', secondStop));
  console.log(`PostgreSQL shut down cleanly: ${cleanShutdown ? 'yes' : 'NO'}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
