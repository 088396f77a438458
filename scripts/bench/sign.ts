/**
 * `npm run bench:sign`: the petition surge on this machine. Starts a production server (scripts/start.ts)
 * on its own embedded PostgreSQL and prints, from one run: sign-path throughput and latency at rising
 * concurrency (the JSON request the form's JavaScript sends, unique addresses, many client networks),
 * p50/p99 at 300/s (arrivals evenly spaced, and as autocannon's once-a-second bursts), the plain-INSERT
 * ceiling of the same row from Node and the ratio, how fast the confirmation mails go out, page
 * views/s with database transactions per 1,000 views (from Next.js, and through nginx with
 * docs/nginx.conf when nginx is installed), a first visit's scripts per second beside the bare
 * page's, how long the displayed count takes to equal the true
 * count after a confirmation surge, and whether every 2xx is in the database. Asserts nothing.
 *
 * Side by side in the same run (issue 19): a bare Next.js app (scripts/bench/baseline/, built here)
 * signing with one INSERT into the same PostgreSQL and serving a dynamic page of the petition page's
 * size with the same CSP nonce, one process each, and the ratios; then the memory (PSS) of every
 * process of the stack after the surge.
 *
 * Mail goes to an SMTP sink that discards (as to a relay in production; the demo's catcher would
 * store every message in the same database). The server runs as `npm start` runs it, but with one
 * Next.js process (WEB_PROCESSES overrides; the ratios compare one process with one) and the job
 * worker in its own process at a lower priority. BENCH_WORKER=in-process runs the worker inside the web server (WORKER_IN_PROCESS=true);
 * BENCH_WORKER=none runs none, to show what the sign path costs without the mail it causes.
 */
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { newMasterKey } from '../../lib/security/keyring';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';
import { startNginx, type RunningNginx } from '../lib/nginx';
import { webProcessCount } from '../lib/processes';
import { buildBaseline, createBaselineTable, measurePage, sizedBaselinePage, startBaseline, type RunningBaseline } from './baseline';
import { confirmationSurge } from './confirm-surge';
import { cpuSecondsDuring, formatCpuPer } from './cpu';
import { dauysStackGroups, dauysStackMemory, formatMemory, measureGroups, postgresProcesses, processTree, totalMegabytes } from './memory';
import { compareFirstVisits } from './first-visit';
import { drainMail } from './mail-drain';
import { describeFailures, openLoad } from './open-load';
import { plainInsertRate } from './plain-insert';
import { signRequests } from './sign-requests';
import { measureSealCost, startDauys, startSink, type RunningDauys } from './stack';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = '.data/bench-sign';
const PORT = Number(process.env.BENCH_PORT ?? 3374);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54374);
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? 3375);
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3376);
/** One Next.js process unless WEB_PROCESSES says otherwise: the ratios to the baseline are per process. */
const WEB_PROCESSES = process.env.WEB_PROCESSES || '1';
const COMPARED_CONNECTIONS = 50;
const MEMORY_GOAL_MB = 1024;
const BASE = `http://localhost:${PORT}`;
const SLUG = 'bench-surge';
const PAGE = '/en/petitions/sexual-harassment-liability';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKER_MODE = (process.env.BENCH_WORKER ?? 'separate') as 'separate' | 'in-process' | 'none';
/** What scripts/start.ts is told; unset is its default, the worker process beside the web server. */
const WORKER_IN_PROCESS = { separate: '', 'in-process': 'true', none: 'false' }[WORKER_MODE];

const { run, accepted, nextSignature, signRequest } = signRequests(SLUG);

async function cannon(options: Omit<autocannon.Options, 'url'> & { url?: string }) {
  return autocannon({ url: BASE, duration: SECONDS, ...options });
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
  let server: RunningDauys | null = null;
  let baseline: RunningBaseline | null = null;
  let nginx: RunningNginx | null = null;
  try {
    // Each simulated signer writes its own X-Forwarded-For, as if through one proxy (TRUSTED_PROXY_HOPS=1).
    [server] = await Promise.all([
      startDauys(BASE, {
        DATABASE_URL: postgres.url,
        SMTP_URL: sink.url,
        APP_URL: BASE,
        WORKER_IN_PROCESS,
        WEB_PROCESSES,
        PORT: String(PORT),
        DAUYS_DATA_DIR: DATA_DIR,
        DAUYS_MASTER_KEY: masterKey,
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next-bench-sign',
        TRUSTED_PROXY_HOPS: '1',
      }),
      buildBaseline(),
    ]);
    await createBaselineTable(client);
    baseline = await startBaseline(BASELINE_PORT, postgres.url);
    const petitionId = `bench-${run}`;
    await client.query(
      `INSERT INTO "Petition" (id, slug, title, summary, body, addressee, goal, milestones, status, "updatedAt")
       VALUES ($1, $2, $3, $3, $3, $3, 1000000, '{}', 'OPEN', now())`,
      [
        petitionId,
        SLUG,
        JSON.stringify({ kk: 'Қудалау үшін жауапкершілік', ru: 'Ответственность за преследование', en: 'Liability for stalking' }),
      ],
    );
    const rows: string[] = [];
    const line = (label: string, value: string) => rows.push(`${label.padEnd(52)} ${value}`);
    line(
      'signPetition() in one process, sealed / not sealed',
      `${sealCost.sealedPerSecond} /s / ${sealCost.clearPerSecond} /s = ${(sealCost.ratio * 100).toFixed(1)} % (goal ≥ 90 %)`,
    );

    // The baseline first, while nothing of Dauys runs in the background (the mail of its signatures would).
    const baselineSign = signRequest('/api/sign');
    await cannon({ url: baseline.url, connections: 10, duration: 3, requests: [baselineSign] });
    const postgresDir = path.join(ROOT, DATA_DIR, 'postgres');
    const generator = 'load generator (autocannon, this process)';
    const baselineGroups = () =>
      new Map([
        ['baseline Next.js server', processTree(baseline!.pid)],
        ['PostgreSQL', postgresProcesses(postgresDir)],
        [generator, [process.pid]],
      ]);
    const { result: bare, seconds: bareCpu } = await cpuSecondsDuring(baselineGroups, () =>
      cannon({ url: baseline!.url, connections: COMPARED_CONNECTIONS, requests: [baselineSign] }),
    );
    const bareRate = bare['2xx'] / SECONDS;
    line(
      `baseline sign (bare Next.js, one INSERT), ${COMPARED_CONNECTIONS} conns`,
      `${bareRate.toFixed(0).padStart(5)} /s  p50 ${bare.latency.p50} ms  p99 ${bare.latency.p99} ms  errors ${bare.non2xx + bare.errors + bare.timeouts}`,
    );

    await fetch(`${BASE}/en/petitions/${SLUG}`); // warm up the routes
    await cannon({ connections: 10, duration: 3, requests: [signRequest()] });
    let best = 0;
    let compared = 0;
    let comparedCpu = '';
    const stackGroups = () => new Map([...dauysStackGroups(server!.pid, postgresDir), [generator, [process.pid]]]);
    for (const connections of [10, COMPARED_CONNECTIONS, 100, 200]) {
      const { result, seconds } = await cpuSecondsDuring(stackGroups, () => cannon({ connections, requests: [signRequest()] }));
      if (connections === COMPARED_CONNECTIONS) comparedCpu = formatCpuPer(seconds, result['2xx']);
      const rate = result['2xx'] / SECONDS;
      best = Math.max(best, rate);
      if (connections === COMPARED_CONNECTIONS) compared = rate;
      line(
        `sign, ${connections} connections`,
        `${rate.toFixed(0).padStart(5)} /s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.non2xx + result.errors + result.timeouts}`,
      );
    }
    line(
      `sign, Dauys / baseline at ${COMPARED_CONNECTIONS} connections`,
      `${(compared / bareRate).toFixed(2)} (goal ≥ 0.5; ${WEB_PROCESSES} Dauys web process(es), 1 baseline process)`,
    );
    // Where the difference goes: CPU per answered signature, per process, in the same two runs (2 cores = 2,000 ms a second).
    line('  CPU per signature, Dauys (ms)', comparedCpu);
    line('  CPU per signature, baseline (ms)', formatCpuPer(bareCpu, bare['2xx']));
    // People arrive one by one: 300 a second, evenly spaced (open model, latency from when each was due).
    const benchGroups = () => new Map([...stackGroups(), ['SMTP sink', [sink.process.pid!]]]);
    const { result: paced, elsewhere } = await cpuSecondsDuring(benchGroups, () =>
      openLoad({
        url: BASE,
        ratePerSecond: 300,
        seconds: 15,
        next: nextSignature,
        onOk: (request) => accepted.add(JSON.parse(request.body!).email),
      }),
    );
    line(
      'sign, 300/s evenly spaced (open model)',
      `${paced.ratePerSecond.toFixed(0).padStart(5)} /s  p50 ${paced.p50} ms  p99 ${paced.p99} ms  errors ${paced.failed}${describeFailures(paced.failures)}`,
    );
    line("  the load generator's own event-loop delay", `p99 ${paced.generatorDelay.p99} ms  max ${paced.generatorDelay.max} ms`);
    line(
      '  CPU seconds anything else on the machine spent meanwhile',
      `${elsewhere.toFixed(1)} (of ${availableParallelism()} cores × 15 s)`,
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
    const ceiling = await plainInsertRate(postgres.url, petitionId, SECONDS);
    line('plain INSERT of the same row from Node (64 conns)', `${ceiling.toFixed(0).padStart(5)} /s`);
    line('best sign rate / plain INSERT rate', `${((best / ceiling) * 100).toFixed(1)} %`);

    // Let the confirmation mails of the surge go out first, so the views below measure views alone;
    // the pace at which they go out is a figure of its own.
    const { result: mail, seconds: drainCpu } = await cpuSecondsDuring(benchGroups, () => drainMail(client, WORKER_MODE !== 'none'));
    line('confirmation mails sent while the signing ran', `${mail.sentDuringSurge}`);
    line(
      'confirmation mails left after the surge, then sent',
      `${mail.backlog} left, ${mail.sent} sent in ${mail.seconds.toFixed(0)} s (${(mail.sent / mail.seconds).toFixed(0)} /s)`,
    );
    // Nothing else runs meanwhile: what one mail costs, from its signature's row to the sink's answer
    // (the load generator's share is this process polling the outbox).
    line('  CPU per mail while they went out (ms)', formatCpuPer(drainCpu, mail.sent));
    // Ciphertext does not compress: what a queued mail's job occupies in PostgreSQL (its sealed message).
    const { rows: jobBytes } = await client.query<{ bytes: number }>(
      `SELECT avg(pg_column_size(data))::int AS bytes FROM pgboss.job WHERE name = 'mail.send'`,
    );
    line("  a mail.send job's data, stored (bytes)", `${jobBytes[0]?.bytes ?? 0}`);

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
    const pageViews = async (label: string, url: string, pagePath = PAGE, headers: Record<string, string> = {}) => {
      const start = await xacts();
      const views = await cannon({ url, connections: 50, requests: [{ method: 'GET', path: pagePath, headers }] });
      const spent = Math.max(0, (await xacts()) - start - 1 - idle);
      line(label, `${(views['2xx'] / SECONDS).toFixed(0).padStart(5)} /s  p99 ${views.latency.p99} ms  non-2xx ${views.non2xx}`);
      line(
        '  database transactions per 1,000 views',
        `${((spent / Math.max(1, views['2xx'])) * 1000).toFixed(2)} (idle baseline ${idle} subtracted)`,
      );
      return views['2xx'] / SECONDS;
    };
    const petitionPage = await measurePage(`${BASE}${PAGE}`);
    const barePage = await sizedBaselinePage(baseline.url, petitionPage.bytes);
    // Each web process sends a petition page from its copy of the last second (lib/rendered-page-cache.ts);
    // a query string passes it by, so the "each view rendered" line is what rendering every view costs.
    const views = await pageViews('petition page views, from Next.js', BASE);
    await pageViews('  the same, gzip as browsers ask (compressed per copy)', BASE, PAGE, { 'accept-encoding': 'gzip, deflate, br' });
    const renderedViews = await pageViews('  the same, each view rendered (?query)', BASE, `${PAGE}?view=rendered`);
    const bareViews = await pageViews('baseline page views (bare dynamic Next.js page)', baseline.url, barePage.path);
    line(
      'page views, Dauys / baseline',
      `${(views / bareViews).toFixed(2)} (goal ≥ 0.7; HTML ${(petitionPage.bytes / 1024).toFixed(1)} / ${(barePage.bytes / 1024).toFixed(1)} KB; per-response nonce: Dauys ${petitionPage.nonce ? 'yes' : 'NO'}, baseline ${barePage.nonce ? 'yes' : 'NO'})`,
    );
    line('  each view rendered, Dauys / baseline', `${(renderedViews / bareViews).toFixed(2)}`);
    // A first visitor's scripts: Dauys sends the build's compressed copies (lib/built-assets.ts).
    await compareFirstVisits({ url: BASE, path: PAGE }, { url: baseline.url, path: barePage.path }, SECONDS, line);
    // The same views through the documented caching proxy (docs/nginx.conf), as a CDN would serve them.
    nginx = await startNginx(ROOT, path.join(ROOT, DATA_DIR, 'nginx'), NGINX_PORT, PORT);
    if (nginx) await pageViews('petition page views, through nginx (docs/nginx.conf)', nginx.url);
    else line('petition page views, through nginx', 'skipped: nginx is not installed (apt-get install nginx)');

    // Confirmation surge through the same function the confirm button calls, then time to a true display.
    const surge = await confirmationSurge(client, petitionId, SLUG, nginx ? [BASE, nginx.url] : [BASE]);
    line('confirmations (same function as the button, 32 at once)', `${surge.perSecond.toFixed(0).padStart(5)} /s`);
    const [fromNext, throughNginx] = surge.secondsUntilTrue;
    line(
      'displayed count equals the true count after',
      `${fromNext!.toFixed(1)} s from Next.js${throughNginx === undefined ? '' : `, ${throughNginx.toFixed(1)} s through nginx`} (true count ${surge.truth})`,
    );

    // Memory after the surge: every process of the stack (the mail sink stands apart, as a relay would).
    const stack = dauysStackMemory(server.pid, postgresDir);
    line(
      'memory of the stack after the surge',
      `${totalMegabytes(stack).toFixed(0)} MB (goal < ${MEMORY_GOAL_MB} MB with one web process)`,
    );
    rows.push(...formatMemory(stack, 52));
    const bareMemory = measureGroups(processTree(baseline.pid), () => 'baseline Next.js server');
    line('  for comparison: the baseline Next.js server', `${totalMegabytes(bareMemory).toFixed(0)} MB`);

    const workerMode = {
      'in-process': 'workers inside the web server',
      separate: 'worker in its own process at lower priority, the default',
      none: 'no workers: no mail sent',
    }[WORKER_MODE];
    console.log(
      `\nPetitions benchmark (${SECONDS} s per step, ${webProcessCount(WEB_PROCESSES)} web process(es), ${workerMode}, ${new Date().toISOString()})\n${rows.join('\n')}`,
    );
  } finally {
    await nginx?.stop();
    await baseline?.stop();
    await client.end();
    await server?.stop();
    sink.process.kill();
    await postgres.stop();
    process.exit(0);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
