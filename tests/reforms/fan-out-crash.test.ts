import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink, waitFor } from './helpers/smtp-sink';

/** 3,000 in the suite (it ran 6 minutes at 10,000 and set the pace of CI); FAN_OUT_CRASH_SUBSCRIBERS=10000 for the full size. */
const SUBSCRIBERS = Number(process.env.FAN_OUT_CRASH_SUBSCRIBERS ?? 3_000);
const sink = await startSmtpSink();
const workerEnv = { SMTP_URL: sink.url, MAIL_RETRY_DELAY_SECONDS: '1', APP_URL: 'https://dauys.test' };
Object.assign(process.env, workerEnv);

const { db } = await import('@/lib/db');
const { getQueue, stopWorkers } = await import('@/lib/queue');
const { recordStage } = await import('@/lib/reforms/record-stage');
const { nudgeFanOut } = await import('@/lib/reforms/fan-out');
const { addSubscribers, createOrganizer, createReform, stageInput } = await import('./helpers/fixtures');

const children = new Set<ChildProcess>();
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await stopWorkers({ graceful: false });
  await sink.close();
  await db.$disconnect();
});

/** The real worker (`npm run worker`) in its own process, so the test can SIGKILL it. */
function startWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/worker.ts')], {
    env: { ...process.env, ...workerEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  exited.then(() => children.delete(child));
  return { child, exited };
}

describe(`a fan-out to ${SUBSCRIBERS.toLocaleString('en')} subscribers`, () => {
  it('reaches everyone though the worker is SIGKILLed twice mid-way: duplicates only from mails in flight at the kills', async () => {
    const reform = await createReform('ten-thousand');
    const organizer = await createOrganizer();
    await addSubscribers({ prefix: 'crowd', count: SUBSCRIBERS, reformId: reform.id });

    // pg-boss retries the jobs a dead worker held once their heartbeat stops (lib/queue.ts).
    const boss = await getQueue();

    const started = Date.now();
    const { stageId } = await recordStage(reform.id, stageInput('SIGNED', '2025-07-16', 'Signed'), organizer.id);
    const alertsOf = (status: 'PENDING' | 'QUEUED') => db.reformAlert.count({ where: { stageId, status } });
    let inFlightAtKills = 0;
    for (const [round, share] of [0.3, 0.7].entries()) {
      const threshold = Math.round(SUBSCRIBERS * share);
      const { child, exited } = startWorker();
      if (round > 0) await nudgeFanOut(stageId); // what the minute tick does after a restart
      await waitFor(async () => (await alertsOf('QUEUED')) >= threshold, `${threshold} handed to the outbox`, 300_000);
      child.kill('SIGKILL');
      expect(await exited).toBeNull();
      // Killed in the middle: part of the ledger is still waiting to be handed to the outbox.
      expect(await alertsOf('PENDING')).toBeGreaterThan(0);
      expect(await alertsOf('QUEUED')).toBeGreaterThan(0);
      // Messages whose delivery had begun (attempt counted) but was not recorded: in flight at SMTP.
      inFlightAtKills += await db.outboundMail.count({ where: { template: 'reform-alert', status: 'PENDING', attempts: { gt: 0 } } });
    }

    const { child } = startWorker();
    await nudgeFanOut(stageId);
    await waitFor(
      async () => {
        await boss.supervise('mail.send');
        const stage = await db.reformStage.findUniqueOrThrow({ where: { id: stageId } });
        const unsent = await db.outboundMail.count({ where: { template: 'reform-alert', status: 'PENDING' } });
        return stage.fanOutFinishedAt !== null && unsent === 0;
      },
      'fan-out and delivery finished',
      600_000,
    );
    child.kill('SIGTERM');
    const seconds = (Date.now() - started) / 1000;

    expect(await db.reformAlert.count({ where: { stageId } })).toBe(SUBSCRIBERS);
    expect(await alertsOf('QUEUED')).toBe(SUBSCRIBERS);
    // A mail handed to SMTP when its worker died is UNCERTAIN, never sent twice (decision 0004).
    const mails = await db.outboundMail.groupBy({ by: ['status'], where: { template: 'reform-alert' }, _count: true });
    const countOf = (status: string) => mails.find((row) => row.status === status)?._count ?? 0;
    const uncertain = countOf('UNCERTAIN');
    expect(countOf('SENT') + uncertain).toBe(SUBSCRIBERS);
    expect(mails.every((row) => row.status === 'SENT' || row.status === 'UNCERTAIN')).toBe(true);
    const [{ people } = { people: 0 }] = await db.$queryRaw<{ people: number }[]>`
      SELECT count(DISTINCT "supporterId")::int AS people FROM "OutboundMail" WHERE template = 'reform-alert'`;
    expect(people).toBe(SUBSCRIBERS);

    const recipients = sink.messages.map((m) => m.to);
    const unique = new Set(recipients);
    expect(unique.size).toBeGreaterThanOrEqual(SUBSCRIBERS - uncertain);
    const duplicates = recipients.length - unique.size;
    expect(duplicates).toBeLessThanOrEqual(inFlightAtKills);
    console.info(
      `[reforms crash test] ${SUBSCRIBERS} subscribers, 2 SIGKILLs, ${seconds.toFixed(0)} s; ` +
        `in flight at the kills: ${inFlightAtKills}; uncertain: ${uncertain}; delivered to ${unique.size}; duplicates delivered: ${duplicates}`,
    );
  }, 900_000);
});
