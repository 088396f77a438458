/**
 * `npm run bench:mail-outage`: the outside fault run's scenarios at full length, with production
 * settings (MAIL_RETRY_DELAY_SECONDS=30, MAIL_RETRY_MAX_DELAY_SECONDS=3600, MAIL_SEND_TIMEOUT_SECONDS=60,
 * MAIL_RELAY_PROBE_SECONDS=15), the real worker process (`npm run worker`) and its own embedded
 * PostgreSQL; prints figures, asserts nothing. tests/mail/ runs the same faults shortened.
 * 1. SMTP_URL points at a port that refuses connections for BENCH_OUTAGE_SECONDS (150) while 30
 *    signers wait for their confirmation; then the relay answers and a sign-in link is requested.
 * 2. The worker is SIGKILLed in the middle of a petitions.mail run (30 signers) and started again; a
 *    new signer signs meanwhile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { freePort } from '../lib/free-port';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';
import { newMasterKey } from '../../lib/security/keyring';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = path.join(ROOT, '.data/bench-mail-outage');
const OUTAGE_SECONDS = Number(process.env.BENCH_OUTAGE_SECONDS ?? 150);
const SIGNERS = 30;

type Received = { to: string; messageId: string; at: number };

/** A real SMTP server on a fixed loopback port, opened and closed on demand. */
function relayOn(port: number) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => (head += head.length < 4096 ? chunk.toString() : ''));
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
        received.push({ to: session.envelope.rcptTo[0]?.address ?? '', messageId, at: Date.now() });
        callback();
      });
    },
  });
  server.on('error', () => {});
  return {
    received,
    open: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/worker.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  console.log(
    `Mail outage benchmark: ${os.cpus().length} cores, Node ${process.version}, production mail settings, ${OUTAGE_SECONDS} s refused port`,
  );
  await rm(DATA_DIR, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: await freePort(), database: 'bench_mail_outage' });
  const smtpPort = await freePort();
  const relay = relayOn(smtpPort);
  const workers = new Set<ChildProcess>();
  try {
    await applyMigrationsAndPendingSchema(postgres.url);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: postgres.url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Dauys <no-reply@dauys.bench>',
      APP_URL: 'https://dauys.bench',
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-that-is-long-enough-for-hmac-signing',
      // A fresh database each run, so a fresh key.
      DAUYS_MASTER_KEY: process.env.DAUYS_MASTER_KEY ?? newMasterKey(),
      WORKER_IN_PROCESS: 'false',
    };
    Object.assign(process.env, env);
    const { db } = await import('@/lib/db');
    const { sendMail } = await import('@/lib/mailer');
    const { enqueue, stopWorkers } = await import('@/lib/queue');
    const ring = await (await import('@/lib/security/personal-data')).keyring();
    const run = () => {
      const child = startWorker(env);
      workers.add(child);
      child.on('exit', () => workers.delete(child));
      return child;
    };
    const text = (value: string) => ({ kk: value, ru: value, en: value });
    const petition = await db.petition.create({
      data: {
        slug: 'bench-outage',
        title: text('Bench petition'),
        summary: text('s'),
        body: text('b'),
        addressee: text('a'),
        goal: 1000,
        milestones: [],
        status: 'OPEN',
      },
    });
    const sign = async (emails: string[]) => {
      for (const email of emails) {
        const emailIndex = ring.emailIndex(email);
        const supporter = await db.supporter.upsert({
          where: { emailIndex },
          create: { emailIndex, emailSealed: ring.seal('email', email), locale: 'ru' },
          update: {},
        });
        await db.signature.create({
          data: {
            petitionId: petition.id,
            supporterId: supporter.id,
            emailIndex,
            emailSealed: ring.seal('email', email),
            fullNameSealed: ring.seal('name', 'Bench Signer'),
            region: 'ALMATY',
            locale: 'ru',
            consentVersion: 'bench-1',
          },
        });
      }
      await enqueue('petitions.mail', {});
    };
    // The address is sealed: every row is opened and matched here.
    const idsTo = async (emails: string[]) =>
      (await db.outboundMail.findMany({ select: { id: true, toAddressSealed: true } }))
        .filter((row) => emails.includes(ring.open('email', row.toAddressSealed)))
        .map((row) => `<${row.id}@dauys.bench>`);
    const tally = (messageIds: string[]) => {
      const copies = messageIds.map((id) => relay.received.filter((m) => m.messageId === id).length);
      return {
        delivered: copies.filter((n) => n > 0).length,
        lost: copies.filter((n) => n === 0).length,
        duplicated: copies.filter((n) => n > 1).length,
      };
    };

    // 1. The relay refuses connections, then answers again.
    console.log(`\n1. SMTP port refusing connections for ${OUTAGE_SECONDS} s`);
    let worker = run();
    const first = Array.from({ length: SIGNERS }, (_, index) => `outage-${index}@example.org`);
    const outageStarted = Date.now();
    await sign(first);
    while (Date.now() - outageStarted < OUTAGE_SECONDS * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      const rows = await db.outboundMail.groupBy({ by: ['status'], _count: true, _max: { attempts: true } });
      console.log(
        `  ${seconds(Date.now() - outageStarted)} s: ${rows.map((r) => `${r.status} ${r._count} (most tries ${r._max.attempts})`).join(', ')}`,
      );
    }
    await relay.open();
    const back = Date.now();
    const { outboundMailId: signIn } = await sendMail({
      to: 'organizer@example.org',
      locale: 'ru',
      template: 'sign-in-link',
      props: { url: 'https://dauys.bench/x', expiresInMinutes: 15 },
    });
    const outageIds = [...(await idsTo(first)), `<${signIn}@dauys.bench>`];
    const allBack = await until(() => tally(outageIds).delivered === outageIds.length, 15 * 60_000);
    const lastAt = Math.max(...relay.received.map((m) => m.at));
    console.log(`  acknowledged ${outageIds.length} (30 confirmations + 1 sign-in link), ${JSON.stringify(tally(outageIds))}`);
    console.log(`  seconds from the relay's return to the last delivery: ${allBack ? seconds(lastAt - back) : 'not all within 15 min'}`);
    console.log(
      `  sign-in link delivered ${seconds(relay.received.find((m) => m.messageId === `<${signIn}@dauys.bench>`)!.at - back)} s after the return`,
    );

    // 2. The worker is killed in the middle of a petitions.mail run.
    console.log('\n2. worker SIGKILLed in the middle of a petitions.mail run');
    const second = Array.from({ length: SIGNERS }, (_, index) => `crash-${index}@example.org`);
    const locker = new pg.Client({ connectionString: postgres.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "OutboundMail" IN EXCLUSIVE MODE');
    await sign(second);
    await until(
      async () =>
        (
          await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'petitions.mail' AND state = 'active'`
        )[0]!.n > 0,
      60_000,
    );
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    await locker.query('ROLLBACK');
    await locker.end();
    await sign(['after-crash@example.org']);
    const restarted = Date.now();
    worker = run();
    await until(() => relay.received.some((m) => m.to === 'after-crash@example.org'), 15 * 60_000);
    const newSigner = Date.now() - restarted;
    const crashEmails = [...second, 'after-crash@example.org'];
    await until(async () => (await idsTo(crashEmails)).length === crashEmails.length, 15 * 60_000);
    const crashIds = await idsTo(crashEmails);
    await until(() => tally(crashIds).delivered === crashIds.length, 15 * 60_000);
    console.log(`  acknowledged ${crashIds.length} (30 signers in the killed run + 1 after), ${JSON.stringify(tally(crashIds))}`);
    console.log(
      `  seconds from the restart to the new signer's confirmation: ${seconds(newSigner)}; to the last one: ${seconds(Math.max(...relay.received.map((m) => m.at)) - restarted)}`,
    );

    worker.kill('SIGTERM');
    await stopWorkers({ graceful: false });
    await db.$disconnect();
  } finally {
    for (const child of workers) child.kill('SIGKILL');
    await relay.close().catch(() => undefined);
    await postgres.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
