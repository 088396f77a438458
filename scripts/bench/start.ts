/**
 * `npm run bench:start`: how long `npm start` takes on this machine, from nothing (fresh data
 * directory and a cold build in its own build folder) and again on the same data and build, and how
 * long Ctrl-C takes to stop everything; then, on a third start, how signing at 300 a second fares
 * from the moment the stack answers (a viral link shared while the server restarts, or a load test
 * against a fresh `npm start`). Prints figures from one run; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeFailures, openLoad } from './open-load';
import { signRequests } from './sign-requests';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = '.data/bench-start';
const DIST_DIR = '.next-bench-start';
const PORT = 3320;

function start(extraEnv: Record<string, string> = {}): ChildProcess {
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
      ...extraEnv,
    },
  });
}

/** Connections Linux dropped because a listening socket's queue of connections not yet accepted was full (whole machine). */
function listenOverflows(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const names = lines.findIndex((line) => line.startsWith('TcpExt:'));
    const column = lines[names]!.split(' ').indexOf('ListenOverflows');
    return column > 0 ? Number(lines[names + 1]!.split(' ')[column]) : null;
  } catch {
    return null;
  }
}

/** 300 signatures a second, evenly spaced, for 30 s from the moment the stack is healthy, on the first open petition of the demo. */
async function signingRightAfterStart() {
  const list = await (await fetch(`http://localhost:${PORT}/en/petitions`)).text();
  const slug = /href="\/en\/petitions\/([a-z0-9-]+)"/.exec(list)?.[1];
  if (!slug) throw new Error('no petition in the demo content');
  const { nextSignature } = signRequests(slug);
  const overflowsBefore = listenOverflows();
  const result = await openLoad({
    url: `http://127.0.0.1:${PORT}`,
    ratePerSecond: 300,
    seconds: 30,
    next: nextSignature,
    windowSeconds: 5,
  });
  const overflowsAfter = listenOverflows();
  return { result, dropped: overflowsBefore === null || overflowsAfter === null ? null : overflowsAfter - overflowsBefore };
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
  // `next build` adds the types of its build folder to tsconfig.json: put the file back afterwards.
  const tsconfig = await readFile(path.join(ROOT, 'tsconfig.json'), 'utf8');
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

  // Each signer's own X-Forwarded-For (as through one proxy), so the per-address limit sees 9,000 people.
  const third = start({ TRUSTED_PROXY_HOPS: '1' });
  await secondsUntilHealthy(Date.now());
  const signing = await signingRightAfterStart();
  await secondsToStop(third);

  await rm(path.join(ROOT, DIST_DIR), { recursive: true, force: true });
  await writeFile(path.join(ROOT, 'tsconfig.json'), tsconfig);
  const row = (label: string, seconds: number, target?: number) =>
    `${label.padEnd(46)} ${seconds.toFixed(1).padStart(6)} s${target ? `   target ≤ ${target} s, ratio ${(seconds / target).toFixed(2)}` : ''}`;
  console.log(row('first start (fresh data, cold build) to healthy', firstStart, 180));
  console.log(row('Ctrl-C to everything stopped', firstStop));
  console.log(row('second start (same data and build) to healthy', secondStart, 20));
  console.log(row('Ctrl-C to everything stopped', secondStop));
  console.log(`PostgreSQL shut down cleanly: ${cleanShutdown ? 'yes' : 'NO'}`);
  const { result, dropped } = signing;
  console.log('signing from the moment a third start is healthy, 300/s evenly spaced (open model):');
  result.windows.forEach((window, index) =>
    console.log(
      `  requests due in ${`${index * 5}–${index * 5 + 5} s`.padEnd(9)} p50 ${window.p50} ms  p99 ${window.p99} ms  max ${window.max} ms`,
    ),
  );
  console.log(
    `  all: ${result.ok} answered 2xx of ${result.sent}${describeFailures(result.failures)}, ${result.ratePerSecond.toFixed(0)} /s, p99 ${result.p99} ms (goal ≤ 150 ms); ` +
      `connections dropped at a full accept queue: ${dropped ?? 'n/a'}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
