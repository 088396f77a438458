import { afterAll, describe, expect, it } from 'vitest';
import { report, seconds } from './helpers/fixtures';
import { startRelay, waitFor, type Relay } from './helpers/relay';
import { applyFastMailSettings, WorkerFleet } from './helpers/worker-process';

// Duplicates and losses when the worker is SIGKILLed twice while 200 mails go out over four pooled
// connections. Each kill lands in the relay's hands: a message has just arrived whole and is about
// to be accepted, while the other connections are wherever they are (connecting, RCPT, DATA…).
const MAILS = 200;
const KILL_AT = [50, 130];

const relay: Relay = await startRelay({
  onMessage: async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (KILL_AT.includes(relay.messages.length + 1)) await workers.current?.kill();
  },
});
applyFastMailSettings(relay.url);

const { db } = await import('@/lib/db');
const { sendMails } = await import('@/lib/mailer');
const { stopWorkers } = await import('@/lib/queue');

const workers = new WorkerFleet(() => ({}));

afterAll(async () => {
  await workers.killAll();
  await stopWorkers({ graceful: false });
  await relay.stop();
  await db.$disconnect();
});

describe('a worker killed twice while 200 mails go out', () => {
  it('delivers every mail at most once; mail in doubt is UNCERTAIN, not resent', async () => {
    const queued = await sendMails(
      Array.from({ length: MAILS }, (_, index) => ({
        to: `storm-${index}@example.org`,
        locale: 'en' as const,
        template: 'test-message' as const,
        props: {},
      })),
    );
    const ids = queued.map((mail) => mail.outboundMailId);

    let lastRestart = Date.now();
    for (let kill = 0; kill < KILL_AT.length; kill += 1) {
      const worker = workers.start();
      await worker.ready;
      await worker.exited;
      lastRestart = Date.now();
    }
    const last = workers.start();
    await last.ready;
    await waitFor(
      async () => (await db.outboundMail.count({ where: { id: { in: ids }, status: 'PENDING' } })) === 0,
      'every mail to be settled',
      45_000,
    );
    const recovered = Date.now() - lastRestart;

    const perId = relay.deliveriesById();
    const copies = ids.map((id) => perId.get(`<${id}@dauys.test>`) ?? 0);
    const rows = await db.outboundMail.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    const uncertain = rows.filter((row) => row.status === 'UNCERTAIN');
    const figures = report('two SIGKILLs during 200 mails', {
      acknowledged: MAILS,
      delivered: copies.filter((n) => n > 0).length,
      lost: copies.filter((n) => n === 0).length,
      duplicated: copies.filter((n) => n > 1).length,
      uncertain: uncertain.length,
      uncertainButDelivered: uncertain.filter((row) => (perId.get(`<${row.id}@dauys.test>`) ?? 0) > 0).length,
      secondsToSettleAfterRestart: seconds(recovered),
    });
    expect(figures.duplicated).toBe(0);
    // Only a mail in doubt can be missing, and each kill leaves at most one per connection (4) in doubt.
    expect(rows.filter((row) => row.status === 'SENT').length + uncertain.length).toBe(MAILS);
    expect(figures.lost).toBeLessThanOrEqual(uncertain.length);
    expect(uncertain.length).toBeGreaterThanOrEqual(KILL_AT.length);
    expect(uncertain.length).toBeLessThanOrEqual(4 * KILL_AT.length);
  }, 150_000); // child processes killed and restarted: slow on a busy machine, and no timing is asserted here
});
