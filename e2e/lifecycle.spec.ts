import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { exitOf, ROOT, startDauys as startLauncher, waitUntilHealthy as waitForHealth } from './helpers/launcher';

/*
 * `npm start` as a person uses it: start, stop with Ctrl-C (SIGINT to the whole process group, as a
 * terminal sends it) or SIGTERM (as a process manager sends it), start again on the same data.
 * Uses the production build the web server of this run already made.
 */
const DATA_DIR = '.data/e2e-lifecycle';
const PORT = 3310;
const PG_PORT = 54349;
const SMTP_PORT = 2545;
const DATABASE_URL = `postgresql://dauys:dauys@127.0.0.1:${PG_PORT}/dauys`;

const LAUNCHER = { port: PORT, postgresPort: PG_PORT, smtpPort: SMTP_PORT, dataDir: DATA_DIR };
const launched: ChildProcess[] = [];
function track(launcher: ChildProcess): ChildProcess {
  launched.push(launcher);
  return launcher;
}
const startDauys = () => track(startLauncher(LAUNCHER));

// A test that fails half-way must not leave its stack on the ports the next test starts on.
test.afterEach(async () => {
  for (const launcher of launched.splice(0)) {
    if (launcher.exitCode !== null || launcher.signalCode !== null) continue;
    process.kill(-launcher.pid!, 'SIGINT');
    await exitOf(launcher);
  }
});
const waitUntilHealthy = () => waitForHealth(PORT);

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

type Process = { pid: number; parentPid: number; niceness: number; commandLine: string };

async function processes(): Promise<Process[]> {
  const found: Process[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name: state, ppid, … ; niceness is the 19th field of the line.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const commandLine = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      found.push({ pid: Number(entry), parentPid: Number(fields[1]), niceness: Number(fields[16]), commandLine });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function childRunning(all: Process[], dauys: ChildProcess, script: string): Process | undefined {
  return all.find((p) => p.parentPid === dauys.pid && p.commandLine.includes(script));
}

async function workerOf(dauys: ChildProcess): Promise<Process | undefined> {
  return childRunning(await processes(), dauys, 'scripts/worker.ts');
}

/** The Next.js servers under scripts/web.ts (its cluster primary is the launcher's child). */
async function webServersOf(dauys: ChildProcess): Promise<Process[]> {
  const all = await processes();
  const primary = childRunning(all, dauys, 'scripts/web.ts');
  // Not every child is a server: tsx starts an esbuild service when its cache misses a file.
  return primary ? all.filter((p) => p.parentPid === primary.pid && p.commandLine.includes('scripts/web.ts')) : [];
}

async function expectEverythingStopped() {
  for (const port of [PORT, PG_PORT, SMTP_PORT]) expect(await isListening(port), `port ${port}`).toBe(false);
  // PostgreSQL removes its pid file only after a clean shutdown.
  expect(existsSync(path.join(ROOT, DATA_DIR, 'postgres/postmaster.pid'))).toBe(false);
}

test.describe.configure({ timeout: 300_000 });

test('npm start stops cleanly on Ctrl-C and SIGTERM and keeps its data across restarts', async () => {
  await rm(path.join(ROOT, DATA_DIR), { recursive: true, force: true });

  const first = startDauys();
  await waitUntilHealthy();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`INSERT INTO "AuditLog" (id, action, "createdAt") VALUES ('lifecycle-marker', 'test.marker', now())`);
  await client.end();

  // The job worker runs beside the web server at a lower priority, and comes back when it dies.
  const worker = await workerOf(first);
  expect(worker, 'a worker process').toBeDefined();
  expect(worker!.niceness).toBe(19);
  process.kill(worker!.pid, 'SIGKILL');
  let restarted: Process | undefined;
  await expect
    .poll(async () => ((restarted = await workerOf(first)) && restarted.pid !== worker!.pid ? 'restarted' : 'not yet'), {
      timeout: 30_000,
      intervals: [500],
    })
    .toBe('restarted');
  expect(restarted!.niceness).toBe(19);

  // WEB_PROCESSES Next.js servers share the port; one that dies is replaced while the other serves.
  const servers = await webServersOf(first);
  expect(servers).toHaveLength(2);
  process.kill(servers[0]!.pid, 'SIGKILL');
  const health = async () => (await fetch(`http://localhost:${PORT}/api/health`).catch(() => null))?.status ?? 0;
  await expect.poll(health, { timeout: 5_000, intervals: [100] }).toBe(200);
  await expect
    .poll(async () => (await webServersOf(first)).filter((p) => p.pid !== servers[0]!.pid).length, { timeout: 30_000, intervals: [500] })
    .toBe(2);
  const serving = await webServersOf(first);
  expect(await health()).toBe(200);

  // Mail caught just now leaves the catcher an idle database connection, which the Ctrl-C (it
  // reaches postgres directly) closes under it: the launcher must still stop cleanly.
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: 'lifecycle@example.org', to: 'caught@example.org', subject: 'Lifecycle', text: 'Caught.' });
  smtp.close();

  process.kill(-first.pid!, 'SIGINT');
  // 130 (128 + SIGINT) is how tsx, like a shell, reports a run ended by Ctrl-C.
  expect([0, 130]).toContain(await exitOf(first));
  await expectEverythingStopped();
  const left = (await processes()).map((p) => p.pid);
  expect(left).not.toContain(restarted!.pid);
  for (const server of serving) expect(left).not.toContain(server.pid);

  const second = startDauys();
  await waitUntilHealthy();
  const again = new pg.Client({ connectionString: DATABASE_URL });
  await again.connect();
  const { rowCount } = await again.query(`SELECT 1 FROM "AuditLog" WHERE id = 'lifecycle-marker'`);
  await again.end();
  expect(rowCount).toBe(1);

  process.kill(second.pid!, 'SIGTERM');
  expect(await exitOf(second)).toBe(0);
  await expectEverythingStopped();
});

test('npm run dev starts on the same zero-config stack and serves the pages in Kazakh', async () => {
  const dataDir = '.data/e2e-dev';
  await rm(path.join(ROOT, dataDir), { recursive: true, force: true });
  const dev = track(startLauncher({ ...LAUNCHER, dataDir, args: ['--dev'] }));
  try {
    await waitUntilHealthy();
    // next dev compiles each route on its first request.
    const home = await fetch(`http://localhost:${PORT}/kk`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html lang="kk"');
  } finally {
    process.kill(-dev.pid!, 'SIGTERM');
    await exitOf(dev);
  }
  for (const port of [PORT, PG_PORT, SMTP_PORT]) expect(await isListening(port), `port ${port}`).toBe(false);
});
