/**
 * `npm run bench:sign`: the petition surge on this machine. Starts a production server (scripts/start.ts)
 * on its own embedded PostgreSQL and prints, from one run: sign-path throughput and latency at rising
 * concurrency (the JSON request the form's JavaScript sends, unique addresses, many client networks),
 * p50/p99 at 300/s (arrivals evenly spaced, and as autocannon's once-a-second bursts), the plain-INSERT
 * ceiling of the same row from Node and the ratio, how fast the confirmation mails go out, page
 * views/s with database transactions per 1,000 views (from Next.js, and through nginx with
 * docs/nginx.conf when nginx is installed), how long the displayed count takes to equal the true
 * count after a confirmation surge, and whether every 2xx is in the database. Asserts nothing.
 *
 * Mail goes to an SMTP sink that discards (as to a relay in production; the demo's catcher would
 * store every message in the same database). The server runs as `npm start` runs it: one Next.js
 * process per core (WEB_PROCESSES overrides) and the job worker in its own process at a lower
 * priority. BENCH_WORKER=in-process runs the worker inside the web server (WORKER_IN_PROCESS=true);
 * BENCH_WORKER=none runs none, to show what the sign path costs without the mail it causes.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from '../lib/embedded-postgres';
import { newMasterKey } from '../../lib/security/keyring';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';
import { startNginx, type RunningNginx } from '../lib/nginx';
import { webProcessCount } from '../lib/processes';
import { openLoad, type OpenLoadRequest } from './open-load';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = '.data/bench-sign';
const PORT = Number(process.env.BENCH_PORT ?? 3374);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54374);
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? 3375);
const BASE = `http://localhost:${PORT}`;
const SLUG = 'bench-surge';
const PAGE = '/en/petitions/sexual-harassment-liability';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKER_MODE = (process.env.BENCH_WORKER ?? 'separate') as 'separate' | 'in-process' | 'none';
/** What scripts/start.ts is told; unset is its default, the worker process beside the web server. */
const WORKER_IN_PROCESS = { separate: '', 'in-process': 'true', none: 'false' }[WORKER_MODE];

const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
let sequence = 0;
const accepted = new Set<string>();
const ip = () => `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;

/** The JSON request the sign form's JavaScript sends, from a new address and network each time. */
function nextSignature(): OpenLoadRequest {
  sequence += 1;
  const email = `s${sequence}.${run}@bench.example`;
  return {
    method: 'POST',
    path: `/api/petitions/${SLUG}/signatures`,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip() },
    body: JSON.stringify({ fullName: 'Bench Signer', email, region: 'ALMATY', consent: true, locale: 'en' }),
  };
}

function signRequest() {
  return {
    method: 'POST' as const,
    path: `/api/petitions/${SLUG}/signatures`,
    setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
      const signature = nextSignature();
      context.email = JSON.parse(signature.body!).email;
      return { ...request, headers: signature.headers, body: signature.body };
    },
    onResponse(status: number, _body: string, context: Record<string, unknown>) {
      if (status === 200) accepted.add(context.email as string);
    },
  };
}

async function cannon(options: Omit<autocannon.Options, 'url'> & { url?: string }) {
  return autocannon({ url: BASE, duration: SECONDS, ...options });
}

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
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

/** scripts/bench/seal-cost.ts on a database of its own, before the server starts (PostgreSQL otherwise idle). */
async function measureSealCost(postgres: RunningPostgres, masterKey: string) {
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

async function main() {
  await rm(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(ROOT, DATA_DIR, 'postgres'), port: PG_PORT });
  await applyMigrationsAndPendingSchema(postgres.url);
  const masterKey = newMasterKey();
  process.env.DAUYS_MASTER_KEY = masterKey;
  const sealCost = await measureSealCost(postgres, masterKey);
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  const sink = await startSink();
  // Each simulated signer writes its own X-Forwarded-For, as if through one proxy (TRUSTED_PROXY_HOPS=1).
  const server = startProcess('scripts/start.ts', {
    DATABASE_URL: postgres.url,
    SMTP_URL: sink.url,
    APP_URL: BASE,
    WORKER_IN_PROCESS,
    PORT: String(PORT),
    DAUYS_DATA_DIR: DATA_DIR,
    DAUYS_MASTER_KEY: masterKey,
    NEXT_DIST_DIR: '.next-bench-sign',
    TRUSTED_PROXY_HOPS: '1',
  });
  let nginx: RunningNginx | null = null;
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
    line(
      'signPetition() in one process, sealed / not sealed',
      `${sealCost.sealedPerSecond} /s / ${sealCost.clearPerSecond} /s = ${(sealCost.ratio * 100).toFixed(1)} % (goal ≥ 90 %)`,
    );

    let best = 0;
    for (const connections of [10, 50, 100, 200]) {
      const result = await cannon({ connections, requests: [signRequest()] });
      const rate = result['2xx'] / SECONDS;
      best = Math.max(best, rate);
      line(
        `sign, ${connections} connections`,
        `${rate.toFixed(0).padStart(5)} /s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.non2xx + result.errors + result.timeouts}`,
      );
    }
    // People arrive one by one: 300 a second, evenly spaced (open model, latency from when each was due).
    const paced = await openLoad({
      url: BASE,
      ratePerSecond: 300,
      seconds: 15,
      next: nextSignature,
      onOk: (request) => accepted.add(JSON.parse(request.body!).email),
    });
    line(
      'sign, 300/s evenly spaced (open model)',
      `${paced.ratePerSecond.toFixed(0).padStart(5)} /s  p50 ${paced.p50} ms  p99 ${paced.p99} ms  errors ${paced.failed}`,
    );
    // The same 300/s as autocannon paces it: every second's 300 sent at once at its start.
    const burst = await cannon({ connections: 100, overallRate: 300, duration: 15, requests: [signRequest()] });
    line(
      'sign, 300/s as bursts of 300 (autocannon overallRate)',
      `${(burst['2xx'] / 15).toFixed(0).padStart(5)} /s  p50 ${burst.latency.p50} ms  p99 ${burst.latency.p99} ms  errors ${burst.non2xx + burst.errors + burst.timeouts}`,
    );

    // No lost signature: every 200 is a row (found by the blind index of its address).
    process.env.DATABASE_URL = postgres.url;
    const { keyring } = await import('../../lib/security/personal-data');
    const keys = await keyring();
    const { rows: stored } = await client.query<{ emailIndex: string }>(`SELECT "emailIndex" FROM "Signature" WHERE "petitionId" = $1`, [
      petitionId,
    ]);
    const inDb = new Set(stored.map((r) => r.emailIndex));
    const lost = [...accepted].filter((email) => !inDb.has(keys.emailIndex(email))).length;
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
            `INSERT INTO "Signature" ("petitionId", "supporterId", "emailIndex", "emailSealed", "fullNameSealed", region, locale, "consentVersion", "ipHash", "ipPrefixSealed", "expiresAt", "mailPending")
             VALUES ($1, $2, $3, $3, 'Bench Signer', 'ALMATY', 'en', 'v', 'h', 'p', now() + interval '7 days', false)`,
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
    // measure views alone; the pace at which they go out is a figure of its own. A mail is out when
    // its signature has handed it to the outbox and the outbox row is no longer PENDING.
    const mailsNotSent = async () =>
      Number(
        (
          await client.query<{ n: string }>(
            `SELECT (SELECT count(*) FROM "Signature" WHERE "mailPending") + (SELECT count(*) FROM "OutboundMail" WHERE status = 'PENDING') AS n`,
          )
        ).rows[0]!.n,
      );
    const mailsSent = async () =>
      Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "OutboundMail" WHERE status = 'SENT'`)).rows[0]!.n);
    const sentDuringSurge = await mailsSent();
    const drainStart = Date.now();
    const backlog = await mailsNotSent();
    let left = backlog;
    while (left > 0 && WORKER_MODE !== 'none' && Date.now() - drainStart < 240_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      left = await mailsNotSent();
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    line('confirmation mails sent while the signing ran', `${sentDuringSurge}`);
    line(
      'confirmation mails left after the surge, then sent',
      `${backlog} left, ${backlog - left} sent in ${drainSeconds.toFixed(0)} s (${((backlog - left) / drainSeconds).toFixed(0)} /s)`,
    );

    // Page views and the database transactions they cost (idle baseline subtracted: the queue polls).
    const xacts = async () =>
      Number(
        (
          await client.query<{ n: string }>(
            `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
          )
        ).rows[0]!.n,
      );
    const before = await xacts();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const idle = (await xacts()) - before - 2;
    const pageViews = async (label: string, url: string) => {
      const start = await xacts();
      const views = await cannon({ url, connections: 50, requests: [{ method: 'GET', path: PAGE }] });
      const spent = Math.max(0, (await xacts()) - start - 1 - idle);
      line(label, `${(views['2xx'] / SECONDS).toFixed(0).padStart(5)} /s  p99 ${views.latency.p99} ms  non-2xx ${views.non2xx}`);
      line(
        '  database transactions per 1,000 views',
        `${((spent / Math.max(1, views['2xx'])) * 1000).toFixed(2)} (idle baseline ${idle} subtracted)`,
      );
    };
    await pageViews('petition page views, from Next.js', BASE);
    // The same views through the documented caching proxy (docs/nginx.conf), as a CDN would serve them.
    nginx = await startNginx(ROOT, path.join(ROOT, DATA_DIR, 'nginx'), NGINX_PORT, PORT);
    if (nginx) await pageViews('petition page views, through nginx (docs/nginx.conf)', nginx.url);
    else line('petition page views, through nginx', 'skipped: nginx is not installed (apt-get install nginx)');

    // Confirmation surge through the same function the confirm button calls, then time to a true display.
    const { confirmSignature } = await import('../../lib/petitions/confirm-signature');
    const tokens = Array.from({ length: 3000 }, () => randomBytes(32).toString('base64url'));
    const pending = (
      await client.query<{ id: string }>(
        `SELECT id FROM "Signature" WHERE "petitionId" = $1 AND status = 'PENDING' ORDER BY id LIMIT 3000`,
        [petitionId],
      )
    ).rows;
    for (let i = 0; i < pending.length; i += 1) {
      await client.query(`UPDATE "Signature" SET "tokenHash" = $1 WHERE id = $2`, [
        createHash('sha256').update(tokens[i]!).digest('hex'),
        pending[i]!.id,
      ]);
    }
    const confirmStart = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < pending.length) await confirmSignature(tokens[next++]!);
      }),
    );
    const surgeEnd = Date.now();
    line(
      'confirmations (same function as the button, 32 at once)',
      `${((pending.length / (surgeEnd - confirmStart)) * 1000).toFixed(0).padStart(5)} /s`,
    );
    const truth = Number(
      (
        await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Signature" WHERE "petitionId" = $1 AND status = 'CONFIRMED'`, [
          petitionId,
        ])
      ).rows[0]!.n,
    );
    const secondsUntilTrue = async (base: string) => {
      for (;;) {
        const shown = (await (await fetch(`${base}/api/petitions/${SLUG}`)).json()) as { count: number };
        if (shown.count === truth) return (Date.now() - surgeEnd) / 1000;
        if (Date.now() - surgeEnd > 60_000) throw new Error(`count still ${shown.count}, truth ${truth}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const [fromNext, throughNginx] = await Promise.all([secondsUntilTrue(BASE), nginx ? secondsUntilTrue(nginx.url) : null]);
    line(
      'displayed count equals the true count after',
      `${fromNext.toFixed(1)} s from Next.js${throughNginx === null ? '' : `, ${throughNginx.toFixed(1)} s through nginx`} (true count ${truth})`,
    );

    const workerMode = {
      'in-process': 'workers inside the web server',
      separate: 'worker in its own process at lower priority, the default',
      none: 'no workers: no mail sent',
    }[WORKER_MODE];
    console.log(
      `\nPetitions benchmark (${SECONDS} s per step, ${webProcessCount()} web process(es), ${workerMode}, ${new Date().toISOString()})\n${rows.join('\n')}`,
    );
  } finally {
    await nginx?.stop();
    await client.end();
    process.kill(-server.pid!, 'SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    sink.process.kill();
    await postgres.stop();
    process.exit(0);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
