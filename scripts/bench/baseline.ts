/**
 * The bare Next.js app bench:sign compares Dauys with (scripts/bench/baseline/): the same Next.js
 * from the root node_modules, built into its own distDir; a route handler that parses the sign
 * request's JSON and does one INSERT (with `pg`, a pool of 10) into a table of the Signature table's
 * shape in the same database; and a dynamic page with the same per-request CSP nonce as Dauys.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type pg from 'pg';

const ROOT = path.resolve(__dirname, '../..');
const APP_DIR = 'scripts/bench/baseline';
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

export type RunningBaseline = { url: string; pid: number; stop(): Promise<void> };

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(' ')} exited with ${code}`))));
  });
}

export async function buildBaseline(): Promise<void> {
  await run(['build', APP_DIR]);
}

/** The table the baseline writes: the Signature table's columns, defaults and indexes (no foreign keys). */
export async function createBaselineTable(client: pg.Client): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS "BaselineSignature" (LIKE "Signature" INCLUDING DEFAULTS INCLUDING INDEXES)`);
}

export async function startBaseline(port: number, databaseUrl: string): Promise<RunningBaseline> {
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', APP_DIR, '-p', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', BASELINE_DATABASE_URL: databaseUrl },
  });
  const url = `http://localhost:${port}`;
  const since = Date.now();
  while (!(await fetch(`${url}/page`).catch(() => null))?.ok) {
    if (Date.now() - since > 120_000) throw new Error('the baseline did not answer in 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

async function fetchPage(url: string): Promise<{ bytes: number; nonce: string | null }> {
  const response = await fetch(url);
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  return { bytes: Buffer.byteLength(html), nonce: nonce && html.includes(`nonce="${nonce}"`) ? nonce : null };
}

/** Size of a page's HTML and whether each response's scripts carry a nonce of its own, in its policy. */
export async function measurePage(url: string): Promise<{ bytes: number; nonce: boolean }> {
  const first = await fetchPage(url);
  const second = await fetchPage(url);
  return { bytes: first.bytes, nonce: first.nonce !== null && second.nonce !== null && first.nonce !== second.nonce };
}

/**
 * The baseline page's path sized like `target` bytes of HTML (the page's fixed part measured, then
 * how much each character of filler adds, since the text is both in the HTML and in the inlined RSC
 * payload), its size, and whether it carries a per-request nonce in its policy and its scripts.
 */
export async function sizedBaselinePage(baseUrl: string, target: number): Promise<{ path: string; bytes: number; nonce: boolean }> {
  const empty = await measurePage(`${baseUrl}/page?filler=0`);
  const sample = await measurePage(`${baseUrl}/page?filler=10000`);
  const perCharacter = (sample.bytes - empty.bytes) / 10000;
  const filler = Math.max(0, Math.round((target - empty.bytes) / perCharacter));
  const pagePath = `/page?filler=${filler}`;
  return { path: pagePath, ...(await measurePage(`${baseUrl}${pagePath}`)) };
}
